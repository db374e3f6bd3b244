// Storefront: /apps/care/invoices/download (app proxy, GET). A signed, short-lived link from
// the order lookup's result: the order's invoice as a PDF.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadInvoice, INVOICES_ENDPOINT } from "~/features/invoices/endpoints.server";
import { handleStorefront } from "~/storefront/proxy.server";

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleStorefront(request, INVOICES_ENDPOINT, downloadInvoice);
