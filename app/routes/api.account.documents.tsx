// Customer account extensions: POST /api/account/documents { orderIds } → the documents of the
// customer's orders among them (session token; CORS and preflight by the library).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleAccountExtension, listDocuments } from "~/features/account-history/endpoints.server";
import { accountDocuments } from "~/features/index.server";

export const action = ({ request }: ActionFunctionArgs) =>
  handleAccountExtension(request, (customer, body) => listDocuments(customer, body, accountDocuments));

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleAccountExtension(request, (customer, body) => listDocuments(customer, body, accountDocuments));
