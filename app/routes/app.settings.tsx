// Settings: one section per feature, each a form of its own (intent = the section's id).
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Layout, Page } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useEffect } from "react";
import { ContactSettingsSection } from "~/features/contact/SettingsSection";
import { loadSettings, saveSection } from "~/features/index.server";
import { InvoiceSettingsSection } from "~/features/invoices/SettingsSection";
import { OrderLookupSettings } from "~/features/order-lookup/SettingsSection";
import { ReviewSettingsSection } from "~/features/reviews/SettingsSection";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return loadSettings(session);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return saveSection(session, await request.formData());
};

export default function Settings() {
  const sections = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  useEffect(() => {
    if (result?.ok) shopify.toast.show("Settings saved");
  }, [result]);
  const errorOf = (id: string) => (result?.section === id ? result.error : null);

  return (
    <Page title="Settings">
      <Layout>
        <OrderLookupSettings settings={sections["order-lookup"]} error={errorOf("order-lookup")} />
        <InvoiceSettingsSection settings={sections.invoices} error={errorOf("invoices")} />
        <ReviewSettingsSection settings={sections.reviews} error={errorOf("reviews")} />
        <ContactSettingsSection settings={sections.contact} error={errorOf("contact")} />
      </Layout>
    </Page>
  );
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
