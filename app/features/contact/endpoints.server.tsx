// Contact's storefront endpoints (app proxy, /apps/care/contact/…), in the shopper's language:
// - POST /contact/: the block's form. Validated, then the spam rules (honeypot, time to
//   submit, per-address and per-email limits, content rules, duplicates) decide the folder:
//   a blocked message is stored in Spam with the reason and answered like any other (a bot
//   learns nothing), only a flood beyond CONTACT_FLOOD_PER_IP gets a 429 and is not stored.
//   The acknowledgement email is enqueued before the message is stored, and the message is
//   stored before the shopper sees "sent".
// - GET/POST /contact/conversation/?t=: the shopper's conversation page (signed link from the
//   emails, bound to the shop and the conversation, 30 days) and its reply form.
// - GET/POST /contact/csat/?t=&score=: the one-click CSAT answer and an optional comment.
// - POST /contact/faq/: the deflection beacon (FAQ opened, nothing sent); counts only.
import { env } from "~/env.server";
import { getShopProfile } from "~/shop/profile.server";
import { getSettings } from "~/shop/settings.server";
import { Message } from "~/storefront/Message";
import type { StorefrontRequest } from "~/storefront/proxy.server";
import { addressLimit, charge, consume, exhausted } from "~/storefront/rate-limit.server";
import { messageResponse, rateLimitedResponse, respond, type StorefrontEndpoint } from "~/storefront/responses.server";
import { acceptMessage } from "./accept.server";
import { ContactForm, ConversationPage, CsatPage, type ContactValues } from "./ContactViews";
import { formatDue } from "./mail.server";
import {
  addCustomerMessage,
  getConversation,
  isDuplicate,
  LIMITS,
  recordCsat,
  recordEvent,
  TOPICS,
  type Topic,
} from "./model.server";
import { publishedState } from "./published";
import { loadContactSettings } from "./settings.server";
import { contentRules, formRules, type SpamReason } from "./spam";
import { verifyConversationToken } from "./tokens";

export const CONTACT_ENDPOINT: StorefrontEndpoint = { title: "contact.page_title" };
/** The conversation page and the CSAT comment: their forms carry the signed link's token. */
export const CONVERSATION_ENDPOINT: StorefrontEndpoint = { title: "contact.page_title", postsCarryToken: true };
/** A message of 5,000 characters in any script fits (URL-encoded CJK is 9 bytes a character). */
export const CONTACT_FORM_LIMITS = { maxBodyBytes: 64 * 1024, maxFieldLength: LIMITS.message + 1 };

const EMAIL = /^[^\s@<>()",;:]{1,64}@[^\s@<>()",;:]+\.[^\s@<>()",;:]{2,}$/;

/** Plain text: no control characters but newlines and tabs; Windows newlines normalised. */
export function cleanText(value: string | undefined): string {
  return (
    (value ?? "")
      .replace(/\r\n?/g, "\n")
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, "")
      .trim()
  );
}

type FieldError = "name_missing" | "email_invalid" | "order_invalid" | "message_missing" | "message_too_long";

export function validateContact(
  form: Record<string, string>,
):
  | { ok: true; value: { name: string; email: string; orderNumber: string | null; topic: Topic; message: string } }
  | { ok: false; error: FieldError } {
  const name = cleanText(form.name).replace(/\s+/g, " ");
  if (!name || name.length > LIMITS.name) return { ok: false, error: "name_missing" };
  const email = (form.email ?? "").trim().toLowerCase();
  if (email.length > LIMITS.email || !EMAIL.test(email)) return { ok: false, error: "email_invalid" };
  const order = cleanText(form.order_number).replace(/\s+/g, "");
  if (order.length > LIMITS.order || (order && !/^#?[\p{L}\p{N}._-]+$/u.test(order)))
    return { ok: false, error: "order_invalid" };
  const message = cleanText(form.message);
  if (!message) return { ok: false, error: "message_missing" };
  if (message.length > LIMITS.message) return { ok: false, error: "message_too_long" };
  const topic = TOPICS.find((t) => t === form.topic) ?? "other";
  return { ok: true, value: { name, email, orderNumber: order || null, topic, message } };
}

function formAgain(ctx: StorefrontRequest["ctx"], key: string, values: ContactValues, status: number) {
  return respond(
    ctx,
    <div>
      <Message tone="error">{ctx.t(key)}</Message>
      {ctx.fragment ? null : (
        <ContactForm t={ctx.t} locale={ctx.locale} values={values} startedAt={Math.floor(Date.now() / 1000)} />
      )}
    </div>,
    status,
  );
}

/** POST /apps/care/contact/ */
export async function submitContact(
  { ctx, session, admin, form }: StorefrontRequest,
  request: Request,
  { now = Date.now() }: { now?: number } = {},
) {
  const shop = session.shop;
  const values: ContactValues = {
    name: form.name,
    email: form.email,
    order_number: form.order_number,
    topic: form.topic,
    message: form.message,
  };
  const valid = validateContact(form);
  if (!valid.ok) return formAgain(ctx, `contact.answers.${valid.error}`, values, 422);
  const message = valid.value;

  // A flood from one address is refused outright (429), before anything is stored.
  const perAddress = addressLimit(request, "contact-flood", env.CONTACT_FLOOD_PER_IP);
  const flooded = await consume(shop, perAddress);
  if (flooded) return rateLimitedResponse(ctx, flooded.retryAfterSeconds);

  // Below that, every rule that fires sends the message to Spam with its reason.
  const limits = [
    ...addressLimit(request, "contact-ip", env.CONTACT_LIMIT_PER_IP),
    { name: "contact-email", key: message.email, limit: env.CONTACT_LIMIT_PER_EMAIL },
  ];
  let reason: SpamReason | null = formRules({ website: form.website, started: form.started, now });
  reason ??= contentRules({ name: message.name, message: message.message });
  if (!reason) {
    for (const check of limits) {
      if (await exhausted(shop, [check])) {
        reason = check.name === "contact-ip" ? "rate_ip" : "rate_email";
        break;
      }
    }
  }
  if (!reason && (await isDuplicate({ shop, email: message.email, message: message.message }))) reason = "duplicate";
  await charge(shop, limits);

  const created = await acceptMessage({
    shop,
    conversation: { ...message, locale: ctx.locale, spamReason: reason, createdAt: new Date(now) },
  });
  if (form.faq_opened === "1") await recordEvent({ shop, kind: "faq_then_sent" });

  const [settings, published, profile] = await Promise.all([
    loadContactSettings({ shop }),
    getSettings(publishedState, shop),
    getShopProfile({ shop, graphql: admin.graphql }),
  ]);
  const due = formatDue({
    hours: settings.hours,
    timeZone: profile.ianaTimezone,
    promiseHours: published.promiseHours,
    from: now,
    locale: ctx.locale,
  });
  return respond(
    ctx,
    <div>
      <Message>{ctx.t("contact.answers.sent", { name: message.name, reference: created.reference })}</Message>
      <p>{ctx.t("contact.answers.due", { due })}</p>
    </div>,
    200,
  );
}

// ——— the shopper's conversation page ———

async function conversationFor(ctx: StorefrontRequest["ctx"], shop: string, token: string | null | undefined) {
  const id = await verifyConversationToken("page", token, { shop, secret: env.SHOPIFY_API_SECRET });
  return id ? getConversation({ shop, id }) : null;
}

async function conversationAnswer(
  { ctx, session, admin }: StorefrontRequest,
  token: string,
  conversation: NonNullable<Awaited<ReturnType<typeof getConversation>>>,
  notice?: { key: string; tone: "info" | "error" },
  status = 200,
) {
  const profile = await getShopProfile({ shop: session.shop, graphql: admin.graphql });
  const format = new Intl.DateTimeFormat(ctx.locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: profile.ianaTimezone,
  });
  return respond(
    ctx,
    <ConversationPage
      t={ctx.t}
      token={token}
      locale={ctx.locale}
      notice={notice}
      view={{
        reference: conversation.reference,
        status: conversation.status,
        shopName: profile.name,
        messages: conversation.messages.map((m) => ({
          id: m.id,
          author: m.author,
          body: m.body,
          at: m.createdAt.toISOString(),
          when: format.format(m.createdAt),
        })),
      }}
    />,
    status,
  );
}

/** GET /apps/care/contact/conversation/?t= */
export async function showConversation(storefront: StorefrontRequest) {
  const token = storefront.ctx.url.searchParams.get("t");
  const conversation = await conversationFor(storefront.ctx, storefront.session.shop, token);
  if (!conversation || conversation.folder === "spam")
    return messageResponse(storefront.ctx, "contact.answers.link_invalid", 401);
  return conversationAnswer(storefront, token!, conversation);
}

/** POST /apps/care/contact/conversation/: the shopper's reply on the page. */
export async function replyOnPage(storefront: StorefrontRequest, request: Request) {
  const { ctx, session, form } = storefront;
  const shop = session.shop;
  const conversation = await conversationFor(ctx, shop, form.t);
  if (!conversation || conversation.folder === "spam") return messageResponse(ctx, "contact.answers.link_invalid", 401);
  const body = cleanText(form.message);
  if (!body)
    return conversationAnswer(
      storefront,
      form.t!,
      conversation,
      { key: "contact.answers.message_missing", tone: "error" },
      422,
    );
  if (body.length > LIMITS.message)
    return conversationAnswer(
      storefront,
      form.t!,
      conversation,
      { key: "contact.answers.message_too_long", tone: "error" },
      422,
    );
  const limited = await consume(shop, [
    ...addressLimit(request, "contact-page-ip", env.CONTACT_FLOOD_PER_IP),
    { name: "contact-page", key: conversation.id, limit: { points: 20, durationSeconds: 3600 } },
  ]);
  if (limited) return rateLimitedResponse(ctx, limited.retryAfterSeconds);
  await addCustomerMessage({ shop, id: conversation.id, body, channel: "page" });
  const updated = (await getConversation({ shop, id: conversation.id }))!;
  return conversationAnswer(storefront, form.t!, updated, { key: "contact.answers.reply_sent", tone: "info" });
}

// ——— CSAT ———

/** GET /apps/care/contact/csat/?t=&score=: the click in the email records the score. */
export async function csatFromLink({ ctx, session }: StorefrontRequest) {
  const token = ctx.url.searchParams.get("t");
  const id = await verifyConversationToken("csat", token, { shop: session.shop, secret: env.SHOPIFY_API_SECRET });
  if (!id) return messageResponse(ctx, "contact.answers.link_invalid", 401);
  const score = Number(ctx.url.searchParams.get("score"));
  const valid = Number.isInteger(score) && score >= 1 && score <= 5;
  if (valid && !(await recordCsat({ shop: session.shop, id, score })))
    return messageResponse(ctx, "contact.answers.link_invalid", 401);
  return respond(
    ctx,
    <CsatPage t={ctx.t} token={token!} locale={ctx.locale} score={valid ? score : null} commented={false} />,
  );
}

/** POST /apps/care/contact/csat/: the optional comment. */
export async function csatComment({ ctx, session, form }: StorefrontRequest) {
  const id = await verifyConversationToken("csat", form.t, { shop: session.shop, secret: env.SHOPIFY_API_SECRET });
  if (!id) return messageResponse(ctx, "contact.answers.link_invalid", 401);
  const comment = cleanText(form.comment).slice(0, LIMITS.comment);
  if (comment && !(await recordCsat({ shop: session.shop, id, comment })))
    return messageResponse(ctx, "contact.answers.link_invalid", 401);
  return respond(ctx, <CsatPage t={ctx.t} token={form.t!} locale={ctx.locale} score={null} commented />);
}

// ——— FAQ deflection beacon ———

/** POST /apps/care/contact/faq/ (navigator.sendBeacon on leaving the page). */
export async function faqBeacon({ ctx, session, form }: StorefrontRequest, request: Request) {
  if (form.event !== "deflected") return messageResponse(ctx, "common.errors.bad_request", 400);
  const limited = await consume(
    session.shop,
    addressLimit(request, "contact-faq", { points: 20, durationSeconds: 3600 }),
  );
  if (limited)
    return new Response(null, { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } });
  await recordEvent({ shop: session.shop, kind: "faq_deflected" });
  return new Response(null, { status: 204 });
}

/** GET /apps/care/contact/?order=: the form as a page (the lookup's "Contact us" can link here). */
export async function showContactForm({ ctx }: StorefrontRequest) {
  const order = cleanText(ctx.url.searchParams.get("order") ?? "").slice(0, LIMITS.order);
  return respond(
    ctx,
    <ContactForm
      t={ctx.t}
      locale={ctx.locale}
      values={{ order_number: order }}
      startedAt={Math.floor(Date.now() / 1000)}
    />,
  );
}
