// The order lookup's background work: "email me my order links" searches the shopper's
// orders and emails the links after the answer (so its timing tells nothing), as a durable
// job — a restart or an Admin API outage delays the email, never loses it.
import { defineJob, enqueue } from "~/jobs/queue.server";
import { unauthenticated } from "~/shopify.server";
import { sendOrderLinks } from "./mail.server";
import { findRecentOrdersByEmail, getLookupProfile, issueToken } from "./model.server";

interface OrderLinksRequest {
  shop: string;
  email: string;
  locale: string;
}

export const orderLinksJob = defineJob<OrderLinksRequest>(
  "order-lookup.links",
  async ({ shop, email, locale }, { key }) => {
    const { admin, session } = await unauthenticated.admin(shop);
    const profile = await getLookupProfile({ session, graphql: admin.graphql });
    const orders = await findRecentOrdersByEmail({ graphql: admin.graphql, email });
    if (orders.length === 0) return;
    const links = await Promise.all(
      orders.map(async (order) => {
        const token = await issueToken("link", { shop, orderId: order.id });
        const url = new URL("/apps/care/orders/lookup/", profile.storefrontUrl);
        url.search = new URLSearchParams({ t: token, locale }).toString();
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
