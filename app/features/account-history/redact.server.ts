// The account history stores only spent download-link ids (no customer data): shop/redact
// deletes them; there is nothing to report or redact per customer.
import prisma from "~/db.server";
import type { Redactor } from "~/privacy/redaction.server";

export const accountHistoryRedactor: Redactor = {
  name: "account history",
  async redactShop({ shop }) {
    await prisma.accountDownloadUse.deleteMany({ where: { shop } });
  },
};
