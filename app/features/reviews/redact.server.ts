// Product reviews' data for the compliance webhooks. customers/redact anonymises the
// customer's reviews (name and email removed, the text kept) and their storefront copies are
// re-synced; shop/redact deletes every review, reply, sync record and staged import of the shop.
import prisma from "~/db.server";
import type { Redactor } from "~/privacy/redaction.server";
import { productsChanged } from "./sync.server";

const emailOf = (email?: string | null) => email?.trim().toLowerCase() || null;

export const reviewsRedactor: Redactor = {
  name: "product reviews",
  async exportCustomer({ shop, customer }) {
    const email = emailOf(customer.email);
    if (!email) return [];
    const reviews = await prisma.review.findMany({
      where: { shop, email },
      select: {
        productId: true,
        rating: true,
        title: true,
        body: true,
        authorName: true,
        email: true,
        status: true,
        createdAt: true,
        replyBody: true,
        privateReplies: { select: { body: true, sentAt: true } },
      },
    });
    return reviews.map((r) => ({ kind: "product review", ...r }));
  },
  async redactCustomer({ shop, customer }) {
    const email = emailOf(customer.email);
    if (!email) return;
    // Uploads awaiting confirmation may name the customer: they are dropped (upload again).
    await prisma.reviewImport.deleteMany({ where: { shop } });
    const reviews = await prisma.review.findMany({ where: { shop, email }, select: { productId: true, status: true } });
    if (reviews.length === 0) return;
    await prisma.review.updateMany({ where: { shop, email }, data: { authorName: "", email: null } });
    const published = [...new Set(reviews.filter((r) => r.status === "published").map((r) => r.productId))];
    await productsChanged({ shop, productIds: published });
  },
  async redactShop({ shop }) {
    await prisma.reviewPrivateReply.deleteMany({ where: { shop } });
    await prisma.review.deleteMany({ where: { shop } });
    await prisma.reviewProductSync.deleteMany({ where: { shop } });
    await prisma.reviewImport.deleteMany({ where: { shop } });
  },
};
