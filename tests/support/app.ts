// In-process helpers for tests that call the app's own code (routes, models) directly:
// a fresh migrated database per file, and real requests as Shopify sends them (a signed app
// proxy request, a webhook with its HMAC, an admin request with a session token) handed to a
// route's loader or action.
import { createHmac, randomUUID } from "node:crypto";
import { Session } from "@shopify/shopify-api";
import { afterAll, beforeAll, vi } from "vitest";
import { appProxySignature } from "../../devstore/auth/signatures";
import { sessionToken } from "../../devstore/auth/tokens";
import { createTestDatabase, TEST_APP_ENV, type DatabaseKind } from "../setup/db";
import { BROWSER } from "./storefront";

export const TEST_SHOP = "maple.myshopify.com";
const secret = TEST_APP_ENV.SHOPIFY_API_SECRET;

type Prisma = typeof import("~/db.server").default;

/**
 * A fresh database of this kind for the test file, migrated as `npm run setup` does; the
 * app's modules are reloaded against it. Import app modules inside tests (or in a
 * beforeAll after this one), never at the top of the file.
 */
export function useTestDatabase(kind: DatabaseKind = "sqlite", env: Record<string, string> = {}) {
  const state = { url: "", prisma: undefined as unknown as Prisma };
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const database = await createTestDatabase(kind);
    drop = database.drop;
    state.url = database.url;
    vi.resetModules();
    globalThis.prismaGlobal = undefined;
    globalThis.careDeskJobQueue = undefined;
    for (const [key, value] of Object.entries({ ...TEST_APP_ENV, DATABASE_URL: database.url, ...env }))
      vi.stubEnv(key, value);
    state.prisma = (await import("~/db.server")).default;
  }, 60_000);
  afterAll(async () => {
    await state.prisma?.$disconnect();
    globalThis.prismaGlobal = undefined;
    globalThis.careDeskJobQueue = undefined;
    vi.unstubAllEnvs();
    await drop?.();
  });
  return state;
}

/** A storefront request as Shopify's app proxy forwards it: signed query, form body if any. */
export function proxyRequest(
  path: string,
  {
    method = "GET",
    form,
    shop = TEST_SHOP,
    customerId = "",
    query = {},
    headers = {},
  }: {
    method?: string;
    form?: Record<string, string>;
    shop?: string;
    customerId?: string;
    query?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
): Request {
  const params = new URLSearchParams({
    shop,
    logged_in_customer_id: customerId,
    path_prefix: "/apps/care",
    timestamp: String(Math.floor(Date.now() / 1000)),
    ...query,
  });
  params.set("signature", appProxySignature(params, secret));
  return new Request(`https://care-desk.test/proxy${path}?${params}`, {
    method,
    body: form ? new URLSearchParams(form) : undefined,
    headers: { "User-Agent": BROWSER, "X-Forwarded-For": "203.0.113.7", ...headers },
  });
}

/** A webhook delivery with Shopify's headers and HMAC (or a wrong or missing one). */
export function webhookRequest(
  topic: string,
  payload: object,
  { shop = TEST_SHOP, key = secret as string, id = randomUUID(), hmac = true } = {},
): Request {
  const body = JSON.stringify(payload);
  const headers = new Headers({
    "Content-Type": "application/json",
    "X-Shopify-Topic": topic,
    "X-Shopify-Shop-Domain": shop,
    "X-Shopify-API-Version": "2026-10",
    "X-Shopify-Webhook-Id": id,
    "X-Shopify-Triggered-At": new Date().toISOString(),
    "X-Shopify-Event-Id": randomUUID(),
  });
  if (hmac) headers.set("X-Shopify-Hmac-Sha256", createHmac("sha256", key).update(body).digest("base64"));
  return new Request(`https://care-desk.test/webhooks/${topic}`, { method: "POST", headers, body });
}

/** The shop's offline session as the session storage keeps it after installation. */
export async function installShop(prisma: Prisma, { shop = TEST_SHOP, scope = "read_orders,write_app_proxy" } = {}) {
  const { PrismaSessionStorage } = await import("@shopify/shopify-app-session-storage-prisma");
  const session = new Session({
    id: `offline_${shop}`,
    shop,
    state: "",
    isOnline: false,
    scope,
    accessToken: "shpat_test",
    expires: new Date(Date.now() + 3_600_000),
    refreshToken: "shprt_test",
    refreshTokenExpires: new Date(Date.now() + 90 * 86_400_000),
  });
  await new PrismaSessionStorage(prisma).storeSession(session);
  return session;
}

/** An embedded admin request as App Bridge sends it: a session token in Authorization. */
export async function adminRequest(
  path: string,
  { method = "GET", form, shop = TEST_SHOP }: { method?: string; form?: Record<string, string>; shop?: string } = {},
): Promise<Request> {
  const token = await sessionToken({ shop, apiKey: TEST_APP_ENV.SHOPIFY_API_KEY, apiSecret: secret });
  return new Request(`https://care-desk.test${path}`, {
    method,
    body: form ? new URLSearchParams(form) : undefined,
    headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER },
  });
}

/** Hands the request to the route's loader (GET, HEAD) or action; a thrown Response is the answer. */
export async function callRoute(route: string, request: Request): Promise<Response> {
  const module = (await import(`~/routes/${route}.tsx`)) as {
    loader?: (args: object) => Promise<unknown>;
    action?: (args: object) => Promise<unknown>;
  };
  const handler = ["GET", "HEAD"].includes(request.method) ? module.loader : module.action;
  if (!handler) throw new Error(`${route} has no ${request.method === "GET" ? "loader" : "action"}`);
  try {
    const result = await handler({ request, params: {}, context: {} });
    return result instanceof Response ? result : Response.json(result);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
