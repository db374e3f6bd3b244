// Contact's data for the compliance webhooks: customers/data_request exports the customer's
// conversations with every message, customers/redact deletes them, shop/redact deletes every
// conversation and deflection count of the shop. Matched by the customer's email (the form
// asks for no account), lower-cased as it was stored.
import prisma from "~/db.server";
import type { Redactor } from "~/privacy/redaction.server";

const emailOf = (email?: string | null) => email?.trim().toLowerCase() || null;

export const contactRedactor: Redactor = {
  name: "contact conversations",
  async exportCustomer({ shop, customer }) {
    const email = emailOf(customer.email);
    if (!email) return [];
    const conversations = await prisma.conversation.findMany({
      where: { shop, email },
      orderBy: { createdAt: "asc" },
      select: {
        reference: true,
        status: true,
        name: true,
        orderNumber: true,
        topic: true,
        createdAt: true,
        closedAt: true,
        csatScore: true,
        csatComment: true,
        messages: {
          orderBy: { createdAt: "asc" },
          select: { author: true, channel: true, body: true, createdAt: true },
        },
      },
    });
    return conversations.map((c) => ({ kind: "contact conversation", ...c }));
  },
  async redactCustomer({ shop, customer }) {
    const email = emailOf(customer.email);
    if (!email) return;
    // Messages go with their conversation (onDelete: Cascade), and explicitly for databases
    // where a cascade was not declared at creation.
    const ids = (await prisma.conversation.findMany({ where: { shop, email }, select: { id: true } })).map((c) => c.id);
    if (ids.length === 0) return;
    await prisma.$transaction([
      prisma.conversationMessage.deleteMany({ where: { shop, conversationId: { in: ids } } }),
      prisma.conversation.deleteMany({ where: { shop, id: { in: ids } } }),
    ]);
  },
  async redactShop({ shop }) {
    await prisma.conversationMessage.deleteMany({ where: { shop } });
    await prisma.conversation.deleteMany({ where: { shop } });
    await prisma.contactEvent.deleteMany({ where: { shop } });
  },
};
