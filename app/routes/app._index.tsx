import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { lookupStats } from "~/models/order-lookup.server";
import { getShopOverview } from "~/models/shop.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const [shop, lookups] = await Promise.all([
    getShopOverview({ graphql: admin.graphql }),
    lookupStats({ shop: session.shop, days: 7 }),
  ]);
  return { shop, lookups };
};

export default function Home() {
  const { shop, lookups } = useLoaderData<typeof loader>();
  return (
    <Page title={`Care Desk for ${shop.name}`}>
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {shop.name}
              </Text>
              <Text as="p" tone="subdued">
                {shop.myshopifyDomain} · {shop.currencyCode} · {shop.ianaTimezone}
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Order lookups, last 7 days
              </Text>
              <InlineGrid columns={3} gap="400">
                <Stat label="Found" value={lookups.found} />
                <Stat label="Not found" value={lookups.notFound} />
                <Stat label="Rate-limited" value={lookups.rateLimited} />
              </InlineGrid>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            {AREAS.map((area) => (
              <Card key={area.title}>
                <BlockStack gap="200">
                  <Text as="h3" variant="headingSm">
                    {area.title}
                  </Text>
                  <Text as="p">{area.description}</Text>
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <BlockStack gap="100">
      <Text as="p" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingLg">
        {value.toLocaleString()}
      </Text>
    </BlockStack>
  );
}

/** What Care Desk will offer; each area gets its own page as it is built. */
const AREAS = [
  {
    title: "Guest order lookup",
    description: "Shoppers without an account find their order, tracking and invoice from a theme block.",
  },
  {
    title: "Order and invoice history",
    description: "Signed-in customers see their orders and download PDF invoices.",
  },
  { title: "Review responses", description: "Answer product reviews here; shoppers see replies under the reviews." },
  { title: "Contact inbox", description: "Messages from the storefront contact block land here for you to answer." },
] as const;

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
