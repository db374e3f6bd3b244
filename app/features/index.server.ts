// The features of Care Desk, where the app composes them: their redactors for the compliance
// webhooks, their sections of Settings, their Home cards' data, and the links one feature
// lends another (the order lookup shows the invoices' download link). Shared layers never
// import features; this list (used by routes) is where a new feature is added.
import type { AdminGraphql } from "~/graphql.server";
import { shopRedactor } from "~/shop/redact.server";
import type { DocumentSource } from "./account-history/documents";
import { accountHistoryRedactor } from "./account-history/redact.server";
import { invoiceLink } from "./invoices/endpoints.server";
import { invoiceStats } from "./invoices/model.server";
import { listOrderDocuments, renderOrderDocument } from "./invoices/order-documents.server";
import { invoicesRedactor } from "./invoices/redact.server";
import { loadInvoiceSettings, saveInvoiceSettings } from "./invoices/settings.server";
import { lookupStats } from "./order-lookup/model.server";
import { orderLookupRedactor } from "./order-lookup/redact.server";
import { loadLookupSettings, saveLookupSettings } from "./order-lookup/settings.server";
import { reviewStats } from "./reviews/model.server";
import { reviewsRedactor } from "./reviews/redact.server";
import { loadReviewSettings, saveReviewSettings } from "./reviews/settings.server";

export const REDACTORS = [
  shopRedactor,
  orderLookupRedactor,
  invoicesRedactor,
  reviewsRedactor,
  accountHistoryRedactor,
] as const;

type Session = { shop: string; scope?: string };

/** Every feature's settings section, by id (the Settings page renders one form per section). */
export async function loadSettings(session: Session) {
  const [orderLookup, invoices, reviews] = await Promise.all([
    loadLookupSettings(session),
    loadInvoiceSettings(session),
    loadReviewSettings(session),
  ]);
  return { "order-lookup": orderLookup, invoices, reviews };
}

const SAVERS: Record<
  string,
  (args: { shop: string; form: FormData }) => Promise<{ ok: boolean; error: string | null }>
> = { "order-lookup": saveLookupSettings, invoices: saveInvoiceSettings, reviews: saveReviewSettings };

/** Saves the section the form belongs to (its `intent`). */
export async function saveSection(session: Session, form: FormData) {
  const section = String(form.get("intent") ?? "");
  const save = SAVERS[section];
  if (!save) throw new Response("Unknown settings section", { status: 400 });
  return { section, ...(await save({ shop: session.shop, form })) };
}

/** What each feature's Home card shows. */
export async function homeCards({ shop }: { shop: string; graphql: AdminGraphql }) {
  const [orderLookup, invoices, reviews] = await Promise.all([
    lookupStats({ shop, days: 7 }),
    invoiceStats({ shop, days: 7 }),
    loadReviewSettings({ shop }).then((settings) => reviewStats({ shop, replyTargetHours: settings.replyTargetHours })),
  ]);
  return { orderLookup, invoices, reviews };
}

/** The order lookup's result links to the order's invoice (the invoices feature signs it). */
export const orderDocuments = invoiceLink;

/**
 * The customer's account lists and serves whatever documents an order has (its invoice and
 * credit notes): the invoices feature keeps them, the account history shows them.
 */
export const accountDocuments: DocumentSource = { list: listOrderDocuments, render: renderOrderDocument };
