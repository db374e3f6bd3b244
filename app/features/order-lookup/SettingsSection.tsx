// The order lookup's section of Settings (a form of its own, posted with intent=order-lookup).
import { Form, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, Layout, Text } from "@shopify/polaris";
import { useState } from "react";

export interface LookupSettingsView {
  strict: boolean;
  mail: boolean;
  readAllOrders: boolean;
}

export function OrderLookupSettings({ settings, error }: { settings: LookupSettingsView; error?: string | null }) {
  const navigation = useNavigation();
  const [strict, setStrict] = useState(settings.strict);
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "order-lookup";
  return (
    <Layout.AnnotatedSection
      title="Order lookup"
      description="How shoppers without an account prove that an order is theirs."
    >
      <Card>
        <Form method="post">
          <input type="hidden" name="intent" value="order-lookup" />
          <BlockStack gap="400">
            {error ? <Banner tone="critical">{error}</Banner> : null}
            <Checkbox
              label="Strict mode: email a one-time code before showing order details"
              helpText="Order number plus email or phone shows the order's status with personal data masked. In strict mode Care Desk also emails a 6-digit code to the order's address and shows the order only after it is entered."
              name="strict"
              value="true"
              checked={strict}
              onChange={setStrict}
              disabled={!settings.mail && !strict}
            />
            {settings.mail ? null : (
              <Text as="p" tone="subdued">
                Email is not configured (SMTP_URL), so strict mode and “Email me my order links” are unavailable.
              </Text>
            )}
            {settings.readAllOrders ? null : (
              <Text as="p" tone="subdued">
                Shopify lets Care Desk read orders of the last 60 days. Shoppers looking up older orders are asked to
                contact you.
              </Text>
            )}
            <Button submit variant="primary" loading={saving}>
              Save
            </Button>
          </BlockStack>
        </Form>
      </Card>
    </Layout.AnnotatedSection>
  );
}
