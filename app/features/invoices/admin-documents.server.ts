// The Invoices page's endpoints (embedded admin, /app/invoices): the list, one document as a
// PDF, a ZIP of the filtered documents, "Email to customer", and the admin link from
// Shopify's order page. Routes call these after authenticate.admin; every read is scoped by
// the session's shop, so another shop's document id is not found (404), like a wrong one.
import { randomUUID } from "node:crypto";
import type { AdminGraphql } from "~/graphql.server";
import { mailConfigured } from "~/mail/transport.server";
import { getShopProfile } from "~/shop/profile.server";
import { filterFromUrl, findShopDocument, listInvoices } from "./admin-list.server";
import { pdfResponse } from "./endpoints.server";
import { renderDocument } from "./logo.server";
import { emailDocument } from "./mail.server";
import { issueInvoice } from "./model.server";
import { loadInvoiceSettings } from "./settings.server";
import { countDownload, findBySource } from "./store.server";
import { countDocuments, documentsZip, MAX_ZIP_DOCUMENTS } from "./zip.server";

export async function loadInvoicesPage({ shop, graphql, url }: { shop: string; graphql: AdminGraphql; url: URL }) {
  const profile = await getShopProfile({ shop, graphql });
  const filter = filterFromUrl(url, profile.ianaTimezone);
  const page = await listInvoices({
    shop,
    filter,
    after: url.searchParams.get("after"),
    before: url.searchParams.get("before"),
  });
  return {
    timeZone: profile.ianaTimezone,
    mail: mailConfigured(),
    next: page.next,
    previous: page.previous,
    invoices: page.invoices.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      orderId: d.orderId,
      orderName: d.orderName,
      customer: d.customerName ?? d.customerEmail ?? "",
      hasEmail: Boolean(d.customerEmail),
      total: d.total,
      currency: d.currency,
      test: d.test,
      issuedAt: d.issuedAt.toISOString(),
      downloads: d.downloads,
    })),
  };
}

export type InvoicesPageData = Awaited<ReturnType<typeof loadInvoicesPage>>;

/** GET /app/invoices/:id/pdf — the shop's document, or 404. */
export async function downloadDocument({ shop, id }: { shop: string; id: string }): Promise<Response> {
  const document = await findShopDocument({ shop, id });
  if (!document) throw new Response("Not Found", { status: 404 });
  const pdf = await renderDocument(document);
  await countDownload({ shop, id: document.id, source: "admin" });
  return pdfResponse(document.number, pdf);
}

/** GET /app/invoices/zip?from=&to=&… — the filtered documents as one streamed ZIP. */
export async function downloadZip({ shop, graphql, url }: { shop: string; graphql: AdminGraphql; url: URL }) {
  const profile = await getShopProfile({ shop, graphql });
  const filter = filterFromUrl(url, profile.ianaTimezone);
  const count = await countDocuments({ shop, filter });
  if (count === 0) return new Response("No documents match these filters.", { status: 404 });
  if (count > MAX_ZIP_DOCUMENTS)
    return new Response(
      `${count} documents match; one ZIP holds at most ${MAX_ZIP_DOCUMENTS}. Choose a shorter date range.`,
      { status: 413 },
    );
  const from = url.searchParams.get("from") ?? "all";
  const to = url.searchParams.get("to") ?? new Date().toISOString().slice(0, 10);
  const name = `invoices_${from}_${to}.zip`.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(documentsZip({ shop, filter }), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Documents": String(count),
    },
  });
}

export type InvoicesActionResult = { ok: boolean; message: string };

/** One action of the Invoices page: intent = email (id). */
export async function invoicesAction({ shop, form }: { shop: string; form: FormData }): Promise<InvoicesActionResult> {
  const intent = String(form.get("intent") ?? "");
  const id = String(form.get("id") ?? "");
  if (intent !== "email") return { ok: false, message: "Unknown action" };
  const document = await findShopDocument({ shop, id });
  if (!document) return { ok: false, message: "This document does not exist." };
  if (!document.customerEmail) return { ok: false, message: "This order has no customer email." };
  if (!mailConfigured()) return { ok: false, message: "Email is not configured (SMTP_URL)." };
  // Each click sends it again (its own key); a retried job still sends it once.
  await emailDocument({ document, reason: `resend:${randomUUID()}` });
  return { ok: true, message: `${document.number} will be emailed to ${document.customerEmail}` };
}

/** The order id Shopify's admin link appends (`id`: a number, or a global id), or null. */
export function orderIdFromLink(url: URL): string | null {
  const raw = url.searchParams.get("id") ?? "";
  if (/^\d{1,20}$/.test(raw)) return `gid://shopify/Order/${raw}`;
  if (/^gid:\/\/shopify\/Order\/\d{1,20}$/.test(raw)) return raw;
  return null;
}

/**
 * GET /app/invoices/order?id=… (the admin link on Shopify's order page): where the order's
 * invoice is listed. With the "on request" trigger, the first visit issues it.
 */
export async function orderInvoiceTarget({
  shop,
  graphql,
  url,
}: {
  shop: string;
  graphql: AdminGraphql;
  url: URL;
}): Promise<{ location: string; issued: boolean } | null> {
  const orderId = orderIdFromLink(url);
  if (!orderId) return null;
  let issued = false;
  if (!(await findBySource({ shop, sourceKey: `order:${orderId}` }))) {
    const settings = await loadInvoiceSettings({ shop });
    if (settings.trigger === "on_request") {
      const outcome = await issueInvoice({ shop, graphql, orderId });
      issued = outcome.issued && outcome.created;
    }
  }
  return { location: `/app/invoices?${new URLSearchParams({ order: orderId })}`, issued };
}
