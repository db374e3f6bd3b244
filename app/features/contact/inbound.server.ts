// Replies by email: Mailgun's inbound routes forward each email sent to reply+…@
// INBOUND_EMAIL_DOMAIN to POST /webhooks/inbound-email, as documented by Mailgun
// (https://documentation.mailgun.com/docs/mailgun/user-manual/receive-forward-store/):
// multipart/form-data with `recipient`, `sender`, `from`, `subject`, `body-plain`,
// `stripped-text` (the reply without the quoted email), … and `timestamp`, `token`,
// `signature`. Verified as Mailgun specifies: `signature` is the hex HMAC-SHA256 of
// timestamp + token under the webhook signing key; we also refuse old timestamps and a token
// seen before (replays). The conversation comes from the recipient address, whose tag is an
// HMAC of the conversation id (so nobody can post into another conversation), and the sender
// must be the conversation's customer. Answers: 200 done (also for a replayed token), 401 bad
// signature, 406 "not acceptable, don't retry" (Mailgun's convention) for mail we won't take,
// 413 too large. Emails are never logged.
import { createHmac, timingSafeEqual } from "node:crypto";
import prisma from "~/db.server";
import { env } from "~/env.server";
import { cleanText } from "./endpoints.server";
import { addCustomerMessage, LIMITS } from "./model.server";
import { conversationOfRecipient } from "./tokens";

const MAX_BYTES = 2 * 1024 * 1024;
const MAX_AGE_SECONDS = 15 * 60;

export function mailgunSignature(signingKey: string, timestamp: string, token: string): string {
  return createHmac("sha256", signingKey)
    .update(timestamp + token)
    .digest("hex");
}

export function verifyMailgun(
  signingKey: string,
  { timestamp, token, signature }: { timestamp: string; token: string; signature: string },
  now = Date.now(),
): boolean {
  if (!/^\d{1,12}$/.test(timestamp) || !/^[A-Za-z0-9]{10,100}$/.test(token) || !/^[a-f0-9]{64}$/.test(signature))
    return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > MAX_AGE_SECONDS) return false;
  const expected = Buffer.from(mailgunSignature(signingKey, timestamp, token));
  return timingSafeEqual(expected, Buffer.from(signature));
}

const addressOf = (value: string) => (/<([^<>\s]+@[^<>\s]+)>/.exec(value)?.[1] ?? value).trim().toLowerCase();

const answer = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain" } });

export async function receiveInboundEmail(request: Request): Promise<Response> {
  const signingKey = env.MAILGUN_WEBHOOK_SIGNING_KEY;
  if (!signingKey || !env.INBOUND_EMAIL_DOMAIN) return answer(404, "Inbound email is not configured");
  if (request.method !== "POST") return answer(405, "POST only");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BYTES) return answer(413, "Too large");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return answer(400, "Expected a form");
  }
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const proof = { timestamp: field("timestamp"), token: field("token"), signature: field("signature") };
  if (!verifyMailgun(signingKey, proof)) return answer(401, "Bad signature");
  // A token seen before: Mailgun's retry of a delivery we took, or a replay.
  if (await prisma.inboundEmailToken.findUnique({ where: { token: proof.token } }))
    return answer(200, "Already received");

  const conversationId = conversationOfRecipient(env.SHOPIFY_API_SECRET, field("recipient"));
  if (!conversationId) return (await remember(proof.token), answer(406, "Unknown recipient"));
  const conversation = await prisma.conversation.findUnique({
    where: { id: conversationId },
    select: { id: true, shop: true, email: true, folder: true },
  });
  if (!conversation || conversation.folder === "spam") return answer(406, "Unknown conversation");
  const sender = addressOf(field("sender") || field("from"));
  if (sender !== conversation.email) return answer(406, "Not the conversation's customer");
  const body = cleanText(field("stripped-text") || field("body-plain")).slice(0, LIMITS.message);
  if (!body) return answer(406, "Empty message");
  await addCustomerMessage({ shop: conversation.shop, id: conversation.id, body, channel: "email" });
  await remember(proof.token);
  return answer(200, "OK");
}

async function remember(token: string) {
  try {
    await prisma.inboundEmailToken.create({ data: { token } });
  } catch (error) {
    if ((error as { code?: unknown }).code !== "P2002") throw error;
  }
  await prisma.inboundEmailToken.deleteMany({
    where: { receivedAt: { lt: new Date(Date.now() - 2 * MAX_AGE_SECONDS * 1000) } },
  });
}
