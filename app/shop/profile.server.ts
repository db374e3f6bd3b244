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
  const cached = await prisma.shopProfile.findUnique({ where: { shop } });
  if (cached && !fresh && Date.now() - cached.refreshedAt.getTime() < MAX_AGE_MS) return toProfile(cached);
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
  return toProfile(saved);
}

function toProfile({ refreshedAt: _, ...row }: ShopProfile & { refreshedAt: Date }): ShopProfile {
  return row;
}

/** Whether the session was granted `scope` (e.g. read_all_orders, which Shopify must approve). */
export function hasScope(session: { scope?: string }, scope: string): boolean {
  return (session.scope ?? "").split(",").includes(scope);
}
