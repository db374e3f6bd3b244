import type { ActionFunctionArgs } from "@remix-run/node";
import { REDACTORS } from "~/features/index.server";
import { redactShop } from "~/privacy/redaction.server";
import { authenticateWebhook } from "~/webhooks/authenticate.server";

// 48 hours after uninstall: delete everything Care Desk holds about the shop. Not recorded
// as a delivery (that record would itself be shop data); redacting twice is harmless.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await authenticateWebhook(request);
  await redactShop(REDACTORS, { shop });
  return new Response();
};
