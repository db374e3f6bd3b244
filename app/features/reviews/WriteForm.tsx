// The review form of a review request's one-click link (app proxy page, no JavaScript): the
// product is the link's, the buyer's email comes from the order, never from the form.
import type { Translate } from "~/storefront/i18n";

export function RequestReviewForm({
  t,
  token,
  locale,
  productTitle,
  startedAt,
}: {
  t: Translate;
  token: string;
  locale: string;
  productTitle: string;
  startedAt: number;
}) {
  return (
    <form className="care-desk__form" action="/apps/care/reviews/write/" method="post">
      <h2 className="care-desk__heading">{t("reviews.request.heading", { product: productTitle })}</h2>
      <input type="hidden" name="t" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="started" value={String(startedAt)} />
      <fieldset className="care-desk__field care-reviews__rating-input">
        <legend>{t("reviews.form.rating")}</legend>
        {[5, 4, 3, 2, 1].map((stars) => (
          <label key={stars}>
            <input type="radio" name="rating" value={stars} required /> {t("reviews.rating", { rating: stars })}
          </label>
        ))}
      </fieldset>
      <div className="care-desk__field">
        <label htmlFor="CareRequestTitle">{t("reviews.form.title")}</label>
        <input id="CareRequestTitle" name="title" type="text" maxLength={150} />
      </div>
      <div className="care-desk__field">
        <label htmlFor="CareRequestBody">{t("reviews.form.body")}</label>
        <textarea id="CareRequestBody" name="body" rows={5} maxLength={5000} required />
      </div>
      <div className="care-desk__field">
        <label htmlFor="CareRequestName">{t("reviews.form.name")}</label>
        <input id="CareRequestName" name="name" type="text" maxLength={80} autoComplete="name" required />
      </div>
      <div className="care-desk__trap" aria-hidden="true">
        <label htmlFor="CareRequestWebsite">Website</label>
        <input id="CareRequestWebsite" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" className="care-desk__button button">
        {t("reviews.form.submit")}
      </button>
    </form>
  );
}
