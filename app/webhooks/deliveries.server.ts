// Webhook deliveries are at-least-once: Shopify retries, and may deliver the same event
// twice. Each handler runs once per X-Shopify-Webhook-Id.
import prisma from "~/db.server";

/**
 * Runs `handle` unless this delivery was already handled. The delivery is recorded only
 * after the handler succeeds, so a failed attempt is retried by Shopify and runs again.
 * Returns false for a repeated delivery.
 */
export async function handleOnce(
  { webhookId, shop, topic }: { webhookId: string; shop: string; topic: string },
  handle: () => Promise<void>,
): Promise<boolean> {
  const seen = await prisma.webhookDelivery.findFirst({ where: { webhookId, shop }, select: { webhookId: true } });
  if (seen) return false;
  await handle();
  try {
    await prisma.webhookDelivery.create({ data: { webhookId, shop, topic } });
  } catch (error) {
    // A concurrent duplicate delivery finished first: the work is done either way.
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
  return true;
}

export async function deleteWebhookDeliveries({ shop }: { shop: string }) {
  await prisma.webhookDelivery.deleteMany({ where: { shop } });
}
