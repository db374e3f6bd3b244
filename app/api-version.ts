import { ApiVersion } from "@shopify/shopify-app-remix/server";

/**
 * The one Shopify API version Care Desk is built and tested against. shopify.app.toml
 * ([webhooks] api_version), the codegen config and the schema files must match it; a test
 * checks that they do. (ApiVersion.October26 is new in shopify-api 15.)
 */
export const API_VERSION = ApiVersion.October26;
