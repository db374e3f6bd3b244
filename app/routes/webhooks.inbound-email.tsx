// Inbound email (Mailgun inbound route → POST): a shopper's reply to a contact email.
import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveInboundEmail } from "~/features/contact/inbound.server";

export const action = ({ request }: ActionFunctionArgs) => receiveInboundEmail(request);

export const loader = () => new Response("POST only", { status: 405 });
