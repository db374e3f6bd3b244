// GET /account/documents/download?t=… — a document PDF from a signed, single-use link that the
// customer account extension got from /api/account/documents/link.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadByLink } from "~/features/account-history/endpoints.server";
import { accountDocuments } from "~/features/index.server";

export const loader = ({ request }: LoaderFunctionArgs) => downloadByLink(request, accountDocuments);
