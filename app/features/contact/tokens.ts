// Signed, expiring links of a conversation: the shopper's conversation page and the CSAT
// survey. JWTs (HS256, via jose) signed with a key derived from the app secret for this purpose
// only, bound to the shop and the conversation (subject). And the tag of a conversation's
// reply-to address, so an inbound email can only land in the conversation it answers.
import { createHmac, createSecretKey, hkdfSync, timingSafeEqual, type KeyObject } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";

export type ConversationTokenKind = "page" | "csat";

export const TOKEN_TTL_SECONDS: Record<ConversationTokenKind, number> = {
  /** The conversation page link in every email: 30 days from that email. */
  page: 30 * 86_400,
  csat: 30 * 86_400,
};

const AUDIENCE = "care-desk:contact";
const keys = new Map<string, KeyObject>();
function key(secret: string, purpose: string): KeyObject {
  const id = `${purpose}\u0000${secret}`;
  let k = keys.get(id);
  if (!k) keys.set(id, (k = createSecretKey(new Uint8Array(hkdfSync("sha256", secret, "care-desk", purpose, 32)))));
  return k;
}

export async function signConversationToken(
  kind: ConversationTokenKind,
  { shop, conversationId }: { shop: string; conversationId: string },
  secret: string,
  { now = Date.now(), ttlSeconds = TOKEN_TTL_SECONDS[kind] }: { now?: number; ttlSeconds?: number } = {},
): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({ kind })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(shop)
    .setSubject(conversationId)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key(secret, `contact:${kind}`));
}

/** The conversation id of a valid token of this kind and shop, else null (all failures alike). */
export async function verifyConversationToken(
  kind: ConversationTokenKind,
  token: string | null | undefined,
  { shop, secret, now = Date.now() }: { shop: string; secret: string; now?: number },
): Promise<string | null> {
  if (!token || token.length > 2048) return null;
  try {
    const { payload } = await jwtVerify(token, key(secret, `contact:${kind}`), {
      algorithms: ["HS256"],
      audience: AUDIENCE,
      issuer: shop,
      currentDate: new Date(now),
    });
    return payload.kind === kind && typeof payload.sub === "string" ? payload.sub : null;
  } catch {
    return null;
  }
}

const tagOf = (secret: string, conversationId: string) =>
  createHmac("sha256", key(secret, "contact:reply-address")).update(conversationId).digest("hex").slice(0, 20);

/** The local part of a conversation's reply-to address: `reply+<id>.<tag>`. */
export const replyLocalPart = (secret: string, conversationId: string) =>
  `reply+${conversationId}.${tagOf(secret, conversationId)}`;

/** The conversation an inbound recipient address belongs to, if its tag is right. */
export function conversationOfRecipient(secret: string, recipient: string): string | null {
  const match = /(?:^|[\s<,])reply\+([a-f0-9-]{36})\.([a-f0-9]{20})@/i.exec(recipient);
  if (!match) return null;
  const [, id, tag] = match as unknown as [string, string, string];
  const expected = Buffer.from(tagOf(secret, id.toLowerCase()));
  const given = Buffer.from(tag.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given) ? id.toLowerCase() : null;
}
