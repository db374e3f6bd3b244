// The Invoices page (embedded admin, Polaris IndexTable): the shop's invoices and credit
// notes, newest first, searched and filtered through the URL (so a filtered view is a link),
// cursor pages, one PDF or a ZIP of everything the filters select, "Email to customer" and
// "Issue credit note" (CreditNoteModal).
// Downloads go through fetch, which App Bridge signs with a session token.
import { Form, useFetcher, useNavigate, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  ButtonGroup,
  Card,
  EmptyState,
  IndexTable,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useCallback, useEffect, useState } from "react";
import type { InvoicesActionResult, InvoicesPageData } from "./admin-documents.server";
import { CreditNoteModal, type CreditTarget } from "./CreditNoteModal";

type Row = InvoicesPageData["invoices"][number];

function money(amount: string, currency: string) {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
}

/** Fetches a file (App Bridge adds the session token) and hands it to the browser to save. */
async function saveFile(url: string, fallbackName: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) {
    shopify.toast.show((await response.text()).slice(0, 200) || "The download failed.", { isError: true });
    return;
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? fallbackName;
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

export function InvoicesPage({ data }: { data: InvoicesPageData }) {
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const [filters, setFilters] = useState({
    q: params.get("q") ?? "",
    kind: params.get("kind") ?? "",
    status: params.get("status") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  });
  const [zipping, setZipping] = useState(false);
  const [crediting, setCrediting] = useState<CreditTarget | null>(null);
  const closeCredit = useCallback(() => setCrediting(null), []);
  const set = (key: keyof typeof filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const order = params.get("order");
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: data.timeZone, dateStyle: "medium" });

  const pageUrl = (key: "after" | "before", cursor: string) => {
    const next = new URLSearchParams(params);
    next.delete("after");
    next.delete("before");
    next.set(key, cursor);
    return `?${next.toString()}`;
  };
  const filterQuery = () => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
    if (order) query.set("order", order);
    return query.toString();
  };
  const downloadZip = async () => {
    setZipping(true);
    try {
      await saveFile(`/app/invoices/zip?${filterQuery()}`, "invoices.zip");
    } finally {
      setZipping(false);
    }
  };

  return (
    <Page title="Invoices" subtitle={`Dates in ${data.timeZone}`}>
      <Layout>
        <Layout.Section>
          <Card>
            <Form method="get">
              <BlockStack gap="300">
                {order ? <input type="hidden" name="order" value={order} /> : null}
                <InlineStack gap="300" wrap blockAlign="end">
                  <Box minWidth="280px">
                    <TextField
                      label="Search"
                      name="q"
                      value={filters.q}
                      onChange={set("q")}
                      autoComplete="off"
                      helpText="Invoice number, order (#1001) or customer name or email"
                    />
                  </Box>
                  <Select
                    label="Type"
                    name="kind"
                    value={filters.kind}
                    onChange={set("kind")}
                    options={[
                      { label: "All types", value: "" },
                      { label: "Invoices", value: "invoice" },
                      { label: "Credit notes", value: "credit_note" },
                    ]}
                  />
                  <Select
                    label="Status"
                    name="status"
                    value={filters.status}
                    onChange={set("status")}
                    options={[
                      { label: "Any", value: "" },
                      { label: "Live orders", value: "live" },
                      { label: "Test orders", value: "test" },
                    ]}
                  />
                  <TextField
                    label="Issued from"
                    type="date"
                    name="from"
                    value={filters.from}
                    onChange={set("from")}
                    autoComplete="off"
                  />
                  <TextField
                    label="Issued to"
                    type="date"
                    name="to"
                    value={filters.to}
                    onChange={set("to")}
                    autoComplete="off"
                  />
                </InlineStack>
                <InlineStack gap="300">
                  <Button submit variant="primary" loading={navigation.state === "loading"}>
                    Apply
                  </Button>
                  <Button onClick={() => void downloadZip()} loading={zipping} disabled={!data.invoices.length}>
                    Download ZIP of all matching
                  </Button>
                  {order ? <Button url="/app/invoices">Show all orders</Button> : null}
                </InlineStack>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>

        <Layout.Section>
          <Card padding="0">
            {data.invoices.length === 0 ? (
              <EmptyState heading="No invoices here" image="">
                <p>Nothing matches these filters. Invoices appear here as Care Desk issues them.</p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: "document", plural: "documents" }}
                itemCount={data.invoices.length}
                selectable={false}
                headings={[
                  { title: "Number" },
                  { title: "Type" },
                  { title: "Order" },
                  { title: "Customer" },
                  { title: "Issued" },
                  { title: "Total", alignment: "end" },
                  { title: "Downloads", alignment: "end" },
                  { title: "Actions" },
                ]}
                pagination={{
                  hasNext: Boolean(data.next),
                  hasPrevious: Boolean(data.previous),
                  onNext: () => data.next && navigate(pageUrl("after", data.next)),
                  onPrevious: () => data.previous && navigate(pageUrl("before", data.previous)),
                  accessibilityLabels: { next: "Next page", previous: "Previous page" },
                }}
              >
                {data.invoices.map((row, index) => (
                  <InvoiceRow
                    key={row.id}
                    row={row}
                    index={index}
                    mail={data.mail}
                    date={date}
                    onCredit={setCrediting}
                  />
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.Section>
      </Layout>
      {crediting ? <CreditNoteModal key={crediting.id} target={crediting} onClose={closeCredit} /> : null}
    </Page>
  );
}

function InvoiceRow({
  row,
  index,
  mail,
  date,
  onCredit,
}: {
  row: Row;
  index: number;
  mail: boolean;
  date: Intl.DateTimeFormat;
  onCredit: (target: CreditTarget) => void;
}) {
  const fetcher = useFetcher<InvoicesActionResult>();
  const [downloading, setDownloading] = useState(false);
  useEffect(() => {
    if (fetcher.data) shopify.toast.show(fetcher.data.message, { isError: !fetcher.data.ok });
  }, [fetcher.data]);
  const download = async () => {
    setDownloading(true);
    try {
      await saveFile(`/app/invoices/${encodeURIComponent(row.id)}/pdf`, `${row.number}.pdf`);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <IndexTable.Row id={row.id} position={index}>
      <IndexTable.Cell>
        <Text as="span" variant="bodyMd" fontWeight="semibold">
          {row.number}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="100">
          {row.kind === "credit_note" ? <Badge tone="warning">Credit note</Badge> : <Badge>Invoice</Badge>}
          {row.test ? <Badge tone="attention">Test</Badge> : null}
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>{row.orderName}</IndexTable.Cell>
      <IndexTable.Cell>{row.customer}</IndexTable.Cell>
      <IndexTable.Cell>{date.format(new Date(row.issuedAt))}</IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" alignment="end" numeric>
          {money(row.total, row.currency)}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" alignment="end" numeric>
          {row.downloads}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <ButtonGroup>
          <Button
            size="slim"
            loading={downloading}
            onClick={() => void download()}
            accessibilityLabel={`Download ${row.number} (PDF)`}
          >
            Download
          </Button>
          <Button
            size="slim"
            disabled={!mail || !row.hasEmail}
            loading={fetcher.state !== "idle"}
            onClick={() => fetcher.submit({ intent: "email", id: row.id }, { method: "post" })}
            accessibilityLabel={`Email to customer: ${row.number}`}
          >
            Email to customer
          </Button>
          {row.kind === "invoice" && row.creditable !== null ? (
            <Button
              size="slim"
              disabled={Number(row.creditable) <= 0}
              onClick={() =>
                onCredit({
                  id: row.id,
                  number: row.number,
                  currency: row.currency,
                  creditable: row.creditable!,
                  money: money(row.creditable!, row.currency),
                })
              }
              accessibilityLabel={`Issue credit note: ${row.number}`}
            >
              Issue credit note
            </Button>
          ) : null}
        </ButtonGroup>
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}
