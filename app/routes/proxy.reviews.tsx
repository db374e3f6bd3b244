// Storefront: /apps/care/reviews (app proxy). GET: a later page of a product's reviews;
// POST: the "Write a review" form.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { REVIEW_FORM_LIMITS, REVIEWS_ENDPOINT, submitReview } from "~/features/reviews/collect.server";
import { showReviewPage } from "~/features/reviews/pages.server";
import { handleStorefront } from "~/storefront/proxy.server";

export const loader = ({ request }: LoaderFunctionArgs) => handleStorefront(request, REVIEWS_ENDPOINT, showReviewPage);

export const action = ({ request }: ActionFunctionArgs) =>
  handleStorefront(request, REVIEWS_ENDPOINT, (storefront) => submitReview(storefront, request), REVIEW_FORM_LIMITS);
