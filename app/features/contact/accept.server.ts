// Accepting a shopper's message: what must be durable before the shopper sees "sent". The
// acknowledgement job is enqueued first (it waits for the conversation and ends without
// sending if it never appears), then the conversation is stored. A crash anywhere loses
// nothing the shopper was told was sent, and sends no email for what was never stored.
import { randomUUID } from "node:crypto";
import { enqueueContactMail } from "./mail.server";
import { createConversation, type NewConversation } from "./model.server";

export async function acceptMessage({ shop, conversation }: { shop: string; conversation: NewConversation }) {
  const id = conversation.id ?? randomUUID();
  if (!conversation.spamReason) await enqueueContactMail({ shop, conversationId: id, kind: "ack" });
  return createConversation({ shop, conversation: { ...conversation, id } });
}
