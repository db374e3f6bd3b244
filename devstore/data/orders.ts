// What happens to an order on Shopify after checkout: it is paid, fulfilled with tracking,
// delivered, refunded (in full or in part) or cancelled. Each operation changes the stored
// order as Shopify would (statuses, transactions, fulfillments, refunds, totals) and names
// the webhook topics Shopify sends for it, in order.
import { randomUUID } from "node:crypto";
import { bag, round } from "./seed";
import type { ShopStore } from "./store";
import type { Fulfillment, MoneyBag, Order, Refund, Transaction } from "./types";

export class OrderError extends Error {}

/** A fresh global ID of a record the dev store creates at run time. */
export function newId(type: string): string {
  return `gid://shopify/${type}/${parseInt(randomUUID().replaceAll("-", "").slice(0, 12), 16)}`;
}

const amount = (money: MoneyBag) => Number(money.presentmentMoney.amount);

export interface FulfilInput {
  /** Line items to fulfil (global IDs); default every line not yet fulfilled. */
  lineItemIds?: string[];
  trackingNumber?: string;
  trackingCompany?: string;
  trackingUrl?: string;
}

export interface RefundInput {
  /** Line items and quantities to refund; their price (and tax unless included) is refunded. */
  lineItems?: { lineItemId: string; quantity: number }[];
  /** Refund the shipping still unrefunded (true), or this much of it (before tax unless included). */
  shipping?: boolean | string | number;
  /** An amount in the order's currency; default the line items' (and shipping's) value, or everything still received. */
  amount?: string | number;
  note?: string;
}

export type CancelReason = "CUSTOMER" | "DECLINED" | "FRAUD" | "INVENTORY" | "OTHER" | "STAFF";

export interface Change {
  order: Order;
  /** Webhook topics Shopify sends, each with the record its payload describes. */
  events: { topic: string; fulfillment?: Fulfillment; refund?: Refund }[];
}

export class OrderOperations {
  constructor(
    private readonly store: ShopStore,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private touch(order: Order) {
    order.updatedAt = new Date(this.now()).toISOString();
    return order.updatedAt;
  }

  private transaction(order: Order, kind: Transaction["kind"], value: number): Transaction {
    const at = new Date(this.now()).toISOString();
    const transaction: Transaction = {
      __typename: "OrderTransaction",
      id: newId("OrderTransaction"),
      kind,
      status: "SUCCESS",
      gateway: order.paymentGatewayNames[0] ?? "manual",
      createdAt: at,
      processedAt: at,
      amountSet: bag(value, order.presentmentCurrencyCode),
    };
    order.transactions.push(transaction);
    return transaction;
  }

  /** Payment captured for what is outstanding (orders/paid). */
  pay(order: Order): Change {
    if (order.cancelledAt) throw new OrderError("The order is cancelled.");
    if (!["PENDING", "AUTHORIZED", "PARTIALLY_PAID"].includes(order.displayFinancialStatus))
      throw new OrderError(`The order is ${order.displayFinancialStatus.toLowerCase()}, not pending.`);
    const outstanding = round(
      amount(order.totalPriceSet) - amount(order.totalReceivedSet),
      order.presentmentCurrencyCode,
    );
    this.transaction(order, "SALE", outstanding);
    order.totalReceivedSet = order.totalPriceSet;
    order.displayFinancialStatus = "PAID";
    this.touch(order);
    return { order, events: [{ topic: "orders/paid" }, { topic: "orders/updated" }] };
  }

  /** A fulfillment with tracking (fulfillments/create; orders/fulfilled once every line is). */
  fulfil(order: Order, input: FulfilInput = {}): Change {
    if (order.cancelledAt) throw new OrderError("The order is cancelled.");
    const fulfilled = new Set(order.fulfillments.filter((f) => f.status !== "CANCELLED").flatMap((f) => f.lineItemIds));
    const open = order.lineItems.filter((l) => l.requiresShipping && l.currentQuantity > 0 && !fulfilled.has(l.id));
    const lines = input.lineItemIds ? open.filter((l) => input.lineItemIds!.includes(l.id)) : open;
    if (lines.length === 0 || (input.lineItemIds && lines.length !== input.lineItemIds.length))
      throw new OrderError("No such unfulfilled line items.");
    const at = this.touch(order);
    const tracking = input.trackingNumber
      ? [{ company: input.trackingCompany ?? "Other", number: input.trackingNumber, url: input.trackingUrl ?? "" }]
      : [];
    const fulfillment: Fulfillment = {
      __typename: "Fulfillment",
      id: newId("Fulfillment"),
      name: `${order.name}-F${order.fulfillments.length + 1}`,
      status: "SUCCESS",
      displayStatus: "FULFILLED",
      createdAt: at,
      updatedAt: at,
      inTransitAt: null,
      deliveredAt: null,
      estimatedDeliveryAt: null,
      trackingInfo: tracking,
      lineItemIds: lines.map((l) => l.id),
      totalQuantity: lines.reduce((sum, l) => sum + l.currentQuantity, 0),
      requiresShipping: true,
    };
    order.fulfillments.push(fulfillment);
    this.store.orderOf.set(fulfillment, order);
    const complete = open.length === lines.length;
    order.displayFulfillmentStatus = complete ? "FULFILLED" : "PARTIALLY_FULFILLED";
    return {
      order,
      events: [
        { topic: "fulfillments/create", fulfillment },
        { topic: complete ? "orders/fulfilled" : "orders/partially_fulfilled" },
        { topic: "orders/updated" },
      ],
    };
  }

  /** The carrier reports delivery (fulfillments/update, shipment_status "delivered"). */
  deliver(order: Order, { fulfillmentId }: { fulfillmentId?: string } = {}): Change {
    const fulfillment = fulfillmentId
      ? order.fulfillments.find((f) => f.id === fulfillmentId)
      : order.fulfillments.findLast((f) => f.status === "SUCCESS" && f.displayStatus !== "DELIVERED");
    if (!fulfillment) throw new OrderError("No such fulfillment awaiting delivery.");
    const at = this.touch(order);
    fulfillment.displayStatus = "DELIVERED";
    fulfillment.inTransitAt ??= at;
    fulfillment.deliveredAt = at;
    fulfillment.estimatedDeliveryAt = null;
    fulfillment.updatedAt = at;
    return { order, events: [{ topic: "fulfillments/update", fulfillment }] };
  }

  /** Money back to the customer, for line items, shipping or an amount (refunds/create). */
  refund(order: Order, input: RefundInput = {}): Change {
    const currency = order.presentmentCurrencyCode;
    const received = amount(order.totalReceivedSet);
    if (received <= 0) throw new OrderError("Nothing has been paid that could be refunded.");
    const taxOf = (lines: { priceSet: MoneyBag }[]) => lines.reduce((sum, t) => sum + amount(t.priceSet), 0);
    const lineRefund = (line: Order["lineItems"][number], quantity: number) => {
      const share = quantity / line.quantity;
      return {
        line,
        quantity,
        subtotal: round(amount(line.discountedTotalSet) * share, currency),
        tax: round(taxOf(line.taxLines) * share, currency),
      };
    };
    const lines = (input.lineItems ?? []).map(({ lineItemId, quantity }) => {
      const line = order.lineItems.find((l) => l.id === lineItemId);
      if (!line || !Number.isInteger(quantity) || quantity < 1 || quantity > line.currentQuantity)
        throw new OrderError(`Cannot refund ${quantity} of line item ${lineItemId}.`);
      return lineRefund(line, quantity);
    });
    const fullRefund = input.amount === undefined && lines.length === 0 && input.shipping === undefined;

    // Shipping not yet refunded, per shipping line (price and tax).
    const refundedShipping = new Map<string, number>();
    for (const r of order.refunds)
      for (const s of r.refundShippingLines ?? [])
        refundedShipping.set(
          s.shippingLineId,
          (refundedShipping.get(s.shippingLineId) ?? 0) + amount(s.subtotalAmountSet),
        );
    const shippingLeft = order.shippingLines
      .map((line) => ({
        line,
        left: round(amount(line.discountedPriceSet) - (refundedShipping.get(line.id) ?? 0), currency),
      }))
      .filter((s) => s.left > 0);
    let shippingRefunds: { line: Order["shippingLines"][number]; subtotal: number; tax: number }[] = [];
    if (fullRefund || input.shipping === true) {
      shippingRefunds = shippingLeft.map(({ line, left }) => ({
        line,
        subtotal: left,
        tax: round(taxOf(line.taxLines) * (left / Math.max(amount(line.discountedPriceSet), 1e-9)), currency),
      }));
    } else if (input.shipping !== undefined && input.shipping !== false) {
      const wanted = Number(input.shipping);
      const first = shippingLeft[0];
      if (!first || !(wanted > 0) || wanted > first.left + 1e-9)
        throw new OrderError(`Cannot refund ${String(input.shipping)} of shipping.`);
      shippingRefunds = [
        {
          line: first.line,
          subtotal: round(wanted, currency),
          tax: round(taxOf(first.line.taxLines) * (wanted / amount(first.line.discountedPriceSet)), currency),
        },
      ];
    }
    if (input.shipping === true && shippingRefunds.length === 0) throw new OrderError("No shipping left to refund.");

    const refundLines = fullRefund
      ? order.lineItems.filter((l) => l.currentQuantity > 0).map((line) => lineRefund(line, line.currentQuantity))
      : lines;
    const withTax = (subtotal: number, tax: number) => subtotal + (order.taxesIncluded ? 0 : tax);
    const itemsValue =
      refundLines.reduce((sum, l) => sum + withTax(l.subtotal, l.tax), 0) +
      shippingRefunds.reduce((sum, s) => sum + withTax(s.subtotal, s.tax), 0);
    const value = round(
      input.amount !== undefined ? Number(input.amount) : fullRefund ? received : Math.min(itemsValue, received),
      currency,
    );
    if (!(value > 0) || value > received + 1e-9)
      throw new OrderError(`The refund must be more than 0 and at most ${received} ${currency}.`);

    const at = this.touch(order);
    const transaction = this.transaction(order, "REFUND", value);
    const refund: Refund = {
      __typename: "Refund",
      id: newId("Refund"),
      createdAt: at,
      note: input.note ?? null,
      totalRefundedSet: bag(value, currency),
      refundLineItems: refundLines.map(({ line, quantity, subtotal, tax }) => ({
        id: newId("RefundLineItem"),
        lineItemId: line.id,
        quantity,
        priceSet: line.discountedUnitPriceSet,
        subtotalSet: bag(subtotal, currency),
        totalTaxSet: bag(tax, currency),
      })),
      refundShippingLines: shippingRefunds.map(({ line, subtotal, tax }) => ({
        id: newId("RefundShippingLine"),
        shippingLineId: line.id,
        subtotalAmountSet: bag(subtotal, currency),
        taxAmountSet: bag(tax, currency),
      })),
      transactionIds: [transaction.id],
    };
    for (const { line, quantity } of refundLines) line.currentQuantity -= quantity;
    order.refunds.push(refund);
    this.store.orderOf.set(refund, order);
    this.store.refundsById.set(refund.id, refund);
    const refunded = round(amount(order.totalRefundedSet) + value, currency);
    order.totalRefundedSet = bag(refunded, currency);
    order.totalReceivedSet = bag(round(received - value, currency), currency);
    order.currentTotalPriceSet = bag(Math.max(0, round(amount(order.totalPriceSet) - refunded, currency)), currency);
    order.displayFinancialStatus = amount(order.totalReceivedSet) <= 0 ? "REFUNDED" : "PARTIALLY_REFUNDED";
    return { order, events: [{ topic: "refunds/create", refund }, { topic: "orders/updated" }] };
  }

  /** Cancelled, with what was paid refunded (or the payment voided) unless `refund: false` (orders/cancelled). */
  cancel(order: Order, { reason = "OTHER", refund = true }: { reason?: string; refund?: boolean } = {}): Change {
    if (order.cancelledAt) throw new OrderError("The order is already cancelled.");
    if (order.fulfillments.some((f) => f.status !== "CANCELLED"))
      throw new OrderError("An order with fulfillments can't be cancelled.");
    const cancelReason = reason.toUpperCase() as CancelReason;
    if (!["CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "OTHER", "STAFF"].includes(cancelReason))
      throw new OrderError(`Unknown cancel reason ${reason}.`);
    const events: Change["events"] = [];
    if (refund && amount(order.totalReceivedSet) > 0) {
      const change = this.refund(order, { note: "Order cancelled" });
      events.push(change.events[0]!);
    } else if (order.displayFinancialStatus === "PENDING" || order.displayFinancialStatus === "AUTHORIZED") {
      order.displayFinancialStatus = "VOIDED";
    }
    const at = this.touch(order);
    order.cancelledAt = at;
    order.cancelReason = cancelReason;
    order.closed = true;
    order.closedAt = at;
    return { order, events: [{ topic: "orders/cancelled" }, ...events, { topic: "orders/updated" }] };
  }
}
