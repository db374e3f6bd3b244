// Reviews in and out as CSV: reading Judge.me's and Yotpo's files and Care Desk's own export,
// and writing that export. Pure (no database, no Admin API): the import model resolves the
// products and stores the rows.
//
// Column layouts (headers are matched case-insensitively, spaces and underscores alike):
// - Judge.me: its review import/export template — title, body, rating, review_date, source,
//   curated, reviewer_name, reviewer_email, product_id, product_handle, reply, reply_date,
//   picture_urls, ip_address, location (later templates add metaobject_handle). The header was
//   checked against several public files written for Judge.me's importer (migration scripts and
//   tests that produce its template). `curated`: ok = published, spam = spam, anything else
//   (not-yet) = pending. Some exports add `verified` / `hidden`; both are read when present.
// - Yotpo: its reviews export — Review ID, Review Title, Review Content, Review Score, Date,
//   Product ID, Product Title/Name, Product URL, Display Name, Email, Comment(s) (the store's
//   public comment), Published, Verified Buyer. Yotpo's help centre names these parts of a review
//   ("Review Title", "Review Content", "User Name", "User Email", "Comments", "Review Source",
//   support.yotpo.com/v1/docs/viewing-and-sorting-reviews); the header spellings of an export
//   vary between Yotpo's dashboards, so each field accepts the known spellings (ALIASES below).
// - Care Desk: Judge.me's columns (so Judge.me's importer can read it too) plus care_desk_id,
//   status, verified and locale; what `toCsv` writes and this parser reads back.
//
// What is not imported: photos (picture_urls), IP addresses and locations. Imported reviews are
// verified buyers' only when the file says so (a `verified` / `Verified Buyer` column that is
// true): the previous app checked the order, Care Desk cannot (no order id in these files), so
// the flag is the source's word and the review keeps source "import" and no order.
import { parse } from "csv-parse/sync";
import { IMPORT_LIMITS, LIMITS, STATUSES, type ReviewStatus } from "./model-types";
import { cleanText, EMAIL } from "./text";

export type ImportFormat = "judgeme" | "yotpo" | "caredesk";
export const FORMAT_NAMES: Record<ImportFormat, string> = {
  judgeme: "Judge.me",
  yotpo: "Yotpo",
  caredesk: "Care Desk",
};

export { IMPORT_LIMITS };

export interface ProductRef {
  /** gid://shopify/Product/… when the file names the product's ID. */
  id: string | null;
  handle: string | null;
}

export interface ImportedReview {
  product: ProductRef;
  rating: number;
  title: string;
  body: string;
  authorName: string;
  email: string | null;
  locale: string;
  status: ReviewStatus;
  verified: boolean;
  createdAt: string;
  reply: string | null;
  repliedAt: string | null;
  /** The review's ID in the source (Yotpo's Review ID, Care Desk's id), when the file has one. */
  sourceId: string | null;
}

export interface ParsedRow {
  /** The row as a spreadsheet numbers it (the header is row 1). */
  row: number;
  review: ImportedReview | null;
  errors: string[];
  warnings: string[];
}

export type ParseResult = { ok: true; format: ImportFormat; rows: ParsedRow[] } | { ok: false; error: string };

type Field =
  | "sourceId"
  | "title"
  | "body"
  | "rating"
  | "date"
  | "name"
  | "email"
  | "productId"
  | "handle"
  | "productUrl"
  | "reply"
  | "replyDate"
  | "curated"
  | "published"
  | "status"
  | "verified"
  | "hidden"
  | "locale";

const ALIASES: Record<ImportFormat, Partial<Record<Field, string[]>>> = {
  judgeme: {
    title: ["title", "review_title"],
    body: ["body", "review_body"],
    rating: ["rating"],
    date: ["review_date", "created_at"],
    name: ["reviewer_name"],
    email: ["reviewer_email"],
    productId: ["product_id"],
    handle: ["product_handle"],
    reply: ["reply"],
    replyDate: ["reply_date", "replied_at"],
    curated: ["curated"],
    verified: ["verified", "verified_buyer"],
    hidden: ["hidden"],
  },
  yotpo: {
    sourceId: ["review_id", "id"],
    title: ["review_title", "title"],
    body: ["review_content", "content", "review"],
    rating: ["review_score", "score", "rating", "star_rating"],
    date: ["date", "review_date", "created_at", "review_creation_date"],
    name: ["display_name", "user_name", "reviewer_display_name", "name"],
    email: ["email", "user_email", "reviewer_email"],
    productId: ["product_id", "domain_key", "product_external_id"],
    handle: ["product_handle"],
    productUrl: ["product_url"],
    reply: ["comment_content", "comments", "comment", "public_comment"],
    replyDate: ["comment_created_at", "comment_date"],
    published: ["published", "status", "review_status"],
    verified: ["verified_buyer", "verified_purchase", "verified"],
  },
  caredesk: {
    sourceId: ["care_desk_id"],
    title: ["title"],
    body: ["body"],
    rating: ["rating"],
    date: ["review_date"],
    name: ["reviewer_name"],
    email: ["reviewer_email"],
    productId: ["product_id"],
    handle: ["product_handle"],
    reply: ["reply"],
    replyDate: ["reply_date"],
    status: ["status"],
    verified: ["verified"],
    locale: ["locale"],
  },
};

const normalise = (header: string) =>
  header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_.-]+/g, "_");

export function detectFormat(headers: string[]): ImportFormat | null {
  const has = (h: string) => headers.includes(h);
  if (has("care_desk_id")) return "caredesk";
  if (has("review_content") || has("review_score")) return "yotpo";
  if (has("body") && has("rating") && (has("reviewer_name") || has("review_date") || has("product_handle")))
    return "judgeme";
  return null;
}

/** The file's delimiter: a comma, or a semicolon (spreadsheets in many European locales). */
function delimiterOf(text: string) {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
}

const FORMULA = /^[=+\-@\t\r]/;
/** Care Desk's export prefixes cells that a spreadsheet would run with a quote; reading back removes it. */
const unguard = (value: string) => (value.startsWith("'") && FORMULA.test(value.slice(1)) ? value.slice(1) : value);

export function parseReviewsCsv(text: string, { now = new Date() }: { now?: Date } = {}): ParseResult {
  if (text.length === 0 || text.trim() === "") return { ok: false, error: "The file is empty." };
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text.replace(/^\uFEFF/, "")),
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: 256 * 1024,
      to: IMPORT_LIMITS.rows + 2,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      ok: false,
      error: `The file is not valid CSV${line ? ` (near line ${line})` : ""}: ${(error as Error).message.replace(/^Invalid[^:]*:\s*/, "")}`,
    };
  }
  const [header, ...data] = records;
  if (!header) return { ok: false, error: "The file is empty." };
  const headers = header.map(normalise);
  const format = detectFormat(headers);
  if (!format)
    return {
      ok: false,
      error:
        "These columns are not a Judge.me, Yotpo or Care Desk review export (expected e.g. title, body, rating, reviewer_name, product_id or Review Content, Review Score, Product ID).",
    };
  if (data.length > IMPORT_LIMITS.rows)
    return { ok: false, error: `A file holds at most ${IMPORT_LIMITS.rows} reviews; split it into smaller files.` };
  const index = {} as Record<Field, number>;
  for (const [field, names] of Object.entries(ALIASES[format]) as [Field, string[]][]) {
    const at = names.map((n) => headers.indexOf(n)).find((i) => i >= 0);
    if (at !== undefined) index[field] = at;
  }
  const rows = data.map((cells, i) => {
    const get = (field: Field) => {
      const at = index[field];
      const raw = at === undefined ? "" : (cells[at] ?? "");
      return format === "caredesk" ? unguard(raw) : raw;
    };
    return parseRow(format, get, i + 2, now);
  });
  return { ok: true, format, rows };
}

const TRUE = new Set(["true", "yes", "1", "y", "ok", "verified", "verified_buyer", "verified-buyer", "published"]);
const truthy = (value: string) => TRUE.has(value.trim().toLowerCase());
const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/;
const HANDLE = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,254}$/u;

function parseRow(format: ImportFormat, get: (f: Field) => string, row: number, now: Date): ParsedRow {
  const errors: string[] = [];
  const warnings: string[] = [];

  // Product
  const idCell = get("productId").trim();
  let productId: string | null = null;
  if (/^\d{1,20}$/.test(idCell)) productId = `gid://shopify/Product/${idCell}`;
  else if (/^gid:\/\/shopify\/Product\/\d{1,20}$/.test(idCell)) productId = idCell;
  else if (idCell)
    warnings.push(`Product ID "${idCell.slice(0, 40)}" is not a Shopify product ID; the handle is used.`);
  let handle = get("handle").trim().toLowerCase() || null;
  if (!handle)
    handle =
      get("productUrl")
        .match(/\/products\/([^/?#\s]+)/)?.[1]
        ?.toLowerCase() ?? null;
  if (handle) {
    try {
      handle = decodeURIComponent(handle);
    } catch {
      /* keep it as written */
    }
    if (!HANDLE.test(handle)) {
      warnings.push(`Product handle "${handle.slice(0, 40)}" is not a valid handle.`);
      handle = null;
    }
  }
  if (!productId && !handle) errors.push("No product: the row needs a product ID or a product handle.");

  // Rating
  const ratingCell = get("rating").trim();
  const rating = /^\d{1,2}(?:\.0+)?$/.test(ratingCell) ? Number.parseInt(ratingCell, 10) : Number.NaN;
  if (!(rating >= 1 && rating <= 5))
    errors.push(
      ratingCell ? `Rating "${ratingCell.slice(0, 20)}" is not a whole number from 1 to 5.` : "The rating is missing.",
    );

  // Text
  let title = cleanText(get("title")).replace(/\s+/g, " ");
  if (title.length > LIMITS.title) {
    title = title.slice(0, LIMITS.title);
    warnings.push(`The title is cut to ${LIMITS.title} characters.`);
  }
  const body = cleanText(get("body"));
  if (!body) errors.push("The review text is empty.");
  if (body.length > LIMITS.body) errors.push(`The review text is longer than ${LIMITS.body} characters.`);
  let authorName = cleanText(get("name")).replace(/\s+/g, " ");
  if (authorName.length > LIMITS.author) {
    authorName = authorName.slice(0, LIMITS.author);
    warnings.push(`The reviewer's name is cut to ${LIMITS.author} characters.`);
  }
  let email: string | null = get("email").trim().toLowerCase() || null;
  if (email && (email.length > 254 || !EMAIL.test(email))) {
    warnings.push(`"${email.slice(0, 60)}" is not an email address; the review is imported without one.`);
    email = null;
  }

  // Dates
  const dateCell = get("date").trim();
  const created = parseDate(dateCell);
  if (!dateCell) errors.push("The review date is missing.");
  else if (!created) errors.push(`The date "${dateCell.slice(0, 40)}" is not a date this importer reads.`);
  else if (created.getTime() > now.getTime() + 86_400_000) errors.push(`The date "${dateCell}" is in the future.`);

  // Reply
  const reply = cleanText(get("reply")) || null;
  if (reply && reply.length > LIMITS.reply) errors.push(`The reply is longer than ${LIMITS.reply} characters.`);
  const replyDateCell = get("replyDate").trim();
  let repliedAt = reply ? (parseDate(replyDateCell) ?? null) : null;
  if (reply && replyDateCell && !repliedAt)
    warnings.push(`The reply date "${replyDateCell.slice(0, 40)}" is not read.`);
  if (reply && !repliedAt) repliedAt = created ?? null;
  if (repliedAt && created && repliedAt < created) repliedAt = created;

  // Status and verified
  let status: ReviewStatus = "published";
  if (format === "judgeme") {
    const curated = get("curated").trim().toLowerCase();
    if (curated === "spam") status = "spam";
    else if (curated && curated !== "ok") status = "pending";
    if (truthy(get("hidden"))) status = "hidden";
  } else if (format === "yotpo") {
    const published = get("published").trim().toLowerCase();
    if (["rejected", "deleted", "hidden"].includes(published)) status = "hidden";
    else if (published && !truthy(published)) status = "pending";
  } else {
    const value = get("status").trim().toLowerCase();
    if ((STATUSES as readonly string[]).includes(value)) status = value as ReviewStatus;
    else errors.push(`Status "${value.slice(0, 20)}" is not one of ${STATUSES.join(", ")}.`);
  }
  const localeCell = get("locale").trim();
  const locale = LOCALE.test(localeCell) ? localeCell : "en";
  const sourceId = get("sourceId").trim().slice(0, 100) || null;

  const review: ImportedReview | null =
    errors.length === 0 && created
      ? {
          product: { id: productId, handle },
          rating,
          title,
          body,
          authorName,
          email,
          locale,
          status,
          verified: truthy(get("verified")),
          createdAt: created.toISOString(),
          reply,
          repliedAt: repliedAt?.toISOString() ?? null,
          sourceId,
        }
      : null;
  return { row, review, errors, warnings };
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Dates as review apps write them: ISO 8601 (`2025-03-02`, `2025-03-02T10:12:00Z`, `+01:00`),
 * with a space and `UTC` (Judge.me: `2025-03-02 10:12:00 UTC`), and day-first or month-first
 * numeric dates (`02.03.2025` is day.month; `03/02/2025` is month/day as Yotpo's US exports
 * write it, unless the first number is above 12). No time means midnight UTC.
 */
export function parseDate(value: string): Date | null {
  const s = value.trim();
  let y: number, mo: number, d: number;
  let time = "00:00:00";
  let zone = "Z";
  const iso = s.match(
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i,
  );
  const numeric = s.match(/^(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/);
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4]) time = `${pad(Number(iso[4]))}:${iso[5]}:${iso[6] ?? "00"}`;
    const z = iso[7]?.toUpperCase();
    if (z && z !== "Z" && z !== "UTC" && z !== "GMT") zone = z.includes(":") ? z : `${z.slice(0, 3)}:${z.slice(3)}`;
  } else if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[3])];
    const dayFirst = numeric[2] === "." || a > 12;
    [d, mo] = dayFirst ? [a, b] : [b, a];
    y = Number(numeric[4]);
    if (numeric[5]) time = `${pad(Number(numeric[5]))}:${numeric[6]}:${numeric[7] ?? "00"}`;
  } else {
    return null;
  }
  if (y < 1990 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const date = new Date(`${y}-${pad(mo)}-${pad(d)}T${time}${zone}`);
  if (Number.isNaN(date.getTime())) return null;
  // 2025-02-30 rolls over to March in JavaScript: refuse it (checked on the date as written).
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return date;
}

// ---- Export

/** Care Desk's export columns: Judge.me's, then Care Desk's own. */
export const EXPORT_COLUMNS = [
  "title",
  "body",
  "rating",
  "review_date",
  "source",
  "curated",
  "reviewer_name",
  "reviewer_email",
  "product_id",
  "product_handle",
  "reply",
  "reply_date",
  "care_desk_id",
  "status",
  "verified",
  "locale",
] as const;

export interface ExportReview {
  id: string;
  productId: string;
  rating: number;
  title: string;
  body: string;
  authorName: string;
  email: string | null;
  locale: string;
  status: string;
  verified: boolean;
  createdAt: Date;
  replyBody: string | null;
  repliedAt: Date | null;
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a
 * leading apostrophe (OWASP's advice for CSV injection); the importer removes it again.
 */
export const guardCell = (value: string) => (FORMULA.test(value) ? `'${value}` : value);

export function exportRecord(review: ExportReview, handle: string | null): string[] {
  const record: Record<(typeof EXPORT_COLUMNS)[number], string> = {
    title: review.title,
    body: review.body,
    rating: String(review.rating),
    review_date: review.createdAt.toISOString(),
    source: "care-desk",
    curated: review.status === "published" ? "ok" : review.status === "spam" ? "spam" : "not-yet",
    reviewer_name: review.authorName,
    reviewer_email: review.email ?? "",
    product_id: review.productId.split("/").pop() ?? "",
    product_handle: handle ?? "",
    reply: review.replyBody ?? "",
    reply_date: review.replyBody && review.repliedAt ? review.repliedAt.toISOString() : "",
    care_desk_id: review.id,
    status: review.status,
    verified: review.verified ? "true" : "false",
    locale: review.locale,
  };
  return EXPORT_COLUMNS.map((column) => guardCell(record[column]));
}
