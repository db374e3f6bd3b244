// Storefront: /apps/care/orders/links (app proxy). "Email me my order links": takes only an
// email address and always answers the same sentence; the links go to that address only.
import type { ActionFunctionArgs } from "@remix-run/node";
import { messageResponse, rateLimitedResponse } from "~/components/storefront/order-lookup.server";
import { env } from "~/env.server";
import { sendOrderLinks } from "~/models/order-lookup/mail.server";
import { normalizeEmail } from "~/models/order-lookup/normalize";
import { keyedHash } from "~/models/order-lookup/tokens";
import { findRecentOrdersByEmail, getShopProfile, issueToken, recordLookup } from "~/models/order-lookup.server";
import { clientIp, consume, LIMITS } from "~/rate-limit.server";
import { handleStorefront } from "~/storefront.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  return handleStorefront(request, async ({ ctx, session, admin, form }) => {
    const shop = session.shop;

    const email = normalizeEmail(form.email ?? "");
    if (!email) return messageResponse(ctx, "order_lookup.errors.contact_invalid", 422);

    const limited = await consume([
      { name: "links-ip", key: `${shop}:${clientIp(request)}`, limit: LIMITS.linksPerIp },
      {
        name: "links-email",
        key: `${shop}:${keyedHash(env.SHOPIFY_API_SECRET, "rate-limit:email", email)}`,
        limit: LIMITS.linksPerEmail,
      },
    ]);
    if (limited) return rateLimitedResponse(ctx, limited.retryAfterSeconds);
    await recordLookup({ shop, outcome: "links_requested" });

    // The search and the email happen after the answer, so its timing tells nothing.
    const graphql = admin.graphql;
    const locale = ctx.locale;
    void (async () => {
      const profile = await getShopProfile({ shop, graphql, scope: session.scope });
      const orders = await findRecentOrdersByEmail({ graphql, email });
      if (orders.length === 0) return;
      const links = await Promise.all(
        orders.map(async (order) => {
          const token = await issueToken("link", { shop, orderId: order.id });
          const url = new URL("/apps/care/orders/lookup/", profile.storefrontUrl);
          url.search = new URLSearchParams({ t: token, locale }).toString();
          return { name: order.name, url: url.href };
        }),
      );
      await sendOrderLinks({ to: email, links, profile, locale });
    })().catch((error: unknown) => console.error("Care Desk: sending order links failed", error));

    return messageResponse(ctx, "order_lookup.links.sent", 200);
  });
};
