import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveLocale, SUPPORTED_LOCALES, translator } from "./i18n";

describe("storefront translations", () => {
  it("reads every locale file of the theme extension", () => {
    const files = readdirSync(path.resolve(__dirname, "../../extensions/care-desk-theme/locales"))
      .filter((file) => !file.endsWith(".schema.json"))
      .map((file) => file.replace(/(\.default)?\.json$/, ""));
    expect([...SUPPORTED_LOCALES].sort()).toEqual(files.sort());
  });

  it("reads the theme extension's strings", () => {
    expect(SUPPORTED_LOCALES).toContain("en");
    expect(translator("en")("order_lookup.form.submit")).toBe("Find my order");
  });

  it("interpolates and pluralises like Liquid", () => {
    const t = translator("en");
    expect(t("order_lookup.result.title", { name: "#1001" })).toBe("Order #1001");
    expect(t("common.errors.rate_limited", { count: 1 })).toContain("1 minute.");
    expect(t("common.errors.rate_limited", { count: 5 })).toContain("5 minutes.");
  });

  it("picks the best locale and falls back to the default", () => {
    expect(resolveLocale("en-GB")).toBe("en");
    expect(resolveLocale("xx", undefined, "en")).toBe("en");
    expect(resolveLocale("<script>")).toBe("en");
  });

  it("throws on a missing key rather than showing it to a shopper", () => {
    expect(() => translator("en")("order_lookup.nope")).toThrow(/Missing storefront translation/);
  });
});
