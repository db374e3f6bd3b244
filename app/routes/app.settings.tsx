import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, Layout, Page, Text } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useEffect, useState } from "react";
import { mailConfigured } from "~/mail.server";
import { getShopProfile, setStrictLookup } from "~/models/order-lookup.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const profile = await getShopProfile({ shop: session.shop, graphql: admin.graphql, scope: session.scope });
  return { strictLookup: profile.strictLookup, readAllOrders: profile.readAllOrders, mail: mailConfigured() };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const form = await request.formData();
  const strict = form.get("strictLookup") === "true";
  if (strict && !mailConfigured()) {
    return { ok: false as const, error: "Strict mode sends one-time codes by email: configure SMTP_URL first." };
  }
  await getShopProfile({ shop: session.shop, graphql: admin.graphql, scope: session.scope });
  await setStrictLookup({ shop: session.shop, strict });
  return { ok: true as const, error: null };
};

export default function Settings() {
  const { strictLookup, readAllOrders, mail } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [strict, setStrict] = useState(strictLookup);
  useEffect(() => {
    if (result?.ok) shopify.toast.show("Settings saved");
  }, [result]);

  return (
    <Page title="Settings">
      <Layout>
        <Layout.AnnotatedSection
          title="Order lookup"
          description="How shoppers without an account prove that an order is theirs."
        >
          <Card>
            <Form method="post">
              <BlockStack gap="400">
                {result?.error ? <Banner tone="critical">{result.error}</Banner> : null}
                <Checkbox
                  label="Strict mode: email a one-time code before showing order details"
                  helpText="Order number plus email or phone shows the order's status with personal data masked. In strict mode Care Desk also emails a 6-digit code to the order's address and shows the order only after it is entered."
                  name="strictLookup"
                  value="true"
                  checked={strict}
                  onChange={setStrict}
                  disabled={!mail && !strict}
                />
                {mail ? null : (
                  <Text as="p" tone="subdued">
                    Email is not configured (SMTP_URL), so strict mode and “Email me my order links” are unavailable.
                  </Text>
                )}
                {readAllOrders ? null : (
                  <Text as="p" tone="subdued">
                    Shopify lets Care Desk read orders of the last 60 days. Shoppers looking up older orders are asked
                    to contact you.
                  </Text>
                )}
                <Button submit variant="primary" loading={navigation.state === "submitting"}>
                  Save
                </Button>
              </BlockStack>
            </Form>
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
