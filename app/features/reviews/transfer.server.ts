// Import from and export to CSV (embedded admin, /app/reviews/import and /app/reviews/export).
// Import: the upload is parsed (csv.ts), its products resolved through the Admin API, the
// valid new rows kept in ReviewImport and a preview returned; the owner's confirmation stores
// them. A review is imported once per shop: its import key (the source and the source's review
// ID, or a hash of product, email, date and text) is unique per shop in the database.
// Export: every review of the shop as CSV, written in pages as it is read.
import { createHash, randomUUID } from "node:crypto";
// Remix's `json`: the server's Response (remix-serve's globals) has no static Response.json.
import {
  json,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import prisma from "~/db.server";
import { adminQuery, type AdminGraphql } from "~/graphql.server";
import { EXPORT_COLUMNS, exportRecord, FORMAT_NAMES, IMPORT_LIMITS, parseReviewsCsv, type ImportedReview } from "./csv";
import { REVIEW_PRODUCTS_QUERY } from "./desk.server";
import { productsChanged, rememberProduct } from "./sync.server";

export const REVIEW_IMPORT_PRODUCTS_QUERY = `#graphql
  query CareDeskReviewImportProducts($ids: [ID!]!, $handles: String!, $first: Int!, $byHandle: Boolean!) {
    nodes(ids: $ids) {
      ... on Product { id handle }
    }
    products(first: $first, query: $handles) @include(if: $byHandle) {
      nodes { id handle }
    }
  }
` as const;

/** An upload waits this long for its confirmation. */
const PREVIEW_TTL_MS = 24 * 3_600_000;
const PREVIEW_ROWS = 20;
const MAX_LISTED_PROBLEMS = 200;
const LOOKUP_CHUNK = 50;

interface Products {
  byId: Map<string, string>;
  byHandle: Map<string, string>;
}

/** The shop's products named by the rows (IDs that exist, handles → IDs), 50 of each per call. */
async function resolveProducts(graphql: AdminGraphql, reviews: ImportedReview[]): Promise<Products> {
  const ids = [...new Set(reviews.map((r) => r.product.id).filter((id): id is string => Boolean(id)))];
  const handles = [...new Set(reviews.filter((r) => r.product.handle).map((r) => r.product.handle!))];
  const found: Products = { byId: new Map(), byHandle: new Map() };
  for (let i = 0; i < Math.max(ids.length, handles.length); i += LOOKUP_CHUNK) {
    const someIds = ids.slice(i, i + LOOKUP_CHUNK);
    const someHandles = handles.slice(i, i + LOOKUP_CHUNK);
    const data = await adminQuery(graphql, REVIEW_IMPORT_PRODUCTS_QUERY, {
      ids: someIds,
      // handles are checked against /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u by the parser: no quotes to escape
      handles: someHandles.map((h) => `handle:"${h}"`).join(" OR "),
      first: Math.max(1, someHandles.length),
      byHandle: someHandles.length > 0,
    });
    for (const node of data.nodes) if (node && "handle" in node) found.byId.set(node.id, node.handle);
    for (const product of data.products?.nodes ?? []) found.byHandle.set(product.handle, product.id);
  }
  return found;
}

const hash = (...parts: (string | null)[]) =>
  createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 32);

export function importKey(format: string, review: ImportedReview, productId: string) {
  if (review.sourceId) return `${format}:${review.sourceId}`;
  return `hash:${hash(productId, review.email, review.createdAt, review.body)}`;
}

interface StagedRow {
  row: number;
  key: string;
  productId: string;
  review: ImportedReview;
}

export type PreviewRow = {
  row: number;
  state: "new" | "duplicate" | "error";
  rating: number | null;
  title: string;
  body: string;
  authorName: string;
  product: string;
  status: string | null;
  reply: boolean;
  errors: string[];
  warnings: string[];
};

export type ImportPreview = {
  ok: true;
  importId: string | null;
  fileName: string;
  format: string;
  total: number;
  ready: number;
  duplicates: number;
  invalid: number;
  rows: PreviewRow[];
  problems: PreviewRow[];
};

export type ImportAnswer =
  ImportPreview | { ok: false; error: string } | { ok: true; imported: number; skipped: number };

/** Parses the upload, resolves its products, finds what is already here, and stages the rest. */
export async function previewImport({
  shop,
  graphql,
  fileName,
  text,
  now = new Date(),
}: {
  shop: string;
  graphql: AdminGraphql;
  fileName: string;
  text: string;
  now?: Date;
}): Promise<ImportPreview | { ok: false; error: string }> {
  const parsed = parseReviewsCsv(text, { now });
  if (!parsed.ok) return parsed;
  const reviews = parsed.rows.flatMap((r) => (r.review ? [r.review] : []));
  const products = await resolveProducts(graphql, reviews);

  const staged: StagedRow[] = [];
  const states = new Map<number, { state: PreviewRow["state"]; product: string; errors: string[] }>();
  for (const row of parsed.rows) {
    const review = row.review;
    if (!review) {
      states.set(row.row, { state: "error", product: "", errors: row.errors });
      continue;
    }
    const productId =
      (review.product.id && products.byId.has(review.product.id) ? review.product.id : null) ??
      (review.product.handle ? (products.byHandle.get(review.product.handle) ?? null) : null);
    if (!productId) {
      const named = [
        review.product.id && `ID ${review.product.id.split("/").pop()}`,
        review.product.handle && `handle "${review.product.handle}"`,
      ]
        .filter(Boolean)
        .join(", ");
      states.set(row.row, { state: "error", product: named, errors: [`No product of this shop has ${named}.`] });
      continue;
    }
    const handle = products.byId.get(productId) ?? review.product.handle ?? productId;
    staged.push({ row: row.row, key: importKey(parsed.format, review, productId), productId, review });
    states.set(row.row, { state: "new", product: handle, errors: [] });
  }

  // Already here: the same import key (or, for Care Desk's own export, the same review), or twice in the file.
  const existing = await existingKeys(shop, staged, parsed.format === "caredesk");
  const seen = new Set<string>();
  const fresh = staged.filter((s) => {
    const duplicate = existing.has(s.key) || seen.has(s.key);
    seen.add(s.key);
    if (duplicate) states.get(s.row)!.state = "duplicate";
    return !duplicate;
  });

  await prisma.reviewImport.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - PREVIEW_TTL_MS) } } });
  const importId = fresh.length > 0 ? randomUUID() : null;
  if (importId)
    await prisma.reviewImport.create({
      data: {
        id: importId,
        shop,
        format: parsed.format,
        fileName: fileName.slice(0, 200),
        rows: JSON.stringify(fresh),
        rowCount: fresh.length,
        createdAt: now,
      },
    });

  const view = (row: (typeof parsed.rows)[number]): PreviewRow => {
    const state = states.get(row.row)!;
    return {
      row: row.row,
      state: state.state,
      rating: row.review?.rating ?? null,
      title: row.review?.title ?? "",
      body: (row.review?.body ?? "").slice(0, 300),
      authorName: row.review?.authorName ?? "",
      product: state.product,
      status: row.review?.status ?? null,
      reply: Boolean(row.review?.reply),
      errors: state.errors,
      warnings: row.warnings,
    };
  };
  const all = parsed.rows.map(view);
  return {
    ok: true,
    importId,
    fileName,
    format: FORMAT_NAMES[parsed.format],
    total: all.length,
    ready: fresh.length,
    duplicates: all.filter((r) => r.state === "duplicate").length,
    invalid: all.filter((r) => r.state === "error").length,
    rows: all.slice(0, PREVIEW_ROWS),
    problems: all.filter((r) => r.state === "error" || r.warnings.length > 0).slice(0, MAX_LISTED_PROBLEMS),
  };
}

async function existingKeys(shop: string, rows: { key: string; review: ImportedReview }[], ownIds: boolean) {
  const found = new Set<string>();
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const byKey = await prisma.review.findMany({
      where: { shop, importKey: { in: chunk.map((r) => r.key) } },
      select: { importKey: true },
    });
    for (const r of byKey) found.add(r.importKey!);
    if (ownIds) {
      // A review exported from this shop and imported back is the review itself.
      const ids = chunk.flatMap((r) => (r.review.sourceId ? [r.review.sourceId] : []));
      const same = await prisma.review.findMany({ where: { shop, id: { in: ids } }, select: { id: true } });
      for (const r of same) found.add(`caredesk:${r.id}`);
    }
  }
  return found;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

/** Stores a staged upload (once: the staging row is taken first) and queues the storefront syncs. */
export async function confirmImport({ shop, importId }: { shop: string; importId: string }) {
  const staged = await prisma.reviewImport.findFirst({ where: { shop, id: importId } });
  if (!staged || staged.createdAt.getTime() < Date.now() - PREVIEW_TTL_MS) return null;
  // Taking it: a second confirmation (double click, another tab, another instance) finds nothing.
  const taken = await prisma.reviewImport.deleteMany({ where: { shop, id: importId } });
  if (taken.count === 0) return null;
  const rows = JSON.parse(staged.rows) as StagedRow[];
  const existing = await existingKeys(shop, rows, staged.format === "caredesk");
  let imported = 0;
  const touched = new Map<string, boolean>();
  for (const { key, productId, review } of rows) {
    if (existing.has(key)) continue;
    const createdAt = new Date(review.createdAt);
    const repliedAt = review.reply && review.repliedAt ? new Date(review.repliedAt) : null;
    try {
      await prisma.review.create({
        data: {
          id: randomUUID(),
          shop,
          productId,
          rating: review.rating,
          title: review.title,
          body: review.body,
          authorName: review.authorName,
          email: review.email,
          locale: review.locale,
          status: review.status,
          verified: review.verified,
          source: "import",
          importKey: key,
          createdAt,
          publishedAt: review.status === "published" ? createdAt : null,
          replyBody: review.reply,
          repliedAt,
          firstRepliedAt: repliedAt,
        },
        select: { id: true },
      });
      imported++;
      touched.set(productId, (touched.get(productId) ?? false) || review.status === "published");
    } catch (error) {
      // The same review arrived through another upload meanwhile: the unique key kept it out.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  const published = [...touched].filter(([, p]) => p).map(([id]) => id);
  await productsChanged({ shop, productIds: published });
  for (const [productId, p] of touched) if (!p) await rememberProduct({ shop, productId });
  return {
    imported,
    skipped: rows.length - imported,
    products: touched.size,
    format: FORMAT_NAMES[staged.format as keyof typeof FORMAT_NAMES] ?? staged.format,
  };
}

// ---- Export

const EXPORT_PAGE = 500;

/**
 * Every review of the shop as CSV (Care Desk's columns, see csv.ts), oldest first, read and
 * written 500 at a time; product handles come from the Admin API (250 products a call).
 */
export function exportReviewsCsv({ shop, graphql }: { shop: string; graphql: AdminGraphql }) {
  const handles = new Map<string, string | null>();
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // A BOM so that spreadsheets read UTF-8; the importer skips it.
        controller.enqueue(encoder.encode(`\uFEFF${stringify([[...EXPORT_COLUMNS]])}`));
        return;
      }
      const page = await prisma.review.findMany({
        where: { shop },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: EXPORT_PAGE,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select: {
          id: true,
          productId: true,
          rating: true,
          title: true,
          body: true,
          authorName: true,
          email: true,
          locale: true,
          status: true,
          verified: true,
          createdAt: true,
          replyBody: true,
          repliedAt: true,
        },
      });
      if (page.length === 0) {
        controller.close();
        return;
      }
      cursor = page[page.length - 1]!.id;
      const unknown = [...new Set(page.map((r) => r.productId))].filter((id) => !handles.has(id));
      for (let i = 0; i < unknown.length; i += 250) {
        const ids = unknown.slice(i, i + 250);
        const data = await adminQuery(graphql, REVIEW_PRODUCTS_QUERY, { ids });
        for (const id of ids) handles.set(id, null);
        for (const node of data.nodes) if (node && "handle" in node && node.id) handles.set(node.id, node.handle);
      }
      controller.enqueue(encoder.encode(stringify(page.map((r) => exportRecord(r, handles.get(r.productId) ?? null)))));
      if (page.length < EXPORT_PAGE) controller.close();
    },
  });
}

// ---- The admin's endpoints

/** Text of an upload: UTF-8 (with or without BOM), UTF-16 with its BOM, else Windows-1252. */
export function decodeUpload(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

const tooLarge = () =>
  json(
    {
      ok: false,
      error: `The file is larger than ${IMPORT_LIMITS.bytes / 1024 / 1024} MB; split it into smaller files.`,
    },
    { status: 413 },
  );

/** POST /app/reviews/import: a multipart upload (preview) or a confirmation (importId). */
export async function importAction({
  shop,
  graphql,
  request,
}: {
  shop: string;
  graphql: AdminGraphql;
  request: Request;
}): Promise<Response> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > IMPORT_LIMITS.bytes + 64 * 1024) return tooLarge();
    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(
        request,
        unstable_createMemoryUploadHandler({ maxPartSize: IMPORT_LIMITS.bytes }),
      );
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return tooLarge();
      return json({ ok: false, error: "The upload could not be read." }, { status: 400 });
    }
    const file = form.get("file");
    if (!(file instanceof Blob) || file.size === 0)
      return json({ ok: false, error: "Choose a CSV file first." }, { status: 400 });
    const text = decodeUpload(new Uint8Array(await file.arrayBuffer()));
    const fileName = "name" in file && typeof file.name === "string" ? file.name : "upload.csv";
    const preview = await previewImport({ shop, graphql, fileName, text });
    return json(preview, { status: preview.ok ? 200 : 400 });
  }
  const form = await request.formData();
  const importId = String(form.get("importId") ?? "");
  if (form.get("intent") !== "confirm" || !/^[0-9a-f-]{36}$/.test(importId))
    return json({ ok: false, error: "Upload a file first." }, { status: 400 });
  const done = await confirmImport({ shop, importId });
  if (!done)
    return json(
      {
        ok: false,
        error: "This preview is no longer available (already imported, or older than a day). Upload the file again.",
      },
      { status: 409 },
    );
  return json({ ok: true, imported: done.imported, skipped: done.skipped });
}

/** GET /app/reviews/export: the download, streamed. */
export function exportResponse({ shop, graphql }: { shop: string; graphql: AdminGraphql }) {
  const date = new Date().toISOString().slice(0, 10);
  return new Response(exportReviewsCsv({ shop, graphql }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="reviews-${shop.replace(/\.myshopify\.com$/, "")}-${date}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
