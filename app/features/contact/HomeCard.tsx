// Home: the one care queue (open conversations and reviews awaiting a reply, oldest first)
// and the contact figures of the last 30 days.
import { Link } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineGrid, InlineStack, Text } from "@shopify/polaris";
import { Stat } from "~/components/Stat";

export interface ContactStatsView {
  days: number;
  conversations: number;
  firstResponseMedianHours: number | null;
  firstResponseP90Hours: number | null;
  answered: number;
  resolutionMedianHours: number | null;
  csatAverage: number | null;
  csatResponses: number;
  csatSatisfiedShare: number | null;
  messagesPerDay: number;
  faqOpened: number;
  faqDeflectionShare: number | null;
}

export interface CareQueueView {
  items: { kind: "conversation" | "review"; id: string; title: string; who: string; createdAt: string; href: string }[];
  openConversations: number;
}

const hours = (value: number | null) => (value === null ? "–" : `${value} h`);

export function CareQueueCard({ queue }: { queue: CareQueueView }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Care queue, oldest first
        </Text>
        <Text as="p" tone="subdued">
          {queue.openConversations} open conversations · <Link to="/app/inbox">Open the inbox</Link>
        </Text>
        {queue.items.length === 0 ? (
          <Text as="p">Nothing is waiting for you.</Text>
        ) : (
          <BlockStack as="ol" gap="200">
            {queue.items.map((item) => (
              <InlineStack key={`${item.kind}:${item.id}`} gap="200" blockAlign="center">
                <Badge tone={item.kind === "conversation" ? "attention" : "info"}>
                  {item.kind === "conversation" ? "Message" : "Review"}
                </Badge>
                <Link to={item.href}>{item.title}</Link>
                <Text as="span" tone="subdued">
                  {item.who} · {new Date(item.createdAt).toLocaleString()}
                </Text>
              </InlineStack>
            ))}
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}

export function ContactCard({ stats }: { stats: ContactStatsView }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Contact, last {stats.days} days
        </Text>
        <Text as="p" tone="subdued">
          {stats.conversations} conversations, {stats.answered} answered. Times in business hours (Settings → Contact).
        </Text>
        <InlineGrid columns={{ xs: 2, md: 3 }} gap="400">
          <Stat label="First response, median" value={hours(stats.firstResponseMedianHours)} />
          <Stat label="First response, p90" value={hours(stats.firstResponseP90Hours)} />
          <Stat label="Resolution, median" value={hours(stats.resolutionMedianHours)} />
          <Stat
            label={`CSAT (${stats.csatResponses} ratings)`}
            value={stats.csatAverage === null ? "–" : `${stats.csatAverage} / 5 · ${stats.csatSatisfiedShare} % ≥ 4`}
          />
          <Stat label="Messages per day" value={String(stats.messagesPerDay)} />
          <Stat
            label={`FAQ deflection (${stats.faqOpened} FAQ visits)`}
            value={stats.faqDeflectionShare === null ? "–" : `${stats.faqDeflectionShare} %`}
          />
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
