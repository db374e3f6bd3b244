// "Write a review" (app proxy, POST /apps/care/reviews/): the block's form, without
// JavaScript. Spam defence: a honeypot field, a minimum time between showing the form and
// sending it, rate limits per shopper address and per product, and content rules; then the
// shop's moderation rules decide whether it is published at once. The verified-buyer flag
// comes from the shop's orders (Admin API) for the signed-in customer named by Shopify's
// signed proxy parameters, never from the form. Answers in the shopper's language.
import { env } from "~/env.server";
import { adminQuery } from "~/graphql.server";
import { Message } from "~/storefront/Message";
import type { StorefrontRequest } from "~/storefront/proxy.server";
import { addressLimit, consume, type Limit } from "~/storefront/rate-limit.server";
import {
  messageResponse,
  rateLimitedResponse,
  respond,
  safeShopPath,
  type StorefrontEndpoint,
} from "~/storefront/responses.server";
import { REVIEW_PRODUCTS_QUERY } from "./desk.server";
import { createReview, hasReviewFromOrder, LIMITS } from "./model.server";
import { moderate } from "./moderation";
import { verifyRequestToken, type RequestClaims } from "./request-token";
import { loadReviewSettings } from "./settings.server";
import { cleanText, EMAIL } from "./text";
import { RequestReviewForm } from "./WriteForm";

export const REVIEWS_ENDPOINT: StorefrontEndpoint = { title: "reviews.page_title" };
/** A review of 5,000 characters in any script fits (URL-encoded CJK is 9 bytes a character). */
export const REVIEW_FORM_LIMITS = { maxBodyBytes: 64 * 1024, maxFieldLength: LIMITS.body + 1 };
export const REVIEW_RATE_LIMITS: Record<"perIp" | "perProduct", Limit> = {
  perIp: { points: 5, durationSeconds: 3600 },
  perProduct: { points: 2, durationSeconds: 86_400 },
};
/** Humans take longer than this to write a review. */
export const MIN_SECONDS_TO_WRITE = 3;

export const REVIEW_SUBMISSION_QUERY = `#graphql
  query CareDeskReviewSubmission($productId: ID!, $orders: String!, $signedIn: Boolean!) {
    product(id: $productId) { id }
    orders(first: 10, query: $orders, sortKey: CREATED_AT, reverse: true) @include(if: $signedIn) {
      nodes { id lineItems(first: 20) { nodes { product { id } } } }
    }
  }
` as const;

type FieldError =
  | "rating_missing"
  | "body_missing"
  | "body_too_long"
  | "title_too_long"
  | "name_missing"
  | "email_invalid"
  | "product_unknown";

export function validateReview(
  form: Record<string, string>,
):
  | { ok: true; value: { productId: string; rating: number; title: string; body: string; name: string; email: string } }
  | { ok: false; error: FieldError } {
  const productNumber = (form.product_id ?? "").trim();
  if (!/^\d{1,20}$/.test(productNumber)) return { ok: false, error: "product_unknown" };
  const rating = Number(form.rating);
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) return { ok: false, error: "rating_missing" };
  const title = cleanText(form.title).replace(/\s+/g, " ");
  if (title.length > LIMITS.title) return { ok: false, error: "title_too_long" };
  const body = cleanText(form.body);
  if (!body) return { ok: false, error: "body_missing" };
  if (body.length > LIMITS.body) return { ok: false, error: "body_too_long" };
  const name = cleanText(form.name).replace(/\s+/g, " ");
  if (!name || name.length > LIMITS.author) return { ok: false, error: "name_missing" };
  const email = (form.email ?? "").trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) return { ok: false, error: "email_invalid" };
  return { ok: true, value: { productId: `gid://shopify/Product/${productNumber}`, rating, title, body, name, email } };
}

/** GET /apps/care/reviews/write/?t=: the form of a review request's one-click link. */
export async function showRequestForm({ ctx, session, admin }: StorefrontRequest) {
  const token = ctx.url.searchParams.get("t");
  const claims = verifyRequestToken(token, session.shop, env.SHOPIFY_API_SECRET);
  if (!claims) return messageResponse(ctx, "reviews.answers.link_invalid", 401);
  if (await hasReviewFromOrder({ shop: session.shop, orderId: claims.orderId, productId: claims.productId }))
    return messageResponse(ctx, "reviews.answers.already", 409);
  const data = await adminQuery(admin.graphql, REVIEW_PRODUCTS_QUERY, { ids: [claims.productId] });
  const product = data.nodes[0];
  if (!product || !("title" in product)) return messageResponse(ctx, "reviews.answers.product_unknown", 404);
  return respond(
    ctx,
    <RequestReviewForm
      t={ctx.t}
      token={token!}
      locale={ctx.locale}
      productTitle={product.title}
      startedAt={Math.floor(Date.now() / 1000)}
    />,
  );
}

/**
 * POST: the block's form, or (viaLink) the form of a review request's signed link, whose
 * product, order and email come from the link: that review is a verified buyer's.
 */
export async function submitReview(
  { ctx, session, admin, form: posted }: StorefrontRequest,
  request: Request,
  { viaLink = false, now = Date.now() }: { viaLink?: boolean; now?: number } = {},
) {
  const shop = session.shop;
  let form = posted;
  let claims: RequestClaims | null = null;
  if (viaLink) {
    claims = verifyRequestToken(posted.t, shop, env.SHOPIFY_API_SECRET);
    if (!claims) return messageResponse(ctx, "reviews.answers.link_invalid", 401);
    form = { ...posted, product_id: claims.productId.split("/").pop()!, email: claims.email };
  }
  const back = safeShopPath(form.return_to, "/");
  const answer = (key: string, status: number) =>
    respond(
      ctx,
      <div>
        <Message tone={status >= 400 ? "error" : "info"}>{ctx.t(key)}</Message>
        <p>
          <a href={back}>{ctx.t("reviews.answers.back")}</a>
        </p>
      </div>,
      status,
    );

  // A bot filled the hidden field: answer as if held for approval, store nothing.
  if (form.website) return answer("reviews.answers.pending", 200);
  const started = Number(form.started);
  if (!Number.isFinite(started) || started <= 0) return messageResponse(ctx, "common.errors.bad_request", 400);
  if (now / 1000 - started < MIN_SECONDS_TO_WRITE) return answer("reviews.answers.too_fast", 422);

  const valid = validateReview(form);
  if (!valid.ok) return answer(`reviews.answers.${valid.error}`, 422);
  const review = valid.value;

  const perAddress = addressLimit(request, "reviews-ip", REVIEW_RATE_LIMITS.perIp);
  const limited = await consume(shop, [
    ...perAddress,
    ...perAddress.map(({ key }) => ({
      name: "reviews-product",
      key: `${review.productId}:${key}`,
      limit: REVIEW_RATE_LIMITS.perProduct,
    })),
  ]);
  if (limited) return rateLimitedResponse(ctx, limited.retryAfterSeconds);

  if (claims) {
    if (await hasReviewFromOrder({ shop, orderId: claims.orderId, productId: claims.productId }))
      return answer("reviews.answers.already", 409);
    const decision = moderate(review, await loadReviewSettings({ shop }));
    await createReview({
      shop,
      review: {
        productId: claims.productId,
        rating: review.rating,
        title: review.title,
        body: review.body,
        authorName: review.name,
        email: claims.email,
        locale: ctx.locale,
        status: decision.status,
        verified: true,
        orderId: claims.orderId,
        source: "request",
      },
    });
    return answer(decision.status === "published" ? "reviews.answers.published" : "reviews.answers.pending", 200);
  }

  // Shopify's signed proxy parameters name the signed-in customer (blank for guests).
  const customerId = new URL(request.url).searchParams.get("logged_in_customer_id") ?? "";
  const signedIn = /^\d{1,20}$/.test(customerId);
  const data = await adminQuery(admin.graphql, REVIEW_SUBMISSION_QUERY, {
    productId: review.productId,
    orders: signedIn ? `customer_id:${customerId}` : "",
    signedIn,
  });
  if (!data.product) return answer("reviews.answers.product_unknown", 422);
  const order = data.orders?.nodes.find((o) => o.lineItems.nodes.some((line) => line.product?.id === review.productId));

  const settings = await loadReviewSettings({ shop });
  const decision = moderate(review, settings);
  await createReview({
    shop,
    review: {
      productId: review.productId,
      rating: review.rating,
      title: review.title,
      body: review.body,
      authorName: review.name,
      email: review.email,
      locale: ctx.locale,
      status: decision.status,
      verified: Boolean(order),
      orderId: order?.id ?? null,
      source: "storefront",
    },
  });
  return answer(decision.status === "published" ? "reviews.answers.published" : "reviews.answers.pending", 200);
}
