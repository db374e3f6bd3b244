// One conversation of the care inbox: the thread, the customer's context, reply, status, CSAT.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { ConversationScreen } from "~/features/contact/Inbox";
import { inboxAction, loadConversation } from "~/features/contact/inbox.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  return loadConversation({ shop: session.shop, graphql: admin.graphql, id: String(params.id) });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return inboxAction({ shop: session.shop, form: await request.formData() });
};

export default function Conversation() {
  return <ConversationScreen data={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
