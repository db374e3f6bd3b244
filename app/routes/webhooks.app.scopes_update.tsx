import type { ActionFunctionArgs } from "@remix-run/node";
import { updateSessionScope } from "~/shop/sessions.server";
import { authenticateWebhook } from "~/webhooks/authenticate.server";
import { handleOnce } from "~/webhooks/deliveries.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload, session } = await authenticateWebhook(request);
  const current = (payload as { current?: unknown }).current;
  if (session && Array.isArray(current)) {
    await handleOnce({ webhookId, shop, topic }, () =>
      updateSessionScope({ id: session.id, shop, scope: current.map(String).join(",") }),
    );
  }
  return new Response();
};
