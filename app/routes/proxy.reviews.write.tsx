// Storefront: /apps/care/reviews/write (app proxy). GET: the form of a review request's signed
// link; POST: that form (a verified buyer's review).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { REVIEW_FORM_LIMITS, REVIEWS_ENDPOINT, showRequestForm, submitReview } from "~/features/reviews/collect.server";
import { handleStorefront } from "~/storefront/proxy.server";

export const loader = ({ request }: LoaderFunctionArgs) => handleStorefront(request, REVIEWS_ENDPOINT, showRequestForm);

export const action = ({ request }: ActionFunctionArgs) =>
  handleStorefront(
    request,
    REVIEWS_ENDPOINT,
    (storefront) => submitReview(storefront, request, { viaLink: true }),
    REVIEW_FORM_LIMITS,
  );
