// Session tokens (what App Bridge's idToken() returns) and access tokens (what token
// exchange issues), as Shopify issues them.
import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { jwtVerify, SignJWT } from "jose";

export interface StaffUser {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
}

export const DEMO_STAFF: StaffUser = {
  id: 74_001,
  firstName: "Rosa",
  lastName: "Lindqvist",
  email: "owner@maple-fern.example",
};

/** An HS256 session token for `shop`, signed with the app's secret (valid one minute). */
export async function sessionToken({
  shop,
  apiKey,
  apiSecret,
  user = DEMO_STAFF,
  now = Date.now(),
}: {
  shop: string;
  apiKey: string;
  apiSecret: string;
  user?: StaffUser;
  now?: number;
}) {
  const iat = Math.floor(now / 1000);
  return new SignJWT({ dest: `https://${shop}`, sid: randomUUID() })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(`https://${shop}/admin`)
    .setAudience(apiKey)
    .setSubject(String(user.id))
    .setIssuedAt(iat)
    .setNotBefore(iat - 5)
    .setExpirationTime(iat + 60)
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(apiSecret));
}

/** The shop a valid session token was issued for, or null. */
export async function verifySessionToken(
  token: string,
  { apiKey, apiSecret }: { apiKey: string; apiSecret: string },
): Promise<{ shop: string; userId: string } | null> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(apiSecret), {
      algorithms: ["HS256"],
      audience: apiKey,
      clockTolerance: 5,
    });
    const dest = typeof payload.dest === "string" ? new URL(payload.dest).hostname : null;
    if (!dest || payload.iss !== `https://${dest}/admin`) return null;
    return { shop: dest, userId: String(payload.sub) };
  } catch {
    return null;
  }
}

export interface AccessToken {
  token: string;
  shop: string;
  apiKey: string;
  scopes: string[];
  online: boolean;
  expiresAt: number | null;
  userId: string | null;
}

/** Access tokens issued to apps, persisted in the data dir. */
export class TokenStore {
  private tokens = new Map<string, AccessToken>();

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      for (const token of JSON.parse(readFileSync(file, "utf8")) as AccessToken[]) this.tokens.set(token.token, token);
    }
  }

  issue(grant: Omit<AccessToken, "token">): AccessToken {
    const token = { ...grant, token: `shpat_${randomBytes(16).toString("hex")}` };
    this.tokens.set(token.token, token);
    this.save();
    return token;
  }

  find(token: string | null | undefined): AccessToken | null {
    if (!token) return null;
    const found = this.tokens.get(token);
    if (!found || !timingSafeEqual(Buffer.from(found.token), Buffer.from(token))) return null;
    if (found.expiresAt !== null && found.expiresAt < Date.now()) return null;
    return found;
  }

  /** Uninstall: every token of the app for the shop stops working. */
  revoke(shop: string, apiKey: string): void {
    for (const [key, token] of this.tokens) if (token.shop === shop && token.apiKey === apiKey) this.tokens.delete(key);
    this.save();
  }

  installed(shop: string, apiKey: string): boolean {
    return [...this.tokens.values()].some((t) => t.shop === shop && t.apiKey === apiKey);
  }

  private save() {
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify([...this.tokens.values()]));
  }
}
