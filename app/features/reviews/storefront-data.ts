// What the storefront shows of a product's reviews, computed by the app and written to the
// product's app-owned metafield `$app:reviews.summary` (JSON): the rating summary, the first
// page of published reviews with the owner's replies, and the schema.org JSON-LD. The
// "Product reviews" block renders it in Liquid: no request to the app, no JavaScript.
// Pure (no Prisma, no Admin API), so it is unit-tested as is.

/** Reviews on the first page (rendered by Liquid). */
export const FIRST_PAGE_SIZE = 10;
/** Shopify's limit for a `json` metafield value (apps since 2026-04). */
export const JSON_METAFIELD_MAX_BYTES = 128 * 1024;
/** Reviews described in the JSON-LD (search engines need a few, not all). */
const JSON_LD_REVIEWS = 5;

/** The columns a published review shows on the storefront (the page query and the metafield sync). */
export const PUBLISHED_REVIEW_FIELDS = {
  id: true,
  rating: true,
  title: true,
  body: true,
  authorName: true,
  verified: true,
  locale: true,
  publishedAt: true,
  createdAt: true,
  replyBody: true,
  repliedAt: true,
} as const;

export interface PublishedReview {
  id: string;
  rating: number;
  title: string;
  body: string;
  authorName: string;
  verified: boolean;
  locale: string;
  publishedAt: Date;
  replyBody: string | null;
  repliedAt: Date | null;
}

export interface StorefrontReview {
  id: string;
  rating: number;
  title: string;
  body: string;
  /** Empty when anonymised: the block shows its translated "Anonymous". */
  author: string;
  verified: boolean;
  locale: string;
  /** YYYY-MM-DD */
  date: string;
  reply: { body: string; date: string } | null;
}

export interface ReviewsSummary {
  /** Average of published ratings, one decimal; 0 without reviews. */
  average: number;
  count: number;
  /** Published reviews by rating, 5 stars first: [5★, 4★, 3★, 2★, 1★]. */
  histogram: number[];
  reviews: StorefrontReview[];
  /** More published reviews exist than the first page holds. */
  more: boolean;
  /** JSON-LD for a <script type="application/ld+json">, safe to print raw in HTML. */
  jsonld: string;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The summary of a product's published reviews. `reviews` is the first page, newest first
 * (at most FIRST_PAGE_SIZE are used); `ratings` counts every published review by rating.
 * Shrinks the page until the JSON fits in a metafield (128 KB).
 */
export function buildSummary({
  productTitle,
  productUrl,
  ratings,
  reviews,
  maxBytes = JSON_METAFIELD_MAX_BYTES,
}: {
  productTitle: string;
  productUrl: string | null;
  ratings: Record<number, number>;
  reviews: PublishedReview[];
  maxBytes?: number;
}): ReviewsSummary {
  const histogram = [5, 4, 3, 2, 1].map((stars) => ratings[stars] ?? 0);
  const count = histogram.reduce((a, b) => a + b, 0);
  const total = [5, 4, 3, 2, 1].reduce((sum, stars, index) => sum + stars * histogram[index]!, 0);
  const average = count === 0 ? 0 : Math.round((total / count) * 10) / 10;
  let page = reviews.slice(0, FIRST_PAGE_SIZE).map(toStorefront);
  for (;;) {
    const summary: ReviewsSummary = {
      average,
      count,
      histogram,
      reviews: page,
      more: count > page.length,
      jsonld: jsonLd({ productTitle, productUrl, average, count, reviews: page.slice(0, JSON_LD_REVIEWS) }),
    };
    if (page.length === 0 || byteLength(summary) <= maxBytes) return summary;
    page = page.slice(0, -1);
  }
}

export function byteLength(summary: ReviewsSummary): number {
  return Buffer.byteLength(JSON.stringify(summary), "utf8");
}

export function toStorefront(review: PublishedReview): StorefrontReview {
  return {
    id: review.id,
    rating: review.rating,
    title: review.title,
    body: review.body,
    author: review.authorName,
    verified: review.verified,
    locale: review.locale,
    date: day(review.publishedAt),
    reply: review.replyBody && review.repliedAt ? { body: review.replyBody, date: day(review.repliedAt) } : null,
  };
}

/**
 * schema.org Product with AggregateRating and Review, as a string that is safe inside a
 * <script> element (`<`, `>`, `&` and line separators escaped as \u sequences) and inert as
 * Liquid (it is a value, never parsed as a template).
 */
export function jsonLd({
  productTitle,
  productUrl,
  average,
  count,
  reviews,
}: {
  productTitle: string;
  productUrl: string | null;
  average: number;
  count: number;
  reviews: StorefrontReview[];
}): string {
  if (count === 0) return "";
  const data = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: productTitle,
    ...(productUrl ? { url: productUrl } : {}),
    aggregateRating: {
      "@type": "AggregateRating",
      ratingValue: average,
      reviewCount: count,
      bestRating: 5,
      worstRating: 1,
    },
    review: reviews.map((review) => ({
      "@type": "Review",
      ...(review.title ? { name: review.title } : {}),
      reviewBody: review.body,
      datePublished: review.date,
      inLanguage: review.locale,
      author: { "@type": "Person", name: review.author || "Anonymous" },
      reviewRating: { "@type": "Rating", ratingValue: review.rating, bestRating: 5, worstRating: 1 },
    })),
  };
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** The standard `reviews.rating` metafield value (type `rating`). */
export function ratingValue(average: number): string {
  return JSON.stringify({ value: average.toFixed(1), scale_min: "1.0", scale_max: "5.0" });
}
