// The invoice PDF: text extractable (pdftotext from poppler-utils), fonts embedded as
// subsets for every script the storefront speaks, and the same bytes every time.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { InvoiceSnapshot } from "./document";
import { renderInvoicePdf } from "./pdf.server";

const dir = mkdtempSync(path.join(tmpdir(), "care-desk-pdf-"));
function pdftotext(pdf: Buffer, name: string): string {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}
function pdffonts(pdf: Buffer, name: string): string {
  const file = path.join(dir, `${name}-fonts.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdffonts", [file], { encoding: "utf8" });
}

export function sampleSnapshot(overrides: Partial<InvoiceSnapshot> = {}): InvoiceSnapshot {
  return {
    version: 1,
    kind: "invoice",
    number: "INV-2026-00042",
    invoiceNumber: null,
    orderName: "#1042",
    issueDate: "2026-03-04",
    supplyDate: "2026-03-03",
    language: "en",
    currency: "EUR",
    taxesIncluded: true,
    test: false,
    seller: {
      name: "Maple GmbH",
      company: null,
      address: ["Hauptstr. 1", "10115 Berlin"],
      taxIds: ["DE123456789"],
      email: null,
    },
    buyer: {
      name: "Ελένη Παπαδοπούλου",
      company: null,
      address: ["ул. Ленина 5", "Αθήνα"],
      taxIds: [],
      email: "eleni@example.com",
    },
    lines: Array.from({ length: 10 }, (_, i) => ({
      title: i === 0 ? "Łódź enamel mug" : `Item ${i + 1}`,
      variantTitle: i % 2 ? "Blue / M" : null,
      sku: `SKU-${i + 1}`,
      quantity: 1 + (i % 3),
      unitPrice: "10.00",
      discount: "0.00",
      total: (10 * (1 + (i % 3))).toFixed(2),
      taxRate: 19,
    })),
    shipping: [{ title: "DHL", amount: "4.90", taxRate: 19 }],
    discount: "0.00",
    taxes: [{ title: "MwSt", rate: 19, amount: "32.71" }],
    subtotal: "190.00",
    shippingTotal: "4.90",
    taxTotal: "32.71",
    total: "194.90",
    note: null,
    ...overrides,
  };
}

describe("invoice PDF", () => {
  it("prints number, lines and totals as extractable text, Greek and Cyrillic included", async () => {
    const pdf = await renderInvoicePdf(sampleSnapshot());
    const text = pdftotext(pdf, "latin");
    expect(text).toContain("Invoice");
    expect(text).toContain("INV-2026-00042");
    expect(text).toContain("Łódź enamel mug");
    expect(text).toContain("Item 10");
    expect(text).toContain("Ελένη Παπαδοπούλου");
    expect(text).toContain("ул. Ленина 5");
    expect(text).toMatch(/MwSt 19 % \(incl\.\)\s+€32\.71/);
    expect(text).toMatch(/Total\s+€194\.90/);
    expect(text).toContain("March 4, 2026");
    // embedded subsets (pdffonts: "emb sub" both yes)
    const fonts = pdffonts(pdf, "latin");
    expect(fonts).toMatch(/DejaVuSans\s.*yes yes/);
    expect(pdf.length).toBeLessThan(40 * 1024);
  });

  it("renders Japanese labels, dates and yen with an embedded Japanese subset", async () => {
    const pdf = await renderInvoicePdf(
      sampleSnapshot({
        language: "ja",
        currency: "JPY",
        buyer: {
          name: "Ελένη Παπαδοπούλου",
          company: "株式会社サンプル",
          address: ["東京都渋谷区1-2-3"],
          taxIds: ["T1234567890123"],
          email: null,
        },
        lines: [
          {
            title: "有田焼のマグカップ",
            variantTitle: "青",
            sku: null,
            quantity: 2,
            unitPrice: "1200",
            discount: "0",
            total: "2400",
            taxRate: 10,
          },
        ],
        shipping: [],
        taxes: [{ title: "消費税", rate: 10, amount: "218" }],
        subtotal: "2400",
        shippingTotal: "0",
        taxTotal: "218",
        total: "2400",
      }),
    );
    const text = pdftotext(pdf, "ja");
    expect(text).toContain("請求書");
    expect(text).toContain("有田焼のマグカップ");
    expect(text).toContain("株式会社サンプル");
    // Greek and Cyrillic on a Japanese invoice still render (DejaVu for those runs)
    expect(text).toContain("Ελένη Παπαδοπούλου");
    expect(text).toContain("2026年3月4日");
    expect(text).toMatch(/合計\s+[￥¥]2,400/);
    expect(pdffonts(pdf, "ja")).toMatch(/NotoSansJP.*yes yes/);
    expect(pdf.length).toBeLessThan(120 * 1024);
  });

  it("marks test orders and credit notes", async () => {
    const text = pdftotext(
      await renderInvoicePdf(
        sampleSnapshot({
          kind: "credit_note",
          number: "CN-2026-00001",
          invoiceNumber: "INV-2026-00042",
          test: true,
          language: "de",
        }),
      ),
      "credit",
    );
    expect(text).toContain("Gutschrift");
    expect(text).toContain("TESTBESTELLUNG");
    expect(text).toMatch(/Korrigiert Rechnung\s+INV-2026-00042/);
  });

  it("gives the same bytes every time (fixed dates, no random ids)", async () => {
    const snapshot = sampleSnapshot();
    const first = await renderInvoicePdf(snapshot);
    const second = await renderInvoicePdf(structuredClone(snapshot));
    expect(second.equals(first)).toBe(true);
  });
});
