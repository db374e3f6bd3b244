// Storefront: /apps/care/reviews (app proxy). POST: the "Write a review" form.
import type { ActionFunctionArgs } from "@remix-run/node";
import { REVIEW_FORM_LIMITS, REVIEWS_ENDPOINT, submitReview } from "~/features/reviews/collect.server";
import { handleStorefront, postOnly } from "~/storefront/proxy.server";

export const loader = postOnly(REVIEWS_ENDPOINT);

export const action = ({ request }: ActionFunctionArgs) =>
  handleStorefront(request, REVIEWS_ENDPOINT, (storefront) => submitReview(storefront, request), REVIEW_FORM_LIMITS);
