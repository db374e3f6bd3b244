// One document's PDF, rendered from its frozen snapshot (same bytes every time): the one
// place the admin's downloads (one PDF, a ZIP) render a stored document.
import { readSnapshot } from "./model.server";
import { renderInvoicePdf } from "./pdf.server";
import type { StoredDocument } from "./store.server";

export function documentPdf(document: Pick<StoredDocument, "snapshot">): Promise<Buffer> {
  return renderInvoicePdf(readSnapshot(document));
}
