// The order lookup's storefront endpoints (app proxy, /apps/care/orders/*): what each one
// does with a verified request. The routes only hand the request over.
import { randomUUID } from "node:crypto";
import { env } from "~/env.server";
import { mailConfigured } from "~/mail/transport.server";
import type { StorefrontRequest } from "~/storefront/proxy.server";
import { addressLimit, charge, consume, exhausted } from "~/storefront/rate-limit.server";
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
  noteLookup,
  resumeSession,
  startSession,
  useLink,
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

const LIMITS = {
  /** Every lookup from one shopper address. */
  lookupPerAddress: env.LOOKUP_LIMIT_PER_IP,
  /** Failed lookups of one order number; beyond it the rightful shopper steps up to a code. */
  failuresPerOrder: env.LOOKUP_LIMIT_PER_ORDER,
  /** Wrong one-time codes for one order, across challenges. */
  codeGuessesPerOrder: env.LOOKUP_CODE_GUESSES_PER_ORDER,
  linksPerAddress: env.LINKS_LIMIT_PER_IP,
  /** Order-link emails sent to one address (the request is answered alike either way). */
  linkEmailsPerAddress: env.LINKS_LIMIT_PER_EMAIL,
};

const timing = new TimingFloor();

/**
 * Links to the order's documents (the invoice), given by the composition root (the route)
 * so this feature knows no other: undefined when there is nothing to download.
 */
export type DocumentLinks = (order: { shop: string; orderId: string }) => Promise<string | undefined>;
const noDocuments: DocumentLinks = async () => undefined;

/**
 * GET /orders/lookup: an emailed link (exchanged once for a session), a session the shopper's
 * page kept, or the empty form.
 */
export async function showOrder({ ctx, session, admin }: StorefrontRequest, documents = noDocuments) {
  const token = ctx.url.searchParams.get("t");
  const linkToken = ctx.url.searchParams.get("link");
  if (!token && !linkToken) return emptyFormResponse(ctx);

  const shop = session.shop;
  const profile = await getLookupProfile({ session, graphql: admin.graphql });
  // A link is spent here and exchanged for a new session; a session is renewed (same proof time).
  const proof: { orderId: string; renewed?: string } | null = linkToken
    ? await useLink({ token: linkToken, shop, strictSince: profile.strictSince })
    : await resumeSession({ token: token!, shop, strictSince: profile.strictSince });
  if (!proof) return messageResponse(ctx, "order_lookup.errors.expired", 401);
  const order = await getOrderById({ graphql: admin.graphql, id: proof.orderId });
  if (!order) return messageResponse(ctx, "order_lookup.errors.expired", 401);
  const email = order.email ? normalizeEmail(order.email) : null;
  const contact: Contact = email ? { kind: "email", value: email } : { kind: "phone", value: order.phone ?? "" };
  return orderResponse(ctx, order, {
    timeZone: profile.ianaTimezone,
    contact,
    sessionToken: proof.renewed ?? (await startSession({ shop, orderId: order.id })),
    contactPath: contactPath(ctx.url.searchParams.get("contact_url")),
    invoiceUrl: await documents({ shop, orderId: order.id }),
  });
}

/**
 * POST /orders/lookup: order number + email or phone. The per-address limit counts every
 * lookup; the per-order limit counts only failures, and once it is reached the right details
 * still get through, by a one-time code emailed to the order's address (never a plain 429
 * the attacker could impose on the owner).
 */
export async function lookUpOrder(
  { ctx, session, admin, form }: StorefrontRequest,
  request: Request,
  documents = noDocuments,
) {
  const started = performance.now();
  const shop = session.shop;

  const profile = await getLookupProfile({ session, graphql: admin.graphql });
  const values = {
    order_number: form.order_number ?? "",
    contact: form.contact ?? "",
    contact_url: contactPath(form.contact_url),
  };
  const parsed = parseLookupForm(values, profile);
  if (!parsed.ok) {
    noteLookup({ shop, outcome: "invalid" });
    return formErrorResponse(ctx, values, parsed.errors);
  }

  // The address limit is taken (refused: nothing else charged); the order's failures are only read.
  const failures = [{ name: "lookup-order-failures", key: parsed.orderName, limit: LIMITS.failuresPerOrder }];
  const [limited, locked] = await Promise.all([
    consume(shop, addressLimit(request, "lookup-ip", LIMITS.lookupPerAddress)),
    exhausted(shop, failures),
  ]);
  if (limited) {
    noteLookup({ shop, outcome: "rate_limited" });
    return rateLimitedResponse(ctx, limited.retryAfterSeconds);
  }

  // A filled honeypot is a bot: it gets the same answer as a wrong email.
  const order = form.website
    ? null
    : await findOrder({ graphql: admin.graphql, ...parsed, countryCode: profile.countryCode });
  const email = order?.email ? normalizeEmail(order.email) : null;
  const stepUp = profile.strictLookup || locked !== null;
  if (!order || (profile.strictLookup && !email)) {
    noteLookup({ shop, outcome: "not_found" });
    await charge(shop, failures);
    await timing.hold(started);
    return notFoundResponse(ctx, values, profile.readAllOrders);
  }

  if (stepUp) {
    // Locked and nowhere to send a code (an order with a phone only, or no mail configured).
    if (!email || !mailConfigured()) {
      noteLookup({ shop, outcome: "rate_limited" });
      return rateLimitedResponse(ctx, locked?.retryAfterSeconds ?? 60);
    }
    const challenge = await createChallenge({ shop, orderId: order.id });
    const hint = maskContact({ kind: "email", value: email });
    await sendLookupCode({
      key: `order-lookup.code:${challenge.id}`,
      to: email,
      code: challenge.code,
      orderName: order.name,
      profile,
      locale: ctx.locale,
    });
    noteLookup({ shop, outcome: "code_sent" });
    const token = await issueToken("challenge", { shop, orderId: order.id, challengeId: challenge.id, hint });
    return challengeResponse(ctx, { challenge: token, hint, contactUrl: values.contact_url });
  }

  const [sessionToken, invoiceUrl] = await Promise.all([
    startSession({ shop, orderId: order.id }),
    documents({ shop, orderId: order.id }),
  ]);
  const response = orderResponse(ctx, order, {
    timeZone: profile.ianaTimezone,
    contact: parsed.contact,
    sessionToken,
    contactPath: contactPath(form.contact_url),
    invoiceUrl,
  });
  timing.observe(performance.now() - started);
  noteLookup({ shop, outcome: "found" });
  return response;
}

/**
 * POST /orders/code: the one-time code unlocks the order. Wrong guesses per order are capped
 * across challenges; the masked address shown comes from the signed challenge only.
 */
export async function enterCode(
  { ctx, session, admin, form }: StorefrontRequest,
  request: Request,
  documents = noDocuments,
) {
  const shop = session.shop;

  const claims = await readToken("challenge", form.challenge ?? "", shop);
  if (!claims?.challengeId) return messageResponse(ctx, "order_lookup.errors.expired", 401);

  const perAddress = addressLimit(request, "lookup-ip", LIMITS.lookupPerAddress);
  const guesses = [{ name: "lookup-code-guesses", key: claims.orderId, limit: LIMITS.codeGuessesPerOrder }];
  const limited = await exhausted(shop, [...perAddress, ...guesses]);
  if (limited) return rateLimitedResponse(ctx, limited.retryAfterSeconds);
  await charge(shop, perAddress);

  const code = (form.code ?? "").replace(/\s/g, "");
  const valid = await verifyChallenge({ shop, challengeId: claims.challengeId, orderId: claims.orderId, code });
  const order = valid ? await getOrderById({ graphql: admin.graphql, id: claims.orderId }) : null;
  const email = order?.email ? normalizeEmail(order.email) : null;
  if (!order || !email) {
    noteLookup({ shop, outcome: "code_invalid" });
    await charge(shop, guesses);
    return challengeResponse(ctx, {
      challenge: form.challenge ?? "",
      hint: claims.hint ?? "",
      contactUrl: contactPath(form.contact_url),
      error: true,
    });
  }

  noteLookup({ shop, outcome: "found" });
  const profile = await getLookupProfile({ session, graphql: admin.graphql });
  return orderResponse(ctx, order, {
    timeZone: profile.ianaTimezone,
    contact: { kind: "email", value: email },
    sessionToken: await startSession({ shop, orderId: order.id }),
    contactPath: contactPath(form.contact_url),
    invoiceUrl: await documents({ shop, orderId: order.id }),
  });
}

/**
 * POST /orders/links: "Email me my order links". Takes only an email address and always
 * answers the same sentence; the links go to that address only. The per-address limit
 * answers 429; the per-email limit counts emails actually sent and is never shown, so nobody
 * can use it to stop the owner of an address from getting their links (they are in that
 * mailbox already).
 */
export async function emailOrderLinks({ ctx, session, form }: StorefrontRequest, request: Request) {
  const shop = session.shop;

  const email = normalizeEmail(form.email ?? "");
  if (!email) return messageResponse(ctx, "order_lookup.errors.contact_invalid", 422);

  const limited = await consume(shop, addressLimit(request, "links-ip", LIMITS.linksPerAddress));
  if (limited) return rateLimitedResponse(ctx, limited.retryAfterSeconds);
  noteLookup({ shop, outcome: "links_requested" });

  // The search and the email happen in a job after the answer, so its timing tells nothing.
  await requestOrderLinks({
    shop,
    email,
    locale: ctx.locale,
    requestId: randomUUID(),
    limit: LIMITS.linkEmailsPerAddress,
  });

  return messageResponse(ctx, "order_lookup.links.sent", 200);
}
