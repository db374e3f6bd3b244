// Review requests: when Shopify says an order is fulfilled (orders/fulfilled), a job scheduled
// the configured number of days later emails the buyer one signed link per product of the
// order. The link opens a review form on the app proxy (/apps/care/reviews/write/); reviews
// written from it are verified buyers' reviews of that order.
import { env } from "~/env.server";
import { adminQuery } from "~/graphql.server";
import { defineJob, enqueue } from "~/jobs/queue.server";
import { getShopProfile } from "~/shop/profile.server";
import { unauthenticated } from "~/shopify.server";
import { resolveLocale } from "~/storefront/i18n";
import { sendReviewRequest } from "./mail.server";
import { signRequestToken } from "./request-token";
import { loadReviewSettings } from "./settings.server";

export const REVIEW_REQUEST_ORDER_QUERY = `#graphql
  query CareDeskReviewRequestOrder($id: ID!) {
    order(id: $id) {
      id
      name
      email
      customerLocale
      cancelledAt
      lineItems(first: 30) { nodes { product { id title } } }
    }
  }
` as const;

const MAX_PRODUCTS = 10;

export const reviewRequestJob = defineJob<{ shop: string; orderId: string }>(
  "reviews.request",
  async ({ shop, orderId }, { key }) => {
    const settings = await loadReviewSettings({ shop });
    if (!settings.requestsEnabled) return; // turned off since the order was fulfilled
    const { admin } = await unauthenticated.admin(shop);
    const { order } = await adminQuery(admin.graphql, REVIEW_REQUEST_ORDER_QUERY, { id: orderId });
    if (!order?.email || order.cancelledAt) return;
    const products = [
      ...new Map(
        order.lineItems.nodes.flatMap((line) => (line.product ? [[line.product.id, line.product.title] as const] : [])),
      ),
    ].slice(0, MAX_PRODUCTS);
    if (products.length === 0) return;
    const profile = await getShopProfile({ shop, graphql: admin.graphql });
    const locale = resolveLocale(order.customerLocale);
    const links = products.map(([productId, title]) => {
      const token = signRequestToken(
        { shop, orderId: order.id, productId, email: order.email!.trim().toLowerCase(), locale },
        env.SHOPIFY_API_SECRET,
      );
      const url = new URL("/apps/care/reviews/write/", profile.storefrontUrl);
      url.search = new URLSearchParams({ t: token, locale }).toString();
      return { title, url: url.href };
    });
    await sendReviewRequest({ key: `${key}:mail`, to: order.email, orderName: order.name, links, profile, locale });
  },
  { attempts: 6, backoffSeconds: 30, maxBackoffSeconds: 3600 },
);

/** orders/fulfilled: schedules the order's review request (once per order), if turned on. */
export async function onOrderFulfilled({ shop, payload }: { shop: string; payload: unknown }) {
  const settings = await loadReviewSettings({ shop });
  if (!settings.requestsEnabled) return;
  const order = payload as { id?: number | string; admin_graphql_api_id?: string };
  const orderId =
    typeof order.admin_graphql_api_id === "string" && /^gid:\/\/shopify\/Order\/\d+$/.test(order.admin_graphql_api_id)
      ? order.admin_graphql_api_id
      : /^\d+$/.test(String(order.id ?? ""))
        ? `gid://shopify/Order/${String(order.id)}`
        : null;
  if (!orderId) return;
  await enqueue(
    reviewRequestJob,
    { shop, orderId },
    { key: `reviews.request:${shop}:${orderId}`, runAt: new Date(Date.now() + settings.requestDelayDays * 86_400_000) },
  );
}
