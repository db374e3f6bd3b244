// The order lookup's storefront endpoints (app proxy, /apps/care/orders/*): what each one
// does with a verified request. The routes only hand the request over.
import { randomUUID } from "node:crypto";
import { env } from "~/env.server";
import type { StorefrontRequest } from "~/storefront/proxy.server";
import { clientIp, consume } from "~/storefront/rate-limit.server";
import { messageResponse, rateLimitedResponse } from "~/storefront/responses.server";
import { requestOrderLinks } from "./jobs.server";
import { sendLookupCode } from "./mail.server";
import {
  createChallenge,
  findOrder,
  getLookupProfile,
  getOrderById,
  issueToken,
  parseLookupForm,
  readToken,
  recordLookup,
  verifyChallenge,
} from "./model.server";
import { maskContact, normalizeEmail, type Contact } from "./normalize";
import {
  challengeResponse,
  contactPath,
  emptyFormResponse,
  formErrorResponse,
  notFoundResponse,
  orderResponse,
} from "./responses.server";
import { TimingFloor } from "./timing";
import { keyedHash } from "./tokens";

const LIMITS = {
  lookupPerIp: env.LOOKUP_LIMIT_PER_IP,
  lookupPerOrder: env.LOOKUP_LIMIT_PER_ORDER,
  linksPerIp: env.LINKS_LIMIT_PER_IP,
  linksPerEmail: env.LINKS_LIMIT_PER_EMAIL,
};

const timing = new TimingFloor();

/**
 * Links to the order's documents (the invoice), given by the composition root (the route)
 * so this feature knows no other: undefined when there is nothing to download.
 */
export type DocumentLinks = (order: { shop: string; orderId: string }) => Promise<string | undefined>;
const noDocuments: DocumentLinks = async () => undefined;

/** GET /orders/lookup: an order the shopper already proved (session token or emailed link), or the form. */
export async function showOrder({ ctx, session, admin }: StorefrontRequest, documents = noDocuments) {
  const token = ctx.url.searchParams.get("t");
  if (!token) return emptyFormResponse(ctx);

  const claims = (await readToken("session", token, session.shop)) ?? (await readToken("link", token, session.shop));
  if (!claims) return messageResponse(ctx, "order_lookup.errors.expired", 401);
  const profile = await getLookupProfile({ session, graphql: admin.graphql });
  const order = await getOrderById({ graphql: admin.graphql, id: claims.orderId });
  if (!order) return messageResponse(ctx, "order_lookup.errors.expired", 401);
  const email = order.email ? normalizeEmail(order.email) : null;
  const contact: Contact = email ? { kind: "email", value: email } : { kind: "phone", value: order.phone ?? "" };
  return orderResponse(ctx, order, {
    timeZone: profile.ianaTimezone,
    contact,
    sessionToken: await issueToken("session", { shop: session.shop, orderId: order.id }),
    contactPath: contactPath(ctx.url.searchParams.get("contact_url")),
    invoiceUrl: await documents({ shop: session.shop, orderId: order.id }),
  });
}

/** POST /orders/lookup: order number + email or phone. */
export async function lookUpOrder(
  { ctx, session, admin, form }: StorefrontRequest,
  request: Request,
  documents = noDocuments,
) {
  const started = performance.now();
  const shop = session.shop;

  const profile = await getLookupProfile({ session, graphql: admin.graphql });
  const values = { order_number: form.order_number ?? "", contact: form.contact ?? "" };
  const parsed = parseLookupForm(values, profile);
  if (!parsed.ok) {
    await recordLookup({ shop, outcome: "invalid" });
    return formErrorResponse(ctx, values, parsed.errors);
  }

  const limited = await consume(shop, [
    { name: "lookup-ip", key: clientIp(request), limit: LIMITS.lookupPerIp },
    { name: "lookup-order", key: parsed.orderName, limit: LIMITS.lookupPerOrder },
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
    await sendLookupCode({
      key: `order-lookup.code:${challenge.id}`,
      to: email,
      code: challenge.code,
      orderName: order.name,
      profile,
      locale: ctx.locale,
    });
    await recordLookup({ shop, outcome: "code_sent" });
    const token = await issueToken("challenge", { shop, orderId: order.id, challengeId: challenge.id });
    return challengeResponse(ctx, { challenge: token, email: maskContact({ kind: "email", value: email }) });
  }

  await recordLookup({ shop, outcome: "found" });
  const response = orderResponse(ctx, order, {
    timeZone: profile.ianaTimezone,
    contact: parsed.contact,
    sessionToken: await issueToken("session", { shop, orderId: order.id }),
    contactPath: contactPath(form.contact_url),
    invoiceUrl: await documents({ shop, orderId: order.id }),
  });
  timing.observe(performance.now() - started);
  return response;
}

/** POST /orders/code: strict mode's one-time code unlocks the order. */
export async function enterCode(
  { ctx, session, admin, form }: StorefrontRequest,
  request: Request,
  documents = noDocuments,
) {
  const shop = session.shop;

  const claims = await readToken("challenge", form.challenge ?? "", shop);
  if (!claims?.challengeId) return messageResponse(ctx, "order_lookup.errors.expired", 401);

  const limited = await consume(shop, [{ name: "lookup-ip", key: clientIp(request), limit: LIMITS.lookupPerIp }]);
  if (limited) return rateLimitedResponse(ctx, limited.retryAfterSeconds);

  const code = (form.code ?? "").replace(/\s/g, "");
  const valid = await verifyChallenge({ shop, challengeId: claims.challengeId, orderId: claims.orderId, code });
  const order = valid ? await getOrderById({ graphql: admin.graphql, id: claims.orderId }) : null;
  const email = order?.email ? normalizeEmail(order.email) : null;
  if (!order || !email) {
    await recordLookup({ shop, outcome: "code_invalid" });
    return challengeResponse(ctx, {
      challenge: form.challenge ?? "",
      email: (form.hint ?? "").slice(0, 100),
      error: true,
    });
  }

  await recordLookup({ shop, outcome: "found" });
  const profile = await getLookupProfile({ session, graphql: admin.graphql });
  return orderResponse(ctx, order, {
    timeZone: profile.ianaTimezone,
    contact: { kind: "email", value: email },
    sessionToken: await issueToken("session", { shop, orderId: order.id }),
    contactPath: contactPath(undefined),
    invoiceUrl: await documents({ shop, orderId: order.id }),
  });
}

/**
 * POST /orders/links: "Email me my order links". Takes only an email address and always
 * answers the same sentence; the links go to that address only.
 */
export async function emailOrderLinks({ ctx, session, form }: StorefrontRequest, request: Request) {
  const shop = session.shop;

  const email = normalizeEmail(form.email ?? "");
  if (!email) return messageResponse(ctx, "order_lookup.errors.contact_invalid", 422);

  const limited = await consume(shop, [
    { name: "links-ip", key: clientIp(request), limit: LIMITS.linksPerIp },
    {
      name: "links-email",
      key: keyedHash(env.SHOPIFY_API_SECRET, "rate-limit:email", email),
      limit: LIMITS.linksPerEmail,
    },
  ]);
  if (limited) return rateLimitedResponse(ctx, limited.retryAfterSeconds);
  await recordLookup({ shop, outcome: "links_requested" });

  // The search and the email happen in a job after the answer, so its timing tells nothing.
  await requestOrderLinks({ shop, email, locale: ctx.locale, requestId: randomUUID() });

  return messageResponse(ctx, "order_lookup.links.sent", 200);
}
