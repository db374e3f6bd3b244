// Where Care Desk keeps its own data. Shared by the app (db.server.ts) and the Prisma CLI
// (prisma.config.ts), so both always agree on the default.
import path from "node:path";

/** The default: a SQLite file beside the schema, created by `npm run setup`. */
export const DEFAULT_DATABASE_URL = `file:${path.resolve("prisma", "dev.sqlite")}`;

export type DatabaseKind = "sqlite" | "postgresql";

export function databaseUrl(fromEnv: string | undefined): string {
  return fromEnv && fromEnv.trim() !== "" ? fromEnv.trim() : DEFAULT_DATABASE_URL;
}

export function databaseKind(url: string): DatabaseKind {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must be a file: (SQLite) or postgresql:// URL, got "${url.split(":")[0]}:…"`);
}

/** Discrete connection fields for @prisma/adapter-pg (its connectionString parsing trips on some URLs). */
export function pgConfig(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined,
  };
}
