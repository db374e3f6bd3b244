import { describe, expect, it } from "vitest";
import {
  buildSummary,
  byteLength,
  FIRST_PAGE_SIZE,
  jsonLd,
  ratingValue,
  type PublishedReview,
} from "./storefront-data";

const review = (i: number, extra: Partial<PublishedReview> = {}): PublishedReview => ({
  id: `r${i}`,
  rating: 1 + (i % 5),
  title: `Title ${i}`,
  body: `Body ${i}`,
  authorName: `Author ${i}`,
  verified: i % 2 === 0,
  locale: "en",
  publishedAt: new Date(Date.UTC(2026, 10, 1 + (i % 28))),
  replyBody: null,
  repliedAt: null,
  ...extra,
});

describe("buildSummary", () => {
  it("summarises ratings, keeps the first page and the owner's reply", () => {
    // GIVEN 12 published reviews (3×5★, 1×1★ …) of which the first has a reply
    const reviews = Array.from({ length: 12 }, (_, i) => review(i));
    reviews[0] = review(0, { replyBody: "Thanks!", repliedAt: new Date("2026-11-20T10:00:00Z") });
    // WHEN the summary is built
    const summary = buildSummary({
      productTitle: "Mug",
      productUrl: "https://shop.example/products/mug",
      ratings: { 5: 3, 4: 2, 1: 1 },
      reviews,
    });
    // THEN
    expect(summary.count).toBe(6);
    expect(summary.histogram).toEqual([3, 2, 0, 0, 1]);
    expect(summary.average).toBe(4); // (15 + 8 + 1) / 6
    expect(summary.reviews).toHaveLength(FIRST_PAGE_SIZE);
    expect(summary.more).toBe(false);
    expect(summary.reviews[0]!.reply).toEqual({ body: "Thanks!", date: "2026-11-20" });
    expect(summary.reviews[1]!.reply).toBeNull();
  });

  it("shrinks the page until the JSON fits the metafield limit", () => {
    const huge = "界".repeat(5000); // 15 KB of UTF-8 per body
    const reviews = Array.from({ length: 10 }, (_, i) =>
      review(i, { body: huge, replyBody: huge, repliedAt: new Date() }),
    );
    const summary = buildSummary({
      productTitle: "Mug",
      productUrl: null,
      ratings: { 5: 40 },
      reviews,
      maxBytes: 128 * 1024,
    });
    expect(byteLength(summary)).toBeLessThanOrEqual(128 * 1024);
    expect(summary.reviews.length).toBeLessThan(10);
    expect(summary.reviews.length).toBeGreaterThan(0);
    expect(summary.more).toBe(true);
  });

  it("has no JSON-LD and average 0 without reviews", () => {
    const summary = buildSummary({ productTitle: "Mug", productUrl: null, ratings: {}, reviews: [] });
    expect(summary).toMatchObject({ count: 0, average: 0, reviews: [], more: false, jsonld: "" });
  });
});

describe("jsonLd", () => {
  it("describes a Product with AggregateRating and Reviews", () => {
    const text = jsonLd({
      productTitle: "Mug",
      productUrl: "https://shop.example/products/mug",
      average: 4.5,
      count: 2,
      reviews: [
        {
          id: "1",
          rating: 5,
          title: "Great",
          body: "Love it",
          author: "Ann",
          verified: true,
          locale: "en",
          date: "2026-11-01",
          reply: null,
        },
        {
          id: "2",
          rating: 4,
          title: "",
          body: "Good",
          author: "",
          verified: false,
          locale: "de",
          date: "2026-11-02",
          reply: null,
        },
      ],
    });

    const data = JSON.parse(text);
    expect(data["@type"]).toBe("Product");
    expect(data.aggregateRating).toEqual({
      "@type": "AggregateRating",
      ratingValue: 4.5,
      reviewCount: 2,
      bestRating: 5,
      worstRating: 1,
    });
    expect(data.review[0]).toMatchObject({
      "@type": "Review",
      name: "Great",
      reviewBody: "Love it",
      author: { name: "Ann" },
    });
    expect(data.review[1].author.name).toBe("Anonymous");
    expect(data.review[1].reviewRating.ratingValue).toBe(4);
  });

  it("cannot close its script element or open Liquid", () => {
    const hostile = `</script><script>alert(1)</script>{{ shop.email }}{% raw %}&amp;\u2028`;
    const text = jsonLd({
      productTitle: hostile,
      productUrl: null,
      average: 1,
      count: 1,
      reviews: [
        {
          id: "1",
          rating: 1,
          title: hostile,
          body: hostile,
          author: hostile,
          verified: false,
          locale: "en",
          date: "2026-11-01",
          reply: null,
        },
      ],
    });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect((JSON.parse(text) as { name: string }).name).toBe(hostile);
  });
});

it("writes the standard rating metafield value on a 1–5 scale", () => {
  expect(JSON.parse(ratingValue(4.25))).toEqual({ value: "4.3", scale_min: "1.0", scale_max: "5.0" });
});
