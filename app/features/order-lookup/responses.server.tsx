// Answers of the order lookup's app proxy endpoints, in the shopper's language, on the
// shared storefront layer (page or fragment, common errors).
import { Message } from "~/storefront/Message";
import { respond, safeShopPath, type ShopperContext, type StorefrontEndpoint } from "~/storefront/responses.server";
import type { LookupFieldError } from "./model.server";
import type { Contact } from "./normalize";
import { CodeForm, LookupForm, OrderResult } from "./OrderLookup";
import { orderView, type LookupOrder } from "./view";

/** The shop's contact page the result links to (never another origin). */
export const contactPath = (value: unknown) => safeShopPath(value, "/pages/contact");

const formContactUrl = (ctx: Omit<ShopperContext, "retry">) => contactPath(ctx.url.searchParams.get("contact_url"));

/**
 * Every lookup endpoint: titled "Find your order"; on a full page an error is followed by the
 * form again. A fragment never carries a form: the block's own form is on the page already.
 */
export const LOOKUP_ENDPOINT: StorefrontEndpoint = {
  title: "order_lookup.heading",
  retry: (ctx) => <LookupForm t={ctx.t} locale={ctx.locale} values={{}} contactUrl={formContactUrl(ctx)} />,
};

export function formErrorResponse(
  ctx: ShopperContext,
  values: { order_number?: string; contact?: string; contact_url?: string },
  errors: { order_number?: LookupFieldError; contact?: LookupFieldError },
) {
  const t = ctx.t;
  const messages = {
    order_number: errors.order_number && t(`order_lookup.errors.${errors.order_number}`),
    contact: errors.contact && t(`order_lookup.errors.${errors.contact}`),
  };
  return respond(
    ctx,
    <div>
      <Message tone="error">{t("order_lookup.errors.heading")}</Message>
      {ctx.fragment ? (
        <ul className="care-desk__errors">
          {Object.values(messages)
            .filter(Boolean)
            .map((message) => (
              <li key={message}>{message}</li>
            ))}
        </ul>
      ) : (
        <LookupForm
          t={t}
          locale={ctx.locale}
          values={values}
          errors={messages}
          contactUrl={contactPath(values.contact_url)}
        />
      )}
    </div>,
    422,
  );
}

/** The one answer for a wrong email, a wrong phone and an unknown order number. */
export function notFoundResponse(
  ctx: ShopperContext,
  values: { order_number?: string; contact?: string; contact_url?: string },
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
      {ctx.fragment ? null : (
        <LookupForm t={t} locale={ctx.locale} values={values} contactUrl={contactPath(values.contact_url)} />
      )}
    </div>,
    404,
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
    invoiceUrl,
  }: { timeZone: string; contact: Contact; sessionToken: string; contactPath: string; invoiceUrl?: string },
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
      invoiceUrl={invoiceUrl ? `${invoiceUrl}&locale=${ctx.locale}` : undefined}
    />,
  );
}

export function challengeResponse(
  ctx: ShopperContext,
  { challenge, hint, contactUrl, error }: { challenge: string; hint: string; contactUrl: string; error?: boolean },
) {
  return respond(
    ctx,
    <CodeForm
      t={ctx.t}
      locale={ctx.locale}
      challenge={challenge}
      hint={hint}
      contactUrl={contactUrl}
      error={error ? ctx.t("order_lookup.errors.code_invalid") : undefined}
    />,
    error ? 422 : 200,
  );
}

export function emptyFormResponse(ctx: ShopperContext) {
  return respond(ctx, <LookupForm t={ctx.t} locale={ctx.locale} values={{}} contactUrl={formContactUrl(ctx)} />);
}
