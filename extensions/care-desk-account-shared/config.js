// Where the app's backend is served: shopify.app.toml's application_url (a test keeps them
// equal). Extensions run on Shopify's customer account domain and reach the app directly.
export const APP_URL = "https://example.com";

/** The Customer Account API version the extensions query (the app's API version). */
export const CUSTOMER_ACCOUNT_API = "shopify://customer-account/api/2026-10/graphql.json";
