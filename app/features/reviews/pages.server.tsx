// Later pages of a product's published reviews (app proxy, GET /apps/care/reviews/?product_id=
// &page=): a plain link from the block without JavaScript (a full storefront page), appended in
// place by the block's script with it (?view=fragment). The first page never comes here: the
// block renders it from the product's metafield.
import prisma from "~/db.server";
import { getShopProfile } from "~/shop/profile.server";
import { wantsFragment } from "~/storefront/page.server";
import type { StorefrontRequest } from "~/storefront/proxy.server";
import { messageResponse, respond } from "~/storefront/responses.server";
import { ReviewPage } from "./ReviewList";
import { FIRST_PAGE_SIZE, PUBLISHED_REVIEW_FIELDS, toStorefront } from "./storefront-data";

/** Published reviews of a product, newest first, FIRST_PAGE_SIZE a page (page 1 = the metafield's). */
export async function publishedPage({ shop, productId, page }: { shop: string; productId: string; page: number }) {
  const rows = await prisma.review.findMany({
    where: { shop, productId, status: "published" },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * FIRST_PAGE_SIZE,
    take: FIRST_PAGE_SIZE + 1,
    select: PUBLISHED_REVIEW_FIELDS,
  });
  return {
    reviews: rows
      .slice(0, FIRST_PAGE_SIZE)
      .map(({ createdAt, publishedAt, ...r }) => toStorefront({ ...r, publishedAt: publishedAt ?? createdAt })),
    hasNext: rows.length > FIRST_PAGE_SIZE,
  };
}

export async function showReviewPage({ ctx, session, admin }: StorefrontRequest) {
  const productNumber = ctx.url.searchParams.get("product_id") ?? "";
  const page = Number(ctx.url.searchParams.get("page") ?? "2");
  if (!/^\d{1,20}$/.test(productNumber) || !Number.isInteger(page) || page < 1 || page > 1000)
    return messageResponse(ctx, "common.errors.bad_request", 400);
  const shop = session.shop;
  const [{ reviews, hasNext }, profile] = await Promise.all([
    publishedPage({ shop, productId: `gid://shopify/Product/${productNumber}`, page }),
    getShopProfile({ shop, graphql: admin.graphql }),
  ]);
  const pageUrl = (n: number) =>
    `/apps/care/reviews/?${new URLSearchParams({ product_id: productNumber, page: String(n), locale: ctx.locale })}`;
  return respond(
    ctx,
    <ReviewPage
      reviews={reviews}
      shopName={profile.name}
      t={ctx.t}
      page={page}
      pageUrl={pageUrl}
      hasNext={hasNext}
      fragment={wantsFragment(ctx.url)}
    />,
  );
}
