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
  const client = new PrismaClient({ adapter: new PrismaLibSQL({ url, intMode: "bigint" }) });
  // Concurrent requests: readers never wait for the writer (WAL), and writes wait for the
  // lock instead of failing; NORMAL sync is durable in WAL mode except on power loss.
  void client
    .$queryRawUnsafe("PRAGMA journal_mode = WAL")
    .then(() => client.$queryRawUnsafe("PRAGMA busy_timeout = 5000"))
    .then(() => client.$queryRawUnsafe("PRAGMA synchronous = NORMAL"))
    .catch((error: unknown) => console.warn("Care Desk: could not tune SQLite", error));
  return client;
}

// Vite's dev server reloads modules; keep one client per process.
const prisma = globalThis.prismaGlobal ?? createPrismaClient(env.DATABASE_URL!);
if (env.NODE_ENV !== "production") globalThis.prismaGlobal = prisma;

export default prisma;
