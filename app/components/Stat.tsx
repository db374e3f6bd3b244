// One figure on a Home card: a label and its value (admin, Polaris). Shared by the features'
// cards; no data access.
import { BlockStack, Text } from "@shopify/polaris";

export function Stat({ label, value, tone }: { label: string; value: number | string; tone?: "critical" }) {
  return (
    <BlockStack gap="100">
      <Text as="p" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingLg" tone={tone}>
        {typeof value === "number" ? value.toLocaleString() : value}
      </Text>
    </BlockStack>
  );
}
