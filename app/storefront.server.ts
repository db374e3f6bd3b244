// Storefront requests through the app proxy, one shape for every endpoint: verify Shopify's
// signature (400 otherwise), read the form defensively and the shopper's language, answer
// a missing installation or a Shopify outage with a translated 503 — never a 500.
import type { Session } from "@shopify/shopify-api";
import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import {
  messageResponse,
  platformUnavailableResponse,
  shopperContext,
  type ShopperContext,
} from "./components/storefront/order-lookup.server";
import { authenticate } from "./shopify.server";
import { readStorefrontForm } from "./storefront-form.server";

export interface StorefrontRequest {
  ctx: ShopperContext;
  session: Session;
  admin: AdminApiContext;
  /** The posted form (empty for GET requests). */
  form: Record<string, string>;
}

export async function handleStorefront(
  request: Request,
  handler: (storefront: StorefrontRequest) => Promise<Response>,
): Promise<Response> {
  const { liquid, session, admin } = await authenticate.public.appProxy(request);
  const posted = request.method === "GET" ? {} : await readStorefrontForm(request);
  const ctx = shopperContext(request, liquid, posted?.locale);
  if (!posted) return messageResponse(ctx, "order_lookup.errors.bad_request", 400);
  if (!session || !admin) return messageResponse(ctx, "order_lookup.errors.unavailable", 503);
  try {
    return await handler({ ctx, session, admin, form: posted });
  } catch (error) {
    return platformUnavailableResponse(ctx, error);
  }
}
