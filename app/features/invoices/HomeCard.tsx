// The invoices' card on the app's Home page: invoices issued and downloaded over 7 days.
import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { Stat } from "~/components/Stat";

export interface InvoiceStats {
  issued: number;
  downloads: number;
}

export function InvoicesCard({ stats }: { stats: InvoiceStats }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Invoices, last 7 days
        </Text>
        <Text as="p" tone="subdued">
          Care Desk issues numbered PDF invoices from your orders; shoppers download them from the order lookup.
        </Text>
        <InlineGrid columns={2} gap="400">
          <Stat label="Issued" value={stats.issued} />
          <Stat label="Downloads" value={stats.downloads} />
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
