import type { ActionFunctionArgs } from "@remix-run/node";
import { REDACTORS } from "~/features/index.server";
import { redactCustomer } from "~/privacy/redaction.server";
import { authenticateWebhook } from "~/webhooks/authenticate.server";
import { handleOnce } from "~/webhooks/deliveries.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  const body = payload as { customer?: { id?: number; email?: string; phone?: string }; orders_to_redact?: unknown };
  await handleOnce({ webhookId, shop, topic }, () =>
    redactCustomer(REDACTORS, { shop, customer: body.customer ?? {}, ordersToRedact: body.orders_to_redact }),
  );
  return new Response();
};
