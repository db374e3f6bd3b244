// Download links handed to customer account extensions: a JWT (HS256, key derived from the app
// secret for this purpose only) bound to the shop, the order, the document and the customer,
// valid one minute and good for one download. Spent link ids are kept in the database (every
// app instance sees them) until the link would have expired, so a replayed link is refused.
import { hkdfSync, randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import prisma from "~/db.server";
import { env } from "~/env.server";

export const LINK_TTL_SECONDS = 60;
const AUDIENCE = "care-desk:account-document";

function key(secret: string): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", secret, "care-desk", "account-history:download", 32));
}

export interface DownloadClaims {
  shop: string;
  orderId: string;
  customerId: string;
  document: string;
  locale: string;
}

export async function signDownloadLink(
  claims: DownloadClaims,
  { secret = env.SHOPIFY_API_SECRET, now = Date.now(), ttlSeconds = LINK_TTL_SECONDS } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now / 1000);
  const token = await new SignJWT({ doc: claims.document, cus: claims.customerId, loc: claims.locale })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(claims.shop)
    .setSubject(claims.orderId)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .setJti(randomUUID())
    .sign(key(secret));
  return { token, expiresAt: new Date((iat + ttlSeconds) * 1000) };
}

/** The claims of a valid link, or null (bad signature, expired: alike). Does not spend it. */
export async function readDownloadLink(
  token: string,
  { secret = env.SHOPIFY_API_SECRET, now = Date.now() }: { secret?: string; now?: number } = {},
): Promise<(DownloadClaims & { linkId: string; expiresAt: Date }) | null> {
  if (!token || token.length > 2048) return null;
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ["HS256"],
      audience: AUDIENCE,
      currentDate: new Date(now),
    });
    const { iss, sub, jti, exp, doc, cus, loc } = payload;
    if (typeof iss !== "string" || typeof sub !== "string" || typeof jti !== "string" || typeof exp !== "number")
      return null;
    if (typeof doc !== "string" || typeof cus !== "string") return null;
    return {
      shop: iss,
      orderId: sub,
      customerId: cus,
      document: doc,
      locale: typeof loc === "string" ? loc : "en",
      linkId: jti,
      expiresAt: new Date(exp * 1000),
    };
  } catch {
    return null;
  }
}

/** Spends the link: true the first time, false when it was used before. */
export async function spendDownloadLink({
  shop,
  linkId,
  expiresAt,
}: {
  shop: string;
  linkId: string;
  expiresAt: Date;
}): Promise<boolean> {
  try {
    await prisma.accountDownloadUse.create({ data: { shop, linkId, expiresAt } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
  await prisma.accountDownloadUse.deleteMany({ where: { shop, expiresAt: { lt: new Date() } } });
  return true;
}
