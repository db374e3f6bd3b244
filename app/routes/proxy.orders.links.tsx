// Storefront: /apps/care/orders/links (app proxy, POST). "Email me my order links".
import type { ActionFunctionArgs } from "@remix-run/node";
import { emailOrderLinks } from "~/features/order-lookup/endpoints.server";
import { LOOKUP_ENDPOINT } from "~/features/order-lookup/responses.server";
import { handleStorefront, postOnly } from "~/storefront/proxy.server";

export const loader = postOnly(LOOKUP_ENDPOINT);

export const action = ({ request }: ActionFunctionArgs) =>
  handleStorefront(request, LOOKUP_ENDPOINT, (storefront) => emailOrderLinks(storefront, request));
