// Backoff for Shopify's cost-based rate limit (leaky bucket). Shared by the app's Admin API
// wrapper and the graphql-request client used by tooling and benchmarks.

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export type Attempt<T> =
  | { ok: true; value: T }
  | { ok: false; throttleStatus?: ThrottleStatus; requestedCost?: number; retryAfterMs?: number };

export interface RetryOptions {
  /** Total attempts, the first included. */
  attempts?: number;
  /** First wait when the response says nothing about when to come back; doubles per retry. */
  baseDelayMs?: number;
  /**
   * Longest single wait. A wait Shopify asks for (Retry-After, or the time the bucket needs
   * to refill) is never shortened: when it is longer than this, retrying sooner would only be
   * throttled again, so we give up at once instead.
   */
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Up to this much is added to every wait, so that concurrent retries do not collide again. */
export const JITTER_MS = 100;

/** How long until the bucket holds enough points for the request, per the throttle status. */
export function throttleDelayMs(
  status: ThrottleStatus | undefined,
  requestedCost: number | undefined,
  fallbackMs: number,
): number {
  if (!status || !requestedCost || !(status.restoreRate > 0)) return fallbackMs;
  const missing = Math.max(0, Math.min(requestedCost, status.maximumAvailable) - status.currentlyAvailable);
  return Math.ceil((missing / status.restoreRate) * 1000);
}

export async function retryThrottled<T>(attempt: () => Promise<Attempt<T>>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 5, baseDelayMs = 1000, maxDelayMs = 10_000, sleep = defaultSleep } = options;
  for (let i = 1; ; i++) {
    const result = await attempt();
    if (result.ok) return result.value;
    if (i >= attempts) throw new ThrottledError(i);
    // What Shopify asked for: Retry-After, else the bucket's refill time (NaN when it said nothing).
    const asked = result.retryAfterMs ?? throttleDelayMs(result.throttleStatus, result.requestedCost, NaN);
    let delay: number;
    if (Number.isFinite(asked) && asked >= 0) {
      if (asked > maxDelayMs) throw new ThrottledError(i, asked);
      delay = asked;
    } else {
      delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (i - 1));
    }
    await sleep(delay + Math.floor(Math.random() * JITTER_MS));
  }
}

export class ThrottledError extends Error {
  constructor(
    readonly attempts: number,
    /** Set when Shopify asked for a longer wait than we are prepared to make. */
    readonly retryAfterMs?: number,
  ) {
    super(
      retryAfterMs === undefined
        ? `Shopify throttled the request ${attempts} times; giving up`
        : `Shopify throttled the request and asked to wait ${retryAfterMs} ms; giving up`,
    );
    this.name = "ThrottledError";
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
