// Invoices and credit notes by email: with "email on issue" on, a refund of a paid order
// issues its invoice and then the credit note, and both reach the customer's mailbox (the dev
// store's SMTP server) as PDF attachments whose text is the document's.
import { describe, expect, inject, it } from "vitest";
import { sessionToken } from "../../devstore/auth/tokens";
import { pdfText } from "../support/pdf";
import { BROWSER, devstore, recentOrder, waitForMail } from "../support/storefront";

async function saveInvoiceSettings(emailOnIssue: boolean) {
  const token = await sessionToken({ shop: inject("shop"), apiKey: inject("apiKey"), apiSecret: inject("apiSecret") });
  const response = await fetch(`${inject("appUrl")}/app/settings?_data=routes%2Fapp.settings`, {
    method: "POST",
    body: new URLSearchParams({
      intent: "invoices",
      trigger: "paid",
      legalName: "Maple & Fern Goods GmbH",
      address: "Hauptstraße 1\n10115 Berlin",
      taxIds: "DE999999999",
      prefix: "INV-",
      creditPrefix: "CN-",
      includeYear: "true",
      yearlyReset: "true",
      padding: "5",
      startNumber: "1",
      retentionYears: "10",
      emailOnIssue: String(emailOnIssue),
    }),
    headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER },
  });
  expect(await response.json()).toMatchObject({ section: "invoices", ok: true });
}

describe("invoices by email", () => {
  it("emails the invoice on issue and the credit note on refund, each as a PDF attachment", async () => {
    await saveInvoiceSettings(true);
    try {
      // GIVEN a paid order without an invoice; WHEN it is refunded, the invoice is issued
      // first (and emailed), then the credit note (and emailed)
      const order = recentOrder(
        (o) => o.displayFinancialStatus === "PAID" && !o.cancelledAt && o.lineItems.length >= 2,
        5,
      );
      await devstore(`/__devstore/orders/${encodeURIComponent(order.id)}/refund`, {
        lineItems: [{ lineItemId: order.lineItems[1]!.id, quantity: 1 }],
      });
      const invoiceMail = await waitForMail(
        order.email!,
        (m) => m.subject.includes(order.name) && /INV-\d{4}-\d{5}/.test(m.subject),
        20_000,
      );
      // THEN the customer gets the invoice as a PDF attachment
      expect(invoiceMail.subject).toMatch(/INV-\d{4}-\d{5}/);
      const number = /INV-\d{4}-\d{5}/.exec(invoiceMail.subject)![0];
      expect(invoiceMail.attachments).toHaveLength(1);
      const [pdf] = invoiceMail.attachments;
      expect(pdf).toMatchObject({ filename: `${number}.pdf`, contentType: "application/pdf" });
      const text = pdfText(pdf!.content);
      expect(text).toContain(number);
      expect(text).toContain(order.name);
      expect(text).toContain(order.lineItems[1]!.title);
      expect(text).toContain("Maple & Fern Goods GmbH");

      // AND the credit note follows, correcting that invoice
      const creditMail = await waitForMail(order.email!, (m) => /CN-\d{4}-\d{5}/.test(m.subject), 20_000);
      const credit = /CN-\d{4}-\d{5}/.exec(creditMail.subject)![0];
      const creditText = pdfText(creditMail.attachments[0]!.content);
      expect(creditText).toContain(credit);
      expect(creditText).toContain(number);
      expect(creditText).toContain(order.lineItems[1]!.title);
    } finally {
      await saveInvoiceSettings(false);
    }
  });
});
