// Webhook refunds/create: issues the refund's credit note (through the job queue).
import type { ActionFunctionArgs } from "@remix-run/node";
import { onRefundCreated } from "~/features/invoices/jobs.server";
import { authenticateWebhook } from "~/webhooks/authenticate.server";
import { handleOnce } from "~/webhooks/deliveries.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  await handleOnce({ webhookId, shop, topic }, async () => {
    await onRefundCreated({ shop, payload });
  });
  return new Response();
};
