// orders/fulfilled: product reviews schedule the order's review request (if turned on).
import type { ActionFunctionArgs } from "@remix-run/node";
import { onOrderFulfilled } from "~/features/reviews/requests.server";
import { authenticateWebhook } from "~/webhooks/authenticate.server";
import { handleOnce } from "~/webhooks/deliveries.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  await handleOnce({ webhookId, shop, topic }, () => onOrderFulfilled({ shop, payload }));
  return new Response();
};
