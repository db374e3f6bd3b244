// Storefront: /apps/care/orders/code (app proxy, POST). Strict mode: the emailed one-time code.
import type { ActionFunctionArgs } from "@remix-run/node";
import { orderDocuments } from "~/features/index.server";
import { enterCode } from "~/features/order-lookup/endpoints.server";
import { LOOKUP_ENDPOINT } from "~/features/order-lookup/responses.server";
import { handleStorefront, postOnly } from "~/storefront/proxy.server";

export const loader = postOnly(LOOKUP_ENDPOINT);

export const action = ({ request }: ActionFunctionArgs) =>
  handleStorefront(request, LOOKUP_ENDPOINT, (storefront) => enterCode(storefront, request, orderDocuments));
