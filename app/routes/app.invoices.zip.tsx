// The documents the Invoices page's filters select, as one streamed ZIP (admin).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadZip } from "~/features/invoices/admin-documents.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  return downloadZip({ shop: session.shop, graphql: admin.graphql, url: new URL(request.url) });
};
