// The order lookup's background work: "email me my order links" searches the shopper's
// orders and emails the links after the answer (so its timing tells nothing), as a durable
// job — a restart or an Admin API outage delays the email, never loses it.
import { env } from "~/env.server";
import { defineJob, enqueue } from "~/jobs/queue.server";
import { unauthenticated } from "~/shopify.server";
import { charge, exhausted, type Limit } from "~/storefront/rate-limit.server";
import { sendOrderLinks } from "./mail.server";
import { findRecentOrdersByEmail, getLookupProfile, issueLink } from "./model.server";
import { keyedHash } from "./tokens";

interface OrderLinksRequest {
  shop: string;
  email: string;
  locale: string;
  /** Order-link emails one address may get (counted when one is sent). */
  limit: Limit;
}

export const orderLinksJob = defineJob<OrderLinksRequest>(
  "order-lookup.links",
  async ({ shop, email, locale, limit }, { key }) => {
    const { admin, session } = await unauthenticated.admin(shop);
    const profile = await getLookupProfile({ session, graphql: admin.graphql });
    const orders = await findRecentOrdersByEmail({ graphql: admin.graphql, email });
    if (orders.length === 0) return;
    const perEmail = [
      { name: "links-email", key: keyedHash(env.SHOPIFY_API_SECRET, "rate-limit:email", email), limit },
    ];
    if (await exhausted(shop, perEmail)) return;
    await charge(shop, perEmail);
    const links = await Promise.all(
      orders.map(async (order) => {
        const url = new URL("/apps/care/orders/lookup/", profile.storefrontUrl);
        url.search = new URLSearchParams({ link: await issueLink({ shop, orderId: order.id }), locale }).toString();
        return { name: order.name, url: url.href };
      }),
    );
    await sendOrderLinks({ key: `${key}:mail`, to: email, links, profile, locale });
  },
  { attempts: 6, backoffSeconds: 5, maxBackoffSeconds: 300 },
);

/** Accepts one request (its own key: every accepted request is answered by one email). */
export function requestOrderLinks(request: OrderLinksRequest & { requestId: string }) {
  const { requestId, ...payload } = request;
  return enqueue(orderLinksJob, payload, { key: `order-lookup.links:${request.shop}:${requestId}` });
}
