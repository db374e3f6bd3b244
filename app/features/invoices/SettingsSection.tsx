// The invoices' section of Settings (a form of its own, posted with intent=invoices).
import { Form, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  Layout,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { formatNumber } from "./numbering";
import type { InvoiceSettings } from "./settings.server";

export function InvoiceSettingsSection({ settings, error }: { settings: InvoiceSettings; error?: string | null }) {
  const navigation = useNavigation();
  const [values, setValues] = useState({
    ...settings,
    padding: String(settings.padding),
    startNumber: String(settings.startNumber),
    retentionYears: String(settings.retentionYears),
    removeLogo: false,
  });
  const set = (key: keyof typeof values) => (value: string | boolean) => setValues((v) => ({ ...v, [key]: value }));
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "invoices";
  const example = formatNumber(
    {
      prefix: values.prefix,
      includeYear: values.includeYear,
      yearlyReset: values.yearlyReset,
      padding: Math.min(10, Math.max(1, Number(values.padding) || 1)),
      startNumber: 1,
    },
    { year: new Date().getFullYear(), sequence: Number(values.startNumber) || 1 },
  );
  return (
    <Layout.AnnotatedSection
      title="Invoices"
      description="Who issues the invoices, how they are numbered and when. Issued invoices never change."
    >
      <Card>
        <Form method="post" encType="multipart/form-data">
          <input type="hidden" name="intent" value="invoices" />
          <input type="hidden" name="includeYear" value={String(values.includeYear)} />
          <input type="hidden" name="yearlyReset" value={String(values.yearlyReset)} />
          <input type="hidden" name="emailOnIssue" value={String(values.emailOnIssue)} />
          <input type="hidden" name="removeLogo" value={String(values.removeLogo)} />
          <BlockStack gap="400">
            {error ? <Banner tone="critical">{error}</Banner> : null}
            <FormLayout>
              <Select
                label="Issue invoices"
                name="trigger"
                options={[
                  { label: "When the order is paid", value: "paid" },
                  { label: "When the order is fulfilled", value: "fulfilled" },
                  { label: "When the customer first downloads it", value: "on_request" },
                ]}
                value={values.trigger}
                onChange={set("trigger")}
              />
              <TextField
                label="Legal name"
                name="legalName"
                value={values.legalName}
                onChange={set("legalName")}
                autoComplete="organization"
                helpText="Printed as the seller; your shop's name when empty."
              />
              <TextField
                label="Address"
                name="address"
                value={values.address}
                onChange={set("address")}
                multiline={3}
                autoComplete="street-address"
              />
              <TextField
                label="Tax IDs"
                name="taxIds"
                value={values.taxIds}
                onChange={set("taxIds")}
                autoComplete="off"
                helpText="VAT or other tax registration numbers, one per line."
                multiline={2}
              />
              <FormLayout.Group>
                <TextField
                  label="Invoice prefix"
                  name="prefix"
                  value={values.prefix}
                  onChange={set("prefix")}
                  autoComplete="off"
                />
                <TextField
                  label="Credit note prefix"
                  name="creditPrefix"
                  value={values.creditPrefix}
                  onChange={set("creditPrefix")}
                  autoComplete="off"
                />
              </FormLayout.Group>
              <FormLayout.Group>
                <TextField
                  label="Digits"
                  name="padding"
                  type="number"
                  min={1}
                  max={10}
                  value={values.padding}
                  onChange={set("padding")}
                  autoComplete="off"
                />
                <TextField
                  label="Starting number"
                  name="startNumber"
                  type="number"
                  min={1}
                  value={values.startNumber}
                  onChange={set("startNumber")}
                  autoComplete="off"
                  helpText="For shops moving from another invoicing app."
                />
              </FormLayout.Group>
              <Checkbox label="Year in the number" checked={values.includeYear} onChange={set("includeYear")} />
              <Checkbox
                label="Start again at 1 every year"
                checked={values.yearlyReset}
                onChange={set("yearlyReset")}
                disabled={!values.includeYear}
              />
              <TextField label="Next numbers look like" value={example} readOnly autoComplete="off" />
              <BlockStack gap="100">
                <label htmlFor="invoice-logo">
                  <Text as="span">Logo (PNG or JPEG, at most 256 KB and 3000 pixels a side)</Text>
                </label>
                <input id="invoice-logo" type="file" name="logo" accept="image/png,image/jpeg" />
                <Text as="p" tone="subdued">
                  {settings.logoId
                    ? "A logo is set. Documents issued from now on print the logo saved here; issued ones keep theirs."
                    : "No logo: documents start with your legal name."}
                </Text>
              </BlockStack>
              {settings.logoId ? (
                <Checkbox label="Remove the logo" checked={values.removeLogo} onChange={set("removeLogo")} />
              ) : null}
              <Checkbox
                label="Email invoices and credit notes to the customer when they are issued"
                helpText="Sent as a PDF attachment in the order's language. Needs SMTP_URL."
                checked={values.emailOnIssue}
                onChange={set("emailOnIssue")}
              />
              <TextField
                label="Keep invoices for (years)"
                name="retentionYears"
                type="number"
                min={0}
                max={30}
                value={values.retentionYears}
                onChange={set("retentionYears")}
                autoComplete="off"
                helpText="Tax law requires invoices to be kept (10 years in Germany), even when a customer asks to be forgotten."
              />
            </FormLayout>
            <Button submit variant="primary" loading={saving}>
              Save
            </Button>
          </BlockStack>
        </Form>
      </Card>
    </Layout.AnnotatedSection>
  );
}
