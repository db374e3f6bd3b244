// Import reviews from CSV (Judge.me, Yotpo, Care Desk) with a preview; export them.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { ImportExport } from "~/features/reviews/ImportExport";
import { IMPORT_LIMITS } from "~/features/reviews/model-types";
import { importAction } from "~/features/reviews/transfer.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return { maxBytes: IMPORT_LIMITS.bytes };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  return importAction({ shop: session.shop, graphql: admin.graphql, request });
};

export default function ImportReviews() {
  const result = useActionData<typeof action>();
  return <ImportExport result={result as never} maxBytes={IMPORT_LIMITS.bytes} />;
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
