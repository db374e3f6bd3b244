// Product reviews' data layer on both databases: the reply desk's queue and its filters,
// moderation actions, replies, the metafield sync (compareDigest conflicts, removal of the
// rating when nothing is published), Home metrics and the compliance redactor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS } from "../setup/db";
import { useTestDatabase } from "../support/app";
import { fakeAdmin, ok } from "../support/fake-admin";

describe.each(DATABASE_KINDS)("product reviews on %s", (kind) => {
  const database = useTestDatabase(kind);
  let model: typeof import("~/features/reviews/model.server");
  let sync: typeof import("~/features/reviews/sync.server");
  let queue: typeof import("~/jobs/queue.server");
  let features: typeof import("~/features/index.server");
  let redaction: typeof import("~/privacy/redaction.server");

  beforeAll(async () => {
    model = await import("~/features/reviews/model.server");
    sync = await import("~/features/reviews/sync.server");
    queue = await import("~/jobs/queue.server");
    features = await import("~/features/index.server");
    redaction = await import("~/privacy/redaction.server");
  }, 60_000);

  afterAll(async () => {
    await queue?.stopWorker();
  });

  let shopCount = 0;
  const newShop = () => `reviews-${kind}-${++shopCount}.myshopify.com`;
  const product = (n: number) => `gid://shopify/Product/${n}`;
  const HOUR = 3_600_000;
  const base = (overrides: Partial<import("~/features/reviews/model.server").NewReview> = {}) => ({
    productId: product(1),
    rating: 5,
    title: "Nice",
    body: "Nice mug",
    authorName: "Ann",
    email: "ann@example.com",
    locale: "en",
    status: "pending" as const,
    verified: false,
    ...overrides,
  });

  it("orders the queue lowest-rated then oldest, and filters it", async () => {
    const shop = newShop();
    const now = Date.now();
    const make = (rating: number, hoursAgo: number, extra = {}) =>
      model.createReview({ shop, review: base({ rating, createdAt: new Date(now - hoursAgo * HOUR), ...extra }) });
    const a = await make(5, 50, { title: "five old" });
    const b = await make(1, 2, { title: "one new", verified: true });
    const c = await make(1, 10, { title: "one old" });
    const d = await make(3, 1, { title: "three", status: "hidden" });
    await make(4, 1, { title: "other shop product", productId: product(2) });
    // another shop's reviews never show
    await model.createReview({ shop: newShop(), review: base({ rating: 1 }) });

    const awaiting = await model.listQueue({ shop, filter: { view: "awaiting" } });
    expect(awaiting.reviews.map((r) => r.title)).toEqual(["one old", "one new", "other shop product", "five old"]);
    const oldest = await model.listQueue({ shop, filter: { view: "awaiting", sort: "oldest" } });
    expect(oldest.reviews[0]!.id).toBe(a.id);
    expect((await model.listQueue({ shop, filter: { view: "all", rating: 1 } })).reviews).toHaveLength(2);
    expect((await model.listQueue({ shop, filter: { view: "all", verified: true } })).reviews.map((r) => r.id)).toEqual(
      [b.id],
    );
    expect((await model.listQueue({ shop, filter: { view: "hidden" } })).reviews.map((r) => r.id)).toEqual([d.id]);
    expect((await model.listQueue({ shop, filter: { view: "all", productId: product(2) } })).reviews).toHaveLength(1);
    expect((await model.listQueue({ shop, filter: { view: "all", query: "old" } })).reviews).toHaveLength(2);
    const since = await model.listQueue({ shop, filter: { view: "all", from: new Date(now - 5 * HOUR) } });
    expect(since.reviews.map((r) => r.title).sort()).toEqual(["one new", "other shop product", "three"]);

    // a reply takes a review out of "awaiting"
    await model.replyPublicly({ shop, id: c.id, body: "Sorry about that" });
    const after = await model.listQueue({ shop, filter: { view: "awaiting" } });
    expect(after.reviews.map((r) => r.id)).not.toContain(c.id);
    expect(await model.getReview({ shop, id: c.id })).toMatchObject({ replyBody: "Sorry about that" });
  });

  it("bumps the product's sync version (and queues a sync) only when the storefront changes", async () => {
    const shop = newShop();
    const pending = await model.createReview({ shop, review: base() });
    expect(await sync.getSyncState({ shop, productId: product(1) })).toEqual({ version: 0, syncedVersion: 0 });
    // publishing two reviews in bulk: one change for the product
    const other = await model.createReview({ shop, review: base({ title: "second" }) });
    expect(await model.setStatus({ shop, ids: [pending.id, other.id], status: "published" })).toBe(2);
    expect((await sync.getSyncState({ shop, productId: product(1) })).version).toBe(1);
    expect(await queue.getJob("reviews.sync", `reviews.sync:${shop}:${product(1)}:1`)).toMatchObject({
      name: "reviews.sync",
    });
    // a reply to a published review changes the storefront; publishing again changes nothing
    await model.replyPublicly({ shop, id: pending.id, body: "Thanks!" });
    expect(await model.setStatus({ shop, ids: [pending.id], status: "published" })).toBe(0);
    expect((await sync.getSyncState({ shop, productId: product(1) })).version).toBe(2);
    // hiding it changes it again; publishedAt stays the first publication
    const first = (await model.getReview({ shop, id: pending.id }))!.publishedAt;
    await model.setStatus({ shop, ids: [pending.id], status: "hidden" });
    await model.setStatus({ shop, ids: [pending.id], status: "published" });
    expect((await model.getReview({ shop, id: pending.id }))!.publishedAt).toEqual(first);
    expect((await sync.getSyncState({ shop, productId: product(1) })).version).toBe(4);
    // deleting: another shop's ids are ignored; deleting a published review changes the storefront,
    // deleting a pending one does not
    expect(await model.deleteReviews({ shop: newShop(), ids: [pending.id] })).toBe(0);
    const held = await model.createReview({ shop, review: base({ title: "held" }) });
    expect(await model.deleteReviews({ shop, ids: [held.id] })).toBe(1);
    expect((await sync.getSyncState({ shop, productId: product(1) })).version).toBe(4);
    await model.recordPrivateReply({ shop, id: pending.id, body: "Private" });
    expect(await model.deleteReviews({ shop, ids: [pending.id, other.id] })).toBe(2);
    expect((await sync.getSyncState({ shop, productId: product(1) })).version).toBe(5);
    expect(await database.prisma.review.count({ where: { shop } })).toBe(0);
    expect(await database.prisma.reviewPrivateReply.count({ where: { shop } })).toBe(0);
  });

  it("writes the metafields with compareDigest, reading again after a conflict", async () => {
    const shop = newShop();
    await model.createReview({ shop, review: base({ status: "published", rating: 4 }) });
    const productData = (digest: string | null) => ({
      product: {
        id: product(1),
        title: "Mug",
        onlineStoreUrl: null,
        summary: digest ? { compareDigest: digest } : null,
        rating: null,
        ratingCount: null,
      },
    });
    const stale = ok({
      metafieldsSet: {
        metafields: null,
        userErrors: [{ field: ["metafields", "0"], message: "The resource has been updated", code: "STALE_OBJECT" }],
      },
    });
    const written = ok({ metafieldsSet: { metafields: [], userErrors: [] } });
    const setWith = (digest: string | null) => ({
      metafields: [
        expect.objectContaining({ namespace: "$app:reviews", key: "summary", type: "json", compareDigest: digest }),
        expect.objectContaining({ namespace: "reviews", key: "rating_count", value: "1", compareDigest: null }),
        expect.objectContaining({
          namespace: "reviews",
          key: "rating",
          type: "rating",
          value: '{"value":"4.0","scale_min":"1.0","scale_max":"5.0"}',
        }),
      ],
    });
    const admin = fakeAdmin([
      { operation: "CareDeskReviewMetafields", variables: { id: product(1) }, reply: ok(productData("d1")) },
      { operation: "CareDeskReviewMetafieldsSet", variables: setWith("d1"), reply: stale },
      // another writer changed it: read again, write with the new digest
      { operation: "CareDeskReviewMetafields", variables: { id: product(1) }, reply: ok(productData("d2")) },
      { operation: "CareDeskReviewMetafieldsSet", variables: setWith("d2"), reply: written },
    ]);
    expect(await sync.syncProductReviews({ shop, productId: product(1), graphql: admin.graphql })).toBe("written");
    admin.done();
    // the JSON written is the storefront summary
    const summary = JSON.parse(
      (admin.calls[3]!.options as { variables: { metafields: { value: string }[] } }).variables.metafields[0]!.value,
    ) as { count: number; reviews: { body: string }[] };
    expect(summary).toMatchObject({ count: 1, reviews: [{ body: "Nice mug" }] });
    // synced: the next job has nothing to do and calls nothing
    const idle = fakeAdmin([]);
    expect(await sync.syncProductReviews({ shop, productId: product(1), graphql: idle.graphql })).toBe("up-to-date");
  });

  it("removes the standard rating when no review is published any more", async () => {
    const shop = newShop();
    const review = await model.createReview({ shop, review: base({ status: "published" }) });
    await model.setStatus({ shop, ids: [review.id], status: "spam" });
    const admin = fakeAdmin([
      {
        operation: "CareDeskReviewMetafields",
        variables: { id: product(1) },
        reply: ok({
          product: {
            id: product(1),
            title: "Mug",
            onlineStoreUrl: null,
            summary: { compareDigest: "s" },
            rating: { compareDigest: "r" },
            ratingCount: { compareDigest: "c" },
          },
        }),
      },
      {
        operation: "CareDeskReviewMetafieldsSet",
        variables: {
          metafields: [
            expect.objectContaining({ key: "summary", compareDigest: "s" }),
            expect.objectContaining({ key: "rating_count", value: "0", compareDigest: "c" }),
          ],
        },
        reply: ok({ metafieldsSet: { metafields: [], userErrors: [] } }),
      },
      {
        operation: "CareDeskReviewMetafieldsDelete",
        variables: { metafields: [{ ownerId: product(1), namespace: "reviews", key: "rating" }] },
        reply: ok({
          metafieldsDelete: { deletedMetafields: [{ key: "rating", namespace: "reviews" }], userErrors: [] },
        }),
      },
    ]);
    expect(await sync.syncProductReviews({ shop, productId: product(1), graphql: admin.graphql })).toBe("written");
    admin.done();
  });

  it("computes Home metrics: reply rate, median time to first reply, overdue, average rating", async () => {
    const shop = newShop();
    const now = new Date();
    const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
    const r1 = await model.createReview({ shop, review: base({ rating: 2, createdAt: at(100) }) });
    const r2 = await model.createReview({ shop, review: base({ rating: 4, createdAt: at(60) }) });
    await model.createReview({ shop, review: base({ rating: 3, createdAt: at(50) }) }); // overdue
    await model.createReview({ shop, review: base({ rating: 5, createdAt: at(1) }) }); // not yet overdue
    await database.prisma.review.updateMany({ where: { shop, id: r1.id }, data: { firstRepliedAt: at(90) } }); // 10 h
    await database.prisma.review.updateMany({ where: { shop, id: r2.id }, data: { firstRepliedAt: at(30) } }); // 30 h
    const stats = await model.reviewStats({ shop, now, replyTargetHours: 48 });
    expect(stats).toEqual({
      reviews30d: 4,
      averageRating30d: 3.5,
      replyRate30d: 50,
      medianReplyHours30d: 20,
      overdue: 1,
      awaiting: 2,
      replyTargetHours: 48,
    });
    const cards = await features.homeCards({ shop, graphql: fakeAdmin([]).graphql });
    expect(cards.reviews).toMatchObject({ overdue: 1, replyTargetHours: 48 });
  });

  it("customers/redact anonymises the customer's reviews and keeps the text; shop/redact deletes all", async () => {
    const shop = newShop();
    const mine = await model.createReview({ shop, review: base({ status: "published", email: "ann@example.com" }) });
    const theirs = await model.createReview({ shop, review: base({ email: "bo@example.com", authorName: "Bo" }) });
    await model.recordPrivateReply({ shop, id: mine.id, body: "Thanks privately" });

    const report = await redaction.exportCustomerData(features.REDACTORS, {
      shop,
      customer: { email: "ANN@example.com" },
    });
    expect(report["product reviews"]).toMatchObject([
      { body: "Nice mug", privateReplies: [{ body: "Thanks privately" }] },
    ]);

    await redaction.redactCustomer(features.REDACTORS, { shop, customer: { email: "ann@example.com" } });
    expect(await model.getReview({ shop, id: mine.id })).toMatchObject({
      authorName: "",
      email: null,
      body: "Nice mug",
    });
    expect(await model.getReview({ shop, id: theirs.id })).toMatchObject({ authorName: "Bo", email: "bo@example.com" });
    // the storefront copy is re-synced without the name
    expect((await sync.getSyncState({ shop, productId: product(1) })).version).toBe(2);

    await redaction.redactShop(features.REDACTORS, { shop });
    expect(await database.prisma.review.count({ where: { shop } })).toBe(0);
    expect(await database.prisma.reviewPrivateReply.count({ where: { shop } })).toBe(0);
    expect(await database.prisma.reviewProductSync.count({ where: { shop } })).toBe(0);
  });
});
