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
  /** Expiring offline tokens: the refresh token issued with this access token. */
  refreshToken?: string | null;
  refreshExpiresAt?: number | null;
  /** A refreshed grant: the grant it replaces, retired once this one is first used. */
  replaces?: string | null;
}

/** Expiring offline access tokens live an hour, their refresh tokens 90 days (Shopify's lifetimes). */
export const EXPIRING_TOKEN_SECONDS = 3600;
export const REFRESH_TOKEN_SECONDS = 90 * 86_400;

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

  /**
   * An expiring offline token with its refresh token. Only one is active per app and shop:
   * issuing one revokes the app's earlier expiring tokens for the shop.
   */
  issueExpiring(grant: Pick<AccessToken, "shop" | "apiKey" | "scopes">, now = Date.now()): AccessToken {
    for (const [key, token] of this.tokens) {
      if (token.shop === grant.shop && token.apiKey === grant.apiKey && token.refreshToken) this.tokens.delete(key);
    }
    return this.issueRefreshable(grant, null, now);
  }

  /**
   * Refresh: a new pair for a valid refresh token. The old pair keeps working until the new one
   * is first used (a lost answer can be retried with the old refresh token, as on Shopify).
   */
  refresh(refreshToken: string, apiKey: string, now = Date.now()): AccessToken | null {
    const old = [...this.tokens.values()].find((t) => t.refreshToken && safeEqual(t.refreshToken, refreshToken));
    if (!old || old.apiKey !== apiKey || (old.refreshExpiresAt ?? 0) < now) return null;
    this.retirePredecessor(old);
    // A replacement issued earlier and never used gives way to this one.
    for (const [key, token] of this.tokens) if (token.replaces === old.token) this.tokens.delete(key);
    return this.issueRefreshable(old, old.token, now, old.refreshExpiresAt ?? undefined);
  }

  private issueRefreshable(
    grant: Pick<AccessToken, "shop" | "apiKey" | "scopes">,
    replaces: string | null,
    now: number,
    refreshExpiresAt = now + REFRESH_TOKEN_SECONDS * 1000,
  ): AccessToken {
    return this.issue({
      shop: grant.shop,
      apiKey: grant.apiKey,
      scopes: grant.scopes,
      online: false,
      userId: null,
      expiresAt: now + EXPIRING_TOKEN_SECONDS * 1000,
      refreshToken: `shprt_${randomBytes(16).toString("hex")}`,
      refreshExpiresAt,
      replaces,
    });
  }

  /** The first use of a refreshed grant retires the grant it replaced. */
  private retirePredecessor(grant: AccessToken) {
    if (!grant.replaces) return;
    this.tokens.delete(grant.replaces);
    grant.replaces = null;
    this.save();
  }

  find(token: string | null | undefined, now = Date.now()): AccessToken | null {
    if (!token) return null;
    const found = this.tokens.get(token);
    if (!found || !safeEqual(found.token, token)) return null;
    if (found.expiresAt !== null && found.expiresAt < now) return null;
    this.retirePredecessor(found);
    return found;
  }

  /** Test control: the access token expires now. */
  expire(token: string): boolean {
    const found = this.tokens.get(token);
    if (!found) return false;
    found.expiresAt = Date.now() - 1000;
    this.save();
    return true;
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

function safeEqual(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
