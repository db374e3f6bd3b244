// Contact's emails, in the conversation's language, through the durable queue: the
// acknowledgement (reference number and the reply-time promise, due in business hours), each
// owner reply, and the CSAT survey when a conversation is closed. Each is one job keyed by what
// it is about, enqueued BEFORE the row it reads is written: once the shopper sees "sent", the
// email is durable too. A job that finds nothing (the process died between the two) tries a
// few times, then ends without sending: that message never got its "sent".
import { env } from "~/env.server";
import type { AdminGraphql } from "~/graphql.server";
import { defineJob, enqueue } from "~/jobs/queue.server";
import { deliverOnce, escapeHtml } from "~/mail/outbox.server";
import { getShopProfile, type ShopProfile } from "~/shop/profile.server";
import { getSettings } from "~/shop/settings.server";
import { unauthenticated } from "~/shopify.server";
import { translator, type Translate } from "~/storefront/i18n";
import { addBusinessMinutes, type WeekHours } from "./hours";
import { getConversation } from "./model.server";
import { publishedState } from "./published";
import { contactSettings } from "./settings.server";
import { replyLocalPart, signConversationToken } from "./tokens";

export type ContactMailKind = "ack" | "reply" | "csat";

interface MailPayload {
  shop: string;
  conversationId: string;
  kind: ContactMailKind;
  /** The owner's message (reply). */
  messageId?: string;
}

const paragraphs = (text: string) => escapeHtml(text).replace(/\r?\n/g, "<br>");

/** The shop's profile without an Admin API call when it is cached (the usual case). */
const lazyGraphql = (shop: string): AdminGraphql =>
  (async (...args: Parameters<AdminGraphql>) =>
    (await unauthenticated.admin(shop)).admin.graphql(...args)) as AdminGraphql;

/** When a reply is due for a message sent at `from`, in the shopper's words and the shop's time zone. */
export function formatDue({
  hours,
  timeZone,
  promiseHours,
  from,
  locale,
}: {
  hours: WeekHours;
  timeZone: string;
  promiseHours: number;
  from: number;
  locale: string;
}): string {
  const due = addBusinessMinutes(hours, timeZone, from, promiseHours * 60);
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(due));
}

export function replyAddress(conversationId: string, profile: Pick<ShopProfile, "contactEmail">): string {
  return env.INBOUND_EMAIL_DOMAIN
    ? `${replyLocalPart(env.SHOPIFY_API_SECRET, conversationId)}@${env.INBOUND_EMAIL_DOMAIN}`
    : profile.contactEmail;
}

async function conversationLink(shop: string, conversationId: string, storefrontUrl: string) {
  const token = await signConversationToken("page", { shop, conversationId }, env.SHOPIFY_API_SECRET);
  const url = new URL("/apps/care/contact/conversation/", storefrontUrl);
  url.searchParams.set("t", token);
  return url.toString();
}

function footer(t: Translate, link: string, canReplyByEmail: boolean) {
  const hint = canReplyByEmail ? t("contact.email.reply_hint") : "";
  return {
    text: `${t("contact.email.open_page")}: ${link}\n${hint ? `${hint}\n` : ""}`,
    html: `<p><a href="${escapeHtml(link)}">${escapeHtml(t("contact.email.open_page"))}</a></p>${hint ? `<p>${escapeHtml(hint)}</p>` : ""}`,
  };
}

export const contactMailJob = defineJob<MailPayload>(
  "contact.mail",
  async ({ shop, conversationId, kind, messageId }, { key, attempt }) => {
    let conversation = await getConversation({ shop, id: conversationId });
    let message = messageId ? conversation?.messages.find((m) => m.id === messageId) : undefined;
    // Usually the row is written a few milliseconds after this job: wait for it briefly.
    for (let wait = 0; wait < 20 && (!conversation || (kind === "reply" && !message)); wait++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      conversation = await getConversation({ shop, id: conversationId });
      message = messageId ? conversation?.messages.find((m) => m.id === messageId) : undefined;
    }
    if (!conversation || (kind === "reply" && !message)) {
      // Not stored (yet): the request that enqueued this may still be writing it, or died.
      if (attempt < 3) throw new Error(`contact ${kind}: conversation not stored yet`);
      return;
    }
    if (conversation.folder === "spam" && kind === "ack") return;
    const [profile, settings, published] = await Promise.all([
      getShopProfile({ shop, graphql: lazyGraphql(shop) }),
      getSettings(contactSettings, shop),
      getSettings(publishedState, shop),
    ]);
    const t = translator(conversation.locale);
    const link = await conversationLink(shop, conversationId, profile.storefrontUrl);
    const end = footer(t, link, Boolean(env.INBOUND_EMAIL_DOMAIN));
    const base = { to: conversation.email, shopName: profile.name, replyTo: replyAddress(conversationId, profile) };
    const reference = conversation.reference;
    const first = conversation.messages[0]!;

    if (kind === "ack") {
      const intro = t("contact.email.ack_intro", { name: conversation.name, shop: profile.name, reference });
      const due = t("contact.answers.due", {
        due: formatDue({
          hours: settings.hours,
          timeZone: profile.ianaTimezone,
          promiseHours: published.promiseHours,
          from: first.createdAt.getTime(),
          locale: conversation.locale,
        }),
      });
      await deliverOnce(key, {
        ...base,
        subject: t("contact.email.ack_subject", { reference }),
        text: `${intro}\n${due}\n\n> ${first.body.replace(/\n/g, "\n> ")}\n\n${end.text}`,
        html: `<p>${escapeHtml(intro)}</p><p>${escapeHtml(due)}</p><blockquote>${paragraphs(first.body)}</blockquote>${end.html}`,
      });
    } else if (kind === "reply") {
      const intro = t("contact.email.reply_intro", { shop: profile.name });
      await deliverOnce(key, {
        ...base,
        subject: t("contact.email.reply_subject", { subject: conversation.subject, reference }),
        text: `${intro}\n\n${message!.body}\n\n${end.text}`,
        html: `<p>${escapeHtml(intro)}</p><p>${paragraphs(message!.body)}</p>${end.html}`,
      });
    } else {
      const token = await signConversationToken("csat", { shop, conversationId }, env.SHOPIFY_API_SECRET);
      const links = [1, 2, 3, 4, 5].map((score) => {
        const url = new URL("/apps/care/contact/csat/", profile.storefrontUrl);
        url.searchParams.set("t", token);
        url.searchParams.set("score", String(score));
        return { label: t("contact.email.csat_link", { score }), url: url.toString() };
      });
      const intro = t("contact.email.csat_intro", { shop: profile.name });
      await deliverOnce(key, {
        ...base,
        subject: t("contact.email.csat_subject", { reference }),
        text: `${intro}\n\n${links.map((l) => `${l.label}: ${l.url}`).join("\n")}\n`,
        html: `<p>${escapeHtml(intro)}</p><p>${links.map((l) => `<a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a>`).join(" · ")}</p>`,
      });
    }
  },
  { attempts: 8, backoffSeconds: 2, maxBackoffSeconds: 600, concurrency: 4 },
);

export const mailKey = (kind: ContactMailKind, id: string) => `contact.mail:${kind}:${id}`;

/** Durable once this resolves; `id` is the conversation (ack, csat) or the owner's message (reply). */
export async function enqueueContactMail(payload: MailPayload) {
  const id = payload.kind === "reply" ? payload.messageId! : payload.conversationId;
  await enqueue(contactMailJob, payload, { key: mailKey(payload.kind, id) });
}
