// Storefront: /apps/care/contact/conversation (app proxy). GET: the shopper's conversation
// (signed link from the emails); POST: their reply.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  CONVERSATION_ENDPOINT,
  CONTACT_FORM_LIMITS,
  replyOnPage,
  showConversation,
} from "~/features/contact/endpoints.server";
import { handleStorefront } from "~/storefront/proxy.server";

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleStorefront(request, CONVERSATION_ENDPOINT, showConversation);

export const action = ({ request }: ActionFunctionArgs) =>
  handleStorefront(
    request,
    CONVERSATION_ENDPOINT,
    (storefront) => replyOnPage(storefront, request),
    CONTACT_FORM_LIMITS,
  );
