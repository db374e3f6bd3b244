// The care inbox: conversations by status, search, unread markers, bulk actions.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { InboxList } from "~/features/contact/Inbox";
import { inboxAction, loadInbox } from "~/features/contact/inbox.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return loadInbox({ shop: session.shop, url: new URL(request.url) });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return inboxAction({ shop: session.shop, form: await request.formData() });
};

export default function Inbox() {
  return <InboxList data={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
