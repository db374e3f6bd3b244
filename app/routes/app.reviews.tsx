// The reply desk: reviews awaiting a reply, filters, replies and moderation.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { deskAction, loadDesk } from "~/features/reviews/desk.server";
import { ReplyDesk } from "~/features/reviews/ReplyDesk";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  return loadDesk({ shop: session.shop, graphql: admin.graphql, url: new URL(request.url) });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  return deskAction({ shop: session.shop, graphql: admin.graphql, form: await request.formData() });
};

export default function Reviews() {
  return <ReplyDesk data={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
