// Storefront: /apps/care/account/documents (app proxy, GET) — the legacy account page's
// "Order history" block links here; the signed-in owner gets the order's document.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { LEGACY_ENDPOINT, legacyDownload } from "~/features/account-history/endpoints.server";
import { accountDocuments } from "~/features/index.server";
import { handleStorefront } from "~/storefront/proxy.server";

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleStorefront(request, LEGACY_ENDPOINT, (storefront) => legacyDownload(storefront, accountDocuments));
