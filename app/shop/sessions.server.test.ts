import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RecentSessionStorage } from "./sessions.server";

/** A session storage that counts its reads (the database, as far as the cache can tell). */
function countingStorage(sessions: Session[]) {
  const rows = new Map(sessions.map((session) => [session.id, session]));
  const storage = {
    reads: 0,
    async loadSession(id: string) {
      storage.reads++;
      return rows.get(id);
    },
    async storeSession(session: Session) {
      rows.set(session.id, session);
      return true;
    },
    async deleteSession(id: string) {
      return rows.delete(id);
    },
    async deleteSessions(ids: string[]) {
      ids.forEach((id) => rows.delete(id));
      return true;
    },
    async findSessionsByShop(shop: string) {
      return [...rows.values()].filter((session) => session.shop === shop);
    },
  } satisfies SessionStorage & { reads: number };
  return storage;
}

const offline = (shop: string, expiresInMs: number | null, accessToken = "shpat_1") =>
  new Session({
    id: `offline_${shop}`,
    shop,
    state: "",
    isOnline: false,
    accessToken,
    ...(expiresInMs === null ? {} : { expires: new Date(Date.now() + expiresInMs) }),
  });

afterEach(() => vi.useRealTimers());

describe("offline sessions kept in memory", () => {
  it("are read from the database once while they are kept, and again after", async () => {
    vi.useFakeTimers();
    const storage = countingStorage([offline("a.myshopify.com", 3_600_000)]);
    const sessions = new RecentSessionStorage(storage, 30_000);

    await sessions.loadSession("offline_a.myshopify.com");
    await sessions.loadSession("offline_a.myshopify.com");
    expect(storage.reads).toBe(1);

    vi.advanceTimersByTime(30_001);
    await sessions.loadSession("offline_a.myshopify.com");
    expect(storage.reads).toBe(2);
  });

  it("never keep a token the library is about to refresh (within 6 minutes of expiry)", async () => {
    const storage = countingStorage([offline("b.myshopify.com", 5.5 * 60_000)]);
    const sessions = new RecentSessionStorage(storage, 30_000);
    await sessions.loadSession("offline_b.myshopify.com");
    await sessions.loadSession("offline_b.myshopify.com");
    expect(storage.reads).toBe(2);
  });

  it("stop being used once the kept copy nears expiry, even inside the keep time", async () => {
    vi.useFakeTimers();
    const storage = countingStorage([offline("c.myshopify.com", 6 * 60_000 + 10_000)]);
    const sessions = new RecentSessionStorage(storage, 30_000);
    await sessions.loadSession("offline_c.myshopify.com");
    vi.advanceTimersByTime(20_000); // now 5 min 50 s before expiry
    await sessions.loadSession("offline_c.myshopify.com");
    expect(storage.reads).toBe(2);
  });

  it("are dropped when this instance stores or deletes the session", async () => {
    const storage = countingStorage([offline("d.myshopify.com", null)]);
    const sessions = new RecentSessionStorage(storage, 30_000);
    await sessions.loadSession("offline_d.myshopify.com");

    await sessions.storeSession(offline("d.myshopify.com", null, "shpat_2"));
    expect((await sessions.loadSession("offline_d.myshopify.com"))?.accessToken).toBe("shpat_2");

    await sessions.deleteSession("offline_d.myshopify.com");
    expect(await sessions.loadSession("offline_d.myshopify.com")).toBeUndefined();
    expect(storage.reads).toBe(2 + 1);
  });

  it("keep nothing when the keep time is 0, and never keep online sessions", async () => {
    const online = new Session({ id: "e.myshopify.com_1", shop: "e.myshopify.com", state: "", isOnline: true });
    const storage = countingStorage([offline("e.myshopify.com", null), online]);
    const off = new RecentSessionStorage(storage, 0);
    await off.loadSession("offline_e.myshopify.com");
    await off.loadSession("offline_e.myshopify.com");
    const on = new RecentSessionStorage(storage, 30_000);
    await on.loadSession(online.id);
    await on.loadSession(online.id);
    expect(storage.reads).toBe(4);
  });
});
