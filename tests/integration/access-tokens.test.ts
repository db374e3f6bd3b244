// Expiring offline access tokens (required for public apps from 2027-01-01): the app stores
// the refresh token, and when the access token is about to expire it refreshes it through
// the platform's token endpoint before calling the Admin API.
import { createClient } from "@libsql/client";
import { describe, expect, inject, it } from "vitest";
import { devstore, lookup, recentOrder } from "../support/storefront";

type SessionRow = { accessToken: string; refreshToken: string | null; expires: number | string | null };

async function offlineSession(): Promise<SessionRow> {
  const db = createClient({ url: inject("appDatabaseUrl") });
  try {
    const { rows } = await db.execute({
      sql: 'SELECT "accessToken", "refreshToken", "expires" FROM "Session" WHERE "id" = ?',
      args: [`offline_${inject("shop")}`],
    });
    return rows[0] as unknown as SessionRow;
  } finally {
    db.close();
  }
}

const expiresAt = (value: SessionRow["expires"]) => (typeof value === "number" ? value : Date.parse(String(value)));

describe("expiring offline access tokens", () => {
  it("are stored with a refresh token and refreshed when they expire", async () => {
    // GIVEN the app was installed with an expiring offline token
    const before = await offlineSession();
    expect(before.refreshToken).toMatch(/^shprt_/);
    expect(expiresAt(before.expires)).toBeGreaterThan(Date.now());

    // WHEN the token expires (on the platform, and in the app's records)
    expect(await devstore("/__devstore/tokens/expire", { accessToken: before.accessToken })).toEqual({ expired: true });
    const db = createClient({ url: inject("appDatabaseUrl") });
    const past = typeof before.expires === "number" ? Date.now() - 1000 : new Date(Date.now() - 1000).toISOString();
    await db.execute({
      sql: 'UPDATE "Session" SET "expires" = ? WHERE "id" = ?',
      args: [past, `offline_${inject("shop")}`],
    });
    db.close();
    // (time passes: each app instance keeps a session in memory for SESSION_CACHE_SECONDS)
    await new Promise((resolve) => setTimeout(resolve, 2_100));

    // THEN the next storefront request still works: the app refreshed the token first
    const order = recentOrder(() => true, 16);
    const answer = await lookup({ order_number: order.name, contact: order.email! });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(`Order ${order.name}`);
    const after = await offlineSession();
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(expiresAt(after.expires)).toBeGreaterThan(Date.now());
  });
});
