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
  /** Wait when the response says nothing about when to come back. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** How long until the bucket holds enough points for the request, per the throttle status. */
export function throttleDelayMs(
  status: ThrottleStatus | undefined,
  requestedCost: number | undefined,
  fallbackMs: number,
): number {
  if (!status || !requestedCost || status.restoreRate <= 0) return fallbackMs;
  const missing = Math.max(0, Math.min(requestedCost, status.maximumAvailable) - status.currentlyAvailable);
  return Math.ceil((missing / status.restoreRate) * 1000);
}

export async function retryThrottled<T>(attempt: () => Promise<Attempt<T>>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 5, baseDelayMs = 1000, maxDelayMs = 10_000, sleep = defaultSleep } = options;
  for (let i = 1; ; i++) {
    const result = await attempt();
    if (result.ok) return result.value;
    if (i >= attempts) throw new ThrottledError(i);
    const fallback = baseDelayMs * 2 ** (i - 1);
    const delay = result.retryAfterMs ?? throttleDelayMs(result.throttleStatus, result.requestedCost, fallback);
    // Jitter spreads retries of concurrent requests so they do not collide again.
    await sleep(Math.min(maxDelayMs, delay + Math.floor(Math.random() * 100)));
  }
}

export class ThrottledError extends Error {
  constructor(readonly attempts: number) {
    super(`Shopify throttled the request ${attempts} times; giving up`);
    this.name = "ThrottledError";
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
