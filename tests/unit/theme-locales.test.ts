// Every shopper-facing string exists in every language, with the same placeholders, complete
// plural forms and within Shopify's 15 KB per locale file; every key the blocks use exists.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

type Messages = { [key: string]: string | Messages };
const root = path.resolve(__dirname, "../../extensions");
const PLURAL = new Set(["zero", "one", "two", "few", "many", "other"]);
const isPlural = (node: Messages) => Object.keys(node).every((k) => PLURAL.has(k));

function leaves(node: Messages, prefix = ""): Map<string, string | Messages> {
  const out = new Map<string, string | Messages>();
  for (const [key, value] of Object.entries(node)) {
    const full = prefix + key;
    if (typeof value === "string" || isPlural(value)) out.set(full, value);
    else for (const [k, v] of leaves(value, `${full}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (value: string | Messages) =>
  [...new Set((typeof value === "string" ? value : Object.values(value).join(" ")).match(/\{\{\s*\w+\s*\}\}/g) ?? [])]
    .map((p) => p.replace(/\s/g, ""))
    .sort();

for (const extension of readdirSync(root).filter((e) => existsSync(path.join(root, e, "locales")))) {
  const dir = path.join(root, extension, "locales");
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  const defaultStorefront = files.find((f) => /^[a-z-]+\.default\.json$/i.test(f))!;
  const defaultSchema = files.find((f) => /\.default\.schema\.json$/.test(f));
  const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Messages;

  describe(`${extension} locales`, () => {
    it("has the storefront languages Care Desk supports", () => {
      for (const locale of ["en.default", "de", "fr", "es", "ja"]) expect(files).toContain(`${locale}.json`);
    });

    it.each(files)("%s is under Shopify's 15 KB limit", (file) => {
      expect(statSync(path.join(dir, file)).size).toBeLessThanOrEqual(15 * 1024);
    });

    const storefrontFiles = files.filter((f) => !f.includes(".schema.") && f !== defaultStorefront);
    it.each(storefrontFiles)("%s has every key, placeholder and plural form of the default", (file) => {
      const locale = file.replace(/\.json$/, "");
      const expected = leaves(read(defaultStorefront));
      const actual = leaves(read(file));
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, value] of actual) {
        expect(placeholders(value), `${locale} ${key}`).toEqual(placeholders(expected.get(key)!));
        if (typeof value === "string") {
          expect(value.trim(), `${locale} ${key}`).not.toBe("");
        } else {
          for (const category of categories) expect(value[category], `${locale} ${key}.${category}`).toBeTruthy();
        }
      }
    });

    it("defines every key the blocks and snippets translate", () => {
      const storefront = leaves(read(defaultStorefront));
      const schema = defaultSchema ? leaves(read(defaultSchema)) : new Map();
      const liquid = ["blocks", "snippets"]
        .map((sub) => path.join(root, extension, sub))
        .filter(existsSync)
        .flatMap((sub) => readdirSync(sub).map((f) => readFileSync(path.join(sub, f), "utf8")));
      for (const source of liquid) {
        for (const [, key] of source.matchAll(/'([\w.]+)'\s*\|\s*t\b/g)) expect(storefront.has(key!), key).toBe(true);
        for (const [, key] of source.matchAll(/"t:([\w.]+)"/g)) expect(schema.has(key!), `t:${key}`).toBe(true);
      }
    });
  });
}
