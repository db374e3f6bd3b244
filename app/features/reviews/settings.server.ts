// Product reviews' section of Settings: moderation rules and the reply-time target.
import { z } from "zod";
import { defineSettings, getSettings, saveSettings } from "~/shop/settings.server";
import { parseWordList } from "./moderation";
import { DEFAULT_TEMPLATES, parseTemplates } from "./templates";

export const reviewSettings = defineSettings({
  id: "reviews",
  schema: z.object({
    autoPublishMinRating: z.number().int().min(0).max(5),
    heldWords: z.array(z.string().max(60)).max(200),
    holdLinks: z.boolean(),
    /** Reviews without a reply after this many hours are overdue. */
    replyTargetHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30),
    /** Email buyers a review request after orders/fulfilled. */
    requestsEnabled: z.boolean(),
    /** Days between the fulfillment and the request (0: at once). */
    requestDelayDays: z.number().int().min(0).max(60),
    /** Saved replies of the desk, with {name} and {product}. */
    replyTemplates: z.array(z.object({ name: z.string().min(1).max(60), body: z.string().min(1).max(2000) })).max(20),
  }),
  defaults: {
    autoPublishMinRating: 4,
    heldWords: [],
    holdLinks: true,
    replyTargetHours: 48,
    requestsEnabled: false,
    requestDelayDays: 7,
    replyTemplates: DEFAULT_TEMPLATES,
  },
});

export type ReviewSettings = z.infer<typeof reviewSettings.schema>;

export function loadReviewSettings({ shop }: { shop: string }): Promise<ReviewSettings> {
  return getSettings(reviewSettings, shop);
}

export async function saveReviewSettings({ shop, form }: { shop: string; form: FormData }) {
  const parsed = reviewSettings.schema.safeParse({
    autoPublishMinRating: Number(form.get("autoPublishMinRating") ?? 0),
    heldWords: parseWordList(String(form.get("heldWords") ?? "")),
    holdLinks: form.get("holdLinks") === "true",
    replyTargetHours: Number(form.get("replyTargetHours") ?? 48),
    requestsEnabled: form.get("requestsEnabled") === "true",
    requestDelayDays: Number(form.get("requestDelayDays") ?? 7),
    replyTemplates: form.has("replyTemplates")
      ? parseTemplates(String(form.get("replyTemplates")))
      : (await loadReviewSettings({ shop })).replyTemplates,
  });
  if (!parsed.success) {
    return {
      ok: false as const,
      error: "Check the values: auto-publish 0–5 stars, reply target 1–720 hours, review requests 0–60 days.",
    };
  }
  await saveSettings(reviewSettings, shop, parsed.data);
  return { ok: true as const, error: null };
}
