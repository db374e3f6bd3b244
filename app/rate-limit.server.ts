// Rate limits of the storefront endpoints (rate-limiter-flexible). The counters live in the
// app's database, so every app instance shares them: scaling out does not multiply the
// allowance. Limits are configurable with env (see .env.example).
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import prisma from "./db.server";
import { env } from "./env.server";

export interface Limit {
  points: number;
  durationSeconds: number;
}

const limiters = new Map<string, RateLimiterPrisma>();

function limiter(name: string, { points, durationSeconds }: Limit): RateLimiterPrisma {
  const key = `${name}:${points}/${durationSeconds}`;
  let existing = limiters.get(key);
  if (!existing) {
    existing = new RateLimiterPrisma({
      storeClient: prisma,
      tableName: "rateLimit",
      keyPrefix: name,
      points,
      duration: durationSeconds,
    });
    limiters.set(key, existing);
  }
  return existing;
}

/** Counts one attempt against every key; returns the wait in seconds if any limit is exceeded. */
export async function consume(
  checks: { name: string; key: string; limit: Limit }[],
): Promise<{ retryAfterSeconds: number } | null> {
  let retryAfterMs = 0;
  for (const { name, key, limit } of checks) {
    try {
      await limiter(name, limit).consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      retryAfterMs = Math.max(retryAfterMs, error.msBeforeNext);
    }
  }
  return retryAfterMs > 0 ? { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } : null;
}

export const LIMITS = {
  lookupPerIp: env.LOOKUP_LIMIT_PER_IP,
  lookupPerOrder: env.LOOKUP_LIMIT_PER_ORDER,
  linksPerIp: env.LINKS_LIMIT_PER_IP,
  linksPerEmail: env.LINKS_LIMIT_PER_EMAIL,
} satisfies Record<string, Limit>;

/**
 * The shopper's address as Shopify's app proxy forwards it. The last X-Forwarded-For entry is
 * the one the proxy itself added; earlier entries come from the client and can be forged.
 */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || "unknown";
}
