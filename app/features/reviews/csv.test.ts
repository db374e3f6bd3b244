import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { EXPORT_COLUMNS, exportRecord, guardCell, parseDate, parseReviewsCsv, type ExportReview } from "./csv";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");
const NOW = new Date("2026-11-23T12:00:00Z");

function parsed(text: string) {
  const result = parseReviewsCsv(text, { now: NOW });
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("Judge.me's export", () => {
  const result = parsed(fixture("judgeme-export.csv"));
  const byRow = (row: number) => result.rows.find((r) => r.row === row)!;

  it("is recognised through a BOM and Windows line ends, one row per review (multiline bodies included)", () => {
    expect(result.format).toBe("judgeme");
    expect(result.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("reads a published review with its reply as the owner's reply, the email lower-cased, the photos left out", () => {
    expect(byRow(2)).toEqual({
      row: 2,
      errors: [],
      warnings: [],
      review: {
        product: { id: "gid://shopify/Product/7012345678", handle: null },
        rating: 5,
        title: "Love it",
        body: "Great mug, keeps coffee hot.\nSecond line of the review.",
        authorName: "Camille Rousseau",
        email: "camille@example.fr",
        locale: "en",
        status: "published",
        verified: false,
        createdAt: "2025-03-02T10:12:00.000Z",
        reply: "Thank you, Camille!",
        repliedAt: "2025-03-03T08:00:00.000Z",
        sourceId: null,
      },
    });
  });

  it("maps curated: not-yet → pending, spam → spam; a handle when there is no product ID; offsets in dates", () => {
    expect(byRow(3).review).toMatchObject({
      status: "pending",
      product: { id: null, handle: "ceramic-mug" },
      body: 'Handle is "fine", glaze chipped.',
      createdAt: "2025-01-10T00:00:00.000Z",
    });
    expect(byRow(4).review).toMatchObject({ status: "spam", createdAt: "2024-12-01T08:30:00.000Z", email: null });
  });

  it("keeps Liquid and HTML as inert text (escaped where it is shown) and month-first US dates", () => {
    expect(byRow(5).review).toMatchObject({
      body: "<script>alert(1)</script> {{ shop.name }} {% render 'x' %}",
      authorName: "<b>Eve</b>",
      createdAt: "2025-02-14T00:00:00.000Z",
    });
  });

  it("keeps formula-looking cells as text (the export guards them again)", () => {
    expect(byRow(6).review).toMatchObject({
      body: '=HYPERLINK("http://evil.example","click")',
      authorName: "=cmd|' /C calc'!A0",
      reply: "@SUM(1+1)",
      repliedAt: "2025-02-20T00:00:00.000Z",
    });
  });

  it("reports each bad row with its reason and imports nothing of it", () => {
    expect(byRow(7)).toMatchObject({ review: null, errors: ['Rating "6" is not a whole number from 1 to 5.'] });
    expect(byRow(8)).toMatchObject({
      review: null,
      errors: ["No product: the row needs a product ID or a product handle."],
    });
    expect(byRow(9)).toMatchObject({
      review: null,
      errors: ['The date "31/31/2025" is not a date this importer reads.'],
    });
    expect(byRow(10)).toMatchObject({ review: null, errors: ["The review text is empty."] });
  });
});

describe("Yotpo's export", () => {
  const result = parsed(fixture("yotpo-export.csv"));
  const byRow = (row: number) => result.rows.find((r) => r.row === row)!;

  it("reads the review ID, the store's comment as the reply, Published and Verified Buyer", () => {
    expect(result.format).toBe("yotpo");
    expect(byRow(2)).toMatchObject({
      errors: [],
      review: {
        sourceId: "410001",
        product: { id: "gid://shopify/Product/7012345678", handle: "ceramic-mug" },
        title: "Sehr gut",
        body: "Tolle Tasse.\nHält warm.",
        authorName: "Jürgen",
        status: "published",
        verified: true,
        createdAt: "2024-11-05T00:00:00.000Z",
        reply: "Danke!",
        repliedAt: "2024-11-06T00:00:00.000Z",
      },
    });
  });

  it("takes the handle from the product URL, drops a malformed email with a warning, unpublished → pending", () => {
    expect(byRow(3)).toMatchObject({
      errors: [],
      warnings: ['"not-an-email" is not an email address; the review is imported without one.'],
      review: {
        product: { id: null, handle: "ceramic-mug" },
        title: "すばらしい",
        email: null,
        status: "pending",
        verified: false,
        createdAt: "2024-10-01T12:00:00.000Z",
      },
    });
    expect(byRow(4).review).toMatchObject({ status: "hidden" });
  });

  it("refuses ratings out of range or not whole", () => {
    expect(byRow(5).errors).toEqual(['Rating "0" is not a whole number from 1 to 5.']);
    expect(byRow(6).errors).toEqual(['Rating "3.5" is not a whole number from 1 to 5.']);
  });
});

describe("files that are not review exports", () => {
  it.each([
    ["", "The file is empty."],
    ["name,age\nAnn,3\n", "These columns are not"],
    ['title,body,rating,review_date,reviewer_name,product_id\n"unclosed,body,5,2025-01-01,Ann,1\n', "not valid CSV"],
  ])("%j is refused with a reason", (text, reason) => {
    const result = parseReviewsCsv(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(reason);
  });

  it("refuses more than 5,000 reviews in one file", () => {
    const rows = Array.from({ length: 5001 }, (_, i) => `T,B${i},5,2025-01-01,Ann,1`);
    const result = parseReviewsCsv(["title,body,rating,review_date,reviewer_name,product_id", ...rows].join("\n"));
    expect(result).toEqual({ ok: false, error: "A file holds at most 5000 reviews; split it into smaller files." });
  });

  it("reads semicolon-separated files (spreadsheets in European locales)", () => {
    const result = parsed(
      "title;body;rating;review_date;reviewer_name;product_id\nA;Gut, sehr gut;4;02.03.2025;Jo;12\n",
    );
    expect(result.rows[0]!.review).toMatchObject({ body: "Gut, sehr gut", createdAt: "2025-03-02T00:00:00.000Z" });
  });

  it("removes control and bidi-override characters, cuts overlong titles with a warning, refuses huge bodies", () => {
    const result = parsed(
      [
        "title,body,rating,review_date,reviewer_name,product_id",
        `${"T".repeat(200)},"ok\u202Egnp.exe\u0000",5,2025-01-01,Ann,1`,
        `T,${"x".repeat(5001)},5,2025-01-01,Ann,1`,
      ].join("\n"),
    );
    expect(result.rows[0]!.review).toMatchObject({ body: "okgnp.exe", title: "T".repeat(150) });
    expect(result.rows[0]!.warnings).toEqual(["The title is cut to 150 characters."]);
    expect(result.rows[1]!.errors).toEqual(["The review text is longer than 5000 characters."]);
  });
});

describe("dates", () => {
  it.each([
    ["2025-03-02", "2025-03-02T00:00:00.000Z"],
    ["2025-03-02T10:12:00Z", "2025-03-02T10:12:00.000Z"],
    ["2025-03-02 10:12:00 UTC", "2025-03-02T10:12:00.000Z"],
    ["2025-03-02T10:12:00.123+02:00", "2025-03-02T08:12:00.000Z"],
    ["2025-03-02 10:12 +0100", "2025-03-02T09:12:00.000Z"],
    ["03/02/2025", "2025-03-02T00:00:00.000Z"],
    ["13/02/2025", "2025-02-13T00:00:00.000Z"],
    ["02.03.2025 14:05", "2025-03-02T14:05:00.000Z"],
  ])("%s → %s", (input, iso) => {
    expect(parseDate(input)?.toISOString()).toBe(iso);
  });

  it.each(["2025-02-30", "yesterday", "2025-13-01", "1/2/25", "1850-01-01", "12345"])("%s is refused", (input) => {
    expect(parseDate(input)).toBeNull();
  });

  it("refuses a review dated in the future", () => {
    const result = parsed("title,body,rating,review_date,reviewer_name,product_id\nA,B,5,2030-01-01,Ann,1\n");
    expect(result.rows[0]!.errors).toEqual(['The date "2030-01-01" is in the future.']);
  });
});

describe("Care Desk's export", () => {
  const review: ExportReview = {
    id: "0b5c3a8e-1111-4222-8333-944445555666",
    productId: "gid://shopify/Product/42",
    rating: 2,
    title: "+1 would not buy",
    body: '=HYPERLINK("http://evil.example")\n-2 stars, "really"',
    authorName: "@ann",
    email: "ann@example.com",
    locale: "de",
    status: "hidden",
    verified: true,
    createdAt: new Date("2025-05-06T07:08:09.000Z"),
    replyBody: "\tSorry",
    repliedAt: new Date("2025-05-07T00:00:00.000Z"),
  };

  it("prefixes every cell a spreadsheet would run (= + - @ tab CR) with an apostrophe", () => {
    expect(["=1", "+1", "-1", "@a", "\tx", "\rx", "ok", "1-2", ""].map(guardCell)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@a",
      "'\tx",
      "'\rx",
      "ok",
      "1-2",
      "",
    ]);
    const record = exportRecord(review, "mug");
    expect(record.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it("round-trips through the importer: every field comes back as it was", async () => {
    const { stringify } = await import("csv-stringify/sync");
    const text = stringify([[...EXPORT_COLUMNS], exportRecord(review, "mug")]);
    // it is plain CSV that other tools read too
    expect((parse(text, { columns: true }) as Record<string, string>[])[0]).toMatchObject({
      curated: "not-yet",
      product_id: "42",
      product_handle: "mug",
    });
    const back = parsed(text);
    expect(back.format).toBe("caredesk");
    expect(back.rows[0]).toEqual({
      row: 2,
      errors: [],
      warnings: [],
      review: {
        product: { id: "gid://shopify/Product/42", handle: "mug" },
        rating: 2,
        title: review.title,
        body: review.body,
        authorName: "@ann",
        email: "ann@example.com",
        locale: "de",
        status: "hidden",
        verified: true,
        createdAt: "2025-05-06T07:08:09.000Z",
        reply: "Sorry", // replies are plain text, trimmed like any reply
        repliedAt: "2025-05-07T00:00:00.000Z",
        sourceId: review.id,
      },
    });
  });
});
