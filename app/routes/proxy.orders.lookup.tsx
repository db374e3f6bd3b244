// Storefront: /apps/care/orders/lookup (app proxy). GET: a proved order or the form; POST: the form.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { orderDocuments } from "~/features/index.server";
import { lookUpOrder, showOrder } from "~/features/order-lookup/endpoints.server";
import { LOOKUP_ENDPOINT } from "~/features/order-lookup/responses.server";
import { handleStorefront } from "~/storefront/proxy.server";

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleStorefront(request, LOOKUP_ENDPOINT, (storefront) => showOrder(storefront, orderDocuments));

export const action = ({ request }: ActionFunctionArgs) =>
  handleStorefront(request, LOOKUP_ENDPOINT, (storefront) => lookUpOrder(storefront, request, orderDocuments));
