// Keeps each product's storefront metafields in step with its published reviews, through the
// job queue: `$app:reviews.summary` (JSON: rating summary, first page with owner replies,
// JSON-LD) and the standard `reviews.rating` / `reviews.rating_count` that themes (Dawn) and
// SEO apps read. Every change bumps the product's sync version and enqueues one job keyed by
// it; a job writes the current state with `metafieldsSet` (one call, 3 of at most 25
// metafields), each input guarded by the `compareDigest` it just read. If another writer got
// there first (STALE_OBJECT) the job reads again; a job whose version is already synced does
// nothing. Throttling is retried by adminQuery; failures by the queue.
import prisma from "~/db.server";
import { adminQuery, assertNoUserErrors, type AdminGraphql } from "~/graphql.server";
import { defineJob, enqueue } from "~/jobs/queue.server";
import { unauthenticated } from "~/shopify.server";
import {
  buildSummary,
  FIRST_PAGE_SIZE,
  PUBLISHED_REVIEW_FIELDS,
  ratingValue,
  type PublishedReview,
} from "./storefront-data";

/** The app-owned namespace the "Product reviews" block reads (`product.metafields["$app:reviews"]`). */
export const APP_NAMESPACE = "$app:reviews";
const METAFIELDS_PER_CALL = 25;

export const REVIEW_METAFIELDS_QUERY = `#graphql
  query CareDeskReviewMetafields($id: ID!) {
    product(id: $id) {
      id
      title
      onlineStoreUrl
      summary: metafield(namespace: "$app:reviews", key: "summary") { compareDigest }
      rating: metafield(namespace: "reviews", key: "rating") { compareDigest }
      ratingCount: metafield(namespace: "reviews", key: "rating_count") { compareDigest }
    }
  }
` as const;

export const REVIEW_METAFIELDS_SET = `#graphql
  mutation CareDeskReviewMetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { namespace key compareDigest }
      userErrors { field message code }
    }
  }
` as const;

export const REVIEW_METAFIELDS_DELETE = `#graphql
  mutation CareDeskReviewMetafieldsDelete($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      deletedMetafields { key namespace }
      userErrors { field message }
    }
  }
` as const;

/** Ratings of the published reviews and the first page (newest first) of a product. */
export async function publishedReviews({ shop, productId }: { shop: string; productId: string }) {
  const [groups, firstPage] = await Promise.all([
    prisma.review.groupBy({ by: ["rating"], where: { shop, productId, status: "published" }, _count: { _all: true } }),
    prisma.review.findMany({
      where: { shop, productId, status: "published" },
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take: FIRST_PAGE_SIZE,
      select: PUBLISHED_REVIEW_FIELDS,
    }),
  ]);
  const ratings: Record<number, number> = {};
  for (const g of groups) ratings[g.rating] = g._count._all;
  const reviews: PublishedReview[] = firstPage.map(({ createdAt, publishedAt, ...r }) => ({
    ...r,
    publishedAt: publishedAt ?? createdAt,
  }));
  return { ratings, reviews };
}

export async function getSyncState({ shop, productId }: { shop: string; productId: string }) {
  return (
    (await prisma.reviewProductSync.findUnique({
      where: { shop_productId: { shop, productId } },
      select: { version: true, syncedVersion: true },
    })) ?? { version: 0, syncedVersion: 0 }
  );
}

async function markSynced({ shop, productId, version }: { shop: string; productId: string; version: number }) {
  await prisma.reviewProductSync.updateMany({
    where: { shop, productId, syncedVersion: { lt: version } },
    data: { syncedVersion: version },
  });
}

export type SyncOutcome = "written" | "up-to-date" | "product-gone";

/**
 * Writes the product's review metafields from the database's current state. Up to `tries`
 * rounds when another writer changed them between our read and our write.
 */
export async function syncProductReviews({
  shop,
  productId,
  graphql,
  tries = 5,
}: {
  shop: string;
  productId: string;
  graphql: AdminGraphql;
  tries?: number;
}): Promise<SyncOutcome> {
  for (let attempt = 1; ; attempt++) {
    const state = await getSyncState({ shop, productId });
    if (state.version > 0 && state.syncedVersion >= state.version) return "up-to-date";
    // Read in this order: the version first, so the data is at least that new.
    const { ratings, reviews } = await publishedReviews({ shop, productId });
    const { product } = await adminQuery(graphql, REVIEW_METAFIELDS_QUERY, { id: productId });
    if (!product) {
      await markSynced({ shop, productId, version: state.version });
      return "product-gone";
    }
    const summary = buildSummary({
      productTitle: product.title,
      productUrl: product.onlineStoreUrl ?? null,
      ratings,
      reviews,
    });
    const inputs = [
      {
        ownerId: productId,
        namespace: APP_NAMESPACE,
        key: "summary",
        type: "json",
        value: JSON.stringify(summary),
        compareDigest: product.summary?.compareDigest ?? null,
      },
      {
        ownerId: productId,
        namespace: "reviews",
        key: "rating_count",
        type: "number_integer",
        value: String(summary.count),
        compareDigest: product.ratingCount?.compareDigest ?? null,
      },
      ...(summary.count > 0
        ? [
            {
              ownerId: productId,
              namespace: "reviews",
              key: "rating",
              type: "rating",
              value: ratingValue(summary.average),
              compareDigest: product.rating?.compareDigest ?? null,
            },
          ]
        : []),
    ];
    let stale = false;
    for (let i = 0; i < inputs.length; i += METAFIELDS_PER_CALL) {
      const result = await adminQuery(graphql, REVIEW_METAFIELDS_SET, {
        metafields: inputs.slice(i, i + METAFIELDS_PER_CALL),
      });
      if (result.metafieldsSet?.userErrors.some((e) => e.code === "STALE_OBJECT")) {
        stale = true;
        break;
      }
      assertNoUserErrors(result.metafieldsSet);
    }
    if (stale) {
      if (attempt >= tries) throw new Error(`Review metafields of ${productId} kept changing (compareDigest)`);
      continue;
    }
    if (summary.count === 0 && product.rating) {
      const deleted = await adminQuery(graphql, REVIEW_METAFIELDS_DELETE, {
        metafields: [{ ownerId: productId, namespace: "reviews", key: "rating" }],
      });
      assertNoUserErrors(deleted.metafieldsDelete);
    }
    await markSynced({ shop, productId, version: state.version });
    return "written";
  }
}

export const syncReviewsJob = defineJob<{ shop: string; productId: string; version: number }>(
  "reviews.sync",
  async ({ shop, productId, version }) => {
    const state = await getSyncState({ shop, productId });
    if (state.syncedVersion >= version) return; // a later job already wrote a newer state
    const { admin } = await unauthenticated.admin(shop);
    await syncProductReviews({ shop, productId, graphql: admin.graphql });
  },
  { attempts: 8, backoffSeconds: 2, maxBackoffSeconds: 600 },
);

/** Products whose storefront reviews changed: bump their versions and queue their syncs. */
export async function productsChanged({ shop, productIds }: { shop: string; productIds: string[] }) {
  for (const productId of productIds) {
    const { version } = await prisma.reviewProductSync.upsert({
      where: { shop_productId: { shop, productId } },
      create: { shop, productId, version: 1 },
      update: { version: { increment: 1 } },
      select: { version: true },
    });
    await enqueue(
      syncReviewsJob,
      { shop, productId, version },
      { key: `reviews.sync:${shop}:${productId}:${version}` },
    );
  }
}

/** A product has reviews (its sync row exists) without a storefront change yet. */
export async function rememberProduct({ shop, productId }: { shop: string; productId: string }) {
  await prisma.reviewProductSync.upsert({
    where: { shop_productId: { shop, productId } },
    create: { shop, productId },
    update: {},
  });
}
