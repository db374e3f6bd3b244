// Contact's section of Settings: the channels the block shows, opening hours (in the shop's
// time zone, from its Shopify profile), FAQ entries, an override of the measured reply-time
// promise, and the inbox's saved replies. Saving it republishes the block's shop metafield.
import { z } from "zod";
import { barLines } from "~/shop/bar-lines";
import { defineSettings, getSettings, saveSettings } from "~/shop/settings.server";
import { isTime, type WeekHours } from "./hours";
import { publishContactProfile } from "./publish.server";

const day = z.object({ open: z.string().refine(isTime), close: z.string().refine(isTime) }).nullable();
const text = (max: number) => z.string().trim().max(max);

export const contactSettings = defineSettings({
  id: "contact",
  schema: z.object({
    channels: z.object({
      /** The address shown on the block ("" hides it). */
      email: text(254),
      phone: text(40),
      /** WhatsApp number in international format, digits only (wa.me link). */
      whatsapp: z.string().regex(/^\d{0,15}$/),
      /** Another messaging link (Messenger, Telegram, …): https only. */
      messagingUrl: z.union([z.literal(""), z.url({ protocol: /^https$/ }).max(300)]),
      messagingLabel: text(40),
    }),
    /** Monday … Sunday. */
    hours: z.array(day).length(7),
    faq: z.array(z.object({ question: text(200).min(1), answer: text(1000).min(1) })).max(30),
    /** Promise this many business hours instead of the measured median (null: measured). */
    replyPromiseHours: z.number().int().min(1).max(240).nullable(),
    savedReplies: z.array(z.object({ name: text(60).min(1), body: text(2000).min(1) })).max(30),
  }),
  defaults: {
    channels: { email: "", phone: "", whatsapp: "", messagingUrl: "", messagingLabel: "" },
    hours: [
      { open: "09:00", close: "17:00" },
      { open: "09:00", close: "17:00" },
      { open: "09:00", close: "17:00" },
      { open: "09:00", close: "17:00" },
      { open: "09:00", close: "17:00" },
      null,
      null,
    ] as WeekHours,
    faq: [],
    replyPromiseHours: null,
    savedReplies: [
      { name: "Thanks", body: "Hi {name},\n\nthank you for your message. " },
      { name: "Tracking", body: "Hi {name},\n\nyour order {order} is on its way: " },
    ],
  },
});

export type ContactSettings = z.infer<typeof contactSettings.schema>;

export function loadContactSettings({ shop }: { shop: string }): Promise<ContactSettings> {
  return getSettings(contactSettings, shop);
}

/** "Question | Answer" per line (the answer may hold further bars). */
export function parsePairs(value: string): { a: string; b: string }[] {
  return barLines(value).map(({ left, right }) => ({ a: left, b: right ?? "" }));
}

export const formatPairs = (pairs: { a: string; b: string }[]) => pairs.map((p) => `${p.a} | ${p.b}`).join("\n");

export async function saveContactSettings({ shop, form }: { shop: string; form: FormData }) {
  const field = (name: string) => String(form.get(name) ?? "").trim();
  const hours = Array.from({ length: 7 }, (_, i) => {
    const open = field(`hours_${i}_open`);
    const close = field(`hours_${i}_close`);
    return open && close ? { open, close } : null;
  });
  const promise = field("replyPromiseHours");
  const parsed = contactSettings.schema.safeParse({
    channels: {
      email: field("email"),
      phone: field("phone"),
      whatsapp: field("whatsapp").replace(/[\s+()-]/g, ""),
      messagingUrl: field("messagingUrl"),
      messagingLabel: field("messagingLabel"),
    },
    hours,
    faq: parsePairs(field("faq")).map(({ a, b }) => ({ question: a, answer: b })),
    replyPromiseHours: promise === "" ? null : Number(promise),
    savedReplies: parsePairs(field("savedReplies")).map(({ a, b }) => ({ name: a, body: b.replace(/\\n/g, "\n") })),
  });
  if (!parsed.success) {
    return {
      ok: false as const,
      error:
        "Check the values: hours as HH:MM (closing after opening), FAQ and saved replies as “text | text” per line, WhatsApp as digits, the messaging link https, the promise 1–240 hours.",
    };
  }
  if (parsed.data.hours.some((d) => d && d.close <= d.open)) {
    return { ok: false as const, error: "Each day closes after it opens (use 24:00 for midnight)." };
  }
  await saveSettings(contactSettings, shop, parsed.data);
  await publishContactProfile({ shop, reason: "settings" });
  return { ok: true as const, error: null };
}
