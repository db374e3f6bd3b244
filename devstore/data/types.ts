// The dev store's records. Field names follow Shopify's Admin API, so the GraphQL executor
// can serve most fields straight from them.

export interface Money {
  amount: string;
  currencyCode: string;
}
export interface MoneyBag {
  shopMoney: Money;
  presentmentMoney: Money;
}

export interface Address {
  firstName: string | null;
  lastName: string | null;
  name: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  country: string | null;
  countryCodeV2: string | null;
  zip: string | null;
  phone: string | null;
}

export interface Metafield {
  __typename: "Metafield";
  id: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

export interface Shop {
  __typename: "Shop";
  id: string;
  name: string;
  email: string;
  contactEmail: string;
  shopOwnerName: string;
  myshopifyDomain: string;
  primaryDomain: { __typename: "Domain"; id: string; host: string; url: string; sslEnabled: boolean };
  currencyCode: string;
  enabledPresentmentCurrencies: string[];
  ianaTimezone: string;
  timezoneAbbreviation: string;
  timezoneOffsetMinutes: number;
  orderNumberFormatPrefix: string;
  orderNumberFormatSuffix: string;
  billingAddress: Address & { countryCodeV2: string };
  locales: { locale: string; name: string; primary: boolean; published: boolean }[];
  metafields: Metafield[];
}

export interface Image {
  __typename: "Image";
  id: string;
  url: string;
  altText: string | null;
  width: number;
  height: number;
}

export interface Variant {
  __typename: "ProductVariant";
  id: string;
  title: string;
  sku: string;
  price: string;
  selectedOptions: { name: string; value: string }[];
}

export interface Product {
  __typename: "Product";
  id: string;
  handle: string;
  title: string;
  vendor: string;
  productType: string;
  description: string;
  descriptionHtml: string;
  status: "ACTIVE";
  tags: string[];
  createdAt: string;
  updatedAt: string;
  images: Image[];
  variants: Variant[];
  metafields: Metafield[];
}

export interface Customer {
  __typename: "Customer";
  id: string;
  firstName: string;
  lastName: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  locale: string;
  createdAt: string;
  updatedAt: string;
  defaultAddress: Address | null;
  /** Whether the customer has an online account (some orders are from guests only). */
  hasAccount: boolean;
  metafields: Metafield[];
  tags?: string[];
}

export interface LineItem {
  __typename: "LineItem";
  id: string;
  title: string;
  variantTitle: string | null;
  name: string;
  sku: string;
  quantity: number;
  currentQuantity: number;
  productId: string;
  variantId: string;
  image: Image | null;
  originalUnitPriceSet: MoneyBag;
  discountedUnitPriceSet: MoneyBag;
  originalTotalSet: MoneyBag;
  discountedTotalSet: MoneyBag;
  totalDiscountSet: MoneyBag;
  taxLines: TaxLine[];
  requiresShipping: boolean;
  taxable: boolean;
}

export interface TaxLine {
  title: string;
  rate: number;
  ratePercentage: number;
  priceSet: MoneyBag;
}

export interface Fulfillment {
  __typename: "Fulfillment";
  id: string;
  name: string;
  status: "SUCCESS" | "CANCELLED" | "OPEN";
  displayStatus: string;
  createdAt: string;
  updatedAt: string;
  inTransitAt: string | null;
  deliveredAt: string | null;
  estimatedDeliveryAt: string | null;
  trackingInfo: { company: string; number: string; url: string }[];
  lineItemIds: string[];
  totalQuantity: number;
  requiresShipping: boolean;
}

export interface Transaction {
  __typename: "OrderTransaction";
  id: string;
  kind: "SALE" | "AUTHORIZATION" | "REFUND" | "VOID";
  status: "SUCCESS" | "PENDING";
  gateway: string;
  createdAt: string;
  processedAt: string;
  amountSet: MoneyBag;
}

export interface RefundLineItem {
  id: string;
  lineItemId: string;
  quantity: number;
  /** The line's unit price (after its discounts), as Shopify's RefundLineItem.priceSet. */
  priceSet: MoneyBag;
  /** The refunded quantity's price (after discounts, before tax unless the order includes tax). */
  subtotalSet: MoneyBag;
  /** The tax refunded with it. */
  totalTaxSet: MoneyBag;
}

export interface RefundShippingLine {
  id: string;
  shippingLineId: string;
  subtotalAmountSet: MoneyBag;
  taxAmountSet: MoneyBag;
}

export interface Refund {
  __typename: "Refund";
  id: string;
  createdAt: string;
  note: string | null;
  totalRefundedSet: MoneyBag;
  refundLineItems: RefundLineItem[];
  refundShippingLines: RefundShippingLine[];
  /** The order's REFUND transactions that paid this refund out. */
  transactionIds: string[];
}

export interface PurchasingCompany {
  company: { id: string; name: string };
  location: { id: string; name: string; taxRegistrationId: string | null };
}

export interface Order {
  __typename: "Order";
  id: string;
  name: string;
  number: number;
  confirmationNumber: string;
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  closed: boolean;
  closedAt: string | null;
  email: string | null;
  phone: string | null;
  customerId: string | null;
  currencyCode: string;
  presentmentCurrencyCode: string;
  taxesIncluded: boolean;
  displayFinancialStatus: string;
  displayFulfillmentStatus: string;
  sourceName: string;
  /** The buyer's language at checkout (Shopify's Order.customerLocale), e.g. "de". */
  customerLocale: string | null;
  /** A B2B order: the company and location that bought (Shopify's PurchasingCompany). */
  purchasingCompany: PurchasingCompany | null;
  tags: string[];
  note: string | null;
  shippingAddress: Address | null;
  billingAddress: Address | null;
  lineItems: LineItem[];
  shippingLines: {
    id: string;
    title: string;
    code: string;
    originalPriceSet: MoneyBag;
    discountedPriceSet: MoneyBag;
    taxLines: TaxLine[];
  }[];
  taxLines: TaxLine[];
  discountCodes: string[];
  subtotalPriceSet: MoneyBag;
  totalShippingPriceSet: MoneyBag;
  totalTaxSet: MoneyBag;
  totalDiscountsSet: MoneyBag;
  totalPriceSet: MoneyBag;
  currentTotalPriceSet: MoneyBag;
  totalRefundedSet: MoneyBag;
  totalReceivedSet: MoneyBag;
  transactions: Transaction[];
  refunds: Refund[];
  fulfillments: Fulfillment[];
  paymentGatewayNames: string[];
  metafields: Metafield[];
}

export interface ShopData {
  shop: Shop;
  products: Product[];
  customers: Customer[];
  orders: Order[];
}
