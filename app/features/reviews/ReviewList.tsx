// The markup of published reviews on app-proxy pages (page 2 and later), the same as the
// "Product reviews" block renders in Liquid for the first page. Text is plain text: React
// escapes it; newlines become line breaks.
import { Fragment } from "react";
import type { Translate } from "~/storefront/i18n";
import type { StorefrontReview } from "./storefront-data";

const stars = (rating: number) => "★".repeat(rating) + "☆".repeat(5 - rating);

function Lines({ text }: { text: string }) {
  const lines = text.split("\n");
  return (
    <>
      {lines.map((line, index) => (
        <Fragment key={index}>
          {line}
          {index < lines.length - 1 ? <br /> : null}
        </Fragment>
      ))}
    </>
  );
}

export function ReviewItems({
  reviews,
  shopName,
  t,
  level = 3,
}: {
  reviews: StorefrontReview[];
  shopName: string;
  t: Translate;
  /** 3 inside the block (under its h2), 2 on a page of its own (under the page's h1). */
  level?: 2 | 3;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <>
      {reviews.map((review) => (
        <li className="care-review" lang={review.locale} key={review.id}>
          <article aria-labelledby={`CareReview-${review.id}`}>
            <p className="care-review__rating">
              <span className="care-reviews__stars" aria-hidden="true">
                {stars(review.rating)}
              </span>
              <span className="care-desk__visually-hidden">{t("reviews.rating", { rating: review.rating })}</span>
            </p>
            <Heading id={`CareReview-${review.id}`} className="care-review__title">
              {review.title || t("reviews.rating", { rating: review.rating })}
            </Heading>
            <p className="care-review__meta">
              {review.author || t("reviews.anonymous")} · <time dateTime={review.date}>{review.date}</time>
              {review.verified ? (
                <>
                  {" · "}
                  <span className="care-review__verified">{t("reviews.verified")}</span>
                </>
              ) : null}
            </p>
            <div className="care-review__body">
              <Lines text={review.body} />
            </div>
            {review.reply ? (
              <div className="care-review__reply">
                <p className="care-review__reply-heading">
                  {t("reviews.reply_from", { shop: shopName })} ·{" "}
                  <time dateTime={review.reply.date}>{review.reply.date}</time>
                </p>
                <div className="care-review__reply-body">
                  <Lines text={review.reply.body} />
                </div>
              </div>
            ) : null}
          </article>
        </li>
      ))}
    </>
  );
}

/** A later page: the reviews, then links to the previous and next pages. */
export function ReviewPage({
  reviews,
  shopName,
  t,
  page,
  pageUrl,
  hasNext,
  fragment,
}: {
  reviews: StorefrontReview[];
  shopName: string;
  t: Translate;
  page: number;
  pageUrl: (page: number) => string;
  hasNext: boolean;
  fragment: boolean;
}) {
  const more = hasNext ? (
    <a href={pageUrl(page + 1)} data-care-reviews-more="">
      {t("reviews.more")}
    </a>
  ) : null;
  if (fragment) {
    // What the block's script appends in place: the items and the next link.
    return (
      <div>
        <ol className="care-reviews__list">
          <ReviewItems reviews={reviews} shopName={shopName} t={t} />
        </ol>
        {more}
      </div>
    );
  }
  return (
    <div className="care-reviews">
      <p>{t("reviews.page", { page })}</p>
      <ol className="care-reviews__list">
        <ReviewItems reviews={reviews} shopName={shopName} t={t} level={2} />
      </ol>
      <nav aria-label={t("reviews.pages_label")} className="care-reviews__pages">
        {page > 1 ? <a href={pageUrl(page - 1)}>{t("reviews.previous")}</a> : null} {more}
      </nav>
    </div>
  );
}
