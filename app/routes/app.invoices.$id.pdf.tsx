// One of the shop's documents as a PDF (admin; another shop's id is 404).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadDocument } from "~/features/invoices/admin-documents.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return downloadDocument({ shop: session.shop, id: params.id ?? "" });
};
