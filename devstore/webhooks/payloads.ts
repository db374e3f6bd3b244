// Webhook payloads: the REST-style JSON Shopify sends for order topics (orders/*, refunds/*,
// fulfillments/*), snake_case with numeric IDs and admin_graphql_api_id, built from the
// same records the Admin API serves.
import type { ShopStore } from "../data/store";
import type { Address, Fulfillment, LineItem, MoneyBag, Order, Refund, Transaction } from "../data/types";

const id = (gid: string) => Number(gid.split("/").pop());
const lower = (value: string | null) => (value ? value.toLowerCase() : null);

const moneySet = (money: MoneyBag) => ({
  shop_money: { amount: money.shopMoney.amount, currency_code: money.shopMoney.currencyCode },
  presentment_money: { amount: money.presentmentMoney.amount, currency_code: money.presentmentMoney.currencyCode },
});

function address(a: Address | null) {
  if (!a) return null;
  return {
    first_name: a.firstName,
    last_name: a.lastName,
    name: a.name,
    company: a.company,
    address1: a.address1,
    address2: a.address2,
    city: a.city,
    province: a.province,
    province_code: a.provinceCode,
    country: a.country,
    country_code: a.countryCodeV2,
    zip: a.zip,
    phone: a.phone,
  };
}

function lineItemPayload(line: LineItem, order: Order) {
  const fulfilled = order.fulfillments.some((f) => f.status !== "CANCELLED" && f.lineItemIds.includes(line.id));
  return {
    id: id(line.id),
    admin_graphql_api_id: line.id,
    name: line.name,
    title: line.title,
    variant_title: line.variantTitle,
    sku: line.sku,
    quantity: line.quantity,
    current_quantity: line.currentQuantity,
    fulfillable_quantity: fulfilled ? 0 : line.currentQuantity,
    fulfillment_status: fulfilled ? "fulfilled" : null,
    price: line.originalUnitPriceSet.shopMoney.amount,
    price_set: moneySet(line.originalUnitPriceSet),
    total_discount: line.totalDiscountSet.shopMoney.amount,
    total_discount_set: moneySet(line.totalDiscountSet),
    product_id: id(line.productId),
    variant_id: id(line.variantId),
    requires_shipping: line.requiresShipping,
    taxable: line.taxable,
    gift_card: false,
    tax_lines: line.taxLines.map((t) => ({
      title: t.title,
      rate: t.rate,
      price: t.priceSet.shopMoney.amount,
      price_set: moneySet(t.priceSet),
    })),
  };
}

const SHIPMENT_STATUS: Record<string, string> = {
  CONFIRMED: "confirmed",
  IN_TRANSIT: "in_transit",
  OUT_FOR_DELIVERY: "out_for_delivery",
  DELIVERED: "delivered",
  ATTEMPTED_DELIVERY: "attempted_delivery",
  FAILURE: "failure",
};

export function fulfillmentPayload(fulfillment: Fulfillment, order: Order) {
  return {
    id: id(fulfillment.id),
    admin_graphql_api_id: fulfillment.id,
    order_id: id(order.id),
    name: fulfillment.name,
    status: fulfillment.status.toLowerCase(),
    service: "manual",
    created_at: fulfillment.createdAt,
    updated_at: fulfillment.updatedAt,
    shipment_status: SHIPMENT_STATUS[fulfillment.displayStatus] ?? null,
    location_id: null,
    email: order.email,
    destination: address(order.shippingAddress),
    tracking_company: fulfillment.trackingInfo[0]?.company ?? null,
    tracking_number: fulfillment.trackingInfo[0]?.number ?? null,
    tracking_numbers: fulfillment.trackingInfo.map((t) => t.number),
    tracking_url: fulfillment.trackingInfo[0]?.url ?? null,
    tracking_urls: fulfillment.trackingInfo.map((t) => t.url),
    receipt: {},
    line_items: order.lineItems
      .filter((l) => fulfillment.lineItemIds.includes(l.id))
      .map((l) => lineItemPayload(l, order)),
  };
}

function transactionPayload(transaction: Transaction, order: Order) {
  return {
    id: id(transaction.id),
    admin_graphql_api_id: transaction.id,
    order_id: id(order.id),
    kind: transaction.kind.toLowerCase(),
    gateway: transaction.gateway,
    status: transaction.status.toLowerCase(),
    message: null,
    created_at: transaction.createdAt,
    processed_at: transaction.processedAt,
    test: false,
    authorization: null,
    parent_id: null,
    source_name: "web",
    error_code: null,
    amount: transaction.amountSet.presentmentMoney.amount,
    currency: transaction.amountSet.presentmentMoney.currencyCode,
  };
}

export function refundPayload(refund: Refund, order: Order) {
  return {
    id: id(refund.id),
    admin_graphql_api_id: refund.id,
    order_id: id(order.id),
    created_at: refund.createdAt,
    processed_at: refund.createdAt,
    note: refund.note,
    restock: false,
    user_id: null,
    duties: [],
    order_adjustments: [],
    total_duties_set: moneySet({
      shopMoney: { amount: "0.00", currencyCode: refund.totalRefundedSet.shopMoney.currencyCode },
      presentmentMoney: { amount: "0.00", currencyCode: refund.totalRefundedSet.presentmentMoney.currencyCode },
    }),
    refund_line_items: refund.refundLineItems.map((item) => {
      const line = order.lineItems.find((l) => l.id === item.lineItemId)!;
      return {
        id: id(item.id),
        line_item_id: id(line.id),
        quantity: item.quantity,
        restock_type: "no_restock",
        location_id: null,
        subtotal: Number(item.subtotalSet.shopMoney.amount),
        subtotal_set: moneySet(item.subtotalSet),
        total_tax: Number(item.totalTaxSet.shopMoney.amount),
        total_tax_set: moneySet(item.totalTaxSet),
        line_item: lineItemPayload(line, order),
      };
    }),
    refund_shipping_lines: (refund.refundShippingLines ?? []).map((item) => ({
      id: id(item.id),
      shipping_line_id: id(item.shippingLineId),
      subtotal_amount_set: moneySet(item.subtotalAmountSet),
      tax_amount_set: moneySet(item.taxAmountSet),
    })),
    transactions: order.transactions
      .filter((t) => refund.transactionIds.includes(t.id))
      .map((t) => transactionPayload(t, order)),
  };
}

export function orderPayload(order: Order, store: ShopStore) {
  const customer = order.customerId ? store.customersById.get(order.customerId) : undefined;
  const shop = store.shop;
  const money = (key: string, bagValue: MoneyBag) => ({
    [key]: bagValue.shopMoney.amount,
    [`${key}_set`]: moneySet(bagValue),
  });
  return {
    id: id(order.id),
    admin_graphql_api_id: order.id,
    name: order.name,
    number: order.number - 1000,
    order_number: order.number,
    confirmation_number: order.confirmationNumber,
    confirmed: true,
    email: order.email,
    contact_email: order.email,
    phone: order.phone,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    processed_at: order.processedAt,
    cancelled_at: order.cancelledAt,
    cancel_reason: lower(order.cancelReason),
    closed_at: order.closedAt,
    currency: order.currencyCode,
    presentment_currency: order.presentmentCurrencyCode,
    financial_status: lower(order.displayFinancialStatus),
    fulfillment_status:
      order.displayFulfillmentStatus === "FULFILLED"
        ? "fulfilled"
        : order.displayFulfillmentStatus === "PARTIALLY_FULFILLED"
          ? "partial"
          : null,
    ...money("subtotal_price", order.subtotalPriceSet),
    ...money("total_price", order.totalPriceSet),
    ...money("current_total_price", order.currentTotalPriceSet),
    ...money("total_tax", order.totalTaxSet),
    ...money("total_discounts", order.totalDiscountsSet),
    total_shipping_price_set: moneySet(order.totalShippingPriceSet),
    taxes_included: order.taxesIncluded,
    customer_locale: order.customerLocale,
    test: false,
    tags: order.tags.join(", "),
    note: order.note,
    source_name: order.sourceName,
    payment_gateway_names: order.paymentGatewayNames,
    order_status_url: `https://${shop.myshopifyDomain}/${id(shop.id)}/orders/${order.confirmationNumber.toLowerCase()}/authenticate`,
    discount_codes: order.discountCodes.map((code) => ({
      code,
      amount: order.totalDiscountsSet.shopMoney.amount,
      type: "percentage",
    })),
    customer: customer
      ? {
          id: id(customer.id),
          admin_graphql_api_id: customer.id,
          email: customer.email,
          first_name: customer.firstName,
          last_name: customer.lastName,
          phone: customer.phone,
          locale: customer.locale,
          state: customer.hasAccount ? "enabled" : "disabled",
          created_at: customer.createdAt,
          updated_at: customer.updatedAt,
        }
      : null,
    billing_address: address(order.billingAddress),
    shipping_address: address(order.shippingAddress),
    line_items: order.lineItems.map((l) => lineItemPayload(l, order)),
    shipping_lines: order.shippingLines.map((s) => ({
      id: id(s.id),
      title: s.title,
      code: s.code,
      price: s.originalPriceSet.shopMoney.amount,
      price_set: moneySet(s.originalPriceSet),
      discounted_price: s.discountedPriceSet.shopMoney.amount,
      discounted_price_set: moneySet(s.discountedPriceSet),
      tax_lines: s.taxLines.map((t) => ({
        title: t.title,
        rate: t.rate,
        price: t.priceSet.shopMoney.amount,
        price_set: moneySet(t.priceSet),
      })),
    })),
    tax_lines: order.taxLines.map((t) => ({
      title: t.title,
      rate: t.rate,
      price: t.priceSet.shopMoney.amount,
      price_set: moneySet(t.priceSet),
    })),
    fulfillments: order.fulfillments.map((f) => fulfillmentPayload(f, order)),
    refunds: order.refunds.map((r) => refundPayload(r, order)),
  };
}
