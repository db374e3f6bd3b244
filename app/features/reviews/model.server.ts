// Product reviews, the app's own data: collecting, the reply desk's queue, moderation,
// replies, Home metrics and what the storefront shows. Every query is scoped by shop.
import { randomUUID } from "node:crypto";
import prisma from "~/db.server";
import type { Prisma } from "~/generated/sqlite/client";
import { type ReviewStatus } from "./model-types";
import { productsChanged, rememberProduct } from "./sync.server";

export { isStatus, LIMITS, STATUSES, type ReviewStatus } from "./model-types";
const PRODUCT_GID = /^gid:\/\/shopify\/Product\/\d{1,20}$/;
export const isProductGid = (value: string) => PRODUCT_GID.test(value);

export interface NewReview {
  productId: string;
  variantId?: string | null;
  rating: number;
  title: string;
  body: string;
  authorName: string;
  email?: string | null;
  locale: string;
  status: ReviewStatus;
  verified: boolean;
  orderId?: string | null;
  source?: "storefront" | "request" | "import";
  createdAt?: Date;
}

/** Stores a review; a published one is queued for the product's storefront sync. */
export async function createReview({ shop, review }: { shop: string; review: NewReview }) {
  const now = review.createdAt ?? new Date();
  const created = await prisma.review.create({
    data: {
      id: randomUUID(),
      shop,
      productId: review.productId,
      variantId: review.variantId ?? null,
      rating: review.rating,
      title: review.title,
      body: review.body,
      authorName: review.authorName,
      email: review.email ?? null,
      locale: review.locale,
      status: review.status,
      verified: review.verified,
      orderId: review.orderId ?? null,
      source: review.source ?? "storefront",
      createdAt: now,
      publishedAt: review.status === "published" ? now : null,
    },
    select: { id: true, productId: true, status: true },
  });
  if (created.status === "published") await productsChanged({ shop, productIds: [created.productId] });
  else await rememberProduct({ shop, productId: created.productId });
  return created;
}

export interface QueueFilter {
  /** "awaiting": no reply yet, not hidden or spam (the default); else one status or "all". */
  view: "awaiting" | ReviewStatus | "all";
  rating?: number | null;
  productId?: string | null;
  verified?: boolean | null;
  from?: Date | null;
  to?: Date | null;
  query?: string | null;
  /** "priority": lowest-rated, then oldest first (default); "oldest"; "newest". */
  sort?: "priority" | "oldest" | "newest";
}

export const QUEUE_PAGE_SIZE = 25;

const QUEUE_SELECT = {
  id: true,
  productId: true,
  rating: true,
  title: true,
  body: true,
  authorName: true,
  email: true,
  locale: true,
  status: true,
  verified: true,
  orderId: true,
  createdAt: true,
  publishedAt: true,
  replyBody: true,
  repliedAt: true,
  firstRepliedAt: true,
} satisfies Prisma.ReviewSelect;

export type QueueReview = Prisma.ReviewGetPayload<{ select: typeof QUEUE_SELECT }>;

export function queueWhere(shop: string, filter: QueueFilter): Prisma.ReviewWhereInput {
  const where: Prisma.ReviewWhereInput = { shop };
  if (filter.view === "awaiting") {
    where.firstRepliedAt = null;
    where.status = { in: ["pending", "published"] };
  } else if (filter.view !== "all") {
    where.status = filter.view;
  }
  if (filter.rating) where.rating = filter.rating;
  if (filter.productId) where.productId = filter.productId;
  if (typeof filter.verified === "boolean") where.verified = filter.verified;
  if (filter.from || filter.to)
    where.createdAt = { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) };
  const q = filter.query?.trim();
  if (q) {
    where.OR = [{ title: { contains: q } }, { body: { contains: q } }, { authorName: { contains: q } }];
  }
  return where;
}

/** One page of the reply desk's queue (and whether there is a next page). */
export async function listQueue({ shop, filter, page = 1 }: { shop: string; filter: QueueFilter; page?: number }) {
  const orderBy: Prisma.ReviewOrderByWithRelationInput[] =
    filter.sort === "newest"
      ? [{ createdAt: "desc" }, { id: "asc" }]
      : filter.sort === "oldest"
        ? [{ createdAt: "asc" }, { id: "asc" }]
        : [{ rating: "asc" }, { createdAt: "asc" }, { id: "asc" }];
  const rows = await prisma.review.findMany({
    where: queueWhere(shop, filter),
    orderBy,
    skip: (Math.max(1, page) - 1) * QUEUE_PAGE_SIZE,
    take: QUEUE_PAGE_SIZE + 1,
    select: QUEUE_SELECT,
  });
  return { reviews: rows.slice(0, QUEUE_PAGE_SIZE), hasNext: rows.length > QUEUE_PAGE_SIZE };
}

/** Products that have reviews (for the desk's product filter): one sync row each, small and indexed. */
export async function reviewedProducts({ shop }: { shop: string }) {
  const rows = await prisma.reviewProductSync.findMany({
    where: { shop },
    orderBy: { productId: "asc" },
    take: 250,
    select: { productId: true },
  });
  return rows.map((r) => r.productId);
}

/** A review of this product from this order exists (review requests: one per product and order). */
export async function hasReviewFromOrder({
  shop,
  orderId,
  productId,
}: {
  shop: string;
  orderId: string;
  productId: string;
}) {
  return (await prisma.review.count({ where: { shop, orderId, productId } })) > 0;
}

export async function getReview({ shop, id }: { shop: string; id: string }) {
  return prisma.review.findFirst({ where: { shop, id }, select: QUEUE_SELECT });
}

/** Publish, hide or mark as spam, singly or in bulk. Returns how many changed. */
export async function setStatus({ shop, ids, status }: { shop: string; ids: string[]; status: ReviewStatus }) {
  if (ids.length === 0) return 0;
  const reviews = await prisma.review.findMany({
    where: { shop, id: { in: ids } },
    select: { id: true, productId: true, status: true, publishedAt: true },
  });
  const changing = reviews.filter((r) => r.status !== status);
  if (changing.length === 0) return 0;
  const now = new Date();
  await prisma.$transaction([
    prisma.review.updateMany({ where: { shop, id: { in: changing.map((r) => r.id) } }, data: { status } }),
    ...(status === "published"
      ? [
          prisma.review.updateMany({
            where: { shop, id: { in: changing.map((r) => r.id) }, publishedAt: null },
            data: { publishedAt: now },
          }),
        ]
      : []),
  ]);
  // The storefront changes when a review enters or leaves "published".
  const affected = changing.filter((r) => r.status === "published" || status === "published");
  await productsChanged({ shop, productIds: [...new Set(affected.map((r) => r.productId))] });
  return changing.length;
}

/** Deletes reviews (with their private replies), singly or in bulk; published ones leave the storefront. */
export async function deleteReviews({ shop, ids }: { shop: string; ids: string[] }) {
  if (ids.length === 0) return 0;
  const reviews = await prisma.review.findMany({
    where: { shop, id: { in: ids } },
    select: { id: true, productId: true, status: true },
  });
  if (reviews.length === 0) return 0;
  const { count } = await prisma.review.deleteMany({ where: { shop, id: { in: reviews.map((r) => r.id) } } });
  const published = reviews.filter((r) => r.status === "published").map((r) => r.productId);
  await productsChanged({ shop, productIds: [...new Set(published)] });
  return count;
}

/** Writes (or edits) the one public owner reply; empty text removes it. */
export async function replyPublicly({ shop, id, body }: { shop: string; id: string; body: string }) {
  const review = await prisma.review.findFirst({
    where: { shop, id },
    select: { productId: true, status: true, firstRepliedAt: true },
  });
  if (!review) return null;
  const now = new Date();
  const text = body.trim();
  await prisma.review.updateMany({
    where: { shop, id },
    data: text
      ? { replyBody: text, repliedAt: now, firstRepliedAt: review.firstRepliedAt ?? now }
      : { replyBody: null, repliedAt: null },
  });
  if (review.status === "published") await productsChanged({ shop, productIds: [review.productId] });
  return { ok: true };
}

/** Records a private reply; the caller emails it. Null when the review has no email. */
export async function recordPrivateReply({ shop, id, body }: { shop: string; id: string; body: string }) {
  const review = await prisma.review.findFirst({
    where: { shop, id },
    select: {
      id: true,
      email: true,
      authorName: true,
      locale: true,
      title: true,
      body: true,
      firstRepliedAt: true,
      productId: true,
    },
  });
  if (!review?.email) return null;
  const now = new Date();
  const reply = await prisma.reviewPrivateReply.create({
    data: { id: randomUUID(), shop, reviewId: id, body: body.trim(), sentAt: now },
    select: { id: true },
  });
  if (!review.firstRepliedAt) await prisma.review.updateMany({ where: { shop, id }, data: { firstRepliedAt: now } });
  return { replyId: reply.id, review: { ...review, email: review.email } };
}

// ---- Home metrics

const HOUR = 3_600_000;

export async function reviewStats({
  shop,
  now = new Date(),
  replyTargetHours,
}: {
  shop: string;
  now?: Date;
  replyTargetHours: number;
}) {
  const since = new Date(now.getTime() - 30 * 24 * HOUR);
  const overdueBefore = new Date(now.getTime() - replyTargetHours * HOUR);
  const [recent, overdue, awaiting] = await Promise.all([
    prisma.review.findMany({
      where: { shop, createdAt: { gte: since }, status: { in: ["pending", "published", "hidden"] } },
      select: { rating: true, createdAt: true, firstRepliedAt: true },
      take: 50_000,
    }),
    prisma.review.count({
      where: { shop, firstRepliedAt: null, status: { in: ["pending", "published"] }, createdAt: { lt: overdueBefore } },
    }),
    prisma.review.count({ where: { shop, firstRepliedAt: null, status: { in: ["pending", "published"] } } }),
  ]);
  const replied = recent.filter((r) => r.firstRepliedAt);
  const hours = replied.map((r) => (r.firstRepliedAt!.getTime() - r.createdAt.getTime()) / HOUR).sort((a, b) => a - b);
  return {
    reviews30d: recent.length,
    averageRating30d: recent.length
      ? Math.round((recent.reduce((s, r) => s + r.rating, 0) / recent.length) * 10) / 10
      : null,
    replyRate30d: recent.length ? Math.round((replied.length / recent.length) * 100) : null,
    medianReplyHours30d: hours.length ? Math.round(median(hours) * 10) / 10 : null,
    overdue,
    awaiting,
    replyTargetHours,
  };
}

export function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function isOverdue(
  review: { createdAt: Date | string; firstRepliedAt: Date | string | null; status: string },
  targetHours: number,
  now = Date.now(),
) {
  return (
    !review.firstRepliedAt &&
    (review.status === "pending" || review.status === "published") &&
    now - new Date(review.createdAt).getTime() > targetHours * HOUR
  );
}
