// The shop's logo on invoices: uploaded in Settings (never fetched from the network), checked
// to be a PNG or JPEG of at most 256 KB and 3000 px a side, and stored once per content
// (InvoiceLogo, keyed by SHA-256). A document records the logo's ID when it is issued, so it
// always renders with the logo it was issued with; renderDocument loads it for the renderer.
import { createHash } from "node:crypto";
import prisma from "~/db.server";
import type { InvoiceSnapshot } from "./document";
import { renderInvoicePdf } from "./pdf.server";
import type { StoredDocument } from "./store.server";

export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_MAX_SIDE = 3000;

export type LogoCheck =
  { ok: true; contentType: "image/png" | "image/jpeg"; width: number; height: number } | { ok: false; error: string };

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** JPEG dimensions from its first start-of-frame segment. */
function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    const length = bytes.readUInt16BE(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return null;
}

/** What the bytes are, by their content (never by a name or a declared type). */
export function inspectLogo(bytes: Buffer): LogoCheck {
  if (bytes.length === 0) return { ok: false, error: "The logo file is empty." };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, error: "The logo must be at most 256 KB." };
  let result: { contentType: "image/png" | "image/jpeg"; width: number; height: number } | null = null;
  if (bytes.length > 24 && bytes.subarray(0, 8).equals(PNG) && bytes.toString("latin1", 12, 16) === "IHDR") {
    result = { contentType: "image/png", width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  } else if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    const size = jpegSize(bytes);
    if (size) result = { contentType: "image/jpeg", ...size };
  }
  if (!result) return { ok: false, error: "The logo must be a PNG or JPEG image." };
  if (!result.width || !result.height || result.width > LOGO_MAX_SIDE || result.height > LOGO_MAX_SIDE)
    return { ok: false, error: `The logo must be at most ${LOGO_MAX_SIDE} pixels wide and high.` };
  return { ok: true, ...result };
}

/** Stores the logo (once per content) and returns its ID. */
export async function storeLogo({ shop, bytes, contentType }: { shop: string; bytes: Buffer; contentType: string }) {
  const id = createHash("sha256").update(bytes).digest("hex");
  await prisma.invoiceLogo.upsert({
    where: { shop_id: { shop, id } },
    create: { shop, id, contentType, data: new Uint8Array(bytes) },
    update: {},
  });
  return id;
}

export async function loadLogo({ shop, id }: { shop: string; id: string }): Promise<Buffer | null> {
  const logo = await prisma.invoiceLogo.findUnique({ where: { shop_id: { shop, id } }, select: { data: true } });
  return logo ? Buffer.from(logo.data) : null;
}

/** A stored invoice or credit note as its PDF, with the logo it was issued with. */
export async function renderDocument(document: Pick<StoredDocument, "shop" | "snapshot">): Promise<Buffer> {
  const snapshot = JSON.parse(document.snapshot) as InvoiceSnapshot;
  const logo = snapshot.logoId ? await loadLogo({ shop: document.shop, id: snapshot.logoId }) : null;
  return renderInvoicePdf(snapshot, { logo });
}
