import { adminQuery, type AdminGraphql } from "~/graphql.server";

const SHOP_OVERVIEW = `#graphql
  query CareDeskShopOverview {
    shop {
      name
      myshopifyDomain
      currencyCode
      ianaTimezone
    }
  }
`;

export async function getShopOverview({ graphql }: { graphql: AdminGraphql }) {
  const data = await adminQuery(graphql, SHOP_OVERVIEW);
  return data.shop;
}
