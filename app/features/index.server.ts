// The features of Care Desk, where the app composes them: their redactors for the compliance
// webhooks, their sections of Settings, their Home cards' data, and the links one feature
// lends another (the order lookup shows the invoices' download link). Shared layers never
// import features; this list (used by routes) is where a new feature is added.
import type { AdminGraphql } from "~/graphql.server";
import { shopRedactor } from "~/shop/redact.server";
import type { DocumentSource } from "./account-history/documents";
import { accountHistoryRedactor } from "./account-history/redact.server";
import { contactStats, openQueue } from "./contact/model.server";
import { contactRedactor } from "./contact/redact.server";
import { loadContactSettings, saveContactSettings } from "./contact/settings.server";
import { invoiceLink } from "./invoices/endpoints.server";
import { invoiceStats } from "./invoices/model.server";
import { listOrderDocuments, renderOrderDocument } from "./invoices/order-documents.server";
import { invoicesRedactor } from "./invoices/redact.server";
import { loadInvoiceSettings, saveInvoiceSettings } from "./invoices/settings.server";
import { lookupStats } from "./order-lookup/model.server";
import { orderLookupRedactor } from "./order-lookup/redact.server";
import { loadLookupSettings, saveLookupSettings } from "./order-lookup/settings.server";
import { listQueue, reviewStats } from "./reviews/model.server";
import { reviewsRedactor } from "./reviews/redact.server";
import { loadReviewSettings, saveReviewSettings } from "./reviews/settings.server";

export const REDACTORS = [
  shopRedactor,
  orderLookupRedactor,
  invoicesRedactor,
  reviewsRedactor,
  accountHistoryRedactor,
  contactRedactor,
] as const;

type Session = { shop: string; scope?: string };

/** Every feature's settings section, by id (the Settings page renders one form per section). */
export async function loadSettings(session: Session) {
  const [orderLookup, invoices, reviews, contact] = await Promise.all([
    loadLookupSettings(session),
    loadInvoiceSettings(session),
    loadReviewSettings(session),
    loadContactSettings(session),
  ]);
  return { "order-lookup": orderLookup, invoices, reviews, contact };
}

const SAVERS: Record<
  string,
  (args: { shop: string; form: FormData }) => Promise<{ ok: boolean; error: string | null }>
> = {
  "order-lookup": saveLookupSettings,
  invoices: saveInvoiceSettings,
  reviews: saveReviewSettings,
  contact: saveContactSettings,
};

/** Saves the section the form belongs to (its `intent`). */
export async function saveSection(session: Session, form: FormData) {
  const section = String(form.get("intent") ?? "");
  const save = SAVERS[section];
  if (!save) throw new Response("Unknown settings section", { status: 400 });
  return { section, ...(await save({ shop: session.shop, form })) };
}

/** What each feature's Home card shows. */
export async function homeCards({
  shop,
  timeZone = "UTC",
}: {
  shop: string;
  graphql: AdminGraphql;
  /** The shop's time zone (its profile), for business hours. */
  timeZone?: string;
}) {
  const [orderLookup, invoices, reviews, contact, queue] = await Promise.all([
    lookupStats({ shop, days: 7 }),
    invoiceStats({ shop, days: 7 }),
    loadReviewSettings({ shop }).then((settings) => reviewStats({ shop, replyTargetHours: settings.replyTargetHours })),
    loadContactSettings({ shop }).then((settings) => contactStats({ shop, hours: settings.hours, timeZone })),
    careQueue({ shop }),
  ]);
  return { orderLookup, invoices, reviews, contact, queue };
}

export interface CareQueueItem {
  kind: "conversation" | "review";
  id: string;
  title: string;
  who: string;
  createdAt: string;
  href: string;
}

/**
 * One care queue for Home: what waits for the owner, oldest first — open conversations and
 * reviews awaiting a reply (the two features know nothing of each other; they meet here).
 */
export async function careQueue({ shop, take = 10 }: { shop: string; take?: number }) {
  const [conversations, reviews] = await Promise.all([
    openQueue({ shop, take }),
    listQueue({ shop, filter: { view: "awaiting", sort: "oldest" } }),
  ]);
  const items: CareQueueItem[] = [
    ...conversations.rows.map((c) => ({
      kind: "conversation" as const,
      id: c.id,
      title: c.subject,
      who: c.name,
      createdAt: c.createdAt.toISOString(),
      href: `/app/inbox/${c.id}`,
    })),
    ...reviews.reviews.map((r) => ({
      kind: "review" as const,
      id: r.id,
      title: r.title || r.body.slice(0, 80),
      who: r.authorName || "Anonymous",
      createdAt: r.createdAt.toISOString(),
      href: "/app/reviews?sort=oldest",
    })),
  ]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .slice(0, take);
  return { items, openConversations: conversations.total };
}

/** The order lookup's result links to the order's invoice (the invoices feature signs it). */
export const orderDocuments = invoiceLink;

/**
 * The customer's account lists and serves whatever documents an order has (its invoice and
 * credit notes): the invoices feature keeps them, the account history shows them.
 */
export const accountDocuments: DocumentSource = { list: listOrderDocuments, render: renderOrderDocument };
