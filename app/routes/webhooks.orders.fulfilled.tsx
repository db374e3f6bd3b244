// Webhook orders/fulfilled: invoices issue the order's invoice (when the shop issues them on
// fulfilment) and product reviews schedule the order's review request (if turned on); both
// through the job queue.
import type { ActionFunctionArgs } from "@remix-run/node";
import { onOrderEvent } from "~/features/invoices/jobs.server";
import { onOrderFulfilled } from "~/features/reviews/requests.server";
import { authenticateWebhook } from "~/webhooks/authenticate.server";
import { handleOnce } from "~/webhooks/deliveries.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  await handleOnce({ webhookId, shop, topic }, async () => {
    await onOrderEvent({ shop, event: "fulfilled", payload });
    await onOrderFulfilled({ shop, payload });
  });
  return new Response();
};
