// The dev store stands in for Mailgun's inbound routes: an email "sent" to a reply+…@ address
// of INBOUND_DOMAIN is posted to the app's inbound webhook exactly as Mailgun's route would
// (multipart/form-data, recipient/sender/from/subject/body-plain/stripped-text, and
// timestamp/token/signature: hex HMAC-SHA256 of timestamp + token with the signing key).
import { createHmac, randomBytes } from "node:crypto";

export const INBOUND_DOMAIN = "inbound.devstore.test";
/** The "webhook signing key" of the dev store's stand-in Mailgun account (the app gets it in its env). */
export const MAILGUN_SIGNING_KEY = "devstore-mailgun-signing-key";

export async function postInboundEmail(
  appUrl: string,
  {
    to,
    from,
    subject,
    text,
    signingKey = MAILGUN_SIGNING_KEY,
  }: {
    to: string;
    from: string;
    subject: string;
    text: string;
    signingKey?: string;
  },
): Promise<{ status: number; body: string }> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const token = randomBytes(25).toString("hex");
  const form = new FormData();
  const fields: Record<string, string> = {
    recipient: to,
    sender: from,
    from,
    To: to,
    subject,
    "body-plain": `${text}\n\nOn an earlier day the shop wrote:\n> quoted text`,
    "stripped-text": text,
    "stripped-signature": "",
    "attachment-count": "0",
    timestamp,
    token,
    signature: createHmac("sha256", signingKey)
      .update(timestamp + token)
      .digest("hex"),
    "message-headers": JSON.stringify([
      ["From", from],
      ["To", to],
      ["Subject", subject],
    ]),
  };
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  const response = await fetch(new URL("/webhooks/inbound-email", appUrl), { method: "POST", body: form });
  return { status: response.status, body: await response.text() };
}
