// The documents of orders, for another feature through the composition root
// (app/features/index.server.ts): the customer's account lists an order's invoice and credit
// notes and serves them. Whoever calls this has already checked that the shopper may see the
// order; this module only answers what the order has, and renders one of its documents.
import prisma from "~/db.server";
import type { AdminGraphql } from "~/graphql.server";
import { renderDocument } from "./logo.server";
import { issueInvoice } from "./model.server";
import { loadInvoiceSettings } from "./settings.server";
import { countDownload, type DocumentKind, type StoredDocument } from "./store.server";

export interface OrderDocument {
  /** The stored document's id; `invoice` for an invoice the shop issues on first request. */
  key: string;
  kind: DocumentKind;
  /** null until an on-request invoice is issued. */
  number: string | null;
  issuedAt: string | null;
}

/** The key of an invoice that the first download issues (shops with the on-request trigger). */
export const ON_REQUEST_INVOICE = "invoice";

/** Each order's documents (invoice first, then credit notes, oldest first). */
export async function listOrderDocuments({
  shop,
  orderIds,
}: {
  shop: string;
  orderIds: readonly string[];
}): Promise<Map<string, OrderDocument[]>> {
  const result = new Map<string, OrderDocument[]>(orderIds.map((id) => [id, []]));
  if (orderIds.length === 0) return result;
  const [documents, settings] = await Promise.all([
    prisma.invoice.findMany({
      where: { shop, orderId: { in: [...orderIds] } },
      orderBy: { issuedAt: "asc" },
      select: { id: true, kind: true, number: true, orderId: true, issuedAt: true },
    }),
    loadInvoiceSettings({ shop }),
  ]);
  for (const d of documents) {
    result.get(d.orderId)?.push({
      key: d.id,
      kind: d.kind as DocumentKind,
      number: d.number,
      issuedAt: d.issuedAt.toISOString(),
    });
  }
  for (const [orderId, list] of result) {
    list.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "invoice" ? -1 : 1));
    if (settings.trigger === "on_request" && !list.some((d) => d.kind === "invoice")) {
      result.set(orderId, [{ key: ON_REQUEST_INVOICE, kind: "invoice", number: null, issuedAt: null }, ...list]);
    }
  }
  return result;
}

/** One document of the order as a PDF (an on-request invoice is issued now), or null. */
export async function renderOrderDocument({
  shop,
  orderId,
  key,
  graphql,
}: {
  shop: string;
  orderId: string;
  key: string;
  graphql: AdminGraphql;
}): Promise<{ number: string; kind: DocumentKind; pdf: Buffer } | null> {
  let document: StoredDocument | null;
  if (key === ON_REQUEST_INVOICE) {
    document = await prisma.invoice.findUnique({ where: { shop_sourceKey: { shop, sourceKey: `order:${orderId}` } } });
    if (!document && (await loadInvoiceSettings({ shop })).trigger === "on_request") {
      const outcome = await issueInvoice({ shop, graphql, orderId });
      document = outcome.issued ? outcome.document : null;
    }
  } else {
    // Scoped by shop and order: a document id of another order is not found.
    document = await prisma.invoice.findFirst({ where: { shop, orderId, id: key } });
  }
  if (!document) return null;
  const pdf = await renderDocument(document);
  await countDownload({ shop, id: document.id });
  return { number: document.number, kind: document.kind as DocumentKind, pdf };
}
