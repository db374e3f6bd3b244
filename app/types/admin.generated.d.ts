/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type CareDeskAccountOrderOwnersQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type CareDeskAccountOrderOwnersQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id'>> }
  )>> };

export type CareDeskContactCustomerQueryVariables = AdminTypes.Exact<{
  customerQuery: AdminTypes.Scalars['String']['input'];
  orderQuery: AdminTypes.Scalars['String']['input'];
  withOrder: AdminTypes.Scalars['Boolean']['input'];
}>;


export type CareDeskContactCustomerQuery = { customers: { nodes: Array<(
      Pick<AdminTypes.Customer, 'id' | 'displayName' | 'createdAt' | 'numberOfOrders' | 'tags'>
      & { amountSpent: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, lastOrder?: AdminTypes.Maybe<(
        Pick<AdminTypes.Order, 'id' | 'name' | 'email' | 'createdAt' | 'displayFinancialStatus' | 'displayFulfillmentStatus'>
        & { totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, fulfillments: Array<(
          Pick<AdminTypes.Fulfillment, 'status'>
          & { trackingInfo: Array<Pick<AdminTypes.FulfillmentTrackingInfo, 'company' | 'number' | 'url'>> }
        )> }
      )> }
    )> }, orders?: { nodes: Array<(
      Pick<AdminTypes.Order, 'id' | 'name' | 'email' | 'createdAt' | 'displayFinancialStatus' | 'displayFulfillmentStatus'>
      & { totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, fulfillments: Array<(
        Pick<AdminTypes.Fulfillment, 'status'>
        & { trackingInfo: Array<Pick<AdminTypes.FulfillmentTrackingInfo, 'company' | 'number' | 'url'>> }
      )> }
    )> } };

export type CareDeskContactOrderFragment = (
  Pick<AdminTypes.Order, 'id' | 'name' | 'email' | 'createdAt' | 'displayFinancialStatus' | 'displayFulfillmentStatus'>
  & { totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, fulfillments: Array<(
    Pick<AdminTypes.Fulfillment, 'status'>
    & { trackingInfo: Array<Pick<AdminTypes.FulfillmentTrackingInfo, 'company' | 'number' | 'url'>> }
  )> }
);

export type CareDeskContactShopQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type CareDeskContactShopQuery = { shop: Pick<AdminTypes.Shop, 'id'> };

export type CareDeskContactMetafieldsSetMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldsSetInput> | AdminTypes.MetafieldsSetInput;
}>;


export type CareDeskContactMetafieldsSetMutation = { metafieldsSet?: AdminTypes.Maybe<{ metafields?: AdminTypes.Maybe<Array<Pick<AdminTypes.Metafield, 'namespace' | 'key'>>>, userErrors: Array<Pick<AdminTypes.MetafieldsSetUserError, 'field' | 'message' | 'code'>> }> };

export type CareDeskInvoiceOrderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CareDeskInvoiceOrderQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'test' | 'email' | 'customerLocale' | 'cancelledAt' | 'displayFinancialStatus' | 'taxesIncluded' | 'presentmentCurrencyCode' | 'processedAt'>
    & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id'>>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'name' | 'company' | 'address1' | 'address2' | 'zip' | 'city' | 'province' | 'country'>>, purchasingEntity?: AdminTypes.Maybe<{ __typename: 'Customer' } | (
      { __typename: 'PurchasingCompany' }
      & { company: Pick<AdminTypes.Company, 'name'>, location: { taxSettings: Pick<AdminTypes.CompanyLocationTaxSettings, 'taxRegistrationId'> } }
    )>, taxLines: Array<(
      Pick<AdminTypes.TaxLine, 'title' | 'rate' | 'ratePercentage'>
      & { priceSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
    )>, totalShippingPriceSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxSet?: AdminTypes.Maybe<{ presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalDiscountsSet?: AdminTypes.Maybe<{ presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalPriceSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'title' | 'variantTitle' | 'sku' | 'quantity'>
        & { originalUnitPriceSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, taxLines: Array<(
          Pick<AdminTypes.TaxLine, 'title' | 'rate' | 'ratePercentage'>
          & { priceSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
        )> }
      )> }, shippingLines: { nodes: Array<(
        Pick<AdminTypes.ShippingLine, 'title'>
        & { discountedPriceSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, taxLines: Array<(
          Pick<AdminTypes.TaxLine, 'title' | 'rate' | 'ratePercentage'>
          & { priceSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
        )> }
      )> }, fulfillments: Array<Pick<AdminTypes.Fulfillment, 'createdAt'>> }
  )>, shopLocales: Array<Pick<AdminTypes.ShopLocale, 'locale' | 'primary'>> };

export type CareDeskCreditNoteRefundQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CareDeskCreditNoteRefundQuery = { refund?: AdminTypes.Maybe<(
    Pick<AdminTypes.Refund, 'id' | 'createdAt' | 'note'>
    & { order: Pick<AdminTypes.Order, 'id'>, totalRefundedSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, refundLineItems: { nodes: Array<(
        Pick<AdminTypes.RefundLineItem, 'quantity'>
        & { priceSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, subtotalSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, lineItem: (
          Pick<AdminTypes.LineItem, 'title' | 'variantTitle' | 'sku'>
          & { taxLines: Array<(
            Pick<AdminTypes.TaxLine, 'title' | 'rate' | 'ratePercentage'>
            & { priceSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          )> }
        ) }
      )> }, refundShippingLines: { nodes: Array<{ subtotalAmountSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, taxAmountSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, shippingLine: (
          Pick<AdminTypes.ShippingLine, 'title'>
          & { taxLines: Array<(
            Pick<AdminTypes.TaxLine, 'title' | 'rate' | 'ratePercentage'>
            & { priceSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          )> }
        ) }> } }
  )> };

export type CareDeskLookupOrderFragment = (
  Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'cancelledAt' | 'email' | 'phone' | 'displayFinancialStatus' | 'displayFulfillmentStatus'>
  & { shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'city' | 'province' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'phone'>>, subtotalPriceSet?: AdminTypes.Maybe<{ presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalShippingPriceSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxSet?: AdminTypes.Maybe<{ presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalDiscountsSet?: AdminTypes.Maybe<{ presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalPriceSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalRefundedSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, lineItems: { nodes: Array<(
      Pick<AdminTypes.LineItem, 'id' | 'title' | 'variantTitle' | 'quantity'>
      & { image?: AdminTypes.Maybe<Pick<AdminTypes.Image, 'url' | 'altText'>>, discountedTotalSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
    )> }, fulfillments: Array<(
    Pick<AdminTypes.Fulfillment, 'id' | 'status' | 'displayStatus' | 'createdAt' | 'inTransitAt' | 'deliveredAt' | 'estimatedDeliveryAt'>
    & { trackingInfo: Array<Pick<AdminTypes.FulfillmentTrackingInfo, 'company' | 'number' | 'url'>> }
  )> }
);

export type CareDeskOrderLookupQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type CareDeskOrderLookupQuery = { orders: { nodes: Array<(
      Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'cancelledAt' | 'email' | 'phone' | 'displayFinancialStatus' | 'displayFulfillmentStatus'>
      & { shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'city' | 'province' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'phone'>>, subtotalPriceSet?: AdminTypes.Maybe<{ presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalShippingPriceSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxSet?: AdminTypes.Maybe<{ presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalDiscountsSet?: AdminTypes.Maybe<{ presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalPriceSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalRefundedSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, lineItems: { nodes: Array<(
          Pick<AdminTypes.LineItem, 'id' | 'title' | 'variantTitle' | 'quantity'>
          & { image?: AdminTypes.Maybe<Pick<AdminTypes.Image, 'url' | 'altText'>>, discountedTotalSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
        )> }, fulfillments: Array<(
        Pick<AdminTypes.Fulfillment, 'id' | 'status' | 'displayStatus' | 'createdAt' | 'inTransitAt' | 'deliveredAt' | 'estimatedDeliveryAt'>
        & { trackingInfo: Array<Pick<AdminTypes.FulfillmentTrackingInfo, 'company' | 'number' | 'url'>> }
      )> }
    )> } };

export type CareDeskOrderLookupByIdQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CareDeskOrderLookupByIdQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'cancelledAt' | 'email' | 'phone' | 'displayFinancialStatus' | 'displayFulfillmentStatus'>
    & { shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'city' | 'province' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'phone'>>, subtotalPriceSet?: AdminTypes.Maybe<{ presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalShippingPriceSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxSet?: AdminTypes.Maybe<{ presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalDiscountsSet?: AdminTypes.Maybe<{ presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalPriceSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalRefundedSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'title' | 'variantTitle' | 'quantity'>
        & { image?: AdminTypes.Maybe<Pick<AdminTypes.Image, 'url' | 'altText'>>, discountedTotalSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
      )> }, fulfillments: Array<(
      Pick<AdminTypes.Fulfillment, 'id' | 'status' | 'displayStatus' | 'createdAt' | 'inTransitAt' | 'deliveredAt' | 'estimatedDeliveryAt'>
      & { trackingInfo: Array<Pick<AdminTypes.FulfillmentTrackingInfo, 'company' | 'number' | 'url'>> }
    )> }
  )> };

export type CareDeskRecentOrdersByEmailQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type CareDeskRecentOrdersByEmailQuery = { orders: { nodes: Array<Pick<AdminTypes.Order, 'id' | 'name' | 'email' | 'createdAt'>> } };

export type CareDeskReviewSubmissionQueryVariables = AdminTypes.Exact<{
  productId: AdminTypes.Scalars['ID']['input'];
  orders: AdminTypes.Scalars['String']['input'];
  signedIn: AdminTypes.Scalars['Boolean']['input'];
}>;


export type CareDeskReviewSubmissionQuery = { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>>, orders?: { nodes: Array<(
      Pick<AdminTypes.Order, 'id'>
      & { lineItems: { nodes: Array<{ product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }> } }
    )> } };

export type CareDeskReviewProductsQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type CareDeskReviewProductsQuery = { nodes: Array<AdminTypes.Maybe<Pick<AdminTypes.Product, 'id' | 'title' | 'handle'>>> };

export type CareDeskReviewRequestOrderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CareDeskReviewRequestOrderQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'email' | 'customerLocale' | 'cancelledAt'>
    & { lineItems: { nodes: Array<{ product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id' | 'title'>> }> } }
  )> };

export type CareDeskReviewMetafieldsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CareDeskReviewMetafieldsQuery = { product?: AdminTypes.Maybe<(
    Pick<AdminTypes.Product, 'id' | 'title' | 'onlineStoreUrl'>
    & { summary?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, 'compareDigest'>>, rating?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, 'compareDigest'>>, ratingCount?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, 'compareDigest'>> }
  )> };

export type CareDeskReviewMetafieldsSetMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldsSetInput> | AdminTypes.MetafieldsSetInput;
}>;


export type CareDeskReviewMetafieldsSetMutation = { metafieldsSet?: AdminTypes.Maybe<{ metafields?: AdminTypes.Maybe<Array<Pick<AdminTypes.Metafield, 'namespace' | 'key' | 'compareDigest'>>>, userErrors: Array<Pick<AdminTypes.MetafieldsSetUserError, 'field' | 'message' | 'code'>> }> };

export type CareDeskReviewMetafieldsDeleteMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldIdentifierInput> | AdminTypes.MetafieldIdentifierInput;
}>;


export type CareDeskReviewMetafieldsDeleteMutation = { metafieldsDelete?: AdminTypes.Maybe<{ deletedMetafields?: AdminTypes.Maybe<Array<AdminTypes.Maybe<Pick<AdminTypes.MetafieldIdentifier, 'key' | 'namespace'>>>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type CareDeskReviewImportProductsQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
  handles: AdminTypes.Scalars['String']['input'];
  first: AdminTypes.Scalars['Int']['input'];
  byHandle: AdminTypes.Scalars['Boolean']['input'];
}>;


export type CareDeskReviewImportProductsQuery = { nodes: Array<AdminTypes.Maybe<Pick<AdminTypes.Product, 'id' | 'handle'>>>, products?: { nodes: Array<Pick<AdminTypes.Product, 'id' | 'handle'>> } };

export type CareDeskShopProfileQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type CareDeskShopProfileQuery = { shop: (
    Pick<AdminTypes.Shop, 'name' | 'myshopifyDomain' | 'contactEmail' | 'currencyCode' | 'ianaTimezone' | 'orderNumberFormatPrefix' | 'orderNumberFormatSuffix'>
    & { billingAddress: Pick<AdminTypes.ShopAddress, 'countryCodeV2'>, primaryDomain: Pick<AdminTypes.Domain, 'url'> }
  ) };

interface GeneratedQueryTypes {
  "#graphql\n  query CareDeskAccountOrderOwners($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Order {\n        id\n        customer {\n          id\n        }\n      }\n    }\n  }\n": {return: CareDeskAccountOrderOwnersQuery, variables: CareDeskAccountOrderOwnersQueryVariables},
  "#graphql\n  query CareDeskContactCustomer($customerQuery: String!, $orderQuery: String!, $withOrder: Boolean!) {\n    customers(first: 1, query: $customerQuery) {\n      nodes {\n        id\n        displayName\n        createdAt\n        numberOfOrders\n        amountSpent { amount currencyCode }\n        tags\n        lastOrder { ...CareDeskContactOrder }\n      }\n    }\n    orders(first: 1, query: $orderQuery) @include(if: $withOrder) {\n      nodes { ...CareDeskContactOrder }\n    }\n  }\n  fragment CareDeskContactOrder on Order {\n    id\n    name\n    email\n    createdAt\n    displayFinancialStatus\n    displayFulfillmentStatus\n    totalPriceSet { shopMoney { amount currencyCode } }\n    fulfillments(first: 5) { status trackingInfo(first: 3) { company number url } }\n  }\n": {return: CareDeskContactCustomerQuery, variables: CareDeskContactCustomerQueryVariables},
  "#graphql\n  query CareDeskContactShop {\n    shop { id }\n  }\n": {return: CareDeskContactShopQuery, variables: CareDeskContactShopQueryVariables},
  "#graphql\n  query CareDeskInvoiceOrder($id: ID!) {\n    order(id: $id) {\n      id\n      name\n      test\n      email\n      customerLocale\n      cancelledAt\n      displayFinancialStatus\n      taxesIncluded\n      presentmentCurrencyCode\n      processedAt\n      customer { id }\n      billingAddress { name company address1 address2 zip city province country }\n      purchasingEntity {\n        __typename\n        ... on PurchasingCompany {\n          company { name }\n          location { taxSettings { taxRegistrationId } }\n        }\n      }\n      taxLines { title rate ratePercentage priceSet { presentmentMoney { amount currencyCode } } }\n      totalShippingPriceSet { presentmentMoney { amount currencyCode } }\n      totalTaxSet { presentmentMoney { amount currencyCode } }\n      totalDiscountsSet { presentmentMoney { amount currencyCode } }\n      totalPriceSet { presentmentMoney { amount currencyCode } }\n      lineItems(first: 100) {\n        nodes {\n          title\n          variantTitle\n          sku\n          quantity\n          originalUnitPriceSet { presentmentMoney { amount currencyCode } }\n          totalDiscountSet { presentmentMoney { amount currencyCode } }\n          taxLines { title rate ratePercentage priceSet { presentmentMoney { amount currencyCode } } }\n        }\n      }\n      shippingLines(first: 5) {\n        nodes {\n          title\n          discountedPriceSet { presentmentMoney { amount currencyCode } }\n          taxLines { title rate ratePercentage priceSet { presentmentMoney { amount currencyCode } } }\n        }\n      }\n      fulfillments(first: 5) { createdAt }\n    }\n    shopLocales(published: true) { locale primary }\n  }\n": {return: CareDeskInvoiceOrderQuery, variables: CareDeskInvoiceOrderQueryVariables},
  "#graphql\n  query CareDeskCreditNoteRefund($id: ID!) {\n    refund(id: $id) {\n      id\n      createdAt\n      note\n      order { id }\n      totalRefundedSet { presentmentMoney { amount currencyCode } }\n      refundLineItems(first: 60) {\n        nodes {\n          quantity\n          priceSet { presentmentMoney { amount currencyCode } }\n          subtotalSet { presentmentMoney { amount currencyCode } }\n          totalTaxSet { presentmentMoney { amount currencyCode } }\n          lineItem {\n            title\n            variantTitle\n            sku\n            taxLines { title rate ratePercentage priceSet { presentmentMoney { amount currencyCode } } }\n          }\n        }\n      }\n      refundShippingLines(first: 5) {\n        nodes {\n          subtotalAmountSet { presentmentMoney { amount currencyCode } }\n          taxAmountSet { presentmentMoney { amount currencyCode } }\n          shippingLine {\n            title\n            taxLines { title rate ratePercentage priceSet { presentmentMoney { amount currencyCode } } }\n          }\n        }\n      }\n    }\n  }\n": {return: CareDeskCreditNoteRefundQuery, variables: CareDeskCreditNoteRefundQueryVariables},
  "#graphql\n  query CareDeskOrderLookup($query: String!) {\n    orders(first: 1, query: $query, sortKey: CREATED_AT, reverse: true) {\n      nodes { ...CareDeskLookupOrder }\n    }\n  }\n  #graphql\n  fragment CareDeskLookupOrder on Order {\n    id\n    name\n    createdAt\n    cancelledAt\n    email\n    phone\n    displayFinancialStatus\n    displayFulfillmentStatus\n    shippingAddress { city province provinceCode countryCodeV2 phone }\n    billingAddress { phone }\n    subtotalPriceSet { presentmentMoney { amount currencyCode } }\n    totalShippingPriceSet { presentmentMoney { amount currencyCode } }\n    totalTaxSet { presentmentMoney { amount currencyCode } }\n    totalDiscountsSet { presentmentMoney { amount currencyCode } }\n    totalPriceSet { presentmentMoney { amount currencyCode } }\n    totalRefundedSet { presentmentMoney { amount currencyCode } }\n    lineItems(first: 20) {\n      nodes {\n        id\n        title\n        variantTitle\n        quantity\n        image { url(transform: { maxWidth: 160, maxHeight: 160 }) altText }\n        discountedTotalSet { presentmentMoney { amount currencyCode } }\n      }\n    }\n    fulfillments(first: 10) {\n      id\n      status\n      displayStatus\n      createdAt\n      inTransitAt\n      deliveredAt\n      estimatedDeliveryAt\n      trackingInfo(first: 3) { company number url }\n    }\n  }\n\n": {return: CareDeskOrderLookupQuery, variables: CareDeskOrderLookupQueryVariables},
  "#graphql\n  query CareDeskOrderLookupById($id: ID!) {\n    order(id: $id) { ...CareDeskLookupOrder }\n  }\n  #graphql\n  fragment CareDeskLookupOrder on Order {\n    id\n    name\n    createdAt\n    cancelledAt\n    email\n    phone\n    displayFinancialStatus\n    displayFulfillmentStatus\n    shippingAddress { city province provinceCode countryCodeV2 phone }\n    billingAddress { phone }\n    subtotalPriceSet { presentmentMoney { amount currencyCode } }\n    totalShippingPriceSet { presentmentMoney { amount currencyCode } }\n    totalTaxSet { presentmentMoney { amount currencyCode } }\n    totalDiscountsSet { presentmentMoney { amount currencyCode } }\n    totalPriceSet { presentmentMoney { amount currencyCode } }\n    totalRefundedSet { presentmentMoney { amount currencyCode } }\n    lineItems(first: 20) {\n      nodes {\n        id\n        title\n        variantTitle\n        quantity\n        image { url(transform: { maxWidth: 160, maxHeight: 160 }) altText }\n        discountedTotalSet { presentmentMoney { amount currencyCode } }\n      }\n    }\n    fulfillments(first: 10) {\n      id\n      status\n      displayStatus\n      createdAt\n      inTransitAt\n      deliveredAt\n      estimatedDeliveryAt\n      trackingInfo(first: 3) { company number url }\n    }\n  }\n\n": {return: CareDeskOrderLookupByIdQuery, variables: CareDeskOrderLookupByIdQueryVariables},
  "#graphql\n  query CareDeskRecentOrdersByEmail($query: String!) {\n    orders(first: 5, query: $query, sortKey: CREATED_AT, reverse: true) {\n      nodes { id name email createdAt }\n    }\n  }\n": {return: CareDeskRecentOrdersByEmailQuery, variables: CareDeskRecentOrdersByEmailQueryVariables},
  "#graphql\n  query CareDeskReviewSubmission($productId: ID!, $orders: String!, $signedIn: Boolean!) {\n    product(id: $productId) { id }\n    orders(first: 10, query: $orders, sortKey: CREATED_AT, reverse: true) @include(if: $signedIn) {\n      nodes { id lineItems(first: 20) { nodes { product { id } } } }\n    }\n  }\n": {return: CareDeskReviewSubmissionQuery, variables: CareDeskReviewSubmissionQueryVariables},
  "#graphql\n  query CareDeskReviewProducts($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Product { id title handle }\n    }\n  }\n": {return: CareDeskReviewProductsQuery, variables: CareDeskReviewProductsQueryVariables},
  "#graphql\n  query CareDeskReviewRequestOrder($id: ID!) {\n    order(id: $id) {\n      id\n      name\n      email\n      customerLocale\n      cancelledAt\n      lineItems(first: 30) { nodes { product { id title } } }\n    }\n  }\n": {return: CareDeskReviewRequestOrderQuery, variables: CareDeskReviewRequestOrderQueryVariables},
  "#graphql\n  query CareDeskReviewMetafields($id: ID!) {\n    product(id: $id) {\n      id\n      title\n      onlineStoreUrl\n      summary: metafield(namespace: \"$app:reviews\", key: \"summary\") { compareDigest }\n      rating: metafield(namespace: \"reviews\", key: \"rating\") { compareDigest }\n      ratingCount: metafield(namespace: \"reviews\", key: \"rating_count\") { compareDigest }\n    }\n  }\n": {return: CareDeskReviewMetafieldsQuery, variables: CareDeskReviewMetafieldsQueryVariables},
  "#graphql\n  query CareDeskReviewImportProducts($ids: [ID!]!, $handles: String!, $first: Int!, $byHandle: Boolean!) {\n    nodes(ids: $ids) {\n      ... on Product { id handle }\n    }\n    products(first: $first, query: $handles) @include(if: $byHandle) {\n      nodes { id handle }\n    }\n  }\n": {return: CareDeskReviewImportProductsQuery, variables: CareDeskReviewImportProductsQueryVariables},
  "#graphql\n  query CareDeskShopProfile {\n    shop {\n      name\n      myshopifyDomain\n      contactEmail\n      currencyCode\n      ianaTimezone\n      orderNumberFormatPrefix\n      orderNumberFormatSuffix\n      billingAddress { countryCodeV2 }\n      primaryDomain { url }\n    }\n  }\n": {return: CareDeskShopProfileQuery, variables: CareDeskShopProfileQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation CareDeskContactMetafieldsSet($metafields: [MetafieldsSetInput!]!) {\n    metafieldsSet(metafields: $metafields) {\n      metafields { namespace key }\n      userErrors { field message code }\n    }\n  }\n": {return: CareDeskContactMetafieldsSetMutation, variables: CareDeskContactMetafieldsSetMutationVariables},
  "#graphql\n  mutation CareDeskReviewMetafieldsSet($metafields: [MetafieldsSetInput!]!) {\n    metafieldsSet(metafields: $metafields) {\n      metafields { namespace key compareDigest }\n      userErrors { field message code }\n    }\n  }\n": {return: CareDeskReviewMetafieldsSetMutation, variables: CareDeskReviewMetafieldsSetMutationVariables},
  "#graphql\n  mutation CareDeskReviewMetafieldsDelete($metafields: [MetafieldIdentifierInput!]!) {\n    metafieldsDelete(metafields: $metafields) {\n      deletedMetafields { key namespace }\n      userErrors { field message }\n    }\n  }\n": {return: CareDeskReviewMetafieldsDeleteMutation, variables: CareDeskReviewMetafieldsDeleteMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
