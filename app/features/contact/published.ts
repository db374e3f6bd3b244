// The reply-time promise last written to the block's metafield, kept beside the settings so
// the submit endpoint and the acknowledgement email promise the same as the block shows,
// without measuring again on every message.
import { z } from "zod";
import { defineSettings } from "~/shop/settings.server";

export const publishedState = defineSettings({
  id: "contact.published",
  schema: z.object({
    promiseHours: z.number().int().min(1).max(240),
    source: z.enum(["override", "measured", "default"]),
  }),
  defaults: { promiseHours: 8, source: "default" as const },
});
