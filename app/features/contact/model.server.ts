// Contact conversations, the app's own data: storing a shopper's message, the inbox's lists,
// replies, statuses, spam, CSAT and the Home metrics. Every query is scoped by shop.
import { randomBytes, randomUUID } from "node:crypto";
import prisma from "~/db.server";
import type { Prisma } from "~/generated/sqlite/client";
import { businessMinutesBetween, type WeekHours } from "./hours";
import { fingerprint, type SpamReason } from "./spam";

export const STATUSES = ["open", "waiting", "closed"] as const;
export type ConversationStatus = (typeof STATUSES)[number];
export const isStatus = (value: unknown): value is ConversationStatus => STATUSES.includes(value as ConversationStatus);

export const TOPICS = ["order", "shipping", "returns", "product", "other"] as const;
export type Topic = (typeof TOPICS)[number];

export const LIMITS = { name: 80, email: 254, order: 32, message: 5000, comment: 1000 } as const;

// Crockford-style alphabet without 0/O, 1/I/L: read aloud or typed from an email.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export function newReference(): string {
  const bytes = randomBytes(7);
  let out = "C-";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

export interface NewConversation {
  id?: string;
  name: string;
  email: string;
  orderNumber: string | null;
  topic: Topic;
  message: string;
  locale: string;
  spamReason: SpamReason | null;
  createdAt?: Date;
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === "P2002";

/** Stores the conversation and its first message in one transaction. */
export async function createConversation({ shop, conversation: c }: { shop: string; conversation: NewConversation }) {
  const id = c.id ?? randomUUID();
  const now = c.createdAt ?? new Date();
  for (let attempt = 0; ; attempt++) {
    const reference = newReference();
    try {
      await prisma.conversation.create({
        data: {
          id,
          shop,
          reference,
          folder: c.spamReason ? "spam" : "inbox",
          spamReason: c.spamReason,
          name: c.name,
          email: c.email,
          orderNumber: c.orderNumber,
          topic: c.topic,
          subject: c.message.split("\n")[0]!.slice(0, 120),
          locale: c.locale,
          createdAt: now,
          lastMessageAt: now,
          messages: {
            create: { id: randomUUID(), shop, author: "customer", channel: "form", body: c.message, createdAt: now },
          },
        },
        select: { id: true },
      });
      return { id, reference };
    } catch (error) {
      // A reference taken by another conversation of the shop (1 in 27 billion): draw again.
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

/** A message with this text from this email in the last day (a resubmission or a bot). */
export async function isDuplicate({ shop, email, message }: { shop: string; email: string; message: string }) {
  // By the sender's conversations (index on shop + email), not by scanning the day's messages.
  const recent = await prisma.conversation.findMany({
    where: { shop, email, lastMessageAt: { gte: new Date(Date.now() - 86_400_000) } },
    orderBy: { lastMessageAt: "desc" },
    take: 20,
    select: { messages: { where: { author: "customer" }, select: { body: true }, take: 20 } },
  });
  const print = fingerprint(message);
  return recent.some((c) => c.messages.some((m) => fingerprint(m.body) === print));
}

export const CONVERSATION_FIELDS = {
  id: true,
  reference: true,
  status: true,
  folder: true,
  spamReason: true,
  name: true,
  email: true,
  orderNumber: true,
  topic: true,
  subject: true,
  locale: true,
  unread: true,
  createdAt: true,
  lastMessageAt: true,
  firstResponseAt: true,
  closedAt: true,
  csatScore: true,
  csatComment: true,
} satisfies Prisma.ConversationSelect;

export async function getConversation({ shop, id }: { shop: string; id: string }) {
  return prisma.conversation.findFirst({
    where: { shop, id },
    select: {
      ...CONVERSATION_FIELDS,
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, author: true, channel: true, body: true, createdAt: true },
      },
    },
  });
}

export interface InboxFilter {
  /** inbox (not spam) by status, all, or the spam folder. */
  view: ConversationStatus | "all" | "spam";
  unreadOnly?: boolean;
  query?: string | null;
}

export const INBOX_PAGE_SIZE = 25;

/** One page of the inbox, newest activity first (keyset pagination on lastMessageAt, id). */
export async function listConversations({
  shop,
  filter,
  after,
}: {
  shop: string;
  filter: InboxFilter;
  /** The cursor of the last row of the previous page. */
  after?: { lastMessageAt: Date; id: string } | null;
}) {
  const where: Prisma.ConversationWhereInput = {
    shop,
    folder: filter.view === "spam" ? "spam" : "inbox",
    ...(filter.view !== "spam" && filter.view !== "all" ? { status: filter.view } : {}),
    ...(filter.unreadOnly ? { unread: true } : {}),
    ...(filter.query
      ? {
          OR: [
            { reference: filter.query.toUpperCase() },
            { name: { contains: filter.query } },
            { email: { contains: filter.query.toLowerCase() } },
            { orderNumber: { contains: filter.query } },
            { subject: { contains: filter.query } },
          ],
        }
      : {}),
    ...(after
      ? {
          AND: [
            {
              OR: [
                { lastMessageAt: { lt: after.lastMessageAt } },
                { lastMessageAt: after.lastMessageAt, id: { lt: after.id } },
              ],
            },
          ],
        }
      : {}),
  };
  const rows = await prisma.conversation.findMany({
    where,
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: INBOX_PAGE_SIZE + 1,
    select: CONVERSATION_FIELDS,
  });
  return { conversations: rows.slice(0, INBOX_PAGE_SIZE), hasNext: rows.length > INBOX_PAGE_SIZE };
}

/**
 * Counts for the inbox's tabs that need the owner: open, waiting and spam (each one range of
 * an index; closed conversations, the bulk of a shop's history, are not counted).
 */
export async function inboxCounts({ shop }: { shop: string }) {
  const [open, waiting, spam] = await Promise.all([
    prisma.conversation.count({ where: { shop, folder: "inbox", status: "open" } }),
    prisma.conversation.count({ where: { shop, folder: "inbox", status: "waiting" } }),
    prisma.conversation.count({ where: { shop, folder: "spam" } }),
  ]);
  return { open, waiting, spam };
}

export async function markRead({ shop, id }: { shop: string; id: string }) {
  await prisma.conversation.updateMany({ where: { shop, id, unread: true }, data: { unread: false } });
}

export async function earlierConversations({
  shop,
  email,
  exceptId,
}: {
  shop: string;
  email: string;
  exceptId: string;
}) {
  return prisma.conversation.findMany({
    where: { shop, email, id: { not: exceptId }, folder: "inbox" },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, reference: true, subject: true, status: true, createdAt: true },
  });
}

/**
 * The owner's reply: stored with the conversation waiting on the customer. The first owner
 * reply sets the first-response time. Returns null when the conversation is gone.
 */
export async function addOwnerReply({
  shop,
  id,
  messageId,
  body,
  now = new Date(),
}: {
  shop: string;
  id: string;
  messageId: string;
  body: string;
  now?: Date;
}) {
  return prisma.$transaction(async (tx) => {
    const conversation = await tx.conversation.findFirst({
      where: { shop, id },
      select: { id: true, firstResponseAt: true },
    });
    if (!conversation) return null;
    await tx.conversationMessage.create({
      data: { id: messageId, shop, conversationId: id, author: "owner", channel: "inbox", body, createdAt: now },
    });
    await tx.conversation.update({
      where: { id },
      data: {
        status: "waiting",
        unread: false,
        lastMessageAt: now,
        closedAt: null,
        ...(conversation.firstResponseAt ? {} : { firstResponseAt: now }),
      },
    });
    return { first: !conversation.firstResponseAt };
  });
}

/** A customer's follow-up (conversation page or email reply): open and unread again. */
export async function addCustomerMessage({
  shop,
  id,
  body,
  channel,
  now = new Date(),
}: {
  shop: string;
  id: string;
  body: string;
  channel: "page" | "email";
  now?: Date;
}) {
  return prisma.$transaction(async (tx) => {
    const changed = await tx.conversation.updateMany({
      where: { shop, id },
      data: { status: "open", unread: true, lastMessageAt: now, closedAt: null },
    });
    if (changed.count === 0) return false;
    await tx.conversationMessage.create({
      data: { id: randomUUID(), shop, conversationId: id, author: "customer", channel, body, createdAt: now },
    });
    return true;
  });
}

export async function setStatus({ shop, ids, status }: { shop: string; ids: string[]; status: ConversationStatus }) {
  const result = await prisma.conversation.updateMany({
    where: { shop, id: { in: ids }, folder: "inbox" },
    data: { status, closedAt: status === "closed" ? new Date() : null },
  });
  return result.count;
}

export async function setSpam({ shop, ids, spam }: { shop: string; ids: string[]; spam: boolean }) {
  const result = await prisma.conversation.updateMany({
    where: { shop, id: { in: ids } },
    data: spam ? { folder: "spam", spamReason: null } : { folder: "inbox", spamReason: null, unread: true },
  });
  return result.count;
}

/** A CSAT answer (1–5, the latest click wins) and an optional comment. */
export async function recordCsat({
  shop,
  id,
  score,
  comment,
}: {
  shop: string;
  id: string;
  score?: number;
  comment?: string;
}) {
  const result = await prisma.conversation.updateMany({
    where: { shop, id },
    data: {
      ...(score !== undefined ? { csatScore: score, csatAt: new Date() } : {}),
      ...(comment !== undefined ? { csatComment: comment } : {}),
    },
  });
  return result.count > 0;
}

// ——— Home: the care queue and the metrics ———

export async function openQueue({ shop, take = 10 }: { shop: string; take?: number }) {
  const [rows, total] = await Promise.all([
    prisma.conversation.findMany({
      where: { shop, folder: "inbox", status: "open" },
      orderBy: { createdAt: "asc" },
      take,
      select: { id: true, reference: true, name: true, subject: true, createdAt: true, lastMessageAt: true },
    }),
    prisma.conversation.count({ where: { shop, folder: "inbox", status: "open" } }),
  ]);
  return { rows, total };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Median and p90 of a list (nearest-rank), rounded to one decimal. */
export function medianAndP90(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return { median: round(percentile(sorted, 50)), p90: round(percentile(sorted, 90)), count: sorted.length };
}

/**
 * Home's figures over the last `days`: first-response time (median, p90) and resolution time
 * (median) in business hours, CSAT, messages per day, and the FAQ deflection share.
 */
export async function contactStats({
  shop,
  hours,
  timeZone,
  days = 30,
  now = Date.now(),
}: {
  shop: string;
  hours: WeekHours;
  timeZone: string;
  days?: number;
  now?: number;
}) {
  const since = new Date(now - days * 86_400_000);
  const [conversations, customerMessages, events] = await Promise.all([
    prisma.conversation.findMany({
      where: { shop, folder: "inbox", createdAt: { gte: since } },
      select: { createdAt: true, firstResponseAt: true, closedAt: true, status: true, csatScore: true },
    }),
    prisma.conversationMessage.count({
      where: { shop, author: "customer", createdAt: { gte: since }, conversation: { folder: "inbox" } },
    }),
    prisma.contactEvent.groupBy({
      by: ["kind"],
      where: { shop, createdAt: { gte: since } },
      _count: { _all: true },
    }),
  ]);
  const businessHours = (from: Date, to: Date) =>
    businessMinutesBetween(hours, timeZone, from.getTime(), to.getTime()) / 60;
  const firstResponse = medianAndP90(
    conversations.filter((c) => c.firstResponseAt).map((c) => businessHours(c.createdAt, c.firstResponseAt!)),
  );
  const resolution = medianAndP90(
    conversations
      .filter((c) => c.status === "closed" && c.closedAt)
      .map((c) => businessHours(c.createdAt, c.closedAt!)),
  );
  const scores = conversations.map((c) => c.csatScore).filter((s): s is number => s !== null);
  const event = (kind: string) => events.find((e) => e.kind === kind)?._count._all ?? 0;
  const deflected = event("faq_deflected");
  const faqThenSent = event("faq_then_sent");
  return {
    days,
    conversations: conversations.length,
    firstResponseMedianHours: firstResponse.median,
    firstResponseP90Hours: firstResponse.p90,
    answered: firstResponse.count,
    resolutionMedianHours: resolution.median,
    csatAverage: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null,
    csatResponses: scores.length,
    csatSatisfiedShare: scores.length ? Math.round((scores.filter((s) => s >= 4).length / scores.length) * 100) : null,
    messagesPerDay: Math.round((customerMessages / days) * 10) / 10,
    faqOpened: deflected + faqThenSent,
    faqDeflectionShare: deflected + faqThenSent > 0 ? Math.round((deflected / (deflected + faqThenSent)) * 100) : null,
  };
}

/** First-response times (business hours) of the last 30 days, for the reply-time promise. */
export async function measuredFirstResponseHours({
  shop,
  hours,
  timeZone,
  now = Date.now(),
}: {
  shop: string;
  hours: WeekHours;
  timeZone: string;
  now?: number;
}) {
  const rows = await prisma.conversation.findMany({
    where: {
      shop,
      folder: "inbox",
      firstResponseAt: { not: null },
      createdAt: { gte: new Date(now - 30 * 86_400_000) },
    },
    select: { createdAt: true, firstResponseAt: true },
    take: 5000,
    orderBy: { createdAt: "desc" },
  });
  return medianAndP90(
    rows.map((r) => businessMinutesBetween(hours, timeZone, r.createdAt.getTime(), r.firstResponseAt!.getTime()) / 60),
  );
}

export async function recordEvent({ shop, kind }: { shop: string; kind: "faq_deflected" | "faq_then_sent" }) {
  await prisma.contactEvent.create({ data: { shop, kind } });
}
