// Storefront: /apps/care/contact/faq (app proxy, POST only): the block's deflection beacon.
import type { ActionFunctionArgs } from "@remix-run/node";
import { CONTACT_ENDPOINT, faqBeacon } from "~/features/contact/endpoints.server";
import { handleStorefront, postOnly } from "~/storefront/proxy.server";

export const loader = postOnly(CONTACT_ENDPOINT);

export const action = ({ request }: ActionFunctionArgs) =>
  handleStorefront(request, CONTACT_ENDPOINT, (storefront) => faqBeacon(storefront, request));
