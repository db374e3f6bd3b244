import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  businessMinutesBetween,
  instantOf,
  isOpen,
  nextOpening,
  wallClock,
  type WeekHours,
} from "./hours";

const nineToFive = { open: "09:00", close: "17:00" };
/** Monday to Friday 9–17. */
const WEEKDAYS: WeekHours = [nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, null, null];
const at = (iso: string) => Date.parse(iso);

describe("business hours", () => {
  it("knows whether the shop is open in its own time zone", () => {
    // Monday 2026-11-23 08:30 UTC is 09:30 in Berlin (open) and 03:30 in New York (closed)
    expect(isOpen(WEEKDAYS, "Europe/Berlin", at("2026-11-23T08:30:00Z"))).toBe(true);
    expect(isOpen(WEEKDAYS, "America/New_York", at("2026-11-23T08:30:00Z"))).toBe(false);
    // Saturday is closed everywhere
    expect(isOpen(WEEKDAYS, "Asia/Tokyo", at("2026-11-28T03:00:00Z"))).toBe(false);
    // Half-hour offsets: Kolkata is UTC+5:30, so 03:30 UTC is 09:00 there (open), 03:29 is not
    expect(isOpen(WEEKDAYS, "Asia/Kolkata", at("2026-11-23T03:30:00Z"))).toBe(true);
    expect(isOpen(WEEKDAYS, "Asia/Kolkata", at("2026-11-23T03:29:00Z"))).toBe(false);
  });

  it("finds the next opening across a weekend", () => {
    // Friday 17:30 in New York → Monday 09:00 New York (EST, UTC-5)
    const next = nextOpening(WEEKDAYS, "America/New_York", at("2026-11-27T22:30:00Z"));
    expect(new Date(next!).toISOString()).toBe("2026-11-30T14:00:00.000Z");
    // while open, it is now
    expect(nextOpening(WEEKDAYS, "America/New_York", at("2026-11-23T15:00:00Z"))).toBe(at("2026-11-23T15:00:00Z"));
  });

  it("counts business minutes over a night and a weekend", () => {
    // Friday 16:00 → Monday 10:00 Berlin (CET, UTC+1): 1 h Friday + 1 h Monday
    expect(
      businessMinutesBetween(WEEKDAYS, "Europe/Berlin", at("2026-11-27T15:00:00Z"), at("2026-11-30T09:00:00Z")),
    ).toBe(120);
    expect(
      businessMinutesBetween(WEEKDAYS, "Europe/Berlin", at("2026-11-30T09:00:00Z"), at("2026-11-27T15:00:00Z")),
    ).toBe(0);
  });

  it("adds business minutes: a 4-hour promise made at 15:00 on Friday is due Monday 11:00", () => {
    const due = addBusinessMinutes(WEEKDAYS, "Europe/Berlin", at("2026-11-27T14:00:00Z"), 240);
    expect(wallClock(due, "Europe/Berlin")).toMatchObject({ year: 2026, month: 11, day: 30, hour: 11, minute: 0 });
  });

  it("keeps wall-clock hours across the spring DST change (Berlin, 29 March 2026)", () => {
    // Open every day 01:00–04:00: on the change day the clock jumps 02:00 → 03:00, so 2 h only
    const early = { open: "01:00", close: "04:00" };
    const daily: WeekHours = Array.from({ length: 7 }, () => early);
    const dayStart = instantOf(2026, 3, 29, 0, "Europe/Berlin");
    expect(businessMinutesBetween(daily, "Europe/Berlin", dayStart, dayStart + 86_400_000)).toBe(120);
    // 02:30 does not exist that night: it moves forward by the gap, to 03:30 CEST (01:30 UTC), as Temporal does
    expect(new Date(instantOf(2026, 3, 29, 150, "Europe/Berlin")).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // 9–17 on the Monday after is 07:00–15:00 UTC (CEST), not 08:00–16:00
    expect(isOpen(WEEKDAYS, "Europe/Berlin", at("2026-03-30T07:00:00Z"))).toBe(true);
    expect(isOpen(WEEKDAYS, "Europe/Berlin", at("2026-03-30T15:00:00Z"))).toBe(false);
  });

  it("keeps wall-clock hours across the autumn DST change (New York, 1 November 2026)", () => {
    // Open 00:00–24:00 on Sunday 1 November: a 25-hour day
    const sundays: WeekHours = [null, null, null, null, null, null, { open: "00:00", close: "24:00" }];
    const from = at("2026-10-31T00:00:00Z");
    expect(businessMinutesBetween(sundays, "America/New_York", from, from + 4 * 86_400_000)).toBe(25 * 60);
    // 01:30 happens twice that night: the first (EDT, 05:30 UTC)
    expect(new Date(instantOf(2026, 11, 1, 90, "America/New_York")).toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });

  it("across the southern hemisphere's DST (Sydney starts DST on 4 October 2026)", () => {
    // Friday 2 Oct 16:00 AEST (06:00 UTC) + 2 business hours → Monday 5 Oct 10:00 AEDT (Sunday 23:00 UTC)
    const due = addBusinessMinutes(WEEKDAYS, "Australia/Sydney", at("2026-10-02T06:00:00Z"), 120);
    expect(new Date(due).toISOString()).toBe("2026-10-04T23:00:00.000Z");
  });

  it("treats no hours at all as always open", () => {
    const none: WeekHours = [null, null, null, null, null, null, null];
    expect(isOpen(none, "UTC", at("2026-11-28T03:00:00Z"))).toBe(true);
    expect(businessMinutesBetween(none, "UTC", at("2026-11-28T03:00:00Z"), at("2026-11-28T05:00:00Z"))).toBe(120);
    expect(addBusinessMinutes(none, "UTC", at("2026-11-28T03:00:00Z"), 30)).toBe(at("2026-11-28T03:30:00Z"));
  });
});
