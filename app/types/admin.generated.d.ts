/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type CareDeskShopOverviewQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type CareDeskShopOverviewQuery = { shop: Pick<AdminTypes.Shop, 'name' | 'myshopifyDomain' | 'currencyCode' | 'ianaTimezone'> };

interface GeneratedQueryTypes {
  "#graphql\n  query CareDeskShopOverview {\n    shop {\n      name\n      myshopifyDomain\n      currencyCode\n      ianaTimezone\n    }\n  }\n": {return: CareDeskShopOverviewQuery, variables: CareDeskShopOverviewQueryVariables},
}

interface GeneratedMutationTypes {
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
