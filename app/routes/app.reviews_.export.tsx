// Every review of the shop as CSV (streamed); the import page reads it back.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportResponse } from "~/features/reviews/transfer.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  return exportResponse({ shop: session.shop, graphql: admin.graphql });
};
