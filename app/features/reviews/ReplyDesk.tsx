// The reply desk (embedded admin, Polaris): the queue of reviews awaiting a reply, lowest-rated
// and oldest first, with filters and search; inline public or private replies; publish, hide
// and spam, singly or in bulk. Review text is plain text: React escapes it.
import { Form, useFetcher, useNavigate, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  ButtonGroup,
  Card,
  Checkbox,
  EmptyState,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { fillTemplate, type ReplyTemplate } from "./templates";

export interface DeskReview {
  id: string;
  productId: string;
  productTitle: string;
  rating: number;
  title: string;
  body: string;
  authorName: string;
  hasEmail: boolean;
  locale: string;
  status: string;
  verified: boolean;
  createdAt: string;
  replyBody: string | null;
  repliedAt: string | null;
  replied: boolean;
  overdue: boolean;
}

export interface DeskData {
  page: number;
  hasNext: boolean;
  mail: boolean;
  replyTargetHours: number;
  templates: ReplyTemplate[];
  products: { id: string; title: string }[];
  reviews: DeskReview[];
}

type Result = { ok: boolean; message: string } | undefined;

function useToast(result: Result) {
  useEffect(() => {
    if (result) shopify.toast.show(result.message, { isError: !result.ok });
  }, [result]);
}

const STATUS_TONE: Record<string, "attention" | "success" | "critical" | undefined> = {
  pending: "attention",
  published: "success",
  hidden: undefined,
  spam: "critical",
};

export function ReplyDesk({ data, result }: { data: DeskData; result?: Result }) {
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const submit = useSubmit();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<string[]>([]);
  useToast(result);
  useEffect(() => setSelected([]), [data.reviews]);

  const [filters, setFilters] = useState({
    view: params.get("view") ?? "awaiting",
    rating: params.get("rating") ?? "",
    product: params.get("product") ?? "",
    verified: params.get("verified") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    q: params.get("q") ?? "",
    sort: params.get("sort") ?? "priority",
  });
  const set = (key: keyof typeof filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));

  const bulk = (intent: string) => {
    const form = new FormData();
    form.set("intent", intent);
    for (const id of selected) form.append("id", id);
    submit(form, { method: "post" });
  };
  const pageUrl = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `?${next.toString()}`;
  };

  return (
    <Page
      title="Reply desk"
      subtitle={`Reply-time target: ${data.replyTargetHours} h`}
      secondaryActions={[{ content: "Import / export CSV", onAction: () => navigate("/app/reviews/import") }]}
    >
      <Layout>
        <Layout.Section>
          <Card>
            <Form method="get">
              <BlockStack gap="300">
                <InlineStack gap="300" wrap>
                  <Select
                    label="Show"
                    name="view"
                    value={filters.view}
                    onChange={set("view")}
                    options={[
                      { label: "Awaiting a reply", value: "awaiting" },
                      { label: "Pending approval", value: "pending" },
                      { label: "Published", value: "published" },
                      { label: "Hidden", value: "hidden" },
                      { label: "Spam", value: "spam" },
                      { label: "All reviews", value: "all" },
                    ]}
                  />
                  <Select
                    label="Rating"
                    name="rating"
                    value={filters.rating}
                    onChange={set("rating")}
                    options={[
                      { label: "Any", value: "" },
                      ...[1, 2, 3, 4, 5].map((n) => ({ label: `${n} ★`, value: String(n) })),
                    ]}
                  />
                  <Select
                    label="Product"
                    name="product"
                    value={filters.product}
                    onChange={set("product")}
                    options={[
                      { label: "Any", value: "" },
                      ...data.products.map((p) => ({ label: p.title, value: p.id })),
                    ]}
                  />
                  <Select
                    label="Buyer"
                    name="verified"
                    value={filters.verified}
                    onChange={set("verified")}
                    options={[
                      { label: "Any", value: "" },
                      { label: "Verified buyers", value: "yes" },
                      { label: "Not verified", value: "no" },
                    ]}
                  />
                  <TextField
                    label="From"
                    type="date"
                    name="from"
                    value={filters.from}
                    onChange={set("from")}
                    autoComplete="off"
                  />
                  <TextField
                    label="To"
                    type="date"
                    name="to"
                    value={filters.to}
                    onChange={set("to")}
                    autoComplete="off"
                  />
                  <Select
                    label="Order"
                    name="sort"
                    value={filters.sort}
                    onChange={set("sort")}
                    options={[
                      { label: "Lowest rating, then oldest", value: "priority" },
                      { label: "Oldest first", value: "oldest" },
                      { label: "Newest first", value: "newest" },
                    ]}
                  />
                </InlineStack>
                <InlineStack gap="300" blockAlign="end">
                  <Box minWidth="320px">
                    <TextField label="Search" name="q" value={filters.q} onChange={set("q")} autoComplete="off" />
                  </Box>
                  <Button submit loading={navigation.state === "loading"}>
                    Apply
                  </Button>
                </InlineStack>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>

        <Layout.Section>
          <Card>
            <InlineStack gap="300" blockAlign="center">
              <Checkbox
                label={selected.length ? `${selected.length} selected` : "Select all on this page"}
                checked={selected.length > 0 && selected.length === data.reviews.length}
                onChange={(checked) => setSelected(checked ? data.reviews.map((r) => r.id) : [])}
              />
              <ButtonGroup>
                <Button disabled={!selected.length} onClick={() => bulk("published")}>
                  Publish selected
                </Button>
                <Button disabled={!selected.length} onClick={() => bulk("hidden")}>
                  Hide selected
                </Button>
                <Button disabled={!selected.length} tone="critical" onClick={() => bulk("spam")}>
                  Mark selected as spam
                </Button>
                <Button
                  disabled={!selected.length}
                  tone="critical"
                  onClick={() =>
                    window.confirm(`Delete ${selected.length} review${selected.length === 1 ? "" : "s"} for good?`) &&
                    bulk("delete")
                  }
                >
                  Delete selected
                </Button>
              </ButtonGroup>
            </InlineStack>
          </Card>
        </Layout.Section>

        <Layout.Section>
          {data.reviews.length === 0 ? (
            <Card>
              <EmptyState heading="No reviews here" image="">
                <p>
                  Nothing matches these filters. Reviews awaiting a reply appear here, lowest-rated and oldest first.
                </p>
              </EmptyState>
            </Card>
          ) : (
            <BlockStack gap="400">
              {data.reviews.map((review) => (
                <ReviewCard
                  key={review.id}
                  review={review}
                  mail={data.mail}
                  templates={data.templates}
                  selected={selected.includes(review.id)}
                  onSelect={(checked) =>
                    setSelected((s) => (checked ? [...s, review.id] : s.filter((id) => id !== review.id)))
                  }
                />
              ))}
            </BlockStack>
          )}
        </Layout.Section>

        <Layout.Section>
          <InlineStack gap="300" align="center">
            {data.page > 1 ? <Button url={pageUrl(data.page - 1)}>Previous page</Button> : null}
            <Text as="span">Page {data.page}</Text>
            {data.hasNext ? <Button url={pageUrl(data.page + 1)}>Next page</Button> : null}
          </InlineStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function ReviewCard({
  review,
  mail,
  templates,
  selected,
  onSelect,
}: {
  review: DeskReview;
  mail: boolean;
  templates: ReplyTemplate[];
  selected: boolean;
  onSelect: (checked: boolean) => void;
}) {
  const fetcher = useFetcher<{ ok: boolean; message: string }>();
  const [reply, setReply] = useState(review.replyBody ?? "");
  useToast(fetcher.data);
  const busy = fetcher.state !== "idle";
  const act = (intent: string, body?: string) => {
    const form = new FormData();
    form.set("intent", intent);
    form.append("id", review.id);
    if (body !== undefined) form.set("body", body);
    fetcher.submit(form, { method: "post" });
  };
  const stars = "★".repeat(review.rating) + "☆".repeat(5 - review.rating);
  const created = new Date(review.createdAt);

  return (
    <article aria-label={`Review by ${review.authorName || "Anonymous"}: ${review.title || stars}`}>
      <Card>
        <BlockStack gap="300">
          <InlineStack gap="300" align="space-between" blockAlign="start">
            <InlineStack gap="300" blockAlign="center">
              <Checkbox
                label={`Select review by ${review.authorName || "Anonymous"}`}
                labelHidden
                checked={selected}
                onChange={onSelect}
              />
              <Text as="span" variant="headingMd">
                <span aria-hidden="true">{stars}</span>
                <Text as="span" visuallyHidden>
                  {`${review.rating} out of 5 stars`}
                </Text>
              </Text>
              <Badge tone={STATUS_TONE[review.status]}>{review.status}</Badge>
              {review.verified ? <Badge tone="info">Verified buyer</Badge> : null}
              {review.overdue ? <Badge tone="critical">Overdue</Badge> : null}
              {review.replied ? <Badge>Replied</Badge> : null}
            </InlineStack>
            <Text as="span" tone="subdued">
              {review.productTitle} · {created.toISOString().slice(0, 10)} · {review.locale}
            </Text>
          </InlineStack>
          <BlockStack gap="100">
            {review.title ? (
              <Text as="h2" variant="headingSm">
                {review.title}
              </Text>
            ) : null}
            <Text as="p">
              <span style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{review.body}</span>
            </Text>
            <Text as="p" tone="subdued">
              — {review.authorName || "Anonymous"}
            </Text>
          </BlockStack>
          {templates.length ? (
            <Select
              label="Saved reply"
              options={[
                { label: "Insert a saved reply…", value: "" },
                ...templates.map((t, i) => ({ label: t.name, value: String(i) })),
              ]}
              value=""
              onChange={(value) => {
                const template = templates[Number(value)];
                if (template)
                  setReply(
                    fillTemplate(template.body, { name: review.authorName || "there", product: review.productTitle }),
                  );
              }}
            />
          ) : null}
          <TextField
            label="Your reply"
            value={reply}
            onChange={setReply}
            multiline={3}
            maxLength={5000}
            autoComplete="off"
            helpText={
              review.repliedAt
                ? `Public reply from ${review.repliedAt.slice(0, 10)}; saving replaces it, empty removes it.`
                : "A public reply shows under the review on your store."
            }
          />
          <InlineStack gap="200" align="space-between">
            <ButtonGroup>
              <Button variant="primary" loading={busy} onClick={() => act("reply", reply)}>
                Reply publicly
              </Button>
              <Button disabled={!mail || !review.hasEmail || !reply.trim()} onClick={() => act("private-reply", reply)}>
                Reply privately by email
              </Button>
            </ButtonGroup>
            <ButtonGroup>
              {review.status !== "published" ? <Button onClick={() => act("published")}>Publish</Button> : null}
              {review.status !== "hidden" ? <Button onClick={() => act("hidden")}>Hide</Button> : null}
              {review.status !== "spam" ? (
                <Button tone="critical" onClick={() => act("spam")}>
                  Spam
                </Button>
              ) : null}
              <Button tone="critical" onClick={() => window.confirm("Delete this review for good?") && act("delete")}>
                Delete
              </Button>
            </ButtonGroup>
          </InlineStack>
        </BlockStack>
      </Card>
    </article>
  );
}
