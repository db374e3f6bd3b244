// The order lookup's card on the app's Home page: lookups of the last 7 days by outcome.
import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { Stat } from "~/components/Stat";

export interface LookupStats {
  found: number;
  notFound: number;
  rateLimited: number;
}

export function OrderLookupCard({ stats }: { stats: LookupStats }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Guest order lookup, last 7 days
        </Text>
        <Text as="p" tone="subdued">
          Add the “Order lookup” block to any page of your theme: shoppers without an account find their order with its
          number and their email or phone.
        </Text>
        <InlineGrid columns={3} gap="400">
          <Stat label="Found" value={stats.found} />
          <Stat label="Not found" value={stats.notFound} />
          <Stat label="Rate-limited" value={stats.rateLimited} />
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
