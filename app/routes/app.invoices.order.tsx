// The admin link on Shopify's order page (extensions/invoice-admin-link): to the order's
// invoice on the Invoices page, issued now when the shop issues invoices on request.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { orderInvoiceTarget } from "~/features/invoices/admin-documents.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session, redirect } = await authenticate.admin(request);
  const target = await orderInvoiceTarget({ shop: session.shop, graphql: admin.graphql, url: new URL(request.url) });
  if (!target) throw new Response("Not Found", { status: 404 });
  return redirect(target.location);
};
