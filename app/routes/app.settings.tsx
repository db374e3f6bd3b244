import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { BlockStack, Card, Page, Text } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};

/** Placeholder: filled by the features that need store-wide settings (e.g. order lookup's strict mode). */
export default function Settings() {
  return (
    <Page title="Settings">
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Nothing to configure yet
          </Text>
          <Text as="p">
            Store-wide options of each Care Desk feature will appear here as the feature is enabled: for example
            whether order lookup requires a one-time code sent by email before showing full order details.
          </Text>
        </BlockStack>
      </Card>
    </Page>
  );
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
