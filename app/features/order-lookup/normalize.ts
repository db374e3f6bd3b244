// Forgiving, strict-in-the-end normalisation of what a shopper types into the lookup form.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

export interface OrderNameFormat {
  /** Shop.orderNumberFormatPrefix, e.g. "#" or "MF-". */
  prefix: string;
  /** Shop.orderNumberFormatSuffix, often "". */
  suffix: string;
}

const MAX_ORDER_INPUT = 64;

/**
 * Turns `#1001`, `1001`, ` 1001 `, `mf-1001`, `MF-1001-eu` into the order name Shopify stores
 * (`#1001`, `MF-1001-EU`), or null when the input cannot be an order number of this shop.
 */
export function normalizeOrderName(input: string, format: OrderNameFormat): string | null {
  const raw = input.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
  if (raw === "" || raw.length > MAX_ORDER_INPUT) return null;
  const prefix = format.prefix.toUpperCase();
  const suffix = format.suffix.toUpperCase();

  let core = raw;
  if (prefix && core.startsWith(prefix)) core = core.slice(prefix.length);
  else if (core.startsWith("#")) core = core.slice(1);
  if (suffix && core.endsWith(suffix)) core = core.slice(0, -suffix.length);
  if (!/^\d{1,20}$/.test(core)) return null;
  // Shopify order numbers have no leading zeros ("#01001" is "#1001").
  core = core.replace(/^0+(?=\d)/, "");
  return `${format.prefix}${core}${format.suffix}`;
}

const EMAIL = /^[^\s@"<>()[\]\\,;:]{1,64}@[^\s@"<>()[\]\\,;:]{1,253}\.[^\s@"<>()[\]\\,;:.]{2,63}$/u;

/** Trimmed, lower-cased email, or null if it is not plausibly one. */
export function normalizeEmail(input: string): string | null {
  const value = input.normalize("NFKC").trim().toLowerCase();
  if (value.length > 254 || !EMAIL.test(value)) return null;
  return value;
}

/** E.164 phone number (`+14155550123`), with the shop's country as default, or null. */
export function normalizePhone(input: string, defaultCountry?: string): string | null {
  const value = input.normalize("NFKC").trim();
  if (value.length > 40 || !/^[+()\d\s.\-/]+$/.test(value) || !/\d/.test(value)) return null;
  const phone = parsePhoneNumberFromString(value, (defaultCountry?.toUpperCase() as CountryCode) || undefined);
  if (!phone || !phone.isPossible()) return null;
  return phone.number;
}

export type Contact = { kind: "email"; value: string } | { kind: "phone"; value: string };

/** The shopper's "email or phone number" field. */
export function normalizeContact(input: string, defaultCountry?: string): Contact | null {
  if (input.includes("@")) {
    const email = normalizeEmail(input);
    return email ? { kind: "email", value: email } : null;
  }
  const phone = normalizePhone(input, defaultCountry);
  return phone ? { kind: "phone", value: phone } : null;
}

/** Does the order's email/phone match what the shopper proved? Compared normalised. */
export function contactMatches(
  contact: Contact,
  order: { email?: string | null; phone?: string | null; shippingPhone?: string | null; billingPhone?: string | null },
  defaultCountry?: string,
): boolean {
  if (contact.kind === "email") return order.email ? normalizeEmail(order.email) === contact.value : false;
  return [order.phone, order.shippingPhone, order.billingPhone].some(
    (phone) => phone != null && normalizePhone(phone, defaultCountry) === contact.value,
  );
}

/** Quote a value for Shopify's search syntax: wrap in quotes, escape backslashes and quotes. */
export function searchValue(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** `j•••@e•••.com`, `+1 ••• ••• 0123`: enough to recognise, not enough to learn. */
export function maskContact(contact: Contact): string {
  if (contact.kind === "email") {
    const [local = "", domain = ""] = contact.value.split("@");
    const dot = domain.lastIndexOf(".");
    const host = dot > 0 ? domain.slice(0, dot) : domain;
    const tld = dot > 0 ? domain.slice(dot) : "";
    return `${local.slice(0, 1)}•••@${host.slice(0, 1)}•••${tld}`;
  }
  return `${contact.value.slice(0, 2)}••• ${contact.value.slice(-4)}`.replace(/^(\+\d)/, "$1 ");
}
