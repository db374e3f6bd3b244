// GraphQL codegen and editor config. Schemas are Shopify's published introspection files,
// fetched offline by scripts/shopify-schemas.mjs into app/types (no network at codegen time).
import { ApiType, shopifyApiProject } from "@shopify/api-codegen-preset";
import type { IGraphQLConfig } from "graphql-config";
import { API_VERSION } from "./app/api-version";

const config: IGraphQLConfig = {
  projects: {
    default: shopifyApiProject({
      apiType: ApiType.Admin,
      apiVersion: API_VERSION,
      documents: ["./app/**/*.{js,ts,jsx,tsx}", "./bench/**/*.ts", "./tests/**/*.ts"],
      // The contract test regenerates into a temporary folder to check the committed types.
      outputDir: process.env.CARE_DESK_CODEGEN_OUT ?? "./app/types",
    }),
  },
};

export default config;
