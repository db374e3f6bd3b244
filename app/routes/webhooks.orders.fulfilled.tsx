// Webhook orders/fulfilled: issues the order's invoice (through the job queue) when the shop
// issues invoices once an order is fulfilled.
import type { ActionFunctionArgs } from "@remix-run/node";
import { onOrderEvent } from "~/features/invoices/jobs.server";
import { authenticateWebhook } from "~/webhooks/authenticate.server";
import { handleOnce } from "~/webhooks/deliveries.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  await handleOnce({ webhookId, shop, topic }, async () => {
    await onOrderEvent({ shop, event: "fulfilled", payload });
  });
  return new Response();
};
