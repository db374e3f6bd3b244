// Tokens of new customer accounts, as Shopify issues them:
// - session tokens for customer account UI extensions (what `shopify.sessionToken.get()`
//   returns): HS256 JWTs signed with the app's secret, claims `dest` (the shop's domain), `aud`
//   (the app's client id), `sub` (the signed-in customer's GID), `exp` (5 minutes), `nbf`,
//   `iat`, `jti`;
// - customer access tokens for the Customer Account API (the signed-in customer's own data).
import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { SignJWT } from "jose";

export const CUSTOMER_SESSION_TOKEN_SECONDS = 5 * 60;

export async function customerAccountSessionToken({
  shop,
  apiKey,
  apiSecret,
  customerId,
  now = Date.now(),
  ttlSeconds = CUSTOMER_SESSION_TOKEN_SECONDS,
}: {
  shop: string;
  apiKey: string;
  apiSecret: string;
  /** The customer's GID; null for a visitor who is not signed in (no `sub`). */
  customerId: string | null;
  now?: number;
  ttlSeconds?: number;
}): Promise<string> {
  const iat = Math.floor(now / 1000);
  const jwt = new SignJWT({ dest: shop })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setAudience(apiKey)
    .setIssuedAt(iat)
    .setNotBefore(iat - 5)
    .setExpirationTime(iat + ttlSeconds)
    .setJti(randomUUID());
  if (customerId) jwt.setSubject(customerId);
  return jwt.sign(new TextEncoder().encode(apiSecret));
}

export interface CustomerAccessToken {
  token: string;
  shop: string;
  customerId: string;
  expiresAt: number;
}

/** Customer access tokens (an hour, as Shopify's), in memory: a restart signs everyone out. */
export class CustomerTokenStore {
  private tokens = new Map<string, CustomerAccessToken>();

  issue(shop: string, customerId: string, now = Date.now()): CustomerAccessToken {
    const token = { token: `shcat_${randomBytes(24).toString("hex")}`, shop, customerId, expiresAt: now + 3_600_000 };
    this.tokens.set(token.token, token);
    return token;
  }

  find(token: string | null | undefined, now = Date.now()): CustomerAccessToken | null {
    if (!token) return null;
    const found = this.tokens.get(token);
    if (!found || found.expiresAt < now) return null;
    return found.token.length === token.length && timingSafeEqual(Buffer.from(found.token), Buffer.from(token))
      ? found
      : null;
  }
}
