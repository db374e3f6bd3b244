// The admin Invoices page's data: issued documents of one shop, newest first, searched by
// number, order or customer, filtered by issue date (the shop's days), type and status, in
// pages taken with a cursor (issuedAt, id) so that a deep page costs what the first does.
// The same filter selects what a ZIP download contains (zip.server.ts).
import prisma from "~/db.server";
import type { Prisma } from "~/generated/sqlite/client";
import type { DocumentKind } from "./store.server";

export const PAGE_SIZE = 25;
const KINDS: readonly DocumentKind[] = ["invoice", "credit_note"];
const STATUSES = ["live", "test"] as const;
export type InvoiceStatus = (typeof STATUSES)[number];

export interface InvoiceFilter {
  query: string | null;
  kind: DocumentKind | null;
  status: InvoiceStatus | null;
  /** Issued at or after (the shop's midnight of the "from" day). */
  from: Date | null;
  /** Issued before (the shop's midnight after the "to" day). */
  to: Date | null;
  /** One order's documents (the admin link from Shopify's order page). */
  orderId: string | null;
}

/** Offset of `timeZone` from UTC at `instant`, in ms (Intl only, no library). */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return local - Math.floor(instant / 1000) * 1000;
}

/** The instant a day (YYYY-MM-DD) starts in the shop's time zone, or null for a bad date. */
export function dayStart(day: string | null | undefined, timeZone: string): Date | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const utc = Date.parse(`${day}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over into March: only a day that exists is a day.
  if (Number.isNaN(utc) || new Date(utc).toISOString().slice(0, 10) !== day) return null;
  let guess = utc - zoneOffset(utc, timeZone);
  guess = utc - zoneOffset(guess, timeZone); // again across a DST change
  return new Date(guess);
}

export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

const ORDER_ID = /^gid:\/\/shopify\/Order\/\d{1,20}$/;

/** The filter from the page's URL (?q=&kind=&status=&from=&to=&order=). */
export function filterFromUrl(url: URL, timeZone: string): InvoiceFilter {
  const p = url.searchParams;
  const from = p.get("from");
  const to = p.get("to");
  const order = p.get("order");
  return {
    query: p.get("q")?.trim().slice(0, 100) || null,
    kind: KINDS.find((k) => k === p.get("kind")) ?? null,
    status: STATUSES.find((s) => s === p.get("status")) ?? null,
    from: dayStart(from, timeZone),
    to: to && dayStart(to, timeZone) ? dayStart(nextDay(to), timeZone) : null,
    orderId: order && ORDER_ID.test(order) ? order : null,
  };
}

/** Prefix match that an ordinary (shop, column) index answers: [q, q + U+FFFF). */
const prefix = (q: string) => ({ gte: q, lt: `${q}\uffff` });

type SearchColumn = "number" | "orderName" | "customerEmail";

/**
 * Search terms answered by an index: an invoice number or its beginning (as typed or
 * upper-cased), an order name (with or without "#"), a customer's email or its beginning.
 */
function indexedTerms(q: string): { column: SearchColumn; from: string }[] {
  const terms: { column: SearchColumn; from: string }[] = [
    { column: "number", from: q },
    { column: "orderName", from: /^\d+$/.test(q) ? `#${q}` : q },
    { column: "customerEmail", from: q.toLowerCase() },
  ];
  if (q.toUpperCase() !== q) terms.push({ column: "number", from: q.toUpperCase() });
  return terms;
}

/** Those terms, and part of the customer's name (a walk of the list index). */
function searchWhere(q: string): Prisma.InvoiceWhereInput[] {
  return [
    ...indexedTerms(q).map((t): Prisma.InvoiceWhereInput => ({ [t.column]: prefix(t.from) })),
    { customerName: { contains: q } },
  ];
}

export function invoiceWhere(shop: string, filter: InvoiceFilter): Prisma.InvoiceWhereInput {
  const where: Prisma.InvoiceWhereInput = { shop };
  if (filter.kind) where.kind = filter.kind;
  if (filter.status) where.test = filter.status === "test";
  if (filter.orderId) where.orderId = filter.orderId;
  if (filter.from || filter.to)
    where.issuedAt = { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) };
  if (filter.query) where.OR = searchWhere(filter.query);
  return where;
}

interface Cursor {
  at: Date;
  id: string;
}

export function encodeCursor({ issuedAt, id }: { issuedAt: Date; id: string }): string {
  return Buffer.from(`${issuedAt.getTime()}.${id}`).toString("base64url");
}

export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value || value.length > 200) return null;
  const [at, id] = Buffer.from(value, "base64url")
    .toString()
    .split(/\.(.*)/s);
  const time = Number(at);
  if (!id || !Number.isSafeInteger(time)) return null;
  return { at: new Date(time), id };
}

/** Rows after (older than) or before (newer than) a cursor, in the page's order. */
function cursorWhere(cursor: Cursor, direction: "after" | "before"): Prisma.InvoiceWhereInput {
  const cmp = direction === "after" ? "lt" : "gt";
  return { OR: [{ issuedAt: { [cmp]: cursor.at } }, { issuedAt: cursor.at, id: { [cmp]: cursor.id } }] };
}

const LIST_SELECT = {
  id: true,
  kind: true,
  number: true,
  orderId: true,
  orderName: true,
  customerName: true,
  customerEmail: true,
  currency: true,
  total: true,
  test: true,
  locale: true,
  issuedAt: true,
  downloads: true,
} as const;

/** A search term's matches are collected by its own index up to this many; past it, the list index is walked. */
const NARROW = 500;

/**
 * For a query with digits (a number, an order, an email): the values of each searched column
 * its own index finds for the query, when every term finds fewer than NARROW documents; null
 * for anything broader (or a name search), which walks the list index newest first instead.
 * Each probe reads only its own index (it selects only the column it searches).
 */
async function narrowMatches(shop: string, q: string | null): Promise<Prisma.InvoiceWhereInput | null> {
  if (!q || !/\d/.test(q)) return null;
  const terms = indexedTerms(q);
  const found = await Promise.all(
    terms.map(({ column, from }) =>
      prisma.invoice.findMany({
        where: { shop, [column]: prefix(from) },
        select: { [column]: true } as Record<SearchColumn, true>,
        take: NARROW,
      }),
    ),
  );
  if (found.some((rows) => rows.length >= NARROW)) return null;
  const values = new Map<SearchColumn, Set<string>>();
  terms.forEach(({ column }, i) => {
    for (const row of found[i]!) {
      const value = (row as Record<string, string | null>)[column];
      if (value != null) values.set(column, (values.get(column) ?? new Set()).add(value));
    }
  });
  return { OR: [...values].map(([column, set]): Prisma.InvoiceWhereInput => ({ [column]: { in: [...set] } })) };
}

/** One page of the shop's documents, newest first, and the cursors around it. */
export async function listInvoices({
  shop,
  filter,
  after,
  before,
  limit = PAGE_SIZE,
}: {
  shop: string;
  filter: InvoiceFilter;
  after?: string | null;
  before?: string | null;
  limit?: number;
}) {
  const backwards = !after && Boolean(decodeCursor(before));
  const cursor = decodeCursor(after) ?? decodeCursor(before);
  const page: Prisma.InvoiceWhereInput = cursor ? cursorWhere(cursor, backwards ? "before" : "after") : {};
  // A search for a number, an order or an email usually matches a handful of documents: their
  // own indexes find them, sorted here. Anything broader walks the list index newest first.
  const narrow = await narrowMatches(shop, filter.query);
  if (narrow && !narrow.OR?.length) return { invoices: [], next: null, previous: null };
  const where = narrow
    ? { AND: [invoiceWhere(shop, { ...filter, query: null }), narrow, page] }
    : { AND: [invoiceWhere(shop, filter), page] };
  const dir = backwards ? "asc" : "desc";
  const rows = await prisma.invoice.findMany({
    where,
    orderBy: [{ issuedAt: dir }, { id: dir }],
    take: limit + 1,
    select: LIST_SELECT,
  });
  const more = rows.length > limit;
  const list = rows.slice(0, limit);
  if (backwards) list.reverse();
  const first = list[0];
  const last = list[list.length - 1];
  return {
    invoices: list,
    // Going back from a later page there is always a next page; going forward, one earlier.
    next: (backwards ? Boolean(cursor) : more) && last ? encodeCursor(last) : null,
    previous: (backwards ? more : Boolean(cursor)) && first ? encodeCursor(first) : null,
  };
}

export type ListedInvoice = Awaited<ReturnType<typeof listInvoices>>["invoices"][number];

/** The shop's document by id, or null: another shop's id is not found, like a wrong one. */
export function findShopDocument({ shop, id }: { shop: string; id: string }) {
  if (!id || id.length > 64) return Promise.resolve(null);
  return prisma.invoice.findFirst({ where: { shop, id } });
}
