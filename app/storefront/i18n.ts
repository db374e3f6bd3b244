// Shopper-facing strings of the app's storefront responses (app proxy pages, emails). One
// source of truth: the theme app extension's locale files, which the blocks read with `| t`.
// Keys, `{{ var }}` interpolation and `one`/`other` plural forms work as in Liquid.

import de from "../../extensions/care-desk-theme/locales/de.json" with { type: "json" };
import en from "../../extensions/care-desk-theme/locales/en.default.json" with { type: "json" };
import es from "../../extensions/care-desk-theme/locales/es.json" with { type: "json" };
import fr from "../../extensions/care-desk-theme/locales/fr.json" with { type: "json" };
import ja from "../../extensions/care-desk-theme/locales/ja.json" with { type: "json" };

type Messages = { [key: string]: string | Messages };

// Imported one by one (not import.meta.glob) so that the worker process, which runs outside
// Vite, reads them too; a test checks that every locale file of the extension is here.
const catalogs = new Map<string, Messages>([
  ["en", en],
  ["de", de],
  ["es", es],
  ["fr", fr],
  ["ja", ja],
]);
const defaultLocale = "en";

export const SUPPORTED_LOCALES = [...catalogs.keys()];

/** The best supported locale for a storefront locale or Accept-Language value ("fr-CA" → "fr"). */
export function resolveLocale(...candidates: (string | null | undefined)[]): string {
  for (const candidate of candidates) {
    if (!candidate) continue;
    for (const part of candidate.split(",")) {
      const tag = part.split(";")[0]!.trim().toLowerCase();
      if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(tag)) continue;
      if (catalogs.has(tag)) return tag;
      const base = tag.split("-")[0]!;
      if (catalogs.has(base)) return base;
    }
  }
  return defaultLocale;
}

function lookup(messages: Messages | undefined, key: string): string | Messages | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return node;
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

const translators = new Map<string, Translate>();

export function translator(locale: string): Translate {
  const resolved = resolveLocale(locale);
  let translate = translators.get(resolved);
  if (!translate) translators.set(resolved, (translate = makeTranslator(resolved)));
  return translate;
}

function makeTranslator(resolved: string): Translate {
  const plural = new Intl.PluralRules(resolved);
  return (key, vars = {}) => {
    let entry = lookup(catalogs.get(resolved), key) ?? lookup(catalogs.get(defaultLocale), key);
    if (entry !== undefined && typeof entry !== "string" && typeof vars.count === "number") {
      const form = plural.select(vars.count);
      entry = entry[form] ?? entry.other;
    }
    if (typeof entry !== "string") throw new Error(`Missing storefront translation: ${key}`);
    return entry.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? ""));
  };
}
