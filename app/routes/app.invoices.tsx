// The Invoices page: the shop's invoices and credit notes (search, filters, downloads, email, credit notes).
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { invoicesAction, loadInvoicesPage } from "~/features/invoices/admin-documents.server";
import { InvoicesPage } from "~/features/invoices/InvoicesPage";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  return loadInvoicesPage({ shop: session.shop, graphql: admin.graphql, url: new URL(request.url) });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  return invoicesAction({ shop: session.shop, graphql: admin.graphql, form: await request.formData() });
};

export default function Invoices() {
  return <InvoicesPage data={useLoaderData<typeof loader>()} />;
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
