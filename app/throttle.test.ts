import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { JITTER_MS, retryThrottled, throttleDelayMs, ThrottledError, type Attempt } from "./throttle";

const status = (currentlyAvailable: number) => ({ maximumAvailable: 2000, currentlyAvailable, restoreRate: 100 });

describe("throttleDelayMs", () => {
  it("waits until the bucket holds the requested cost", () => {
    // 139 points requested, 39 available, restoring 100/s → 1 s
    expect(throttleDelayMs(status(39), 139, 5000)).toBe(1000);
    // a fraction of a millisecond rounds up: retrying early is throttled again
    expect(throttleDelayMs(status(0), 1, 5000)).toBe(10);
  });

  it("does not wait when the bucket already holds enough", () => {
    expect(throttleDelayMs(status(500), 139, 5000)).toBe(0);
  });

  it("never waits for more than a full bucket", () => {
    // a request costing more than the bucket holds is refused outright (MAX_COST_EXCEEDED),
    // it never waits for more than maximumAvailable
    expect(throttleDelayMs(status(0), 5000, 1)).toBe(20_000);
  });

  it("falls back when the response says nothing usable", () => {
    expect(throttleDelayMs(undefined, undefined, 5000)).toBe(5000);
    expect(throttleDelayMs(status(0), undefined, 5000)).toBe(5000);
    expect(throttleDelayMs({ maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 0 }, 100, 5000)).toBe(5000);
  });
});

describe("retryThrottled", () => {
  beforeEach(() => {
    vi.spyOn(Math, "random").mockReturnValue(0);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** An attempt function that plays the given results in order and fails on an extra call. */
  function script<T>(results: Attempt<T>[]) {
    const fn = vi.fn(async () => {
      const next = results.shift();
      if (!next) throw new Error("unexpected extra attempt");
      return next;
    });
    return fn;
  }
  const waits = (sleep: ReturnType<typeof vi.fn>) => sleep.mock.calls.map((call) => call[0] as number);

  it("returns the first success without waiting", async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const attempt = script([{ ok: true, value: "done" }]);
    expect(await retryThrottled(attempt, { sleep })).toBe("done");
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("waits as long as Retry-After says, then as long as the bucket needs", async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const attempt = script<string>([
      { ok: false, retryAfterMs: 2000 },
      { ok: false, throttleStatus: status(0), requestedCost: 200 },
      { ok: true, value: "done" },
    ]);
    expect(await retryThrottled(attempt, { sleep })).toBe("done");
    expect(waits(sleep)).toEqual([2000, 2000]);
  });

  it("Retry-After wins over the throttle status", async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const attempt = script<number>([
      { ok: false, retryAfterMs: 3000, throttleStatus: status(1999), requestedCost: 2000 },
      { ok: true, value: 1 },
    ]);
    await retryThrottled(attempt, { sleep });
    expect(waits(sleep)).toEqual([3000]);
  });

  it("adds up to JITTER_MS so that concurrent retries spread out", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.999);
    const sleep = vi.fn(async (_ms: number) => {});
    await retryThrottled(
      script<number>([
        { ok: false, retryAfterMs: 1000 },
        { ok: true, value: 1 },
      ]),
      { sleep },
    );
    expect(waits(sleep)).toEqual([1000 + JITTER_MS - 1]);
  });

  it("backs off exponentially when the response says nothing, capped at maxDelayMs", async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const attempt = script<number>([
      { ok: false },
      { ok: false },
      { ok: false },
      { ok: false },
      { ok: true, value: 1 },
    ]);
    await retryThrottled(attempt, { sleep, baseDelayMs: 500, maxDelayMs: 3000 });
    expect(waits(sleep)).toEqual([500, 1000, 2000, 3000]);
  });

  it("gives up after the configured attempts, without a last useless wait", async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const attempt = script<number>([{ ok: false }, { ok: false }, { ok: false }]);
    const error = await retryThrottled(attempt, { attempts: 3, sleep }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as ThrottledError).attempts).toBe(3);
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(sleep).toHaveBeenCalledTimes(2);
  });

  it("gives up at once rather than retry before Shopify asked, when the wait is longer than maxDelayMs", async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const error = await retryThrottled(script<number>([{ ok: false, retryAfterMs: 60_000 }]), {
      sleep,
      maxDelayMs: 10_000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as ThrottledError).retryAfterMs).toBe(60_000);
    expect(sleep).not.toHaveBeenCalled();

    // the same for a bucket that needs 19 s to refill
    const refill = await retryThrottled(
      script<number>([{ ok: false, throttleStatus: status(100), requestedCost: 2000 }]),
      {
        sleep,
      },
    ).catch((e: unknown) => e);
    expect((refill as ThrottledError).retryAfterMs).toBe(19_000);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("does not retry what the attempt throws", async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const attempt = vi.fn(async (): Promise<Attempt<number>> => {
      throw new Error("access denied");
    });
    await expect(retryThrottled(attempt, { sleep })).rejects.toThrow("access denied");
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
  });
});
