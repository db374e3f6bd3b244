// The shop's foundation data for the compliance webhooks: sessions (access tokens, staff
// names and emails), webhook records, the cached profile, settings and rate-limit counters.
// None of it is about a customer.
import prisma from "~/db.server";
import type { Redactor } from "~/privacy/redaction.server";
import { deleteShopRateLimits } from "~/storefront/rate-limit.server";
import { deleteWebhookDeliveries } from "~/webhooks/deliveries.server";
import { deleteShopProfile } from "./profile.server";
import { deleteShopSessions } from "./sessions.server";

export const shopRedactor: Redactor = {
  name: "shop",
  async exportCustomer() {
    return [];
  },
  async redactShop({ shop }) {
    await deleteShopSessions({ shop });
    await deleteWebhookDeliveries({ shop });
    await deleteShopProfile({ shop });
    await prisma.shopSetting.deleteMany({ where: { shop } });
    await deleteShopRateLimits({ shop });
  },
};
