// The invoices' storefront side: the download link the order lookup shows for a verified
// lookup session, and the download endpoint (app proxy, /apps/care/invoices/download).
import type { AdminGraphql } from "~/graphql.server";
import type { StorefrontRequest } from "~/storefront/proxy.server";
import { messageResponse, type StorefrontEndpoint } from "~/storefront/responses.server";
import { readDownloadToken, signDownloadToken } from "./links.server";
import { renderDocument } from "./logo.server";
import { issueInvoice } from "./model.server";
import { loadInvoiceSettings } from "./settings.server";
import { countDownload, findBySource, hasDocument } from "./store.server";

export const DOWNLOAD_PATH = "/apps/care/invoices/download/";

/**
 * The "Download invoice" link for an order the shopper has proved, or undefined when the
 * order has no invoice yet and the shop does not issue them on request.
 */
export async function invoiceLink({ shop, orderId }: { shop: string; orderId: string }): Promise<string | undefined> {
  const [existing, settings] = await Promise.all([
    hasDocument({ shop, sourceKey: `order:${orderId}` }),
    loadInvoiceSettings({ shop }),
  ]);
  if (!existing && settings.trigger !== "on_request") return undefined;
  return `${DOWNLOAD_PATH}?${new URLSearchParams({ t: await signDownloadToken({ shop, orderId }) })}`;
}

/** GET /invoices/download?t=…: the order's invoice as a PDF (issued now if on request). */
export async function downloadInvoice({ ctx, session, admin }: StorefrontRequest) {
  const shop = session.shop;
  const orderId = await readDownloadToken(ctx.url.searchParams.get("t") ?? "", { shop });
  if (!orderId) return messageResponse(ctx, "invoices.errors.expired", 401);
  const document = await invoiceFor({ shop, orderId, graphql: admin.graphql });
  if (!document) return messageResponse(ctx, "invoices.errors.unavailable", 404);
  await countDownload({ shop, id: document.id });
  return pdfResponse(document.number, await renderDocument(document));
}

async function invoiceFor({ shop, orderId, graphql }: { shop: string; orderId: string; graphql: AdminGraphql }) {
  const existing = await findBySource({ shop, sourceKey: `order:${orderId}` });
  if (existing) return existing;
  const settings = await loadInvoiceSettings({ shop });
  if (settings.trigger !== "on_request") return null;
  const outcome = await issueInvoice({ shop, graphql, orderId });
  return outcome.issued ? outcome.document : null;
}

export function pdfResponse(number: string, pdf: Buffer, disposition: "attachment" | "inline" = "attachment") {
  const filename = `${number.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `${disposition}; filename="${filename}"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export const INVOICES_ENDPOINT: StorefrontEndpoint = { title: "invoices.heading" };
