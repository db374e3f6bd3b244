// The care inbox (embedded admin, Polaris): conversations by status (open, waiting on the
// customer, closed) and the Spam folder, search, unread markers, bulk actions; and one
// conversation with the customer's context, the reply box with saved replies, and close with a
// CSAT survey. Shopper text is plain text: React escapes it.
import { Form, Link, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  EmptyState,
  IndexTable,
  InlineStack,
  Layout,
  Page,
  Select,
  Tabs,
  Text,
  TextField,
  useIndexResourceState,
} from "@shopify/polaris";
import { useEffect, useState } from "react";

type Result = { ok: boolean; message: string } | undefined;

function useToast(result: Result) {
  useEffect(() => {
    if (result) shopify.toast.show(result.message, { isError: !result.ok });
  }, [result]);
}

export interface InboxData {
  filter: { view: string; unreadOnly?: boolean; query?: string | null };
  counts: { open: number; waiting: number; spam: number };
  next: string | null;
  conversations: {
    id: string;
    reference: string;
    status: string;
    folder: string;
    spamReason: string | null;
    name: string;
    subject: string;
    topic: string;
    orderNumber: string | null;
    unread: boolean;
    lastMessageAt: string;
    createdAt: string;
  }[];
}

const TABS = [
  { id: "open", label: "Open" },
  { id: "waiting", label: "Waiting on customer" },
  { id: "closed", label: "Closed" },
  { id: "all", label: "All" },
  { id: "spam", label: "Spam" },
] as const;

const STATUS_TONE: Record<string, "attention" | "info" | undefined> = { open: "attention", waiting: "info" };
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

export function InboxList({ data, result }: { data: InboxData; result: Result }) {
  useToast(result);
  const [params, setParams] = useSearchParams();
  const submit = useSubmit();
  const [query, setQuery] = useState(data.filter.query ?? "");
  const rows = data.conversations;
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(
    rows as unknown as { [key: string]: unknown }[],
  );
  const selectedTab = Math.max(
    0,
    TABS.findIndex((t) => t.id === data.filter.view),
  );
  const counts: Record<string, number | undefined> = data.counts;

  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    next.delete("after");
    clearSelection();
    setParams(next);
  };
  const bulk = (intent: string) => {
    const form = new FormData();
    form.set("intent", intent);
    for (const id of selectedResources) form.append("id", id);
    submit(form, { method: "post" });
    clearSelection();
  };
  const spamView = data.filter.view === "spam";

  return (
    <Page title="Inbox" subtitle="Messages from the Contact block, oldest questions first on Home.">
      <Layout>
        <Layout.Section>
          <Card padding="0">
            <Tabs
              tabs={TABS.map((t) => ({
                id: t.id,
                content: counts[t.id] === undefined ? t.label : `${t.label} (${counts[t.id]})`,
              }))}
              selected={selectedTab}
              onSelect={(index) => go({ view: TABS[index]!.id })}
            />
            <Box padding="300">
              <Form
                method="get"
                onSubmit={(event) => {
                  event.preventDefault();
                  go({ q: query.trim() || null });
                }}
              >
                <InlineStack gap="300" blockAlign="end">
                  <div style={{ flex: 1 }}>
                    <TextField
                      label="Search"
                      labelHidden
                      placeholder="Search by reference, name, email, order or subject"
                      value={query}
                      onChange={setQuery}
                      autoComplete="off"
                      clearButton
                      onClearButtonClick={() => {
                        setQuery("");
                        go({ q: null });
                      }}
                    />
                  </div>
                  <Checkbox
                    label="Unread only"
                    checked={Boolean(data.filter.unreadOnly)}
                    onChange={(checked) => go({ unread: checked ? "1" : null })}
                  />
                  <Button submit>Search</Button>
                </InlineStack>
              </Form>
            </Box>
            {rows.length === 0 ? (
              <EmptyState heading="Nothing here" image="">
                <p>{spamView ? "No blocked messages." : "No conversations match."}</p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: "conversation", plural: "conversations" }}
                itemCount={rows.length}
                selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
                onSelectionChange={handleSelectionChange}
                promotedBulkActions={
                  spamView
                    ? [{ content: "Not spam", onAction: () => bulk("not-spam") }]
                    : [
                        { content: "Close", onAction: () => bulk("closed") },
                        { content: "Reopen", onAction: () => bulk("open") },
                        { content: "Spam", onAction: () => bulk("spam") },
                      ]
                }
                headings={[
                  { title: "Conversation" },
                  { title: "Customer" },
                  { title: spamView ? "Why blocked" : "Status" },
                  { title: "Last message" },
                ]}
              >
                {rows.map((c, index) => (
                  <IndexTable.Row id={c.id} key={c.id} position={index} selected={selectedResources.includes(c.id)}>
                    <IndexTable.Cell>
                      <InlineStack gap="200" blockAlign="center">
                        {c.unread ? <Badge tone="info">Unread</Badge> : null}
                        <Link to={`/app/inbox/${c.id}`} data-primary-link>
                          <Text as="span" fontWeight={c.unread ? "bold" : "regular"}>
                            {c.subject}
                          </Text>
                        </Link>
                      </InlineStack>
                      <Text as="p" tone="subdued" variant="bodySm">
                        {c.reference}
                        {c.orderNumber ? ` · order ${c.orderNumber}` : ""} · {c.topic}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{c.name}</IndexTable.Cell>
                    <IndexTable.Cell>
                      {spamView ? (
                        <Text as="span">{c.spamReason ?? "Marked by you"}</Text>
                      ) : (
                        <Badge tone={STATUS_TONE[c.status]}>{c.status === "waiting" ? "Waiting" : c.status}</Badge>
                      )}
                    </IndexTable.Cell>
                    <IndexTable.Cell>{when(c.lastMessageAt)}</IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
            {data.next ? (
              <Box padding="300">
                <Button url={`?${new URLSearchParams({ ...Object.fromEntries(params), after: data.next }).toString()}`}>
                  Older conversations
                </Button>
              </Box>
            ) : null}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export interface ConversationData {
  mail: boolean;
  savedReplies: { name: string; body: string }[];
  conversation: {
    id: string;
    reference: string;
    status: string;
    folder: string;
    spamReason: string | null;
    name: string;
    email: string;
    orderNumber: string | null;
    topic: string;
    subject: string;
    locale: string;
    createdAt: string;
    csatScore: number | null;
    csatComment: string | null;
    messages: { id: string; author: string; channel: string; body: string; createdAt: string }[];
  };
  context: {
    customer: {
      id: string;
      name: string;
      since: string;
      ordersCount: number;
      totalSpent: string;
      tags: string[];
    } | null;
    order: {
      id: string;
      name: string;
      createdAt: string;
      financialStatus: string | null;
      fulfillmentStatus: string;
      total: string;
      referenced: boolean;
      tracking: { company: string | null; number: string | null; url: string | null }[];
    } | null;
    orderEmailDiffers: boolean;
  };
  earlier: { id: string; reference: string; subject: string; status: string; createdAt: string }[];
}

const CHANNEL: Record<string, string> = {
  form: "contact form",
  page: "conversation page",
  email: "email",
  inbox: "inbox",
};

export function ConversationScreen({ data, result }: { data: ConversationData; result: Result }) {
  useToast(result);
  const navigation = useNavigation();
  const { conversation: c, context, earlier } = data;
  const [body, setBody] = useState("");
  const [template, setTemplate] = useState("");
  const [closeAfter, setCloseAfter] = useState(false);
  useEffect(() => {
    if (result?.ok) setBody("");
  }, [result]);
  const busy = navigation.state === "submitting";
  const fill = (text: string) =>
    text.replace(/\{name\}/g, c.name.split(" ")[0] ?? c.name).replace(/\{order\}/g, c.orderNumber ?? "");

  return (
    <Page
      title={c.subject}
      subtitle={`${c.reference} · ${c.name} · ${c.topic}`}
      backAction={{ content: "Inbox", url: "/app/inbox" }}
      titleMetadata={
        c.folder === "spam" ? (
          <Badge tone="critical">Spam</Badge>
        ) : (
          <Badge tone={STATUS_TONE[c.status]}>{c.status}</Badge>
        )
      }
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {c.folder === "spam" ? (
              <Card>
                <InlineStack gap="300" align="space-between" blockAlign="center">
                  <Text as="p">Blocked: {c.spamReason ?? "marked as spam"}. No email was sent.</Text>
                  <Form method="post">
                    <input type="hidden" name="intent" value="not-spam" />
                    <input type="hidden" name="id" value={c.id} />
                    <Button submit variant="primary">
                      Not spam
                    </Button>
                  </Form>
                </InlineStack>
              </Card>
            ) : null}
            {c.messages.map((m) => (
              <Card key={m.id} background={m.author === "owner" ? "bg-surface-secondary" : undefined}>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingSm">
                    {m.author === "owner" ? "You" : c.name}{" "}
                    <Text as="span" tone="subdued" variant="bodySm">
                      · {when(m.createdAt)} · via {CHANNEL[m.channel] ?? m.channel}
                    </Text>
                  </Text>
                  <Text as="p">
                    <span style={{ whiteSpace: "pre-wrap" }}>{m.body}</span>
                  </Text>
                </BlockStack>
              </Card>
            ))}
            {c.folder !== "spam" ? (
              <Card>
                <Form method="post">
                  <input type="hidden" name="intent" value="reply" />
                  <input type="hidden" name="id" value={c.id} />
                  <input type="hidden" name="close" value={closeAfter ? "true" : "false"} />
                  <BlockStack gap="300">
                    {data.savedReplies.length > 0 ? (
                      <Select
                        label="Saved reply"
                        options={[
                          { label: "Choose a saved reply…", value: "" },
                          ...data.savedReplies.map((r, i) => ({ label: r.name, value: String(i) })),
                        ]}
                        value={template}
                        onChange={(value) => {
                          setTemplate(value);
                          const saved = data.savedReplies[Number(value)];
                          if (value !== "" && saved) setBody(fill(saved.body));
                        }}
                      />
                    ) : null}
                    <TextField
                      label={`Reply to ${c.name} (sent by email, in the thread on their conversation page)`}
                      name="body"
                      value={body}
                      onChange={setBody}
                      multiline={5}
                      maxLength={5000}
                      autoComplete="off"
                    />
                    {!data.mail ? (
                      <Text as="p" tone="critical">
                        Email is not configured (SMTP_URL).
                      </Text>
                    ) : null}
                    <InlineStack gap="200">
                      <Button submit variant="primary" loading={busy} disabled={!body.trim() || !data.mail}>
                        Send reply
                      </Button>
                      <Checkbox
                        label="Close after sending (asks for a 1–5 rating)"
                        checked={closeAfter}
                        onChange={setCloseAfter}
                      />
                    </InlineStack>
                  </BlockStack>
                </Form>
              </Card>
            ) : null}
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Customer
                </Text>
                <Text as="p">{c.email}</Text>
                {context.customer ? (
                  <>
                    <Text as="p">Customer since {new Date(context.customer.since).toLocaleDateString()}</Text>
                    <Text as="p">
                      {context.customer.ordersCount} orders · {context.customer.totalSpent} spent
                    </Text>
                    <InlineStack gap="100">
                      {context.customer.tags.length ? (
                        context.customer.tags.map((tag) => <Badge key={tag}>{tag}</Badge>)
                      ) : (
                        <Text as="span" tone="subdued">
                          No tags
                        </Text>
                      )}
                    </InlineStack>
                  </>
                ) : (
                  <Text as="p" tone="subdued">
                    No customer with this email in Shopify.
                  </Text>
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {context.order?.referenced ? "Order in the message" : "Latest order"}
                </Text>
                {context.order ? (
                  <>
                    <Text as="p" fontWeight="semibold">
                      {context.order.name} · {context.order.total}
                    </Text>
                    <Text as="p">{new Date(context.order.createdAt).toLocaleDateString()}</Text>
                    <InlineStack gap="100">
                      {context.order.financialStatus ? <Badge>{context.order.financialStatus}</Badge> : null}
                      <Badge>{context.order.fulfillmentStatus}</Badge>
                    </InlineStack>
                    {context.order.tracking.map((t, i) => (
                      <Text as="p" key={i}>
                        {t.company ?? "Tracking"}:{" "}
                        {t.url ? (
                          <a href={t.url} target="_blank" rel="noreferrer">
                            {t.number ?? t.url}
                          </a>
                        ) : (
                          t.number
                        )}
                      </Text>
                    ))}
                    {context.orderEmailDiffers ? (
                      <Text as="p" tone="critical">
                        This order was placed with another email address.
                      </Text>
                    ) : null}
                  </>
                ) : (
                  <Text as="p" tone="subdued">
                    {c.orderNumber ? `No order ${c.orderNumber} found.` : "No orders."}
                  </Text>
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Earlier conversations
                </Text>
                {earlier.length ? (
                  earlier.map((e) => (
                    <Link key={e.id} to={`/app/inbox/${e.id}`}>
                      {e.reference} · {e.subject} ({e.status})
                    </Link>
                  ))
                ) : (
                  <Text as="p" tone="subdued">
                    None
                  </Text>
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Status
                </Text>
                <InlineStack gap="200">
                  {(["open", "waiting", "closed"] as const)
                    .filter((s) => s !== c.status && c.folder !== "spam")
                    .map((s) => (
                      <Form method="post" key={s}>
                        <input type="hidden" name="intent" value={s} />
                        <input type="hidden" name="id" value={c.id} />
                        <Button submit>
                          {s === "closed" ? "Close and ask for a rating" : s === "open" ? "Reopen" : "Waiting"}
                        </Button>
                      </Form>
                    ))}
                  {c.folder !== "spam" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="spam" />
                      <input type="hidden" name="id" value={c.id} />
                      <Button submit tone="critical">
                        Spam
                      </Button>
                    </Form>
                  ) : null}
                </InlineStack>
                {c.csatScore !== null ? (
                  <Text as="p">
                    Rating: {c.csatScore} of 5{c.csatComment ? ` — “${c.csatComment}”` : ""}
                  </Text>
                ) : null}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
