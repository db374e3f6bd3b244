// Rate limits of the storefront endpoints (rate-limiter-flexible). The counters live in the
// app's database, so every app instance shares them: scaling out does not multiply the
// allowance. Every counter's key starts with the shop, so a shop's counters are its own
// (and shop/redact deletes exactly them).
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import prisma from "~/db.server";
import { env } from "~/env.server";
import { clientAddress } from "./client-address";

export interface Limit {
  points: number;
  durationSeconds: number;
}

/**
 * rate-limiter-flexible's Prisma store, with its two hot operations as one SQL statement each
 * (the same table and semantics): a counter is taken with one atomic upsert that starts a new
 * window when the old one has expired, instead of a delete and an upsert through Prisma's
 * query compiler — about a third of the CPU per limited request. Works on SQLite (3.35+) and
 * PostgreSQL alike; DateTime values are bound as Prisma binds them, so both paths agree.
 */
class RateLimiterSql extends RateLimiterPrisma {
  _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<unknown> {
    if (forceExpire)
      return (RateLimiterPrisma.prototype as unknown as RawStore)._upsert.call(this, key, points, msDuration, true);
    const now = new Date();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    return prisma.$queryRaw<{ points: number; expire: Date | null }[]>`
        INSERT INTO "RateLimit" ("key", "points", "expire") VALUES (${key}, ${points}, ${expire})
        ON CONFLICT ("key") DO UPDATE SET
          "points" = CASE WHEN "RateLimit"."expire" <= ${now} THEN excluded."points" ELSE "RateLimit"."points" + excluded."points" END,
          "expire" = CASE WHEN "RateLimit"."expire" <= ${now} THEN excluded."expire" ELSE "RateLimit"."expire" END
        RETURNING "points", "expire"`.then((rows) => ({ points: Number(rows[0]!.points), expire: rows[0]!.expire }));
  }

  _get(key: string): Promise<unknown> {
    return prisma.$queryRaw<{ points: number; expire: Date | null }[]>`
        SELECT "points", "expire" FROM "RateLimit"
        WHERE "key" = ${key} AND ("expire" > ${new Date()} OR "expire" IS NULL)`.then((rows) =>
      rows[0] ? { points: Number(rows[0].points), expire: rows[0].expire } : null,
    );
  }
}

interface RawStore {
  _upsert(key: string, points: number, msDuration: number, forceExpire: boolean): Promise<unknown>;
}

const limiters = new Map<string, RateLimiterPrisma>();

function limiter({ points, durationSeconds }: Limit): RateLimiterPrisma {
  const id = `${points}/${durationSeconds}`;
  let existing = limiters.get(id);
  if (!existing) {
    existing = new RateLimiterSql({
      storeClient: prisma,
      tableName: "rateLimit",
      keyPrefix: "",
      points,
      duration: durationSeconds,
    });
    limiters.set(id, existing);
  }
  return existing;
}

const counterKey = (shop: string, name: string, key: string) => `${shop}:${name}:${key}`;

export interface LimitCheck {
  name: string;
  key: string;
  limit: Limit;
}

/**
 * The wait in seconds if any of these limits is already used up, else null. Charges nothing:
 * a request one limit refuses must not count against the others.
 */
export async function exhausted(shop: string, checks: LimitCheck[]): Promise<{ retryAfterSeconds: number } | null> {
  const states = await Promise.all(
    checks.map(async ({ name, key, limit }) => ({
      limit,
      state: await limiter(limit).get(counterKey(shop, name, key)),
    })),
  );
  const waits = states
    .filter(({ limit, state }) => state !== null && state.consumedPoints >= limit.points)
    .map(({ state }) => state!.msBeforeNext);
  return waits.length > 0 ? { retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) } : null;
}

/** Counts one attempt against each limit (after the request was let through). */
export async function charge(shop: string, checks: LimitCheck[]): Promise<void> {
  await Promise.all(
    checks.map(({ name, key, limit }) =>
      limiter(limit)
        .consume(counterKey(shop, name, key))
        .catch((error: unknown) => {
          if (!(error instanceof RateLimiterRes)) throw error;
        }),
    ),
  );
}

/** Refuses when any limit is used up (charging none of the others), else charges them all. */
export async function consume(shop: string, checks: LimitCheck[]): Promise<{ retryAfterSeconds: number } | null> {
  if (checks.length === 1) {
    // One limit: counting a refused attempt against itself changes nothing, so one round trip.
    const [{ name, key, limit }] = checks as [LimitCheck];
    try {
      await limiter(limit).consume(counterKey(shop, name, key));
      return null;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      return { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    }
  }
  const refused = await exhausted(shop, checks);
  if (refused) return refused;
  await charge(shop, checks);
  return null;
}

export async function deleteShopRateLimits({ shop }: { shop: string }) {
  await prisma.rateLimit.deleteMany({ where: { key: { startsWith: `${shop}:` } } });
}

/**
 * The per-address limit for this request, or none when the shopper's address is unknown (a
 * missing or unparsable X-Forwarded-For): such requests never share one bucket with every
 * other shopper; the endpoint's other limits still apply. Logged, since it means the
 * deployment's TRUSTED_PROXY_HOPS does not match its proxies.
 */
export function addressLimit(request: Request, name: string, limit: Limit): LimitCheck[] {
  const key = clientAddress(request.headers.get("x-forwarded-for"), env.TRUSTED_PROXY_HOPS);
  if (key) return [{ name, key, limit }];
  console.warn(
    `Care Desk: no shopper address in X-Forwarded-For with TRUSTED_PROXY_HOPS=${env.TRUSTED_PROXY_HOPS}; the per-address limit is skipped`,
  );
  return [];
}
