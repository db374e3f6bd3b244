// Storefront: /apps/care/orders/code (app proxy). Strict mode: the one-time code emailed to
// the order's address unlocks the order.
import type { ActionFunctionArgs } from "@remix-run/node";
import {
  challengeResponse,
  messageResponse,
  orderResponse,
  rateLimitedResponse,
} from "~/components/storefront/order-lookup.server";
import { normalizeEmail } from "~/models/order-lookup/normalize";
import {
  getOrderById,
  getShopProfile,
  issueToken,
  readToken,
  recordLookup,
  verifyChallenge,
} from "~/models/order-lookup.server";
import { clientIp, consume, LIMITS } from "~/rate-limit.server";
import { handleStorefront } from "~/storefront.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  return handleStorefront(request, async ({ ctx, session, admin, form }) => {
    const shop = session.shop;

    const claims = await readToken("challenge", form.challenge ?? "", shop);
    if (!claims?.challengeId) return messageResponse(ctx, "order_lookup.errors.expired", 401);

    const limited = await consume([
      { name: "lookup-ip", key: `${shop}:${clientIp(request)}`, limit: LIMITS.lookupPerIp },
    ]);
    if (limited) return rateLimitedResponse(ctx, limited.retryAfterSeconds);

    const code = (form.code ?? "").replace(/\s/g, "");
    const valid = await verifyChallenge({ shop, challengeId: claims.challengeId, orderId: claims.orderId, code });
    const order = valid ? await getOrderById({ graphql: admin.graphql, id: claims.orderId }) : null;
    const email = order?.email ? normalizeEmail(order.email) : null;
    if (!order || !email) {
      await recordLookup({ shop, outcome: "code_invalid" });
      return challengeResponse(ctx, {
        challenge: form.challenge ?? "",
        email: (form.hint ?? "").slice(0, 100),
        error: true,
      });
    }

    await recordLookup({ shop, outcome: "found" });
    const profile = await getShopProfile({ shop, graphql: admin.graphql, scope: session.scope });
    return orderResponse(ctx, order, {
      timeZone: profile.ianaTimezone,
      contact: { kind: "email", value: email },
      sessionToken: await issueToken("session", { shop, orderId: order.id }),
      contactPath: "/pages/contact",
    });
  });
};
