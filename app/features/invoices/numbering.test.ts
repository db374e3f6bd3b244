import { describe, expect, it } from "vitest";
import { counterPeriod, formatNumber, type NumberFormat } from "./numbering";

const base: NumberFormat = { prefix: "INV-", includeYear: true, yearlyReset: true, padding: 5, startNumber: 1 };

describe("invoice number format", () => {
  it("joins prefix, year and the zero-padded sequence", () => {
    expect(formatNumber(base, { year: 2026, sequence: 7 })).toBe("INV-2026-00007");
  });

  it("leaves the year out when asked, and never cuts a sequence longer than the padding", () => {
    expect(formatNumber({ ...base, includeYear: false }, { year: 2026, sequence: 42 })).toBe("INV-00042");
    expect(formatNumber({ ...base, padding: 2 }, { year: 2026, sequence: 12345 })).toBe("INV-2026-12345");
  });

  it("allows an empty prefix", () => {
    expect(formatNumber({ ...base, prefix: "", padding: 1 }, { year: 2027, sequence: 3 })).toBe("2027-3");
  });

  it("draws from a yearly counter only with a yearly reset", () => {
    expect(counterPeriod(base, 2026)).toBe(2026);
    expect(counterPeriod({ ...base, yearlyReset: false }, 2026)).toBe(0);
  });
});
