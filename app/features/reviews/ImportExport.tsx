// Import / export (embedded admin, Polaris): upload a Judge.me, Yotpo or Care Desk CSV, read the
// preview with each row's problems, confirm; download every review as CSV. Review text is
// plain text: React escapes it.
import { Form, useNavigate, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineStack,
  Layout,
  List,
  Page,
  Text,
} from "@shopify/polaris";
import { useState } from "react";
import type { ImportAnswer, PreviewRow } from "./transfer.server";

const MB = 1024 * 1024;

function stateBadge(row: PreviewRow) {
  if (row.state === "error") return <Badge tone="critical">Error</Badge>;
  if (row.state === "duplicate") return <Badge>Already imported</Badge>;
  return <Badge tone="success">New</Badge>;
}

export function ImportExport({ result, maxBytes }: { result: ImportAnswer | undefined; maxBytes: number }) {
  const navigation = useNavigation();
  const navigate = useNavigate();
  const busy = navigation.state !== "idle";
  const [exportState, setExportState] = useState<"idle" | "working" | "failed">("idle");

  async function download() {
    setExportState("working");
    try {
      // App Bridge adds the session token to the app's own fetch calls.
      const response = await fetch("/app/reviews/export");
      if (!response.ok) throw new Error(String(response.status));
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download =
        /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "reviews.csv";
      link.click();
      URL.revokeObjectURL(url);
      setExportState("idle");
    } catch {
      setExportState("failed");
    }
  }

  const preview = result && result.ok && "rows" in result ? result : null;
  const done = result && result.ok && "imported" in result ? result : null;

  return (
    <Page
      title="Import and export reviews"
      backAction={{ content: "Reply desk", onAction: () => navigate("/app/reviews") }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result && !result.ok && (
              <Banner tone="critical" title="This file cannot be imported">
                <p>{result.error}</p>
              </Banner>
            )}
            {done && (
              <Banner tone="success" title={`Imported ${done.imported} review${done.imported === 1 ? "" : "s"}`}>
                <p>
                  {done.skipped > 0 ? `${done.skipped} were already here and were skipped. ` : ""}
                  Published reviews appear on the product pages within seconds.
                </p>
              </Banner>
            )}
            <Card>
              <Form method="post" encType="multipart/form-data">
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    Import from CSV
                  </Text>
                  <Text as="p">
                    A review export of Judge.me or Yotpo, or a file exported here. Up to {maxBytes / MB} MB and 5,000
                    reviews a file. Nothing is stored before you confirm; a review already imported is never imported
                    twice.
                  </Text>
                  <label htmlFor="review-csv">
                    <Text as="span" variant="bodyMd" fontWeight="semibold">
                      CSV file
                    </Text>
                  </label>
                  <input id="review-csv" name="file" type="file" accept=".csv,text/csv" required />
                  <InlineStack>
                    <Button submit loading={busy}>
                      Preview
                    </Button>
                  </InlineStack>
                </BlockStack>
              </Form>
            </Card>

            {preview && (
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    Preview: {preview.fileName} ({preview.format})
                  </Text>
                  <Text as="p">
                    {preview.total} rows: {preview.ready} new, {preview.duplicates} already imported, {preview.invalid}{" "}
                    with errors (not imported).
                  </Text>
                  <DataTable
                    columnContentTypes={["numeric", "text", "text", "numeric", "text", "text", "text"]}
                    headings={["Row", "State", "Product", "Rating", "Reviewer", "Review", "Status"]}
                    rows={preview.rows.map((r) => [
                      r.row,
                      stateBadge(r),
                      r.product,
                      r.rating ?? "",
                      r.authorName,
                      `${r.title ? `${r.title} — ` : ""}${r.body.slice(0, 120)}${r.reply ? " (with reply)" : ""}`,
                      r.status ?? "",
                    ])}
                  />
                  {preview.problems.length > 0 && (
                    <BlockStack gap="200">
                      <Text as="h3" variant="headingSm">
                        Rows with problems
                      </Text>
                      <List>
                        {preview.problems.map((p) => (
                          <List.Item key={p.row}>
                            Row {p.row}: {[...p.errors, ...p.warnings].join(" ")}
                          </List.Item>
                        ))}
                      </List>
                    </BlockStack>
                  )}
                  {preview.importId ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="confirm" />
                      <input type="hidden" name="importId" value={preview.importId} />
                      <Button submit variant="primary" loading={busy}>
                        {`Import ${preview.ready} review${preview.ready === 1 ? "" : "s"}`}
                      </Button>
                    </Form>
                  ) : (
                    <Text as="p">Nothing new to import.</Text>
                  )}
                </BlockStack>
              </Card>
            )}

            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Export to CSV
                </Text>
                <Text as="p">
                  Every review with its reply, status and reviewer email, in Judge.me&apos;s columns plus Care
                  Desk&apos;s own (care_desk_id, status, verified, locale). Cells that a spreadsheet would run as a
                  formula start with an apostrophe. This page imports the file back.
                </Text>
                <InlineStack gap="300" blockAlign="center">
                  <Button onClick={download} loading={exportState === "working"}>
                    Export reviews
                  </Button>
                  {exportState === "failed" && (
                    <Text as="span" tone="critical">
                      The export failed; try again.
                    </Text>
                  )}
                </InlineStack>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
