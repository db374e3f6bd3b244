// The shop's Shopify profile: what every feature needs to know about the shop (name, contact
// email, time zone, currency, order-number format, country, storefront URL). One named
// query, cached in the database for a day so storefront requests don't pay for it.
import prisma from "~/db.server";
import { adminQuery, type AdminGraphql } from "~/graphql.server";

export const SHOP_PROFILE_QUERY = `#graphql
  query CareDeskShopProfile {
    shop {
      name
      myshopifyDomain
      contactEmail
      currencyCode
      ianaTimezone
      orderNumberFormatPrefix
      orderNumberFormatSuffix
      billingAddress { countryCodeV2 }
      primaryDomain { url }
    }
  }
` as const;

export interface ShopProfile {
  shop: string;
  name: string;
  contactEmail: string;
  currencyCode: string;
  ianaTimezone: string;
  orderNumberPrefix: string;
  orderNumberSuffix: string;
  countryCode: string | null;
  /** The online store's URL (primary domain), for links in emails. */
  storefrontUrl: string;
}

const MAX_AGE_MS = 24 * 60 * 60 * 1000;
/**
 * Each instance also keeps the profile in memory for a minute: storefront requests read it on
 * every lookup, and nothing in it is security-relevant (settings are read fresh every time).
 */
const MEMORY_MS = 60 * 1000;
const memory = new Map<string, { profile: ShopProfile; until: number }>();

/** The cached profile, refreshed through the Admin API when older than a day (or `fresh`). */
export async function getShopProfile({
  shop,
  graphql,
  fresh = false,
}: {
  shop: string;
  graphql: AdminGraphql;
  fresh?: boolean;
}): Promise<ShopProfile> {
  const remembered = memory.get(shop);
  if (remembered && !fresh && remembered.until > Date.now()) return remembered.profile;
  const cached = await prisma.shopProfile.findUnique({ where: { shop } });
  if (cached && !fresh && Date.now() - cached.refreshedAt.getTime() < MAX_AGE_MS) return remember(toProfile(cached));
  const { shop: data } = await adminQuery(graphql, SHOP_PROFILE_QUERY);
  const profile = {
    name: data.name,
    contactEmail: data.contactEmail,
    currencyCode: data.currencyCode,
    ianaTimezone: data.ianaTimezone,
    orderNumberPrefix: data.orderNumberFormatPrefix,
    orderNumberSuffix: data.orderNumberFormatSuffix,
    countryCode: data.billingAddress.countryCodeV2 ?? null,
    storefrontUrl: data.primaryDomain.url,
    refreshedAt: new Date(),
  };
  const saved = await prisma.shopProfile.upsert({ where: { shop }, create: { shop, ...profile }, update: profile });
  return remember(toProfile(saved));
}

function remember(profile: ShopProfile): ShopProfile {
  memory.set(profile.shop, { profile, until: Date.now() + MEMORY_MS });
  return profile;
}

/** Forgets the shop's profile (shop/redact). */
export async function deleteShopProfile({ shop }: { shop: string }) {
  memory.delete(shop);
  await prisma.shopProfile.deleteMany({ where: { shop } });
}

function toProfile({ refreshedAt: _, ...row }: ShopProfile & { refreshedAt: Date }): ShopProfile {
  return row;
}

/** Whether the session was granted `scope` (e.g. read_all_orders, which Shopify must approve). */
export function hasScope(session: { scope?: string }, scope: string): boolean {
  return (session.scope ?? "").split(",").includes(scope);
}
