// Storefront: any other path under /apps/care: a translated 404 page, for GET and POST alike
// (a resource route, so a cross-site POST gets the shell's 403, never a server error).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleStorefront } from "~/storefront/proxy.server";
import { messageResponse, type StorefrontEndpoint } from "~/storefront/responses.server";

const UNKNOWN: StorefrontEndpoint = { title: "common.title" };
const notFound = ({ request }: LoaderFunctionArgs | ActionFunctionArgs) =>
  handleStorefront(request, UNKNOWN, async ({ ctx }) => messageResponse(ctx, "common.errors.not_found", 404));

export const loader = notFound;
export const action = notFound;
