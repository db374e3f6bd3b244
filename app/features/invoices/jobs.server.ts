// The invoices' background work: issuing runs as a durable job (invoices from the orders/paid
// and orders/fulfilled webhooks, credit notes from refunds/create), so an Admin API outage
// delays a document, never loses it.
import { defineJob, enqueue } from "~/jobs/queue.server";
import { unauthenticated } from "~/shopify.server";
import { issueCreditNote, issueInvoice } from "./model.server";
import { loadInvoiceSettings, type InvoiceTrigger } from "./settings.server";

interface IssueRequest {
  shop: string;
  orderId: string;
}

export const issueInvoiceJob = defineJob<IssueRequest>(
  "invoices.issue",
  async ({ shop, orderId }) => {
    const { admin } = await unauthenticated.admin(shop);
    await issueInvoice({ shop, graphql: admin.graphql, orderId });
  },
  { attempts: 8, backoffSeconds: 5, maxBackoffSeconds: 600 },
);

/** An order event: enqueues the order's invoice when the shop issues invoices on this event. */
export async function onOrderEvent({
  shop,
  event,
  payload,
}: {
  shop: string;
  event: Exclude<InvoiceTrigger, "on_request">;
  payload: unknown;
}): Promise<boolean> {
  const orderId = orderGid(payload);
  if (!orderId) return false;
  const settings = await loadInvoiceSettings({ shop });
  if (settings.trigger !== event) return false;
  await enqueue(issueInvoiceJob, { shop, orderId }, { key: `invoices.issue:${shop}:${orderId}` });
  return true;
}

function orderGid(payload: unknown): string | null {
  const body = payload as { admin_graphql_api_id?: unknown; id?: unknown } | null;
  if (typeof body?.admin_graphql_api_id === "string") return body.admin_graphql_api_id;
  if (typeof body?.id === "number" || typeof body?.id === "string") return `gid://shopify/Order/${String(body.id)}`;
  return null;
}

export const issueCreditNoteJob = defineJob<{ shop: string; refundId: string }>(
  "invoices.credit",
  async ({ shop, refundId }) => {
    const { admin } = await unauthenticated.admin(shop);
    const outcome = await issueCreditNote({ shop, graphql: admin.graphql, refundId });
    if (!outcome.issued) console.warn(`Care Desk invoices: no credit note for ${refundId} (${outcome.reason})`);
  },
  { attempts: 8, backoffSeconds: 5, maxBackoffSeconds: 600 },
);

/** refunds/create: enqueues the refund's credit note (one job per refund). */
export async function onRefundCreated({ shop, payload }: { shop: string; payload: unknown }): Promise<boolean> {
  const refundId = refundGid(payload);
  if (!refundId) return false;
  await enqueue(issueCreditNoteJob, { shop, refundId }, { key: `invoices.credit:${shop}:${refundId}` });
  return true;
}

function refundGid(payload: unknown): string | null {
  const body = payload as { admin_graphql_api_id?: unknown; id?: unknown } | null;
  if (typeof body?.admin_graphql_api_id === "string" && body.admin_graphql_api_id.startsWith("gid://shopify/Refund/"))
    return body.admin_graphql_api_id;
  if (typeof body?.id === "number" || (typeof body?.id === "string" && /^\d+$/.test(body.id)))
    return `gid://shopify/Refund/${String(body.id)}`;
  return null;
}
