// The account history's endpoints.
//
// Customer account extensions (new customer accounts) call the app directly with a session
// token (`authenticate.public.customerAccount`, CORS included):
//   POST /api/account/documents       { orderIds }            → each owned order's documents
//   POST /api/account/documents/link  { orderId, document }   → a one-minute, single-use URL
//   GET  /account/documents/download?t=…                       → the PDF (no session token: a
//        browser opens it; the signed, spent-once link is the proof)
// The legacy account page's theme block links through the app proxy:
//   GET  /apps/care/account/documents/?order=…&document=…    → the PDF for the signed-in owner,
//        a translated 404 for everyone else (not signed in, not theirs, no such order/document).
import type { JwtPayload } from "@shopify/shopify-api";
import { env } from "~/env.server";
import type { AdminGraphql } from "~/graphql.server";
import { authenticate, unauthenticated } from "~/shopify.server";
import { resolveLocale, translator } from "~/storefront/i18n";
import type { StorefrontRequest } from "~/storefront/proxy.server";
import { consume, type Limit } from "~/storefront/rate-limit.server";
import {
  messageResponse,
  rateLimitedResponse,
  respond,
  type ShopperContext,
  type StorefrontEndpoint,
} from "~/storefront/responses.server";
import type { AccountDocument, DocumentSource } from "./documents";
import { readDownloadLink, signDownloadLink, spendDownloadLink } from "./links.server";
import { isCustomerGid, isOrderGid, MAX_ORDERS_PER_REQUEST, orderGid, ownedOrders } from "./ownership.server";

export const DOWNLOAD_PATH = "/account/documents/download";
export const LEGACY_ENDPOINT: StorefrontEndpoint = { title: "account_history.heading" };

/** Per signed-in customer: generous for a person, a ceiling for a script with a stolen token. */
const CUSTOMER_LIMIT: Limit = { points: 120, durationSeconds: 600 };

// --- Customer account extensions ------------------------------------------------------------

export interface AccountCustomer {
  shop: string;
  customerId: string;
  graphql: AdminGraphql;
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "private, no-store", ...headers },
  });
}

/**
 * The shop and customer a customer account session token names. The library verified the
 * signature and expiry; it does not check the audience for extension tokens, so it is checked
 * here: a token another app received is not ours.
 */
export function customerOfToken(token: JwtPayload): { shop: string; customerId: string } | null {
  const audience = Array.isArray(token.aud) ? token.aud : [token.aud];
  if (!audience.includes(env.SHOPIFY_API_KEY)) return null;
  let shop: string;
  try {
    shop = new URL(String(token.dest).includes("://") ? String(token.dest) : `https://${String(token.dest)}`).hostname;
  } catch {
    return null;
  }
  if (!shop.endsWith(".myshopify.com") && shop !== env.SHOP_CUSTOM_DOMAIN) return null;
  // `sub` is the customer only when one is signed in and the app may see customer data.
  return isCustomerGid(token.sub) ? { shop, customerId: token.sub } : null;
}

/**
 * The shell of every extension endpoint: the session token verified (401 otherwise; OPTIONS
 * preflights and bots answered by the library), the customer's rate limit, the shop's Admin
 * API client; every answer carries the CORS headers the extension's origin needs.
 */
export async function handleAccountExtension(
  request: Request,
  handler: (customer: AccountCustomer, body: Record<string, unknown>) => Promise<Response>,
): Promise<Response> {
  const { sessionToken, cors } = await authenticate.public.customerAccount(request);
  const customer = customerOfToken(sessionToken);
  if (!customer) return cors(json({ error: "unauthorized" }, 401));
  if (request.method !== "POST") return cors(json({ error: "method_not_allowed" }, 405, { Allow: "POST" }));
  const body = await readJson(request);
  if (!body) return cors(json({ error: "bad_request" }, 400));
  const refused = await consume(customer.shop, [
    { name: "account-history", key: customer.customerId, limit: CUSTOMER_LIMIT },
  ]);
  if (refused) {
    return cors(json({ error: "rate_limited" }, 429, { "Retry-After": String(refused.retryAfterSeconds) }));
  }
  let admin;
  try {
    admin = await unauthenticated.admin(customer.shop);
  } catch {
    // Not installed on this shop (or its session is gone): nothing to serve.
    return cors(json({ error: "unavailable" }, 503));
  }
  try {
    return cors(await handler({ ...customer, graphql: admin.admin.graphql }, body));
  } catch (error) {
    console.error("Care Desk: account documents request failed", error);
    return cors(json({ error: "unavailable" }, 503));
  }
}

async function readJson(request: Request): Promise<Record<string, unknown> | null> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > 16_384) return null;
  try {
    const text = await request.text();
    if (text.length > 16_384) return null;
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const publicDocument = ({ key, kind, number, issuedAt }: AccountDocument) => ({ key, kind, number, issuedAt });

/** POST /api/account/documents { orderIds }: the documents of those orders that are the customer's. */
export async function listDocuments(
  { shop, customerId, graphql }: AccountCustomer,
  body: Record<string, unknown>,
  source: DocumentSource,
): Promise<Response> {
  const asked = body.orderIds;
  if (!Array.isArray(asked) || asked.length > MAX_ORDERS_PER_REQUEST || !asked.every(isOrderGid)) {
    return json({ error: "bad_request" }, 400);
  }
  const owned = [...(await ownedOrders({ graphql, customerId, orderIds: asked }))];
  const documents = await source.list({ shop, orderIds: owned });
  // Orders that are not the customer's are left out, exactly like orders without documents.
  return json({
    orders: Object.fromEntries(owned.map((id) => [id, (documents.get(id) ?? []).map(publicDocument)])),
  });
}

/** POST /api/account/documents/link { orderId, document, locale }: a one-minute, single-use download URL. */
export async function documentLink(
  { shop, customerId, graphql }: AccountCustomer,
  body: Record<string, unknown>,
  source: DocumentSource,
  appUrl = env.SHOPIFY_APP_URL,
): Promise<Response> {
  const { orderId, document } = body;
  if (!isOrderGid(orderId) || typeof document !== "string" || document.length === 0 || document.length > 100) {
    return json({ error: "bad_request" }, 400);
  }
  const owned = await ownedOrders({ graphql, customerId, orderIds: [orderId] });
  const documents = owned.has(orderId) ? ((await source.list({ shop, orderIds: [orderId] })).get(orderId) ?? []) : [];
  if (!documents.some((d) => d.key === document)) return json({ error: "not_found" }, 404);
  const locale = resolveLocale(typeof body.locale === "string" ? body.locale : null);
  const { token, expiresAt } = await signDownloadLink({ shop, orderId, customerId, document, locale });
  const url = new URL(DOWNLOAD_PATH, appUrl);
  url.searchParams.set("t", token);
  return json({ url: url.toString(), expiresAt: expiresAt.toISOString() });
}

/**
 * GET /account/documents/download?t=…: the document, once per link. Ownership is checked again
 * at download time (an order could have changed hands; a document removed).
 */
export async function downloadByLink(
  request: Request,
  source: DocumentSource,
  admin: (shop: string) => Promise<AdminGraphql | null> = adminGraphql,
): Promise<Response> {
  const url = new URL(request.url);
  const fallbackLocale = resolveLocale(url.searchParams.get("locale"), request.headers.get("accept-language"));
  const claims = await readDownloadLink(url.searchParams.get("t") ?? "");
  if (!claims) return errorPage(fallbackLocale, "account_history.errors.link_expired", 401);
  const graphql = await admin(claims.shop);
  if (!graphql) return errorPage(claims.locale, "common.errors.unavailable", 503);
  if (!(await spendDownloadLink({ shop: claims.shop, linkId: claims.linkId, expiresAt: claims.expiresAt }))) {
    return errorPage(claims.locale, "account_history.errors.link_expired", 401);
  }
  const owned = await ownedOrders({ graphql, customerId: claims.customerId, orderIds: [claims.orderId] });
  const rendered = owned.has(claims.orderId)
    ? await source.render({ shop: claims.shop, orderId: claims.orderId, key: claims.document, graphql })
    : null;
  if (!rendered) return errorPage(claims.locale, "account_history.errors.not_found", 404);
  return pdfResponse(rendered.number, rendered.pdf);
}

async function adminGraphql(shop: string): Promise<AdminGraphql | null> {
  try {
    return (await unauthenticated.admin(shop)).admin.graphql;
  } catch {
    return null;
  }
}

function errorPage(locale: string, key: string, status: number) {
  const t = translator(locale);
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html><html lang="${escape(resolveLocale(locale))}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(t("account_history.heading"))}</title></head><body><main><h1>${escape(t("account_history.heading"))}</h1><p role="alert">${escape(t(key))}</p></main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function pdfResponse(number: string, pdf: Buffer) {
  const filename = `${number.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// --- Legacy customer accounts (theme block, app proxy) --------------------------------------

/**
 * GET /apps/care/account/documents/?order=<id>&document=<key>: the PDF when Shopify's signed
 * (without `document`: a page listing the order's documents, each a link here)
 * `logged_in_customer_id` owns the order and the order has that document; one and the same
 * translated 404 otherwise, whatever the reason.
 */
export async function legacyDownload(
  { ctx, session, admin }: StorefrontRequest,
  source: DocumentSource,
): Promise<Response> {
  const shop = session.shop;
  const notFound = () => messageResponse(ctx, "account_history.errors.not_found", 404);
  const customerNumber = ctx.url.searchParams.get("logged_in_customer_id") ?? "";
  const customerId = /^[1-9]\d{0,19}$/.test(customerNumber) ? `gid://shopify/Customer/${customerNumber}` : null;
  const orderId = orderGid(ctx.url.searchParams.get("order"));
  const key = ctx.url.searchParams.get("document") ?? "";
  if (!customerId || !orderId || key.length > 100) return notFound();
  const refused = await consume(shop, [{ name: "account-history", key: customerId, limit: CUSTOMER_LIMIT }]);
  if (refused) return rateLimitedResponse(ctx, refused.retryAfterSeconds);
  const owned = await ownedOrders({ graphql: admin.graphql, customerId, orderIds: [orderId] });
  if (!owned.has(orderId)) return notFound();
  const documents = (await source.list({ shop, orderIds: [orderId] })).get(orderId) ?? [];
  if (!key) return documents.length > 0 ? documentsPage(ctx, orderId, documents) : notFound();
  // The block links `invoice` without knowing the stored id: it stands for the order's invoice.
  const document =
    documents.find((d) => d.key === key) ??
    (key === "invoice" ? documents.find((d) => d.kind === "invoice") : undefined);
  const rendered = document ? await source.render({ shop, orderId, key: document.key, graphql: admin.graphql }) : null;
  if (!rendered) return notFound();
  return pdfResponse(rendered.number, rendered.pdf);
}

function documentsPage(ctx: ShopperContext, orderId: string, documents: AccountDocument[]) {
  const order = orderId.split("/").pop()!;
  const href = (key: string) =>
    `/apps/care/account/documents/?${new URLSearchParams({ order, document: key, locale: ctx.locale })}`;
  return respond(
    ctx,
    <ul className="care-desk-documents">
      {documents.map((d) => (
        <li key={d.key}>
          <a href={href(d.key)} download>
            {ctx.t(d.kind === "invoice" ? "account_history.download_invoice" : "account_history.download_credit_note")}
            {d.number ? ` ${d.number}` : ""}
          </a>
        </li>
      ))}
    </ul>,
  );
}
