// The app-proxy request shell of every storefront endpoint: verify Shopify's signature (the
// official library; 400 otherwise), read the form defensively and the shopper's language,
// refuse posts from other sites, answer a missing installation or a Shopify outage with a
// translated 503 — never a 500.
import type { Session } from "@shopify/shopify-api";
import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { platformOrigin } from "~/platform.server";
import { getShopProfile } from "~/shop/profile.server";
import { authenticate } from "~/shopify.server";
import { readStorefrontForm, type FormLimits } from "./form.server";
import {
  badRequestResponse,
  forbiddenOriginResponse,
  methodNotAllowedResponse,
  platformUnavailableResponse,
  shopperContext,
  unavailableResponse,
  type ShopperContext,
  type StorefrontEndpoint,
} from "./responses.server";

export interface StorefrontRequest {
  ctx: ShopperContext;
  session: Session;
  admin: AdminApiContext;
  /** The posted form (empty for GET requests). */
  form: Record<string, string>;
}

export async function handleStorefront(
  request: Request,
  endpoint: StorefrontEndpoint,
  handler: (storefront: StorefrontRequest) => Promise<Response>,
  /** Larger forms than the default 16 KB / 1 KB per field (e.g. a review's text). */
  formLimits?: FormLimits,
): Promise<Response> {
  // Shopify's proxy writes these once; a repeated one could be verified in one reading and
  // used in another (the library reads the first for the signature, others may read the last).
  const query = new URL(request.url).searchParams;
  if (SIGNED_PARAMS.some((name) => query.getAll(name).length > 1)) {
    return new Response("Bad Request: repeated proxy parameter", { status: 400 });
  }
  const { liquid, session, admin } = await authenticate.public.appProxy(request);
  const posted = request.method === "GET" ? {} : await readStorefrontForm(request, formLimits);
  const ctx = shopperContext(request, liquid, endpoint, posted?.locale);
  if (!posted) {
    // A body we did not read (too large, malformed) must not poison a kept-alive connection.
    const response = badRequestResponse(ctx);
    response.headers.set("Connection", "close");
    return response;
  }
  if (!session || !admin) return unavailableResponse(ctx);
  try {
    if (
      request.method !== "GET" &&
      !endpoint.postsCarryToken &&
      !(await sameShopOrigin(request, session.shop, admin))
    ) {
      return forbiddenOriginResponse(ctx);
    }
    return await handler({ ctx, session, admin, form: posted });
  } catch (error) {
    return platformUnavailableResponse(ctx, error);
  }
}

const SIGNED_PARAMS = ["shop", "signature", "timestamp", "logged_in_customer_id", "path_prefix"];

/**
 * A post through the proxy carries no cookies, so a form on another site could post into it
 * with the shopper's address (CSRF). Browsers send Origin on every cross-site POST: when it is
 * there, it must be the storefront host the browser posted to (Shopify's proxy passes it in
 * X-Forwarded-Host, so every market domain of the shop works), the shop's myshopify.com or
 * primary domain. No Origin: not a browser's cross-site form, allowed.
 */
async function sameShopOrigin(request: Request, shop: string, admin: AdminApiContext): Promise<boolean> {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const forwardedHost = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const allowed = new Set([shop, forwardedHost]);
  if (platformOrigin) allowed.add(new URL(platformOrigin).host);
  if (allowed.has(host)) return true;
  const profile = await getShopProfile({ shop, graphql: admin.graphql });
  return host === new URL(profile.storefrontUrl).host;
}

/** The loader of a POST-only endpoint: a translated 405 page rather than Remix's error. */
export function postOnly(endpoint: StorefrontEndpoint) {
  return ({ request }: { request: Request }) =>
    handleStorefront(request, endpoint, async ({ ctx }) => methodNotAllowedResponse(ctx, ["POST"]));
}
