// Shopper download links: a short-lived JWT (HS256, key derived from the app secret for this
// purpose only) bound to the shop and the order. The order comes only from the signed token,
// so no id in the URL can be changed to reach another order's invoice.
import { hkdfSync } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { env } from "~/env.server";

export const DOWNLOAD_TTL_SECONDS = 10 * 60;
const AUDIENCE = "care-desk:invoice-download";

function key(secret: string): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", secret, "care-desk", "invoices:download", 32));
}

export async function signDownloadToken(
  { shop, orderId }: { shop: string; orderId: string },
  { secret = env.SHOPIFY_API_SECRET, now = Date.now(), ttlSeconds = DOWNLOAD_TTL_SECONDS } = {},
): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(shop)
    .setSubject(orderId)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key(secret));
}

/** The order a valid token for this shop names, or null (bad signature, shop, expiry: alike). */
export async function readDownloadToken(
  token: string,
  { shop, secret = env.SHOPIFY_API_SECRET, now = Date.now() }: { shop: string; secret?: string; now?: number },
): Promise<string | null> {
  if (!token || token.length > 2048) return null;
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ["HS256"],
      audience: AUDIENCE,
      issuer: shop,
      currentDate: new Date(now),
    });
    return typeof payload.sub === "string" ? payload.sub : null;
  } catch {
    return null;
  }
}
