// Contact's section of Settings (a form of its own, posted with intent=contact): channels,
// opening hours, FAQ entries, the reply-time promise override and the inbox's saved replies.
import { Form, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineGrid, Layout, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

export interface ContactSettingsView {
  channels: { email: string; phone: string; whatsapp: string; messagingUrl: string; messagingLabel: string };
  hours: ({ open: string; close: string } | null)[];
  faq: { question: string; answer: string }[];
  replyPromiseHours: number | null;
  savedReplies: { name: string; body: string }[];
}

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export function ContactSettingsSection({ settings, error }: { settings: ContactSettingsView; error?: string | null }) {
  const navigation = useNavigation();
  const [channels, setChannels] = useState(settings.channels);
  const [hours, setHours] = useState(settings.hours.map((d) => ({ open: d?.open ?? "", close: d?.close ?? "" })));
  const [faq, setFaq] = useState(settings.faq.map((f) => `${f.question} | ${f.answer}`).join("\n"));
  const [promise, setPromise] = useState(settings.replyPromiseHours === null ? "" : String(settings.replyPromiseHours));
  const [saved, setSaved] = useState(
    settings.savedReplies.map((r) => `${r.name} | ${r.body.replace(/\n/g, "\\n")}`).join("\n"),
  );
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "contact";
  const channel = (key: keyof typeof channels) => (value: string) => setChannels({ ...channels, [key]: value });
  const hour = (index: number, key: "open" | "close") => (value: string) =>
    setHours(hours.map((d, i) => (i === index ? { ...d, [key]: value } : d)));

  return (
    <Layout.AnnotatedSection
      title="Contact"
      description="What the Contact block shows (it reads these from a shop metafield, no request to the app), and your saved replies in the inbox."
    >
      <Card>
        <Form method="post">
          <input type="hidden" name="intent" value="contact" />
          <BlockStack gap="400">
            {error ? <Banner tone="critical">{error}</Banner> : null}
            <Text as="h3" variant="headingSm">
              Channels (empty: not shown)
            </Text>
            <InlineGrid columns={2} gap="300">
              <TextField
                label="Email"
                name="email"
                value={channels.email}
                onChange={channel("email")}
                autoComplete="off"
              />
              <TextField
                label="Phone"
                name="phone"
                value={channels.phone}
                onChange={channel("phone")}
                autoComplete="off"
              />
              <TextField
                label="WhatsApp number (international, digits)"
                name="whatsapp"
                value={channels.whatsapp}
                onChange={channel("whatsapp")}
                autoComplete="off"
              />
              <TextField
                label="Other messaging link (https)"
                name="messagingUrl"
                value={channels.messagingUrl}
                onChange={channel("messagingUrl")}
                autoComplete="off"
              />
              <TextField
                label="Its label"
                name="messagingLabel"
                value={channels.messagingLabel}
                onChange={channel("messagingLabel")}
                autoComplete="off"
              />
            </InlineGrid>
            <Text as="h3" variant="headingSm">
              Opening hours in the shop&apos;s time zone (HH:MM; both empty: closed; none at all: always open)
            </Text>
            {DAYS.map((day, i) => (
              <InlineGrid key={day} columns={3} gap="300">
                <Text as="p">{day}</Text>
                <TextField
                  label={`${day} opens`}
                  labelHidden
                  placeholder="09:00"
                  name={`hours_${i}_open`}
                  value={hours[i]!.open}
                  onChange={hour(i, "open")}
                  autoComplete="off"
                />
                <TextField
                  label={`${day} closes`}
                  labelHidden
                  placeholder="17:00"
                  name={`hours_${i}_close`}
                  value={hours[i]!.close}
                  onChange={hour(i, "close")}
                  autoComplete="off"
                />
              </InlineGrid>
            ))}
            <TextField
              label="FAQ"
              helpText="One per line: the question, a bar, the answer. The block filters them as the shopper types."
              name="faq"
              value={faq}
              onChange={setFaq}
              multiline={4}
              autoComplete="off"
            />
            <TextField
              label="Reply-time promise (business hours)"
              helpText="Empty: the median time to your first reply over the last 30 days (8 hours until 5 conversations are answered)."
              name="replyPromiseHours"
              type="number"
              min={1}
              max={240}
              value={promise}
              onChange={setPromise}
              autoComplete="off"
            />
            <TextField
              label="Saved replies"
              helpText="One per line: a name, a bar, the text (\n for a new line). {name} is the customer's first name, {order} the order number."
              name="savedReplies"
              value={saved}
              onChange={setSaved}
              multiline={3}
              autoComplete="off"
            />
            <Button submit variant="primary" loading={saving}>
              Save
            </Button>
          </BlockStack>
        </Form>
      </Card>
    </Layout.AnnotatedSection>
  );
}
