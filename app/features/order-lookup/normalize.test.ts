import { describe, expect, it } from "vitest";
import {
  contactMatches,
  maskContact,
  normalizeContact,
  normalizeEmail,
  normalizeOrderName,
  normalizePhone,
  searchValue,
} from "./normalize";

describe("normalizeOrderName", () => {
  const hash = { prefix: "#", suffix: "" };
  it.each([
    ["#1001", "#1001"],
    ["1001", "#1001"],
    [" 1001 ", "#1001"],
    ["# 1001", "#1001"],
    ["#01001", "#1001"],
    ["１００１", "#1001"], // full-width digits (Japanese keyboards)
  ])("accepts %j as %j", (input, expected) => {
    expect(normalizeOrderName(input, hash)).toBe(expected);
  });

  it.each(["", "   ", "#", "abc", "#10a1", "1001; DROP", "1".repeat(65), "#-1"])("rejects %j", (input) => {
    expect(normalizeOrderName(input, hash)).toBeNull();
  });

  it("handles the shop's own prefix and suffix in any case", () => {
    // GIVEN a shop whose orders are named MF-1001-EU
    const format = { prefix: "MF-", suffix: "-EU" };
    // THEN every way a shopper writes it maps to that name
    expect(normalizeOrderName("mf-1001-eu", format)).toBe("MF-1001-EU");
    expect(normalizeOrderName("1001", format)).toBe("MF-1001-EU");
    expect(normalizeOrderName("MF-1001", format)).toBe("MF-1001-EU");
    expect(normalizeOrderName("#1001", format)).toBe("MF-1001-EU");
  });
});

describe("normalizeEmail", () => {
  it("trims and lower-cases", () => {
    expect(normalizeEmail("  Jane.Doe@Example.COM ")).toBe("jane.doe@example.com");
  });
  it.each(["", "jane", "jane@", "@example.com", "jane@example", "a b@example.com", `${"a".repeat(250)}@x.com`])(
    "rejects %j",
    (input) => expect(normalizeEmail(input)).toBeNull(),
  );
});

describe("normalizePhone", () => {
  it("uses the shop's country for national numbers", () => {
    expect(normalizePhone("(415) 555-0123", "US")).toBe("+14155550123");
    expect(normalizePhone("030 1234567", "DE")).toBe("+49301234567");
  });
  it("keeps international numbers whatever the shop's country", () => {
    expect(normalizePhone("+44 20 7946 0958", "US")).toBe("+442079460958");
  });
  it.each(["", "abc", "+", "12", "555-CALL-NOW", "1".repeat(41)])("rejects %j", (input) => {
    expect(normalizePhone(input, "US")).toBeNull();
  });
});

describe("normalizeContact / contactMatches", () => {
  it("tells email from phone", () => {
    expect(normalizeContact("JANE@example.com")).toEqual({ kind: "email", value: "jane@example.com" });
    expect(normalizeContact("+1 415 555 0123")).toEqual({ kind: "phone", value: "+14155550123" });
    expect(normalizeContact("not a contact")).toBeNull();
  });

  it("matches an order's email case-insensitively and phones in E.164", () => {
    const order = { email: "Jane@Example.com", phone: null, shippingPhone: "(415) 555-0123" };
    expect(contactMatches({ kind: "email", value: "jane@example.com" }, order, "US")).toBe(true);
    expect(contactMatches({ kind: "email", value: "john@example.com" }, order, "US")).toBe(false);
    expect(contactMatches({ kind: "phone", value: "+14155550123" }, order, "US")).toBe(true);
    expect(contactMatches({ kind: "phone", value: "+14155550124" }, order, "US")).toBe(false);
  });

  it("never matches an order without that contact", () => {
    expect(contactMatches({ kind: "email", value: "a@b.co" }, { email: null }, "US")).toBe(false);
    expect(contactMatches({ kind: "phone", value: "+14155550123" }, {}, "US")).toBe(false);
  });
});

describe("searchValue", () => {
  it("quotes and escapes for Shopify's search syntax", () => {
    expect(searchValue("#1001")).toBe('"#1001"');
    expect(searchValue('a"b\\c')).toBe('"a\\"b\\\\c"');
  });
});

describe("maskContact", () => {
  it("keeps only enough to recognise", () => {
    expect(maskContact({ kind: "email", value: "jane.doe@example.com" })).toBe("j•••@e•••.com");
    expect(maskContact({ kind: "phone", value: "+14155550123" })).toBe("+1 ••• 0123");
  });
});
