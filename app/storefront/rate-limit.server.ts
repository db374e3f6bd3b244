// Rate limits of the storefront endpoints (rate-limiter-flexible). The counters live in the
// app's database, so every app instance shares them: scaling out does not multiply the
// allowance. Every counter's key starts with the shop, so a shop's counters are its own
// (and shop/redact deletes exactly them).
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import prisma from "~/db.server";

export interface Limit {
  points: number;
  durationSeconds: number;
}

const limiters = new Map<string, RateLimiterPrisma>();

function limiter({ points, durationSeconds }: Limit): RateLimiterPrisma {
  const id = `${points}/${durationSeconds}`;
  let existing = limiters.get(id);
  if (!existing) {
    existing = new RateLimiterPrisma({
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

/** Counts one attempt against every key; returns the wait in seconds if any limit is exceeded. */
export async function consume(
  shop: string,
  checks: { name: string; key: string; limit: Limit }[],
): Promise<{ retryAfterSeconds: number } | null> {
  let retryAfterMs = 0;
  for (const { name, key, limit } of checks) {
    try {
      await limiter(limit).consume(counterKey(shop, name, key));
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      retryAfterMs = Math.max(retryAfterMs, error.msBeforeNext);
    }
  }
  return retryAfterMs > 0 ? { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } : null;
}

export async function deleteShopRateLimits({ shop }: { shop: string }) {
  await prisma.rateLimit.deleteMany({ where: { key: { startsWith: `${shop}:` } } });
}

/**
 * The shopper's address as Shopify's app proxy forwards it. The last X-Forwarded-For entry is
 * the one the proxy itself added; earlier entries come from the client and can be forged.
 */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || "unknown";
}
