// Shopper-facing strings of the app's storefront responses (app proxy pages, emails). One
// source of truth: the theme app extension's locale files, which the blocks read with `| t`.
// Keys, `{{ var }}` interpolation and `one`/`other` plural forms work as in Liquid.

type Messages = { [key: string]: string | Messages };

const files = import.meta.glob<Messages>("../../extensions/care-desk-theme/locales/*.json", {
  eager: true,
  import: "default",
});

const catalogs = new Map<string, Messages>();
let defaultLocale = "en";
for (const [path, messages] of Object.entries(files)) {
  const match = /\/([a-zA-Z-]+)(\.default)?\.json$/.exec(path);
  if (!match || path.endsWith(".schema.json")) continue;
  catalogs.set(match[1]!.toLowerCase(), messages);
  if (match[2]) defaultLocale = match[1]!.toLowerCase();
}

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

export function translator(locale: string): Translate {
  const resolved = resolveLocale(locale);
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
