// What the "Contact" block renders without a request to the app: the shop metafield
// `$app:contact.profile` (JSON) with the channels, opening hours (minutes of the day, Monday
// first, in the shop's time zone, which Liquid's `date` filter uses too), FAQ entries and the
// reply-time promise in business hours. The promise is the median first-response time of the
// last 30 days (rounded up to whole hours; at least 5 answered conversations), the owner's
// override, or one business day before there is enough to measure. Written by a job on every
// settings save and, at most once a day, after the owner answers.
import { adminQuery, assertNoUserErrors, type AdminGraphql } from "~/graphql.server";
import { defineJob, enqueue } from "~/jobs/queue.server";
import { getShopProfile } from "~/shop/profile.server";
import { saveSettings } from "~/shop/settings.server";
import { unauthenticated } from "~/shopify.server";
import type { WeekHours } from "./hours";
import { measuredFirstResponseHours } from "./model.server";
import { publishedState } from "./published";
import { loadContactSettings, type ContactSettings } from "./settings.server";

export const CONTACT_NAMESPACE = "$app:contact";
export const DEFAULT_PROMISE_HOURS = 8; // one business day of 9–17
export const MIN_MEASURED = 5;

export const CONTACT_SHOP_QUERY = `#graphql
  query CareDeskContactShop {
    shop { id }
  }
` as const;

export const CONTACT_METAFIELDS_SET = `#graphql
  mutation CareDeskContactMetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { namespace key }
      userErrors { field message code }
    }
  }
` as const;

/** The promise in business hours and where it comes from. */
export async function replyPromise({
  shop,
  settings,
  timeZone,
}: {
  shop: string;
  settings: Pick<ContactSettings, "hours" | "replyPromiseHours">;
  timeZone: string;
}): Promise<{ hours: number; source: "override" | "measured" | "default" }> {
  if (settings.replyPromiseHours !== null) return { hours: settings.replyPromiseHours, source: "override" };
  const measured = await measuredFirstResponseHours({ shop, hours: settings.hours, timeZone });
  if (measured.count >= MIN_MEASURED && measured.median !== null)
    return { hours: Math.max(1, Math.ceil(measured.median)), source: "measured" };
  return { hours: DEFAULT_PROMISE_HOURS, source: "default" };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The JSON the block reads. */
export function storefrontProfile(settings: ContactSettings, promiseHours: number, timeZone: string) {
  const hours = (settings.hours as WeekHours).map((d) =>
    d ? { open: minutes(d.open), close: minutes(d.close) } : null,
  );
  return {
    v: 1,
    time_zone: timeZone,
    promise_hours: promiseHours,
    always_open: hours.every((d) => d === null),
    hours,
    channels: settings.channels,
    faq: settings.faq.map((f) => ({ q: f.question, a: f.answer })),
  };
}

export async function writeContactProfile({ shop, graphql }: { shop: string; graphql: AdminGraphql }) {
  const [settings, profile, { shop: owner }] = await Promise.all([
    loadContactSettings({ shop }),
    getShopProfile({ shop, graphql }),
    adminQuery(graphql, CONTACT_SHOP_QUERY),
  ]);
  const promise = await replyPromise({ shop, settings, timeZone: profile.ianaTimezone });
  const value = storefrontProfile(settings, promise.hours, profile.ianaTimezone);
  const result = await adminQuery(graphql, CONTACT_METAFIELDS_SET, {
    metafields: [
      { ownerId: owner.id, namespace: CONTACT_NAMESPACE, key: "profile", type: "json", value: JSON.stringify(value) },
    ],
  });
  assertNoUserErrors(result.metafieldsSet);
  await saveSettings(publishedState, shop, { promiseHours: promise.hours, source: promise.source });
  return value;
}

export const publishContactJob = defineJob<{ shop: string }>(
  "contact.publish",
  async ({ shop }) => {
    const { admin } = await unauthenticated.admin(shop);
    await writeContactProfile({ shop, graphql: admin.graphql });
  },
  { attempts: 8, backoffSeconds: 2, maxBackoffSeconds: 600 },
);

/**
 * Queues a rewrite of the block's metafield: after a settings save (each save its own job),
 * or after an answer (one job a day per shop: the median moves slowly).
 */
export async function publishContactProfile({ shop, reason }: { shop: string; reason: "settings" | "answer" }) {
  const key =
    reason === "settings"
      ? `contact.publish:${shop}:settings:${Date.now()}`
      : `contact.publish:${shop}:day:${new Date().toISOString().slice(0, 10)}`;
  await enqueue(publishContactJob, { shop }, { key });
}
