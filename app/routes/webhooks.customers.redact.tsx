import type { ActionFunctionArgs } from "@remix-run/node";
import { redactCustomer } from "~/models/redaction.server";
import { handleOnce } from "~/models/webhook-delivery.server";
import { authenticateWebhook } from "~/webhooks.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  const body = payload as { customer?: { id?: number; email?: string; phone?: string }; orders_to_redact?: unknown };
  await handleOnce({ webhookId, shop, topic }, () =>
    redactCustomer({ shop, customer: body.customer ?? {}, ordersToRedact: body.orders_to_redact }),
  );
  return new Response();
};
