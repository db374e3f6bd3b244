// Storefront: /apps/care/orders/lookup (app proxy). POST: the lookup form. GET: an order the
// shopper already proved (session token or emailed link), or the empty form.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  challengeResponse,
  emptyFormResponse,
  formErrorResponse,
  messageResponse,
  notFoundResponse,
  orderResponse,
  rateLimitedResponse,
  safeShopPath,
} from "~/components/storefront/order-lookup.server";
import { sendLookupCode } from "~/models/order-lookup/mail.server";
import { maskContact, normalizeEmail, type Contact } from "~/models/order-lookup/normalize";
import { TimingFloor } from "~/models/order-lookup/timing";
import {
  createChallenge,
  findOrder,
  getOrderById,
  getShopProfile,
  issueToken,
  parseLookupForm,
  readToken,
  recordLookup,
} from "~/models/order-lookup.server";
import { clientIp, consume, LIMITS } from "~/rate-limit.server";
import { handleStorefront } from "~/storefront.server";

const timing = new TimingFloor();

export const loader = async ({ request }: LoaderFunctionArgs) => {
  return handleStorefront(request, async ({ ctx, session, admin }) => {
    const token = ctx.url.searchParams.get("t");
    if (!token) return emptyFormResponse(ctx);

    const claims = (await readToken("session", token, session.shop)) ?? (await readToken("link", token, session.shop));
    if (!claims) return messageResponse(ctx, "order_lookup.errors.expired", 401);
    const profile = await getShopProfile({ shop: session.shop, graphql: admin.graphql, scope: session.scope });
    const order = await getOrderById({ graphql: admin.graphql, id: claims.orderId });
    if (!order) return messageResponse(ctx, "order_lookup.errors.expired", 401);
    const email = order.email ? normalizeEmail(order.email) : null;
    const contact: Contact = email ? { kind: "email", value: email } : { kind: "phone", value: order.phone ?? "" };
    return orderResponse(ctx, order, {
      timeZone: profile.ianaTimezone,
      contact,
      sessionToken: await issueToken("session", { shop: session.shop, orderId: order.id }),
      contactPath: safeShopPath(ctx.url.searchParams.get("contact_url")),
    });
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const started = performance.now();
  return handleStorefront(request, async ({ ctx, session, admin, form }) => {
    const shop = session.shop;

    const profile = await getShopProfile({ shop, graphql: admin.graphql, scope: session.scope });
    const values = { order_number: form.order_number ?? "", contact: form.contact ?? "" };
    const parsed = parseLookupForm(values, profile);
    if (!parsed.ok) {
      await recordLookup({ shop, outcome: "invalid" });
      return formErrorResponse(ctx, values, parsed.errors);
    }

    const limited = await consume([
      { name: "lookup-ip", key: `${shop}:${clientIp(request)}`, limit: LIMITS.lookupPerIp },
      { name: "lookup-order", key: `${shop}:${parsed.orderName}`, limit: LIMITS.lookupPerOrder },
    ]);
    if (limited) {
      await recordLookup({ shop, outcome: "rate_limited" });
      return rateLimitedResponse(ctx, limited.retryAfterSeconds);
    }

    // A filled honeypot is a bot: it gets the same answer as a wrong email.
    const order = form.website
      ? null
      : await findOrder({ graphql: admin.graphql, ...parsed, countryCode: profile.countryCode });
    const email = order?.email ? normalizeEmail(order.email) : null;
    if (!order || (profile.strictLookup && !email)) {
      await recordLookup({ shop, outcome: "not_found" });
      await timing.hold(started);
      return notFoundResponse(ctx, values, profile.readAllOrders);
    }

    if (profile.strictLookup && email) {
      const challenge = await createChallenge({ shop, orderId: order.id });
      await sendLookupCode({ to: email, code: challenge.code, orderName: order.name, profile, locale: ctx.locale });
      await recordLookup({ shop, outcome: "code_sent" });
      const token = await issueToken("challenge", { shop, orderId: order.id, challengeId: challenge.id });
      return challengeResponse(ctx, { challenge: token, email: maskContact({ kind: "email", value: email }) });
    }

    await recordLookup({ shop, outcome: "found" });
    const response = orderResponse(ctx, order, {
      timeZone: profile.ianaTimezone,
      contact: parsed.contact,
      sessionToken: await issueToken("session", { shop, orderId: order.id }),
      contactPath: safeShopPath(form.contact_url),
    });
    timing.observe(performance.now() - started);
    return response;
  });
};
