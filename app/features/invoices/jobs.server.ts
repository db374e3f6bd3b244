// The invoices' background work: issuing runs as a durable job (from the orders/paid and
// orders/fulfilled webhooks), so an Admin API outage delays an invoice, never loses it.
import { defineJob, enqueue } from "~/jobs/queue.server";
import { unauthenticated } from "~/shopify.server";
import { issueInvoice } from "./model.server";
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
