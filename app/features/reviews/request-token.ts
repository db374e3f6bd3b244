// Signed one-click links of review requests: which shop, order, product and buyer a link was
// emailed for. HMAC-SHA256 with a key derived from the app secret for this purpose only;
// valid for 60 days. Pure apart from the secret passed in.
import { createHmac, timingSafeEqual } from "node:crypto";

export interface RequestClaims {
  shop: string;
  orderId: string;
  productId: string;
  email: string;
  locale: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const TTL_SECONDS = 60 * 86_400;
const keyFor = (secret: string) => createHmac("sha256", secret).update("care-desk:reviews:request-link:v1").digest();
const sign = (payload: string, secret: string) =>
  createHmac("sha256", keyFor(secret)).update(payload).digest("base64url");

export function signRequestToken(claims: Omit<RequestClaims, "exp">, secret: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(now / 1000) + TTL_SECONDS })).toString(
    "base64url",
  );
  return `${payload}.${sign(payload, secret)}`;
}

/** The claims of a valid, unexpired token for this shop; null otherwise. Never throws. */
export function verifyRequestToken(
  token: unknown,
  shop: string,
  secret: string,
  now = Date.now(),
): RequestClaims | null {
  if (typeof token !== "string" || token.length > 2048) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as RequestClaims;
    if (claims.shop !== shop || typeof claims.exp !== "number" || claims.exp * 1000 < now) return null;
    if (
      !/^gid:\/\/shopify\/Product\/\d+$/.test(claims.productId) ||
      !/^gid:\/\/shopify\/Order\/\d+$/.test(claims.orderId)
    )
      return null;
    return claims;
  } catch {
    return null;
  }
}
