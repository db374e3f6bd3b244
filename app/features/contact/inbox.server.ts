// The care inbox's endpoints (embedded admin, /app/inbox and /app/inbox/:id): the list with
// its status tabs, search and unread markers; one conversation with the customer's context
// from the Admin API (one named query); the owner's actions — reply (emailed through the
// queue), status, spam / not spam, close with a CSAT survey. Routes call these after
// authenticate.admin.
import { randomUUID } from "node:crypto";
import { adminQuery, type AdminGraphql } from "~/graphql.server";
import { mailConfigured } from "~/mail/transport.server";
import { enqueueContactMail } from "./mail.server";
import {
  addOwnerReply,
  earlierConversations,
  getConversation,
  inboxCounts,
  isStatus,
  LIMITS,
  listConversations,
  markRead,
  setSpam,
  setStatus,
  type InboxFilter,
} from "./model.server";
import { publishContactProfile } from "./publish.server";
import { loadContactSettings } from "./settings.server";
import { SPAM_REASON_LABELS, type SpamReason } from "./spam";

export const CONTACT_CUSTOMER_QUERY = `#graphql
  query CareDeskContactCustomer($customerQuery: String!, $orderQuery: String!, $withOrder: Boolean!) {
    customers(first: 1, query: $customerQuery) {
      nodes {
        id
        displayName
        createdAt
        numberOfOrders
        amountSpent { amount currencyCode }
        tags
        lastOrder { ...CareDeskContactOrder }
      }
    }
    orders(first: 1, query: $orderQuery) @include(if: $withOrder) {
      nodes { ...CareDeskContactOrder }
    }
  }
  fragment CareDeskContactOrder on Order {
    id
    name
    email
    createdAt
    displayFinancialStatus
    displayFulfillmentStatus
    totalPriceSet { shopMoney { amount currencyCode } }
    fulfillments(first: 5) { status trackingInfo(first: 3) { company number url } }
  }
` as const;

const VIEWS = ["open", "waiting", "closed", "all", "spam"] as const;

/** Shopify search syntax: a value quoted, with quotes and backslashes escaped. */
const quoted = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

export function filterFromUrl(url: URL): { filter: InboxFilter; after: { lastMessageAt: Date; id: string } | null } {
  const p = url.searchParams;
  const view = VIEWS.find((v) => v === p.get("view")) ?? "open";
  const cursor = p.get("after");
  let after: { lastMessageAt: Date; id: string } | null = null;
  if (cursor && /^\d{13}_[0-9a-f-]{36}$/.test(cursor)) {
    const [ms, id] = cursor.split("_") as [string, string];
    after = { lastMessageAt: new Date(Number(ms)), id };
  }
  return {
    filter: { view, unreadOnly: p.get("unread") === "1", query: p.get("q")?.trim().slice(0, 100) || null },
    after,
  };
}

export async function loadInbox({ shop, url }: { shop: string; url: URL }) {
  const { filter, after } = filterFromUrl(url);
  const [page, counts] = await Promise.all([listConversations({ shop, filter, after }), inboxCounts({ shop })]);
  const last = page.conversations.at(-1);
  return {
    filter,
    counts,
    next: page.hasNext && last ? `${last.lastMessageAt.getTime()}_${last.id}` : null,
    conversations: page.conversations.map((c) => ({
      id: c.id,
      reference: c.reference,
      status: c.status,
      folder: c.folder,
      spamReason: c.spamReason ? (SPAM_REASON_LABELS[c.spamReason as SpamReason] ?? c.spamReason) : null,
      name: c.name,
      subject: c.subject,
      topic: c.topic,
      orderNumber: c.orderNumber,
      unread: c.unread,
      lastMessageAt: c.lastMessageAt.toISOString(),
      createdAt: c.createdAt.toISOString(),
    })),
  };
}

function orderView(order: {
  id: string;
  name: string;
  email?: string | null;
  createdAt: unknown;
  displayFinancialStatus?: string | null;
  displayFulfillmentStatus: string;
  totalPriceSet: { shopMoney: { amount: unknown; currencyCode: string } };
  fulfillments: {
    status: string;
    trackingInfo: { company?: string | null; number?: string | null; url?: unknown }[];
  }[];
}) {
  return {
    id: order.id,
    name: order.name,
    email: order.email ?? null,
    createdAt: String(order.createdAt),
    financialStatus: order.displayFinancialStatus ?? null,
    fulfillmentStatus: order.displayFulfillmentStatus,
    total: `${String(order.totalPriceSet.shopMoney.amount)} ${order.totalPriceSet.shopMoney.currencyCode}`,
    tracking: order.fulfillments.flatMap((f) =>
      f.trackingInfo.map((t) => ({
        company: t.company ?? null,
        number: t.number ?? null,
        url: typeof t.url === "string" ? t.url : null,
      })),
    ),
  };
}

/** The customer's context: who they are to the shop, and the order they wrote about (or their latest). */
export async function customerContext({
  graphql,
  email,
  orderNumber,
}: {
  graphql: AdminGraphql;
  email: string;
  orderNumber: string | null;
}) {
  const name = orderNumber ? (orderNumber.startsWith("#") ? orderNumber : `#${orderNumber}`) : "";
  const data = await adminQuery(graphql, CONTACT_CUSTOMER_QUERY, {
    customerQuery: `email:${quoted(email)}`,
    orderQuery: name ? `name:${quoted(name)}` : "",
    withOrder: Boolean(name),
  });
  const customer = data.customers.nodes.find((c) => c) ?? null;
  // Shopify's search is tokenized: only the exact order name counts.
  const referenced = data.orders?.nodes.find((o) => o.name.toLowerCase() === name.toLowerCase()) ?? null;
  const order = referenced ?? customer?.lastOrder ?? null;
  return {
    customer: customer
      ? {
          id: customer.id,
          name: customer.displayName,
          since: String(customer.createdAt),
          ordersCount: Number(customer.numberOfOrders),
          totalSpent: `${String(customer.amountSpent.amount)} ${customer.amountSpent.currencyCode}`,
          tags: customer.tags,
        }
      : null,
    order: order ? { ...orderView(order), referenced: Boolean(referenced) } : null,
    /** The order named in the message was placed with another email: worth a look before sharing details. */
    orderEmailDiffers: Boolean(
      referenced && referenced.email && referenced.email.toLowerCase() !== email.toLowerCase(),
    ),
  };
}

export async function loadConversation({ shop, graphql, id }: { shop: string; graphql: AdminGraphql; id: string }) {
  const conversation = await getConversation({ shop, id });
  if (!conversation) throw new Response("Not Found", { status: 404 });
  const [context, earlier, settings] = await Promise.all([
    customerContext({ graphql, email: conversation.email, orderNumber: conversation.orderNumber }),
    earlierConversations({ shop, email: conversation.email, exceptId: id }),
    loadContactSettings({ shop }),
  ]);
  if (conversation.unread) await markRead({ shop, id });
  return {
    mail: mailConfigured(),
    savedReplies: settings.savedReplies,
    conversation: {
      id: conversation.id,
      reference: conversation.reference,
      status: conversation.status,
      folder: conversation.folder,
      spamReason: conversation.spamReason
        ? (SPAM_REASON_LABELS[conversation.spamReason as SpamReason] ?? conversation.spamReason)
        : null,
      name: conversation.name,
      email: conversation.email,
      orderNumber: conversation.orderNumber,
      topic: conversation.topic,
      subject: conversation.subject,
      locale: conversation.locale,
      createdAt: conversation.createdAt.toISOString(),
      csatScore: conversation.csatScore,
      csatComment: conversation.csatComment,
      messages: conversation.messages.map((m) => ({
        id: m.id,
        author: m.author,
        channel: m.channel,
        body: m.body,
        createdAt: m.createdAt.toISOString(),
      })),
    },
    context,
    earlier: earlier.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
  };
}

export type InboxResult = { ok: boolean; message: string };

/** Fills a saved reply's {name} and {order}. */
export const fillTemplate = (body: string, vars: { name: string; order: string | null }) =>
  body.replace(/\{name\}/g, vars.name.split(" ")[0] ?? vars.name).replace(/\{order\}/g, vars.order ?? "");

/** One inbox action (intent = reply | open | waiting | closed | spam | not-spam; id, repeated for bulk). */
export async function inboxAction({ shop, form }: { shop: string; form: FormData }): Promise<InboxResult> {
  const intent = String(form.get("intent") ?? "");
  const ids = form
    .getAll("id")
    .map(String)
    .filter((id) => /^[0-9a-f-]{36}$/.test(id))
    .slice(0, 250);
  if (ids.length === 0) return { ok: false, message: "Select at least one conversation." };

  if (intent === "reply") {
    const body = String(form.get("body") ?? "").trim();
    if (!body) return { ok: false, message: "Write the reply first." };
    if (body.length > LIMITS.message)
      return { ok: false, message: `A reply has at most ${LIMITS.message} characters.` };
    if (!mailConfigured()) return { ok: false, message: "Email is not configured (SMTP_URL)." };
    const id = ids[0]!;
    const messageId = randomUUID();
    // The email job first (it waits for the message), then the message: a crash between the two
    // leaves no reply that was saved but never sent.
    await enqueueContactMail({ shop, conversationId: id, kind: "reply", messageId });
    const saved = await addOwnerReply({ shop, id, messageId, body });
    if (!saved) return { ok: false, message: "This conversation no longer exists." };
    if (saved.first) await publishContactProfile({ shop, reason: "answer" });
    if (form.get("close") === "true") await closeConversations({ shop, ids: [id] });
    return { ok: true, message: form.get("close") === "true" ? "Reply sent, conversation closed" : "Reply sent" };
  }
  if (intent === "closed") {
    const changed = await closeConversations({ shop, ids });
    return { ok: true, message: `Closed: ${changed}` };
  }
  if (isStatus(intent)) {
    const changed = await setStatus({ shop, ids, status: intent });
    return { ok: true, message: `${intent === "open" ? "Reopened" : "Marked as waiting"}: ${changed}` };
  }
  if (intent === "spam" || intent === "not-spam") {
    const changed = await setSpam({ shop, ids, spam: intent === "spam" });
    if (intent === "not-spam") {
      // Rescued: the shopper gets the acknowledgement they would have got.
      for (const id of ids) await enqueueContactMail({ shop, conversationId: id, kind: "ack" });
    }
    return { ok: true, message: `${intent === "spam" ? "Moved to spam" : "Moved to the inbox"}: ${changed}` };
  }
  return { ok: false, message: "Unknown action." };
}

/** Closes and sends each closed conversation's CSAT survey (once per conversation). */
async function closeConversations({ shop, ids }: { shop: string; ids: string[] }) {
  const changed = await setStatus({ shop, ids, status: "closed" });
  if (mailConfigured()) for (const id of ids) await enqueueContactMail({ shop, conversationId: id, kind: "csat" });
  return changed;
}
