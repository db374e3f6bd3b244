// The invoice PDF, rendered with pdfkit from the frozen snapshot. Fonts are embedded as
// subsets: DejaVu Sans (Latin, Greek, Cyrillic; npm `dejavu-fonts-ttf`, Bitstream Vera /
// DejaVu licence) and Noto Sans JP (Japanese; npm `@expo-google-fonts/noto-sans-jp`, SIL OFL),
// read from node_modules — nothing from the network or the system at run time.
// Rendering is deterministic: the creation date is the issue date and the file ID derives
// from it, so the same snapshot always gives the same bytes.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import type { InvoiceSnapshot } from "./document";
import { LABELS } from "./labels";

const require = createRequire(import.meta.url);

const FONT_FILES = {
  latin: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
  latinBold: "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
  cjk: "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
  cjkBold: "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf",
} as const;
type FontName = keyof typeof FONT_FILES;

// Each font file is read and parsed once per process: pdfkit takes a parsed fontkit font as
// well as bytes, and parsing (not drawing) was most of a render's time. Each document still
// makes its own subset of the glyphs it uses, so the output is the same as with bytes.
const fontCache = new Map<FontName, fontkit.Font>();
function font(name: FontName): fontkit.Font {
  let parsed = fontCache.get(name);
  if (!parsed) {
    parsed = fontkit.create(readFileSync(require.resolve(FONT_FILES[name])));
    fontCache.set(name, parsed);
  }
  return parsed;
}

/** Intl formatters per language and currency (making one costs more than a page of text). */
const formatterCache = new Map<
  string,
  { currency: Intl.NumberFormat; date: Intl.DateTimeFormat; percent: Intl.NumberFormat }
>();
function formatters(locale: string, currency: string) {
  const key = `${locale}|${currency}`;
  let entry = formatterCache.get(key);
  if (!entry) {
    entry = {
      currency: new Intl.NumberFormat(locale, { style: "currency", currency }),
      date: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }),
      percent: new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }),
    };
    formatterCache.set(key, entry);
  }
  return entry;
}

const CJK = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** Greek, Cyrillic and the like: Noto Sans JP lacks most of them, DejaVu has them. */
const NON_LATIN = /[^\u0020-\u024f\u2000-\u20cf\u2100-\u214f]/;

/** Japanese text (and, on a Japanese invoice, plain Latin text) in Noto Sans JP; the rest in DejaVu. */
function fontFamily(text: string, japanese: boolean): "latin" | "cjk" {
  if (CJK.test(text)) return "cjk";
  return japanese && !NON_LATIN.test(text) ? "cjk" : "latin";
}

const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const COLUMNS = [
  { key: "description", x: 48, width: 235, align: "left" },
  { key: "quantity", x: 283, width: 40, align: "right" },
  { key: "unitPrice", x: 323, width: 80, align: "right" },
  { key: "taxRate", x: 403, width: 50, align: "right" },
  { key: "amount", x: 453, width: 94, align: "right" },
] as const;
const GREY = "#555555";
/** The logo is scaled down (never up) to fit this box, top left. */
const LOGO_BOX = { width: 160, height: 56 };

/**
 * The document's PDF. A snapshot issued with a logo needs its bytes (`renderDocument` in
 * logo.server.ts loads them): rendering it without would silently change an issued document.
 */
export async function renderInvoicePdf(
  s: InvoiceSnapshot,
  { logo = null }: { logo?: Buffer | null } = {},
): Promise<Buffer> {
  if (s.logoId && !logo) throw new Error(`Invoice ${s.number} was issued with a logo: render it with renderDocument`);
  const labels = LABELS[s.language];
  const locale = s.language;
  const created = new Date(`${s.issueDate}T00:00:00Z`);
  const title = s.kind === "invoice" ? labels.invoice : labels.creditNote;
  const japanese = s.language === "ja";
  const doc = new PDFDocument({
    // No default font: pdfkit's (Helvetica) would be parsed from its metrics file for every
    // document and is never printed; every text below picks its font first.
    font: null as unknown as string,
    size: "A4",
    margin: PAGE.margin,
    bufferPages: true,
    autoFirstPage: true,
    lang: locale,
    info: {
      Title: `${title} ${s.number}`,
      Author: s.seller.name,
      Creator: "Care Desk",
      Producer: "Care Desk",
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const registered = new Set<FontName>();
  const use = (text: string, bold = false) => {
    const family = fontFamily(text, japanese);
    const name: FontName = bold ? `${family}Bold` : family;
    if (!registered.has(name)) {
      doc.registerFont(name, font(name) as unknown as PDFKit.Mixins.PDFFontSource);
      registered.add(name);
    }
    doc.font(name);
    return text;
  };
  const text = (
    value: string,
    x: number,
    y: number,
    options: PDFKit.Mixins.TextOptions & { bold?: boolean; size?: number; color?: string } = {},
  ) => {
    const { bold, size = 9, color = "#000000", ...rest } = options;
    doc.fontSize(size).fillColor(color);
    doc.text(use(value, bold), x, y, { lineBreak: true, ...rest });
  };
  const { currency: currencyFormat, date: dateFormat, percent: percentFormat } = formatters(locale, s.currency);
  const money = (amount: string) => currencyFormat.format(Number(amount));
  const date = (ymd: string) => dateFormat.format(new Date(`${ymd}T00:00:00Z`));
  const percent = (rate: number | null) => (rate == null ? "–" : percentFormat.format(rate) + " %");

  // --- Header: logo and seller left, title and number right -------------------------------
  let y = PAGE.margin;
  if (logo) {
    // pdfkit's openImage (not in its type declarations) reads the size; image() takes the result.
    const image = (doc as unknown as { openImage(src: Buffer): { width: number; height: number } }).openImage(logo);
    const scale = Math.min(LOGO_BOX.width / image.width, LOGO_BOX.height / image.height, 1);
    doc.image(image as unknown as Buffer, PAGE.margin, y, { width: image.width * scale, height: image.height * scale });
    y += image.height * scale + 10;
  }
  text(s.seller.name, PAGE.margin, y, { bold: true, size: 14, width: 300 });
  y = doc.y + 2;
  for (const line of s.seller.address) {
    text(line, PAGE.margin, y, { color: GREY, width: 300 });
    y = doc.y;
  }
  for (const id of s.seller.taxIds) {
    text(`${labels.taxId}: ${id}`, PAGE.margin, y, { color: GREY, width: 300 });
    y = doc.y;
  }
  const sellerBottom = y;

  text(title, 347, PAGE.margin, { bold: true, size: 20, width: 200, align: "right" });
  const meta: [string, string][] = [
    [labels.number, s.number],
    [s.kind === "credit_note" ? labels.creditDate : labels.issueDate, date(s.issueDate)],
    [labels.supplyDate, date(s.supplyDate)],
    [labels.order, s.orderName],
  ];
  if (s.invoiceNumber) meta.push([labels.corrects, s.invoiceNumber]);
  let my = doc.y + 4;
  for (const [label, value] of meta) {
    text(label, 347, my, { color: GREY, width: 90 });
    text(value, 437, my, { width: 110, align: "right", bold: label === labels.number });
    my = Math.max(doc.y, my + 12);
  }

  y = Math.max(sellerBottom, my) + 18;
  if (s.test) {
    doc.rect(PAGE.margin, y - 4, PAGE.width - 2 * PAGE.margin, 18).fill("#fde8e8");
    text(labels.test, PAGE.margin + 6, y, { bold: true, color: "#b42318", width: 480 });
    y += 24;
  }

  // --- Buyer ---------------------------------------------------------------------------
  text(labels.billTo, PAGE.margin, y, { bold: true, color: GREY, size: 8 });
  y = doc.y + 2;
  const buyerLines = [
    s.buyer.company,
    s.buyer.name,
    ...s.buyer.address,
    ...s.buyer.taxIds.map((id) => `${labels.taxId}: ${id}`),
    s.buyer.email,
  ].filter((line): line is string => Boolean(line));
  for (const line of buyerLines) {
    text(line, PAGE.margin, y, { width: 300 });
    y = doc.y;
  }
  y += 18;

  // --- Lines ---------------------------------------------------------------------------
  const header = () => {
    doc.rect(PAGE.margin, y - 4, PAGE.width - 2 * PAGE.margin, 18).fill("#f1f1f1");
    for (const column of COLUMNS) {
      text(labels[column.key], column.x + 4, y, { bold: true, size: 8, width: column.width - 8, align: column.align });
    }
    y += 20;
  };
  const ensureRoom = (height: number) => {
    if (y + height > PAGE.height - PAGE.margin - 40) {
      doc.addPage();
      y = PAGE.margin;
      header();
    }
  };
  header();
  for (const line of s.lines) {
    const detail = [line.variantTitle, line.sku].filter(Boolean).join(" · ");
    ensureRoom(detail ? 30 : 18);
    const top = y;
    text(line.title, COLUMNS[0].x + 4, top, { width: COLUMNS[0].width - 8 });
    let bottom = doc.y;
    if (detail) {
      text(detail, COLUMNS[0].x + 4, bottom, { width: COLUMNS[0].width - 8, size: 7.5, color: GREY });
      bottom = doc.y;
    }
    const cells = [String(line.quantity), money(line.unitPrice), percent(line.taxRate), money(line.total)];
    cells.forEach((value, i) => {
      const column = COLUMNS[i + 1]!;
      text(value, column.x + 4, top, { width: column.width - 8, align: "right" });
    });
    if (Number(line.discount) !== 0) {
      text(`${labels.discount} −${money(line.discount)}`, COLUMNS[3].x, bottom, {
        width: COLUMNS[3].width + COLUMNS[4].width - 4,
        align: "right",
        size: 7.5,
        color: GREY,
      });
      bottom = doc.y;
    }
    y = bottom + 6;
    doc
      .moveTo(PAGE.margin, y - 3)
      .lineTo(PAGE.width - PAGE.margin, y - 3)
      .lineWidth(0.4)
      .strokeColor("#dddddd")
      .stroke();
  }

  // --- Totals --------------------------------------------------------------------------
  const totals: [string, string, boolean?][] = [[labels.subtotal, money(s.subtotal)]];
  if (Number(s.discount) !== 0) totals.push([labels.discount, `−${money(s.discount)}`]);
  for (const line of s.shipping) {
    totals.push([`${labels.shipping} (${line.title})`, money(line.amount)]);
  }
  if (s.shipping.length === 0 && Number(s.shippingTotal) !== 0) {
    totals.push([labels.shipping, money(s.shippingTotal)]);
  }
  for (const tax of s.taxes) {
    const label = `${tax.title} ${percent(tax.rate)}${s.taxesIncluded ? ` (${labels.taxIncluded})` : ""}`;
    totals.push([label, money(tax.amount)]);
  }
  if (s.adjustment && Number(s.adjustment) !== 0) totals.push([labels.adjustment, money(s.adjustment)]);
  totals.push([s.kind === "credit_note" ? labels.totalCredit : labels.total, money(s.total), true]);
  ensureRoom(totals.length * 15 + 30);
  y += 6;
  for (const [label, value, strong] of totals) {
    if (strong) {
      doc
        .moveTo(323, y - 3)
        .lineTo(PAGE.width - PAGE.margin, y - 3)
        .lineWidth(0.8)
        .strokeColor("#000000")
        .stroke();
      y += 2;
    }
    text(label, 283, y, { width: 170, align: "right", bold: strong, size: strong ? 11 : 9 });
    text(value, 453, y, { width: 90, align: "right", bold: strong, size: strong ? 11 : 9 });
    y = doc.y + 4;
  }
  y += 10;
  text(s.taxesIncluded ? labels.pricesInclude : labels.pricesExclude, PAGE.margin, y, { color: GREY, size: 8 });
  if (s.note) {
    const note = s.kind === "credit_note" ? `${labels.reason}: ${s.note}` : s.note;
    text(note, PAGE.margin, doc.y + 6, { size: 8, width: 480 });
  }

  // --- Page numbers --------------------------------------------------------------------
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // the footer sits in the margin: no automatic new page
    const footer = `${s.number} · ${labels.page} ${i + 1}/${range.count}`;
    text(footer, PAGE.margin, PAGE.height - PAGE.margin - 10, {
      size: 7.5,
      color: GREY,
      width: PAGE.width - 2 * PAGE.margin,
      align: "center",
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
