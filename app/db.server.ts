// The one PrismaClient. SQLite by default (a file, zero setup); PostgreSQL when
// DATABASE_URL is postgresql:// (production, several app instances).
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseKind, pgConfig } from "./db-url";
import { env } from "./env.server";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient } from "./generated/sqlite/client";

declare global {
  var prismaGlobal: PrismaClient | undefined;
}

export type Database = PrismaClient;

/** Both generated clients have the same models; the SQLite one's types stand for both. */
export function createPrismaClient(url: string): PrismaClient {
  if (databaseKind(url) === "postgresql") {
    return new PostgresClient({ adapter: new PrismaPg(pgConfig(url)) }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaLibSQL({ url, intMode: "bigint" }) });
}

// Vite's dev server reloads modules; keep one client per process.
const prisma = globalThis.prismaGlobal ?? createPrismaClient(env.DATABASE_URL!);
if (env.NODE_ENV !== "production") globalThis.prismaGlobal = prisma;

export default prisma;
