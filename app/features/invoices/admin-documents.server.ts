// The Invoices page's endpoints (embedded admin, /app/invoices): the list, one document as a
// PDF, a ZIP of the filtered documents, "Email to customer", "Issue credit note" (a manual
// adjustment), and the admin link from
// Shopify's order page. Routes call these after authenticate.admin; every read is scoped by
// the session's shop, so another shop's document id is not found (404), like a wrong one.
import { randomUUID } from "node:crypto";
import { json } from "@remix-run/node";
import { z } from "zod";
import type { AdminGraphql } from "~/graphql.server";
import { mailConfigured } from "~/mail/transport.server";
import { getShopProfile } from "~/shop/profile.server";
import { filterFromUrl, findShopDocument, listInvoices } from "./admin-list.server";
import { currencyDigits } from "./document";
import { pdfResponse } from "./endpoints.server";
import { renderDocument } from "./logo.server";
import { emailDocument } from "./mail.server";
import { creditableAmounts, issueInvoice, issueManualCreditNote } from "./model.server";
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
  const creditable = await creditableAmounts({ shop, invoices: page.invoices });
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
      /** Invoices only: what a credit note may still credit (the total less earlier credit notes). */
      creditable: creditable.get(d.id) ?? null,
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

export type InvoicesActionResult = {
  ok: boolean;
  message: string;
  /** credit_note: the new (or, for a repeated key, the same) credit note's number. */
  number?: string;
  /** credit_note: messages per field (`reason`, `lines.0.description`, …). */
  errors?: Record<string, string>;
};

const answer = (result: InvoicesActionResult, status = 200) => json(result, { status });

/** One action of the Invoices page: intent = email (id) or credit_note (id, key, reason, lines). */
export async function invoicesAction({ shop, graphql, form }: { shop: string; graphql: AdminGraphql; form: FormData }) {
  const intent = String(form.get("intent") ?? "");
  if (intent === "credit_note") return creditNoteAction({ shop, graphql, form });
  if (intent !== "email") return answer({ ok: false, message: "Unknown action" }, 400);
  const id = String(form.get("id") ?? "");
  const document = await findShopDocument({ shop, id });
  if (!document) return answer({ ok: false, message: "This document does not exist." });
  if (!document.customerEmail) return answer({ ok: false, message: "This order has no customer email." });
  if (!mailConfigured()) return answer({ ok: false, message: "Email is not configured (SMTP_URL)." });
  // Each click sends it again (its own key); a retried job still sends it once.
  await emailDocument({ document, reason: `resend:${randomUUID()}` });
  return answer({ ok: true, message: `${document.number} will be emailed to ${document.customerEmail}` });
}

/** The "Issue credit note" form; lines come as parallel fields (description, quantity, unitPrice, taxRate). */
const creditNoteForm = z.object({
  id: z.string().min(1).max(100),
  key: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "The form expired. Close it and open it again."),
  reason: z.string().trim().max(500, "At most 500 characters."),
  lines: z
    .array(
      z.object({
        description: z.string().trim().min(1, "Enter a description.").max(200, "At most 200 characters."),
        quantity: z.coerce
          .number({ error: "Enter a whole number." })
          .int("Enter a whole number.")
          .min(1, "The quantity must be at least 1.")
          .max(10_000, "At most 10 000."),
        unitPrice: z
          .string()
          .trim()
          .regex(/^\d{1,9}(\.\d{1,3})?$/, "Enter an amount such as 10.00.")
          .refine((v) => Number(v) > 0, "The amount must be more than 0."),
        taxRate: z
          .string()
          .trim()
          .regex(/^(\d{1,3}(\.\d{1,3})?)?$/, "Enter a rate in percent, such as 19, or leave it empty.")
          .refine((v) => v === "" || Number(v) <= 100, "At most 100 %."),
      }),
    )
    .min(1, "Add at least one line.")
    .max(20, "At most 20 lines."),
});

async function creditNoteAction({ shop, graphql, form }: { shop: string; graphql: AdminGraphql; form: FormData }) {
  const all = (name: string) => form.getAll(name).map((v) => (typeof v === "string" ? v : ""));
  const [descriptions, quantities, prices, rates] = ["description", "quantity", "unitPrice", "taxRate"].map(all);
  const parsed = creditNoteForm.safeParse({
    id: String(form.get("id") ?? ""),
    key: String(form.get("key") ?? ""),
    reason: String(form.get("reason") ?? ""),
    lines: descriptions!.map((description, i) => ({
      description,
      quantity: quantities![i] ?? "",
      unitPrice: prices![i] ?? "",
      taxRate: rates![i] ?? "",
    })),
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join(".") || "form"] ??= issue.message;
    return answer({ ok: false, message: "Check the highlighted fields.", errors }, 400);
  }
  const { id, key, reason, lines } = parsed.data;
  const invoice = await findShopDocument({ shop, id });
  if (!invoice) return answer({ ok: false, message: "This invoice does not exist." }, 404);
  // Amounts in the invoice's currency: no more decimals than it has (¥4.50 is not an amount, ¥4.00 is).
  const digits = currencyDigits(invoice.currency);
  const errors: Record<string, string> = {};
  lines.forEach((line, index) => {
    if (/[1-9]/.test((line.unitPrice.split(".")[1] ?? "").slice(digits)))
      errors[`lines.${index}.unitPrice`] =
        digits === 0 ? `${invoice.currency} amounts have no decimals.` : `At most ${digits} decimals.`;
  });
  if (Object.keys(errors).length) return answer({ ok: false, message: "Check the highlighted fields.", errors }, 400);
  const result = await issueManualCreditNote({
    shop,
    graphql,
    invoiceId: id,
    key,
    reason: reason || null,
    lines: lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      taxRate: l.taxRate === "" ? null : Number(l.taxRate),
    })),
  });
  if (result.ok) {
    return answer({
      ok: true,
      number: result.document.number,
      message: `Credit note ${result.document.number} issued`,
    });
  }
  switch (result.error) {
    case "not_found":
      return answer({ ok: false, message: "This invoice does not exist." }, 404);
    case "not_an_invoice":
      return answer({ ok: false, message: "Only an invoice can be credited." }, 400);
    case "exceeds_invoice":
      return answer(
        { ok: false, message: "This credits more than the invoice's total less its earlier credit notes." },
        422,
      );
    default:
      return answer({ ok: false, message: "Check the lines: each needs a description, quantity and amount." }, 400);
  }
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
