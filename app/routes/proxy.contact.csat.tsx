// Storefront: /apps/care/contact/csat (app proxy). GET: the one-click rating from the email;
// POST: the optional comment.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { CONVERSATION_ENDPOINT, csatComment, csatFromLink } from "~/features/contact/endpoints.server";
import { handleStorefront } from "~/storefront/proxy.server";

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleStorefront(request, CONVERSATION_ENDPOINT, csatFromLink);

export const action = ({ request }: ActionFunctionArgs) =>
  handleStorefront(request, CONVERSATION_ENDPOINT, csatComment);
