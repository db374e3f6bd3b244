// Shopify sessions (offline and online access tokens) kept by the session storage.
import prisma from "~/db.server";

export async function deleteShopSessions({ shop }: { shop: string }) {
  await prisma.session.deleteMany({ where: { shop } });
}

export async function updateSessionScope({ id, shop, scope }: { id: string; shop: string; scope: string }) {
  await prisma.session.updateMany({ where: { id, shop }, data: { scope } });
}
