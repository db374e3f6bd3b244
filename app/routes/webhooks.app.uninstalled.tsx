import type { ActionFunctionArgs } from "@remix-run/node";
import { deleteShopSessions } from "~/shop/sessions.server";
import { authenticateWebhook } from "~/webhooks/authenticate.server";
import { handleOnce } from "~/webhooks/deliveries.server";

// The access token stops working at uninstall: drop the shop's sessions. The rest of the
// shop's data is deleted when shop/redact arrives (48 hours later), in case of a reinstall.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId } = await authenticateWebhook(request);
  await handleOnce({ webhookId, shop, topic }, () => deleteShopSessions({ shop }));
  return new Response();
};
