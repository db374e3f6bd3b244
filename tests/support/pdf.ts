// A PDF's text as pdftotext (Debian's poppler-utils) lays it out: what a reader would copy.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The text of a PDF given as bytes or as base64 (an email attachment). */
export function pdfText(pdf: Buffer | string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "care-desk-pdf-")), "document.pdf");
  writeFileSync(file, typeof pdf === "string" ? Buffer.from(pdf, "base64") : pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}
