import type { ActionFunctionArgs } from "@remix-run/node";
import { updateSessionScope } from "~/models/session.server";
import { handleOnce } from "~/models/webhook-delivery.server";
import { authenticateWebhook } from "~/webhooks.server";

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
