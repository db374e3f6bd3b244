import type { ActionFunctionArgs } from "@remix-run/node";
import { REDACTORS } from "~/features/index.server";
import { exportCustomerData } from "~/privacy/redaction.server";
import { authenticateWebhook } from "~/webhooks/authenticate.server";
import { handleOnce } from "~/webhooks/deliveries.server";

// Shopify asks what the app holds about a customer; the merchant must be able to hand it
// over within 30 days. Care Desk stores no customer profile, so the report (logged for the
// merchant's support request) lists what each feature holds for the customer's orders.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  const body = payload as {
    customer?: { id?: number; email?: string; phone?: string };
    orders_requested?: unknown;
    data_request?: { id?: number };
  };
  await handleOnce({ webhookId, shop, topic }, async () => {
    const report = await exportCustomerData(REDACTORS, {
      shop,
      customer: body.customer ?? {},
      ordersRequested: body.orders_requested,
    });
    console.info(
      JSON.stringify({
        event: "customers/data_request",
        shop,
        dataRequest: body.data_request?.id,
        customerId: body.customer?.id,
        report,
      }),
    );
  });
  return new Response();
};
