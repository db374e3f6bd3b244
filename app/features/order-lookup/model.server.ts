// Guest order lookup: the shopper proves order number + email/phone (and, in strict mode, a
// one-time code sent to the order's email) and sees that one order. Nothing here tells a
// shopper whether an order number exists: every failure answers alike.
import { randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import prisma from "~/db.server";
import { env } from "~/env.server";
import { adminQuery, type AdminGraphql } from "~/graphql.server";
import { getShopProfile, hasScope, type ShopProfile } from "~/shop/profile.server";
import { getSettings } from "~/shop/settings.server";
import {
  contactMatches,
  normalizeContact,
  normalizeEmail,
  normalizeOrderName,
  searchValue,
  type Contact,
} from "./normalize";
import { lookupSettings } from "./settings.server";
import {
  keyedHash,
  signLookupToken,
  TOKEN_TTL_SECONDS,
  verifyLookupToken,
  type LookupClaims,
  type LookupTokenKind,
} from "./tokens";
import type { LookupOrder } from "./view";

export type LookupOutcome =
  "found" | "not_found" | "rate_limited" | "invalid" | "code_sent" | "code_invalid" | "links_requested";

/** The shop's profile with the lookup's own settings and scope. */
export interface LookupProfile extends ShopProfile {
  strictLookup: boolean;
  /** Sessions and links proved before this (seconds) are void: strict mode was switched on. */
  strictSince: number;
  /** Orders older than 60 days are readable only with this scope. */
  readAllOrders: boolean;
}

export async function getLookupProfile({
  session,
  graphql,
}: {
  session: { shop: string; scope?: string };
  graphql: AdminGraphql;
}): Promise<LookupProfile> {
  const [profile, settings] = await Promise.all([
    getShopProfile({ shop: session.shop, graphql }),
    getSettings(lookupSettings, session.shop),
  ]);
  return {
    ...profile,
    strictLookup: settings.strict,
    strictSince: settings.strictSince,
    readAllOrders: hasScope(session, "read_all_orders"),
  };
}

export type LookupFieldError = "order_number_missing" | "order_number_invalid" | "contact_missing" | "contact_invalid";

/** Validates the form; returns what to search for or the field errors to show. */
export function parseLookupForm(
  form: { order_number?: unknown; contact?: unknown },
  profile: Pick<ShopProfile, "orderNumberPrefix" | "orderNumberSuffix" | "countryCode">,
):
  | { ok: true; orderName: string; contact: Contact }
  | { ok: false; errors: { order_number?: LookupFieldError; contact?: LookupFieldError } } {
  const rawOrder = typeof form.order_number === "string" ? form.order_number : "";
  const rawContact = typeof form.contact === "string" ? form.contact : "";
  const errors: { order_number?: LookupFieldError; contact?: LookupFieldError } = {};
  const orderName = normalizeOrderName(rawOrder, {
    prefix: profile.orderNumberPrefix,
    suffix: profile.orderNumberSuffix,
  });
  if (rawOrder.trim() === "") errors.order_number = "order_number_missing";
  else if (!orderName) errors.order_number = "order_number_invalid";
  const contact = normalizeContact(rawContact, profile.countryCode ?? undefined);
  if (rawContact.trim() === "") errors.contact = "contact_missing";
  else if (!contact) errors.contact = "contact_invalid";
  if (!orderName || !contact) return { ok: false, errors };
  return { ok: true, orderName, contact };
}

// --- Finding the order: one Admin API request returns everything the result page shows ----

const LOOKUP_ORDER_FIELDS = `#graphql
  fragment CareDeskLookupOrder on Order {
    id
    name
    createdAt
    cancelledAt
    email
    phone
    displayFinancialStatus
    displayFulfillmentStatus
    shippingAddress { city province provinceCode countryCodeV2 phone }
    billingAddress { phone }
    subtotalPriceSet { presentmentMoney { amount currencyCode } }
    totalShippingPriceSet { presentmentMoney { amount currencyCode } }
    totalTaxSet { presentmentMoney { amount currencyCode } }
    totalDiscountsSet { presentmentMoney { amount currencyCode } }
    totalPriceSet { presentmentMoney { amount currencyCode } }
    totalRefundedSet { presentmentMoney { amount currencyCode } }
    lineItems(first: 20) {
      nodes {
        id
        title
        variantTitle
        quantity
        image { url(transform: { maxWidth: 160, maxHeight: 160 }) altText }
        discountedTotalSet { presentmentMoney { amount currencyCode } }
      }
    }
    fulfillments(first: 10) {
      id
      status
      displayStatus
      createdAt
      inTransitAt
      deliveredAt
      estimatedDeliveryAt
      trackingInfo(first: 3) { company number url }
    }
  }
` as const;

/** The shopper's form: the order with this name (checked exactly by the caller). */
export const ORDER_LOOKUP_QUERY = `#graphql
  query CareDeskOrderLookup($query: String!) {
    orders(first: 1, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes { ...CareDeskLookupOrder }
    }
  }
  ${LOOKUP_ORDER_FIELDS}
` as const;

/** A verified session or emailed link: the order it was issued for. */
export const ORDER_BY_ID_QUERY = `#graphql
  query CareDeskOrderLookupById($id: ID!) {
    order(id: $id) { ...CareDeskLookupOrder }
  }
  ${LOOKUP_ORDER_FIELDS}
` as const;

/**
 * The order with exactly this name whose email or phone matches, or null. One Admin API
 * call, whether or not the order exists.
 */
export async function findOrder({
  graphql,
  orderName,
  contact,
  countryCode,
}: {
  graphql: AdminGraphql;
  orderName: string;
  contact: Contact;
  countryCode: string | null;
}): Promise<LookupOrder | null> {
  const data = await adminQuery(graphql, ORDER_LOOKUP_QUERY, { query: `name:${searchValue(orderName)}` });
  const order = data.orders.nodes[0];
  // Shopify's search is tokenised: check the exact name ourselves.
  if (!order || order.name.toUpperCase() !== orderName.toUpperCase()) return null;
  const matches = contactMatches(
    contact,
    {
      email: order.email,
      phone: order.phone,
      shippingPhone: order.shippingAddress?.phone,
      billingPhone: order.billingAddress?.phone,
    },
    countryCode ?? undefined,
  );
  return matches ? order : null;
}

export async function getOrderById({
  graphql,
  id,
}: {
  graphql: AdminGraphql;
  id: string;
}): Promise<LookupOrder | null> {
  const data = await adminQuery(graphql, ORDER_BY_ID_QUERY, { id });
  return data.order ?? null;
}

// --- Tokens: sessions, emailed links, challenges ----------------------------------------------

/** A session ends this long after the proof, however often it is renewed. */
export const SESSION_MAX_AGE_SECONDS = env.LOOKUP_SESSION_MAX_AGE_SECONDS;

const nowSeconds = () => Math.floor(Date.now() / 1000);

export function issueToken(kind: LookupTokenKind, claims: LookupClaims) {
  return signLookupToken(kind, claims, env.SHOPIFY_API_SECRET);
}

export function readToken(kind: LookupTokenKind, token: string, shop: string) {
  return verifyLookupToken(kind, token, { shop, secret: env.SHOPIFY_API_SECRET });
}

/** A new session for a proof made now (the form, the code or a link). */
export function startSession({ shop, orderId }: { shop: string; orderId: string }) {
  return issueToken("session", { shop, orderId, provedAt: nowSeconds() });
}

/**
 * The order a session token opens, with the token that renews it (same proof time), or null:
 * expired, older than SESSION_MAX_AGE_SECONDS since the proof, or proved before strict mode
 * was switched on (`strictSince`).
 */
export async function resumeSession({
  token,
  shop,
  strictSince,
}: {
  token: string;
  shop: string;
  strictSince: number;
}) {
  const claims = await readToken("session", token, shop);
  if (!claims?.provedAt) return null;
  if (nowSeconds() - claims.provedAt > SESSION_MAX_AGE_SECONDS || claims.provedAt < strictSince) return null;
  return { orderId: claims.orderId, renewed: await issueToken("session", claims) };
}

/** An emailed link for the order: valid 24 hours, once. */
export function issueLink({ shop, orderId }: { shop: string; orderId: string }) {
  return issueToken("link", { shop, orderId, provedAt: nowSeconds(), linkId: randomUUID() });
}

/**
 * Spends an emailed link: the order it opens, or null when it is invalid, expired, issued
 * before strict mode was switched on, or already used (it is exchanged for a session once).
 */
export async function useLink({ token, shop, strictSince }: { token: string; shop: string; strictSince: number }) {
  const claims = await readToken("link", token, shop);
  if (!claims?.linkId || claims.provedAt === undefined || claims.provedAt < strictSince) return null;
  const expiresAt = new Date((claims.provedAt + TOKEN_TTL_SECONDS.link) * 1000);
  try {
    await prisma.lookupLinkUse.create({ data: { shop, linkId: claims.linkId, expiresAt } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return null;
    throw error;
  }
  await prisma.lookupLinkUse.deleteMany({ where: { shop, expiresAt: { lt: new Date() } } });
  return { orderId: claims.orderId };
}

// --- Strict mode: a one-time code sent to the order's email --------------------------------

const CODE_TTL_MS = 10 * 60 * 1000;
const CODE_MAX_ATTEMPTS = 5;

export function generateCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

function hashCode(challengeId: string, code: string): string {
  return keyedHash(env.SHOPIFY_API_SECRET, "order-lookup:code", `${challengeId}:${code}`);
}

/**
 * Stores a new challenge for the order, replacing any earlier one (one live challenge per
 * order, so each lookup does not add five more guesses); returns its id and the code to send.
 */
export async function createChallenge({ shop, orderId }: { shop: string; orderId: string }) {
  const id = randomUUID();
  const code = generateCode();
  await prisma.$transaction([
    prisma.lookupChallenge.deleteMany({ where: { shop, orderId } }),
    prisma.lookupChallenge.create({
      data: { id, shop, orderId, codeHash: hashCode(id, code), expiresAt: new Date(Date.now() + CODE_TTL_MS) },
    }),
  ]);
  return { id, code };
}

/**
 * True once for the right code within its lifetime and attempts; the challenge is spent on
 * success. Each guess takes an attempt atomically before the code is compared (a conditional
 * increment), so concurrent guesses can never exceed CODE_MAX_ATTEMPTS.
 */
export async function verifyChallenge({
  shop,
  challengeId,
  orderId,
  code,
}: {
  shop: string;
  challengeId: string;
  orderId: string;
  code: string;
}): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const where = { id: challengeId, shop, orderId };
  const taken = await prisma.lookupChallenge.updateMany({
    where: { ...where, attempts: { lt: CODE_MAX_ATTEMPTS }, expiresAt: { gt: new Date() } },
    data: { attempts: { increment: 1 } },
  });
  if (taken.count === 0) return false;
  const challenge = await prisma.lookupChallenge.findFirst({ where, select: { codeHash: true } });
  if (!challenge) return false;
  const expected = Buffer.from(challenge.codeHash, "hex");
  const actual = Buffer.from(hashCode(challengeId, code), "hex");
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return false;
  // Spent: only the request that deletes it succeeds.
  return (await prisma.lookupChallenge.deleteMany({ where })).count === 1;
}

// --- "Email me my order links" -------------------------------------------------------------

export const RECENT_ORDERS_QUERY = `#graphql
  query CareDeskRecentOrdersByEmail($query: String!) {
    orders(first: 5, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes { id name email createdAt }
    }
  }
` as const;

/** The customer's recent orders with exactly this email (case-insensitive). */
export async function findRecentOrdersByEmail({ graphql, email }: { graphql: AdminGraphql; email: string }) {
  const normalized = normalizeEmail(email);
  if (!normalized) return [];
  const data = await adminQuery(graphql, RECENT_ORDERS_QUERY, { query: `email:${searchValue(normalized)}` });
  return data.orders.nodes.filter((order) => order.email && normalizeEmail(order.email) === normalized);
}

// --- What the merchant sees ------------------------------------------------------------------

export async function recordLookup({ shop, outcome }: { shop: string; outcome: LookupOutcome }) {
  // One insert per storefront lookup: raw SQL costs a third of the model API's CPU.
  await prisma.$executeRaw`INSERT INTO "LookupEvent" ("shop", "outcome", "createdAt") VALUES (${shop}, ${outcome}, ${new Date()})`;
}

/** Records the outcome off the shopper's critical path (a statistic: a lost one is no harm). */
export function noteLookup(event: { shop: string; outcome: LookupOutcome }): void {
  recordLookup(event).catch((error: unknown) => console.warn("Care Desk: recording a lookup failed", error));
}

/** Lookups of the last `days` days by outcome, for the app's Home page. */
export async function lookupStats({ shop, days = 7 }: { shop: string; days?: number }) {
  const since = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  const rows = await prisma.lookupEvent.groupBy({
    by: ["outcome"],
    where: { shop, createdAt: { gte: since } },
    _count: { _all: true },
  });
  const count = (outcome: LookupOutcome) => rows.find((row) => row.outcome === outcome)?._count._all ?? 0;
  return { found: count("found"), notFound: count("not_found"), rateLimited: count("rate_limited") };
}
