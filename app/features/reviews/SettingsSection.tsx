// Product reviews' section of Settings (a form of its own, posted with intent=reviews).
import { Form, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, Layout, Select, TextField } from "@shopify/polaris";
import { useState } from "react";
import { formatTemplates, type ReplyTemplate } from "./templates";

export interface ReviewSettingsView {
  autoPublishMinRating: number;
  heldWords: string[];
  holdLinks: boolean;
  replyTargetHours: number;
  requestsEnabled: boolean;
  requestDelayDays: number;
  replyTemplates: ReplyTemplate[];
}

export function ReviewSettingsSection({ settings, error }: { settings: ReviewSettingsView; error?: string | null }) {
  const navigation = useNavigation();
  const [autoPublish, setAutoPublish] = useState(String(settings.autoPublishMinRating));
  const [heldWords, setHeldWords] = useState(settings.heldWords.join("\n"));
  const [holdLinks, setHoldLinks] = useState(settings.holdLinks);
  const [target, setTarget] = useState(String(settings.replyTargetHours));
  const [requests, setRequests] = useState(settings.requestsEnabled);
  const [days, setDays] = useState(String(settings.requestDelayDays));
  const [templates, setTemplates] = useState(formatTemplates(settings.replyTemplates));
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "reviews";
  return (
    <Layout.AnnotatedSection
      title="Product reviews"
      description="Which new reviews are published at once, which wait for you, and how fast you aim to reply."
    >
      <Card>
        <Form method="post">
          <input type="hidden" name="intent" value="reviews" />
          <input type="hidden" name="holdLinks" value={holdLinks ? "true" : "false"} />
          <input type="hidden" name="requestsEnabled" value={requests ? "true" : "false"} />
          <BlockStack gap="400">
            {error ? <Banner tone="critical">{error}</Banner> : null}
            <Select
              label="Publish new reviews at once"
              name="autoPublishMinRating"
              options={[
                { label: "Never: I approve every review", value: "0" },
                ...[5, 4, 3, 2, 1].map((n) => ({ label: `At ${n} stars${n < 5 ? " or more" : ""}`, value: String(n) })),
              ]}
              value={autoPublish}
              onChange={setAutoPublish}
            />
            <TextField
              label="Hold reviews containing these words"
              helpText="One word or phrase per line (or separated by commas). Any case."
              name="heldWords"
              value={heldWords}
              onChange={setHeldWords}
              multiline={3}
              autoComplete="off"
            />
            <Checkbox label="Hold reviews containing links" checked={holdLinks} onChange={setHoldLinks} />
            <TextField
              label="Reply-time target (hours)"
              helpText="Reviews without a reply after this long are highlighted as overdue."
              name="replyTargetHours"
              type="number"
              min={1}
              max={720}
              value={target}
              onChange={setTarget}
              autoComplete="off"
            />
            <TextField
              label="Saved replies"
              helpText="One per line: a name, a bar, the text. {name} is the reviewer's name, {product} the product. They are offered when you reply in the reply desk."
              name="replyTemplates"
              value={templates}
              onChange={setTemplates}
              multiline={3}
              autoComplete="off"
            />
            <Checkbox
              label="Email buyers a review request after their order is fulfilled"
              helpText="One email per order with a one-click link for each product; reviews written from it are verified. Needs SMTP_URL."
              checked={requests}
              onChange={setRequests}
            />
            <TextField
              label="Days after fulfillment"
              name="requestDelayDays"
              type="number"
              min={0}
              max={60}
              value={days}
              onChange={setDays}
              disabled={!requests}
              autoComplete="off"
            />
            <Button submit variant="primary" loading={saving} accessibilityLabel="Save review settings">
              Save
            </Button>
          </BlockStack>
        </Form>
      </Card>
    </Layout.AnnotatedSection>
  );
}
