// Customer account extensions: POST /api/account/documents/link { orderId, document, locale } →
// a one-minute, single-use download URL for a document of the customer's own order.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { documentLink, handleAccountExtension } from "~/features/account-history/endpoints.server";
import { accountDocuments } from "~/features/index.server";

export const action = ({ request }: ActionFunctionArgs) =>
  handleAccountExtension(request, (customer, body) => documentLink(customer, body, accountDocuments));

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleAccountExtension(request, (customer, body) => documentLink(customer, body, accountDocuments));
