import { describe, expect, it } from "vitest";
import { TimingFloor } from "./timing";

describe("TimingFloor", () => {
  it("holds a fast failure until the typical duration of successes", () => {
    // GIVEN successful lookups take about 200 ms
    const floor = new TimingFloor(100, 0.5);
    for (let i = 0; i < 20; i++) floor.observe(200);
    // WHEN a failure is ready after 20 ms
    const wait = floor.remainingMs(0, 20, 0.5);
    // THEN it waits until about 200 ms
    expect(wait).toBeCloseTo(180, 0);
  });

  it("spreads the answer time a little so it cannot be averaged out exactly", () => {
    const floor = new TimingFloor(200);
    expect(floor.remainingMs(0, 0, 0)).toBeCloseTo(180, 5);
    expect(floor.remainingMs(0, 0, 1)).toBeCloseTo(220, 5);
  });

  it("never waits for a failure that already took longer, and ignores outliers beyond 2 s", () => {
    const floor = new TimingFloor(100, 1);
    expect(floor.remainingMs(0, 500, 0.5)).toBe(0);
    floor.observe(60_000);
    expect(floor.remainingMs(0, 0, 0.5)).toBe(2000);
  });
});
