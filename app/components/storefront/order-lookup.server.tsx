// Responses of the order lookup's app proxy endpoints, in the shopper's language.
import { HttpRequestError, HttpResponseError } from "@shopify/shopify-api";
import { AdminApiError } from "~/graphql.server";
import { resolveLocale, translator, type Translate } from "~/i18n/storefront";
import type { Contact } from "~/models/order-lookup/normalize";
import { orderView, type LookupOrder } from "~/models/order-lookup/view";
import type { LookupFieldError } from "~/models/order-lookup.server";
import { ThrottledError } from "~/throttle";
import { CodeForm, LookupForm, Message, OrderResult } from "./OrderLookup";
import { storefrontResponse, wantsFragment, type LiquidFn } from "./page.server";

export interface ShopperContext {
  liquid: LiquidFn;
  url: URL;
  locale: string;
  t: Translate;
}

export function shopperContext(request: Request, liquid: LiquidFn, formLocale?: unknown): ShopperContext {
  const url = new URL(request.url);
  const locale = resolveLocale(
    typeof formLocale === "string" ? formLocale : undefined,
    url.searchParams.get("locale"),
    request.headers.get("accept-language"),
  );
  return { liquid, url, locale, t: translator(locale) };
}

function respond(ctx: ShopperContext, element: React.ReactElement, status = 200, headers?: HeadersInit) {
  return storefrontResponse({
    liquid: ctx.liquid,
    element,
    fragment: wantsFragment(ctx.url),
    title: ctx.t("order_lookup.heading"),
    status,
    headers,
  });
}

/** A contact page link on the shop itself (never another origin or a script URL). */
export function safeShopPath(value: unknown, fallback = "/pages/contact"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.length > 200)
    return fallback;
  return /^[\w\-/.~%]+$/.test(value) ? value : fallback;
}

export function formErrorResponse(
  ctx: ShopperContext,
  values: { order_number?: string; contact?: string },
  errors: { order_number?: LookupFieldError; contact?: LookupFieldError },
) {
  const t = ctx.t;
  return respond(
    ctx,
    <div>
      <Message tone="error">{t("order_lookup.errors.heading")}</Message>
      <LookupForm
        t={t}
        locale={ctx.locale}
        values={values}
        errors={{
          order_number: errors.order_number && t(`order_lookup.errors.${errors.order_number}`),
          contact: errors.contact && t(`order_lookup.errors.${errors.contact}`),
        }}
      />
    </div>,
    422,
  );
}

/** The one answer for a wrong email, a wrong phone and an unknown order number. */
export function notFoundResponse(
  ctx: ShopperContext,
  values: { order_number?: string; contact?: string },
  readAllOrders: boolean,
) {
  const t = ctx.t;
  return respond(
    ctx,
    <div>
      <Message tone="error">
        {t("order_lookup.errors.not_found")}
        {readAllOrders ? null : <> {t("order_lookup.errors.too_old")}</>}
      </Message>
      <LookupForm t={t} locale={ctx.locale} values={values} />
    </div>,
    404,
  );
}

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
      {status >= 400 && status !== 429 ? <LookupForm t={ctx.t} locale={ctx.locale} values={{}} /> : null}
    </div>,
    status,
    headers,
  );
}

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
  return messageResponse(ctx, "order_lookup.errors.unavailable", 503, undefined, { "Retry-After": "5" });
}

export function rateLimitedResponse(ctx: ShopperContext, retryAfterSeconds: number) {
  return messageResponse(
    ctx,
    "order_lookup.errors.rate_limited",
    429,
    { count: Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

export function orderResponse(
  ctx: ShopperContext,
  order: LookupOrder,
  {
    timeZone,
    contact,
    sessionToken,
    contactPath,
  }: { timeZone: string; contact: Contact; sessionToken: string; contactPath: string },
) {
  const view = orderView(order, { locale: ctx.locale, timeZone, contact });
  const contactUrl = `${contactPath}?${new URLSearchParams({ order: order.name })}`;
  return respond(
    ctx,
    <OrderResult
      t={ctx.t}
      view={view}
      contactUrl={contactUrl}
      anotherUrl={`/apps/care/orders/lookup/?locale=${ctx.locale}`}
      sessionToken={sessionToken}
    />,
  );
}

export function challengeResponse(
  ctx: ShopperContext,
  { challenge, email, error }: { challenge: string; email: string; error?: boolean },
) {
  return respond(
    ctx,
    <CodeForm
      t={ctx.t}
      locale={ctx.locale}
      challenge={challenge}
      email={email}
      error={error ? ctx.t("order_lookup.errors.code_invalid") : undefined}
    />,
    error ? 422 : 200,
  );
}

export function emptyFormResponse(ctx: ShopperContext) {
  return respond(ctx, <LookupForm t={ctx.t} locale={ctx.locale} values={{}} />);
}
