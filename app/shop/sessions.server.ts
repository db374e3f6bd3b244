// Shopify sessions (offline and online access tokens) kept by the session storage.
//
// Every storefront request loads the shop's offline session. Each instance keeps a loaded
// offline session in memory for SESSION_CACHE_SECONDS (default 30), which saves a database
// read per request, under two rules that keep it right with several instances:
// - a session is kept only while its token has more than REFRESH_MARGIN_MS left, so the copy
//   in memory is never one the library refreshes (it refreshes within 5 minutes of expiry,
//   after reading the session from the database: a rotated refresh token is never reused);
// - this instance's own writes (refresh, uninstall, scope change) drop the copy at once.
// What another instance changes reaches this one within SESSION_CACHE_SECONDS: after an
// uninstall, its requests fail with the revoked token (a translated 503) for that long.
import type { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import prisma from "~/db.server";
import { env } from "~/env.server";

/** The library refreshes an offline token within 5 minutes of expiry; one more minute of margin. */
const REFRESH_MARGIN_MS = 6 * 60 * 1000;

const recent = new Map<string, { session: Session; until: number }>();

function forgetShop(shop: string) {
  for (const [id, entry] of recent) if (entry.session.shop === shop) recent.delete(id);
}

export class RecentSessionStorage implements SessionStorage {
  constructor(
    private readonly storage: SessionStorage,
    private readonly keepMs = env.SESSION_CACHE_SECONDS * 1000,
  ) {}

  async loadSession(id: string): Promise<Session | undefined> {
    const kept = recent.get(id);
    if (kept && kept.until > Date.now() && !kept.session.isExpired(REFRESH_MARGIN_MS)) return kept.session;
    recent.delete(id);
    const session = await this.storage.loadSession(id);
    if (session && !session.isOnline && this.keepMs > 0 && !session.isExpired(REFRESH_MARGIN_MS)) {
      if (recent.size >= 10_000) recent.clear(); // a bound; entries are cheap to reload
      recent.set(id, { session, until: Date.now() + this.keepMs });
    }
    return session;
  }

  storeSession(session: Session): Promise<boolean> {
    recent.delete(session.id);
    return this.storage.storeSession(session);
  }

  deleteSession(id: string): Promise<boolean> {
    recent.delete(id);
    return this.storage.deleteSession(id);
  }

  deleteSessions(ids: string[]): Promise<boolean> {
    for (const id of ids) recent.delete(id);
    return this.storage.deleteSessions(ids);
  }

  findSessionsByShop(shop: string): Promise<Session[]> {
    return this.storage.findSessionsByShop(shop);
  }
}

export async function deleteShopSessions({ shop }: { shop: string }) {
  forgetShop(shop);
  await prisma.session.deleteMany({ where: { shop } });
}

export async function updateSessionScope({ id, shop, scope }: { id: string; shop: string; scope: string }) {
  recent.delete(id);
  await prisma.session.updateMany({ where: { id, shop }, data: { scope } });
}
