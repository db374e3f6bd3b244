// Theme Check (Shopify's linter for themes and theme app extensions) on every theme app
// extension: no errors, no warnings.
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { check, Severity } from "@shopify/theme-check-node";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../extensions");
const themeExtensions = readdirSync(root).filter((name) => existsSync(path.join(root, name, "blocks")));

describe("Theme Check", () => {
  it("finds the theme app extensions", () => {
    expect(themeExtensions).toContain("care-desk-theme");
  });

  it.each(themeExtensions)(
    "%s has no errors or warnings",
    async (name) => {
      const offenses = await check(path.join(root, name));
      const report = offenses
        .filter((o) => o.severity <= Severity.WARNING)
        .map((o) => `${o.check} ${path.basename(o.uri)}:${o.start.line + 1} ${o.message}`);
      expect(report).toEqual([]);
    },
    60_000,
  );
});
