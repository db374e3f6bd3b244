// The invoice logo: only PNG and JPEG by their content, size-capped; printed as an image on the
// PDF, the same bytes each time; a snapshot issued with a logo is never rendered without it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { InvoiceSnapshot } from "./document";
import { testPng } from "./logo-png.test-support";
import { inspectLogo, LOGO_MAX_BYTES } from "./logo.server";
import { renderInvoicePdf } from "./pdf.server";

const sample: InvoiceSnapshot = {
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
  seller: { name: "Maple GmbH", company: null, address: ["Hauptstr. 1"], taxIds: [], email: null },
  buyer: { name: "Ana Müller", company: null, address: ["Berlin"], taxIds: [], email: null },
  lines: [
    {
      title: "Mug",
      variantTitle: null,
      sku: null,
      quantity: 1,
      unitPrice: "11.90",
      discount: "0.00",
      total: "11.90",
      taxRate: 19,
    },
  ],
  shipping: [],
  discount: "0.00",
  taxes: [{ title: "VAT", rate: 19, amount: "1.90" }],
  subtotal: "11.90",
  shippingTotal: "0.00",
  taxTotal: "1.90",
  total: "11.90",
  note: null,
};

// A minimal baseline JPEG header: SOI, APP0 (JFIF), SOF0 of 120 × 40.
const jpeg = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
  0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x28, 0x00, 0x78, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9,
]);

describe("invoice logo", () => {
  it("accepts PNG and JPEG by their bytes, with their size", () => {
    expect(inspectLogo(testPng(300, 100))).toEqual({ ok: true, contentType: "image/png", width: 300, height: 100 });
    expect(inspectLogo(jpeg)).toEqual({ ok: true, contentType: "image/jpeg", width: 120, height: 40 });
  });

  it("refuses other formats, empty and oversized files, and huge dimensions", () => {
    const gif = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00", "latin1");
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    for (const bad of [gif, svg, Buffer.alloc(0), Buffer.from("not an image")]) expect(inspectLogo(bad).ok).toBe(false);
    expect(inspectLogo(Buffer.concat([testPng(10, 10), Buffer.alloc(LOGO_MAX_BYTES)]))).toMatchObject({ ok: false });
    // a small file that claims 20 000 × 20 000 pixels (a decompression bomb) is refused before decoding
    expect(inspectLogo(testPng(20_000, 1))).toMatchObject({ ok: false, error: expect.stringContaining("3000") });
  });

  it("prints the logo on the PDF, the same bytes each time, and never renders a logo'd snapshot without it", async () => {
    const logo = testPng(320, 80);
    const snapshot = { ...sample, logoId: "a".repeat(64) };
    const pdf = await renderInvoicePdf(snapshot, { logo });
    const again = await renderInvoicePdf(snapshot, { logo });
    expect(again.equals(pdf)).toBe(true);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "care-desk-logo-")), "logo.pdf");
    writeFileSync(file, pdf);
    const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" });
    expect(images).toMatch(/\b320\s+80\s+rgb\b/);
    expect(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" })).toContain("INV-2026-00042");
    await expect(renderInvoicePdf(snapshot)).rejects.toThrow(/issued with a logo/);
  });
});
