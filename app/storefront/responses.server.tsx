// The shopper's context and the answers every storefront endpoint shares, in the shopper's
// language: a message page, 400, 405, 429 with Retry-After, and 503 when Shopify is away.
import { HttpRequestError, HttpResponseError } from "@shopify/shopify-api";
import type { ReactElement } from "react";
import { AdminApiError } from "~/graphql.server";
import { ThrottledError } from "~/throttle";
import { resolveLocale, translator, type Translate } from "./i18n";
import { Message } from "./Message";
import { storefrontResponse, wantsFragment, type LiquidFn } from "./page.server";

export interface ShopperContext {
  liquid: LiquidFn;
  url: URL;
  locale: string;
  t: Translate;
  /** The endpoint's page title, translated. */
  title: string;
  /** The block's script asked for the content only (its own form stays on the page). */
  fragment: boolean;
  /** What an error message is followed by, so the shopper can try again (e.g. the form). */
  retry?: () => ReactElement;
}

export interface StorefrontEndpoint {
  /** Translation key of the page title. */
  title: string;
  /**
   * Its posts are authorised by a signed token in the form (not by who the shopper is), and its
   * pages carry that token with Referrer-Policy no-referrer, so browsers send `Origin: null`:
   * the cross-site Origin check would refuse every post and protects nothing a token doesn't.
   */
  postsCarryToken?: boolean;
  retry?: (ctx: Omit<ShopperContext, "retry">) => ReactElement;
}

export function shopperContext(
  request: Request,
  liquid: LiquidFn,
  endpoint: StorefrontEndpoint,
  formLocale?: unknown,
): ShopperContext {
  const url = new URL(request.url);
  const locale = resolveLocale(
    typeof formLocale === "string" ? formLocale : undefined,
    url.searchParams.get("locale"),
    request.headers.get("accept-language"),
  );
  const t = translator(locale);
  const ctx: ShopperContext = { liquid, url, locale, t, title: t(endpoint.title), fragment: wantsFragment(url) };
  if (endpoint.retry) ctx.retry = () => endpoint.retry!(ctx);
  return ctx;
}

export function respond(ctx: ShopperContext, element: ReactElement, status = 200, headers?: HeadersInit) {
  return storefrontResponse({
    liquid: ctx.liquid,
    element,
    fragment: ctx.fragment,
    title: ctx.title,
    status,
    headers,
  });
}

/** One translated sentence; on full pages, error answers (except 429) are followed by the endpoint's retry. */
export function messageResponse(
  ctx: ShopperContext,
  key: string,
  status: number,
  vars?: Record<string, string | number>,
  headers?: HeadersInit,
) {
  return respond(
    ctx,
    <div>
      <Message tone={status >= 400 ? "error" : "info"}>{ctx.t(key, vars)}</Message>
      {status >= 400 && status !== 429 && !ctx.fragment ? ctx.retry?.() : null}
    </div>,
    status,
    headers,
  );
}

export const badRequestResponse = (ctx: ShopperContext) => messageResponse(ctx, "common.errors.bad_request", 400);

export const forbiddenOriginResponse = (ctx: ShopperContext) =>
  messageResponse(ctx, "common.errors.forbidden_origin", 403);

export const methodNotAllowedResponse = (ctx: ShopperContext, allow: string[]) =>
  messageResponse(ctx, "common.errors.method_not_allowed", 405, undefined, { Allow: allow.join(", ") });

export function rateLimitedResponse(ctx: ShopperContext, retryAfterSeconds: number) {
  return messageResponse(
    ctx,
    "common.errors.rate_limited",
    429,
    { count: Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

export const unavailableResponse = (ctx: ShopperContext) =>
  messageResponse(ctx, "common.errors.unavailable", 503, undefined, { "Retry-After": "5" });

/**
 * Shopify unavailable (throttled beyond our retries, or down): a translated 503 the shopper
 * can act on, never a 500. Anything else is a bug and is rethrown.
 */
export function platformUnavailableResponse(ctx: ShopperContext, error: unknown): Response {
  const platform =
    error instanceof ThrottledError ||
    error instanceof AdminApiError ||
    error instanceof HttpResponseError ||
    error instanceof HttpRequestError;
  if (!platform) throw error;
  console.warn("Care Desk: the Admin API is unavailable for a storefront request", error);
  return unavailableResponse(ctx);
}

/** A page on the shop itself (never another origin or a script URL). */
export function safeShopPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.length > 200)
    return fallback;
  return /^[\w\-/.~%]+$/.test(value) ? value : fallback;
}
