// What the account history needs from whoever keeps an order's documents (invoices, credit
// notes). The composition root (app/features/index.server.ts) hands an implementation in; this
// feature never imports the invoices feature.
import type { AdminGraphql } from "~/graphql.server";

export type DocumentKind = "invoice" | "credit_note";

export interface AccountDocument {
  /** Opaque to this feature: what `render` takes back. */
  key: string;
  kind: DocumentKind;
  /** null while the document is not issued yet (an invoice issued on first request). */
  number: string | null;
  issuedAt: string | null;
}

export interface DocumentSource {
  /** Each order's documents; every order id asked for is in the map (maybe with none). */
  list(args: { shop: string; orderIds: readonly string[] }): Promise<Map<string, AccountDocument[]>>;
  /** One document of the order as a PDF, or null (no such document of this order). */
  render(args: {
    shop: string;
    orderId: string;
    key: string;
    graphql: AdminGraphql;
  }): Promise<{ number: string; kind: DocumentKind; pdf: Buffer } | null>;
}
