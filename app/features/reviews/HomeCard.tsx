// Product reviews' card on the app's Home page: reply rate, time to first reply, overdue
// reviews and the average rating of the last 30 days.
import { Link } from "@remix-run/react";
import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { Stat } from "~/components/Stat";

export interface ReviewStatsView {
  reviews30d: number;
  averageRating30d: number | null;
  replyRate30d: number | null;
  medianReplyHours30d: number | null;
  overdue: number;
  awaiting: number;
  replyTargetHours: number;
}

export function ReviewsCard({ stats }: { stats: ReviewStatsView }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Product reviews, last 30 days
        </Text>
        <Text as="p" tone="subdued">
          {stats.awaiting} awaiting a reply · target {stats.replyTargetHours} h ·{" "}
          <Link to="/app/reviews">Open the reply desk</Link>
        </Text>
        <InlineGrid columns={4} gap="400">
          <Stat label="Reply rate" value={stats.replyRate30d === null ? "–" : `${stats.replyRate30d} %`} />
          <Stat
            label="Median time to first reply"
            value={stats.medianReplyHours30d === null ? "–" : `${stats.medianReplyHours30d} h`}
          />
          <Stat label="Overdue" value={String(stats.overdue)} tone={stats.overdue > 0 ? "critical" : undefined} />
          <Stat label="Average rating" value={stats.averageRating30d === null ? "–" : `${stats.averageRating30d} ★`} />
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
