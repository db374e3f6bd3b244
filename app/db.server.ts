// The one PrismaClient. SQLite by default; PostgreSQL when DATABASE_URL is postgresql://.
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "./generated/sqlite/client";
import { env } from "./env.server";

declare global {
  // eslint-disable-next-line no-var
  var prismaGlobal: PrismaClient | undefined;
}

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaLibSQL({ url: env.DATABASE_URL!, intMode: "bigint" }) });
}

// Vite's dev server reloads modules; keep one client per process.
const prisma = globalThis.prismaGlobal ?? createClient();
if (env.NODE_ENV !== "production") globalThis.prismaGlobal = prisma;

export default prisma;
