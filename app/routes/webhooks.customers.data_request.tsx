import type { ActionFunctionArgs } from "@remix-run/node";
import { exportCustomerData } from "~/models/redaction.server";
import { handleOnce } from "~/models/webhook-delivery.server";
import { authenticateWebhook } from "~/webhooks.server";

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
    const report = await exportCustomerData({
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
