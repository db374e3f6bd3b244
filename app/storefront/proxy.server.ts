// The app-proxy request shell of every storefront endpoint: verify Shopify's signature (the
// official library; 400 otherwise), read the form defensively and the shopper's language,
// answer a missing installation or a Shopify outage with a translated 503 — never a 500.
import type { Session } from "@shopify/shopify-api";
import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { authenticate } from "~/shopify.server";
import { readStorefrontForm, type FormLimits } from "./form.server";
import {
  badRequestResponse,
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
    return await handler({ ctx, session, admin, form: posted });
  } catch (error) {
    return platformUnavailableResponse(ctx, error);
  }
}

/** The loader of a POST-only endpoint: a translated 405 page rather than Remix's error. */
export function postOnly(endpoint: StorefrontEndpoint) {
  return ({ request }: { request: Request }) =>
    handleStorefront(request, endpoint, async ({ ctx }) => methodNotAllowedResponse(ctx, ["POST"]));
}
