// Home: the shop, then one card per feature that is built.
import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, Layout, Page, Text } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { CareQueueCard, ContactCard } from "~/features/contact/HomeCard";
import { homeCards } from "~/features/index.server";
import { InvoicesCard } from "~/features/invoices/HomeCard";
import { OrderLookupCard } from "~/features/order-lookup/HomeCard";
import { ReviewsCard } from "~/features/reviews/HomeCard";
import { getShopProfile } from "~/shop/profile.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const shop = await getShopProfile({ shop: session.shop, graphql: admin.graphql });
  const cards = await homeCards({ shop: session.shop, graphql: admin.graphql, timeZone: shop.ianaTimezone });
  return { shop, cards };
};

export default function Home() {
  const { shop, cards } = useLoaderData<typeof loader>();
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
                {shop.shop} · {shop.currencyCode} · {shop.ianaTimezone}
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <CareQueueCard queue={cards.queue} />
        </Layout.Section>
        <Layout.Section>
          <ContactCard stats={cards.contact} />
        </Layout.Section>
        <Layout.Section>
          <OrderLookupCard stats={cards.orderLookup} />
        </Layout.Section>
        <Layout.Section>
          <InvoicesCard stats={cards.invoices} />
        </Layout.Section>
        <Layout.Section>
          <ReviewsCard stats={cards.reviews} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
