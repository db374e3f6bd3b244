import type { ApiVersion } from "@shopify/shopify-app-remix/server";

/**
 * The one Shopify API version Care Desk is built and tested against. shopify.app.toml
 * ([webhooks] api_version), the codegen config and the schema files must match it; a test
 * checks that they do. shopify-api 13's ApiVersion enum stops at 2026-07, any string works.
 */
export const API_VERSION = "2026-10" as ApiVersion;
