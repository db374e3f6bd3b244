// Signed, expiring tokens of the guest order lookup. They are JWTs (HS256, via jose) signed
// with a key derived from the app secret for this purpose only, so they can never pass for
// Shopify session tokens (which are signed with the secret itself), nor one kind for another.
import { createHmac, createSecretKey, hkdfSync, type KeyObject } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";

export type LookupTokenKind =
  /** The shopper proved order number + email/phone (and the code in strict mode). */
  | "session"
  /** Strict mode: waiting for the one-time code of this challenge. */
  | "challenge"
  /** An emailed link: opens the order without the form. */
  | "link";

export interface LookupClaims {
  shop: string;
  orderId: string;
  /**
   * When the shopper proved the order is theirs (seconds since the epoch): the form, the code
   * or the emailed link. Renewed sessions keep it, so a session ends a fixed time after the
   * proof however often it is renewed.
   */
  provedAt?: number;
  /** Only on challenge tokens: which stored code it waits for, and the masked address it went to. */
  challengeId?: string;
  hint?: string;
  /** Only on link tokens: its id, spent on first use. */
  linkId?: string;
}

export const TOKEN_TTL_SECONDS: Record<LookupTokenKind, number> = {
  session: 30 * 60,
  challenge: 10 * 60,
  link: 24 * 60 * 60,
};

const AUDIENCE = "care-desk:order-lookup";

export function deriveKey(secret: string, purpose: string): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", secret, "care-desk", purpose, 32));
}

// Derived once per secret and purpose (HKDF and key import cost more than signing).
const signingKeys = new Map<string, KeyObject>();
function signingKey(secret: string, purpose: string): KeyObject {
  const id = `${purpose}\u0000${secret}`;
  let key = signingKeys.get(id);
  if (!key) signingKeys.set(id, (key = createSecretKey(deriveKey(secret, purpose))));
  return key;
}

export async function signLookupToken(
  kind: LookupTokenKind,
  claims: LookupClaims,
  secret: string,
  { ttlSeconds = TOKEN_TTL_SECONDS[kind], now = Date.now() }: { ttlSeconds?: number; now?: number } = {},
): Promise<string> {
  const iat = Math.floor(now / 1000);
  const extra = {
    ...(claims.provedAt !== undefined ? { pat: claims.provedAt } : {}),
    ...(claims.challengeId ? { cid: claims.challengeId } : {}),
    ...(claims.hint ? { hint: claims.hint } : {}),
    ...(claims.linkId ? { jti: claims.linkId } : {}),
  };
  return new SignJWT({ kind, ...extra })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(claims.shop)
    .setSubject(claims.orderId)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(signingKey(secret, `order-lookup:${kind}`));
}

/**
 * The claims of a valid token of this kind for this shop, or null: a wrong signature, kind,
 * shop, an expired or malformed token all look the same to the caller.
 */
export async function verifyLookupToken(
  kind: LookupTokenKind,
  token: string,
  { shop, secret, now = Date.now() }: { shop: string; secret: string; now?: number },
): Promise<LookupClaims | null> {
  if (token.length > 2048) return null;
  try {
    const { payload } = await jwtVerify(token, signingKey(secret, `order-lookup:${kind}`), {
      algorithms: ["HS256"],
      audience: AUDIENCE,
      issuer: shop,
      currentDate: new Date(now),
    });
    if (payload.kind !== kind || typeof payload.sub !== "string") return null;
    return {
      shop,
      orderId: payload.sub,
      ...(typeof payload.pat === "number" ? { provedAt: payload.pat } : {}),
      ...(typeof payload.cid === "string" ? { challengeId: payload.cid } : {}),
      ...(typeof payload.hint === "string" ? { hint: payload.hint } : {}),
      ...(typeof payload.jti === "string" ? { linkId: payload.jti } : {}),
    };
  } catch {
    return null;
  }
}

/** Keyed hash for values we must recognise but never store in clear (codes, emails in stats). */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac("sha256", signingKey(secret, purpose)).update(value).digest("hex");
}
