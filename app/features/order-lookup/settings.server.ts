// The order lookup's section of Settings.
import { z } from "zod";
import { mailConfigured } from "~/mail/transport.server";
import { hasScope } from "~/shop/profile.server";
import { defineSettings, getSettings, saveSettings } from "~/shop/settings.server";

export const lookupSettings = defineSettings({
  id: "order-lookup",
  /**
   * strict: show the order only after a one-time code emailed to the order's address.
   * strictSince: when strict mode was last switched on (seconds); earlier sessions and links are void.
   */
  schema: z.object({ strict: z.boolean(), strictSince: z.number().int().nonnegative() }),
  defaults: { strict: false, strictSince: 0 },
});

export async function loadLookupSettings({ shop, scope }: { shop: string; scope?: string }) {
  const settings = await getSettings(lookupSettings, shop);
  return {
    strict: settings.strict,
    mail: mailConfigured(),
    readAllOrders: hasScope({ scope }, "read_all_orders"),
  };
}

/** Saves the posted section; strict mode needs email, so it is refused without SMTP_URL. */
export async function saveLookupSettings({ shop, form }: { shop: string; form: FormData }) {
  const strict = form.get("strict") === "true";
  if (strict && !mailConfigured()) {
    return { ok: false as const, error: "Strict mode sends one-time codes by email: configure SMTP_URL first." };
  }
  const current = await getSettings(lookupSettings, shop);
  const strictSince = strict && !current.strict ? Math.floor(Date.now() / 1000) : current.strictSince;
  await saveSettings(lookupSettings, shop, { strict, strictSince });
  return { ok: true as const, error: null };
}
