// Maps the Admin API order to what the shopper sees: plain-word status timeline, minimised
// personal data (shipping city/region/country only, masked contact), money and dates
// formatted for the shopper's locale in the order's presentment currency.
import type { CareDeskLookupOrderFragment } from "~/types/admin.generated";
import { maskContact, type Contact } from "./normalize";

export type LookupOrder = CareDeskLookupOrderFragment;

export type TimelineStep =
  | "placed"
  | "paid"
  | "payment_pending"
  | "fulfilled"
  | "partially_fulfilled"
  | "in_transit"
  | "delivered"
  | "cancelled"
  | "refunded"
  | "partially_refunded";

export interface OrderView {
  id: string;
  name: string;
  placedOn: string;
  timeline: { step: TimelineStep; state: "done" | "current" | "upcoming" }[];
  items: {
    id: string;
    title: string;
    variantTitle: string | null;
    quantity: number;
    total: string;
    image: { url: string; alt: string } | null;
  }[];
  totals: { key: "subtotal" | "shipping" | "tax" | "discounts" | "total" | "refunded"; value: string }[];
  shipments: {
    id: string;
    carrier: string | null;
    number: string | null;
    url: string | null;
    deliveredOn: string | null;
    estimatedDelivery: string | null;
  }[];
  shipTo: string | null;
  contact: string;
}

interface Money {
  presentmentMoney: { amount: string; currencyCode: string };
}

export function orderTimeline(order: LookupOrder): OrderView["timeline"] {
  const steps: { step: TimelineStep; done: boolean }[] = [{ step: "placed", done: true }];
  const financial = order.displayFinancialStatus;
  const paid = financial === "PAID" || financial === "PARTIALLY_REFUNDED" || financial === "REFUNDED";

  if (order.cancelledAt) {
    steps.push({ step: "cancelled", done: true });
  } else {
    steps.push(paid ? { step: "paid", done: true } : { step: "payment_pending", done: false });
    const fulfillment = order.displayFulfillmentStatus;
    const shipments = order.fulfillments.filter((f) => f.status !== "CANCELLED");
    const partially = fulfillment === "PARTIALLY_FULFILLED";
    steps.push({
      step: partially ? "partially_fulfilled" : "fulfilled",
      done: fulfillment === "FULFILLED" || partially,
    });
    const delivered = shipments.length > 0 && shipments.every((f) => f.displayStatus === "DELIVERED" || f.deliveredAt);
    const moving =
      delivered ||
      shipments.some(
        (f) => f.inTransitAt || f.displayStatus === "IN_TRANSIT" || f.displayStatus === "OUT_FOR_DELIVERY",
      );
    steps.push({ step: "in_transit", done: moving });
    steps.push({ step: "delivered", done: delivered && !partially });
  }
  if (financial === "REFUNDED") steps.push({ step: "refunded", done: true });
  else if (financial === "PARTIALLY_REFUNDED") steps.push({ step: "partially_refunded", done: true });

  const lastDone = steps.map((s) => s.done).lastIndexOf(true);
  return steps.map((s, i) => ({ step: s.step, state: i === lastDone ? "current" : s.done ? "done" : "upcoming" }));
}

// Intl formatters are costly to build (most of a lookup's rendering time): one per locale
// and options, kept for the process.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

export function orderView(
  order: LookupOrder,
  { locale, timeZone, contact }: { locale: string; timeZone: string; contact: Contact },
): OrderView {
  const date = cached(
    `date:${locale}:${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }),
  );
  const formatDate = (iso: string | null | undefined) => (iso ? date.format(new Date(iso)) : null);
  const money = ({ presentmentMoney }: Money) =>
    cached(
      `money:${locale}:${presentmentMoney.currencyCode}`,
      () => new Intl.NumberFormat(locale, { style: "currency", currency: presentmentMoney.currencyCode }),
    ).format(Number(presentmentMoney.amount));
  const totals: OrderView["totals"] = [];
  const line = (key: OrderView["totals"][number]["key"], bag: Money | null | undefined, always = false) => {
    if (!bag || (!always && Number(bag.presentmentMoney.amount) === 0)) return;
    totals.push({ key, value: (key === "discounts" || key === "refunded" ? "−" : "") + money(bag) });
  };
  line("subtotal", order.subtotalPriceSet, true);
  line("shipping", order.totalShippingPriceSet);
  line("tax", order.totalTaxSet);
  line("discounts", order.totalDiscountsSet);
  line("total", order.totalPriceSet, true);
  line("refunded", order.totalRefundedSet);

  const address = order.shippingAddress;
  const region = address?.provinceCode ?? address?.province;
  const country = address?.countryCodeV2
    ? cached(`region:${locale}`, () => new Intl.DisplayNames([locale], { type: "region" })).of(address.countryCodeV2)
    : null;
  const shipTo = address ? [address.city, region, country].filter(Boolean).join(", ") || null : null;

  return {
    id: order.id,
    name: order.name,
    placedOn: formatDate(order.createdAt)!,
    timeline: orderTimeline(order),
    items: order.lineItems.nodes.map((item) => ({
      id: item.id,
      title: item.title,
      variantTitle: item.variantTitle && item.variantTitle !== "Default Title" ? item.variantTitle : null,
      quantity: item.quantity,
      total: money(item.discountedTotalSet),
      image: item.image ? { url: item.image.url, alt: item.image.altText ?? "" } : null,
    })),
    totals,
    shipments: order.fulfillments
      .filter((f) => f.status !== "CANCELLED")
      .map((f) => ({
        id: f.id,
        carrier: f.trackingInfo[0]?.company ?? null,
        number: f.trackingInfo[0]?.number ?? null,
        url: safeUrl(f.trackingInfo[0]?.url),
        deliveredOn: formatDate(f.deliveredAt),
        estimatedDelivery: f.deliveredAt ? null : formatDate(f.estimatedDeliveryAt),
      })),
    shipTo,
    contact: maskContact(contact),
  };
}

/** Only http(s) tracking links reach the page. */
function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}
