import { describe, expect, it, vi } from "vitest";
import { retryThrottled, throttleDelayMs, ThrottledError } from "./throttle";

describe("throttleDelayMs", () => {
  it("waits until the bucket holds the requested cost", () => {
    // 139 points requested, 39 available, restoring 100/s → 1 s
    expect(throttleDelayMs({ maximumAvailable: 2000, currentlyAvailable: 39, restoreRate: 100 }, 139, 5000)).toBe(1000);
    expect(throttleDelayMs({ maximumAvailable: 2000, currentlyAvailable: 500, restoreRate: 100 }, 139, 5000)).toBe(0);
  });
  it("falls back when the response says nothing", () => {
    expect(throttleDelayMs(undefined, undefined, 5000)).toBe(5000);
  });
});

describe("retryThrottled", () => {
  it("retries with the computed waits, Retry-After first, then succeeds", async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const attempts = [
      { ok: false as const, retryAfterMs: 1000 },
      {
        ok: false as const,
        throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 },
        requestedCost: 200,
      },
      { ok: true as const, value: "done" },
    ];
    expect(await retryThrottled(async () => attempts.shift()!, { sleep })).toBe("done");
    const waits = sleep.mock.calls.map((call) => (call as unknown as [number])[0]);
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
    expect(waits[0]).toBeLessThan(1100);
    expect(waits[1]).toBeGreaterThanOrEqual(2000);
  });

  it("gives up after the configured attempts", async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    await expect(retryThrottled(async () => ({ ok: false as const }), { attempts: 3, sleep })).rejects.toBeInstanceOf(
      ThrottledError,
    );
    expect(sleep).toHaveBeenCalledTimes(2);
  });

  it("caps a single wait", async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const attempts = [
      { ok: false as const, retryAfterMs: 60_000 },
      { ok: true as const, value: 1 },
    ];
    await retryThrottled(async () => attempts.shift()!, { sleep, maxDelayMs: 10_000 });
    expect(sleep).toHaveBeenCalledWith(10_000);
  });
});
