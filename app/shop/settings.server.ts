// Care Desk's settings, one section per feature. A feature declares its section (an id, a
// schema and defaults) and reads and saves it here; it never touches another feature's
// section, and adding one needs no migration. Stored as JSON per shop and section, validated
// on the way in and on the way out (a value an older version wrote falls back to defaults).
import type { z } from "zod";
import prisma from "~/db.server";

export interface SettingsSection<T extends object> {
  id: string;
  schema: z.ZodType<T>;
  defaults: T;
}

export function defineSettings<T extends object>(section: SettingsSection<T>): SettingsSection<T> {
  return section;
}

export async function getSettings<T extends object>(section: SettingsSection<T>, shop: string): Promise<T> {
  // Raw: read on every storefront request, and a third of the CPU of the query compiler's way.
  const [row] = await prisma.$queryRaw<{ value: string }[]>`
    SELECT "value" FROM "ShopSetting" WHERE "shop" = ${shop} AND "section" = ${section.id}`;
  if (!row) return section.defaults;
  let stored: unknown;
  try {
    stored = JSON.parse(row.value);
  } catch {
    stored = undefined;
  }
  const parsed = section.schema.safeParse({ ...section.defaults, ...(stored as object) });
  return parsed.success ? parsed.data : section.defaults;
}

/** Validates and saves the whole section; throws on a value the schema refuses. */
export async function saveSettings<T extends object>(section: SettingsSection<T>, shop: string, value: T) {
  const data = section.schema.parse(value);
  const json = JSON.stringify(data);
  await prisma.shopSetting.upsert({
    where: { shop_section: { shop, section: section.id } },
    create: { shop, section: section.id, value: json },
    update: { value: json },
  });
  return data;
}
