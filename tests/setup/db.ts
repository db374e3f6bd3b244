// Throwaway databases for the data-layer tests: a SQLite file, or a fresh PostgreSQL
// database on the local server (127.0.0.1:5432, trust auth; PG_ADMIN_URL overrides),
// each migrated with the committed migrations exactly as `npm run setup` does.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export type DatabaseKind = "sqlite" | "postgresql";
export const DATABASE_KINDS: DatabaseKind[] = ["sqlite", "postgresql"];

const root = path.resolve(__dirname, "../..");
const adminUrl = process.env.PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function migrate(url: string): void {
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
}

export async function createTestDatabase(kind: DatabaseKind): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "care-desk-test-"));
    const url = `file:${path.join(dir, "test.sqlite")}`;
    migrate(url);
    return { url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `care_desk_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  migrate(url.href);
  return {
    url: url.href,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** App env for tests that import app modules (they validate env when they load). */
export const TEST_APP_ENV = {
  SHOPIFY_API_KEY: "care-desk-test-key",
  SHOPIFY_API_SECRET: "care-desk-test-secret",
  SHOPIFY_APP_URL: "https://care-desk.test",
  NODE_ENV: "test",
  // Tests in this process reset the database between cases under the same shop, which no
  // deployment does: sessions are read fresh here (the cache has its own test, and the
  // integration app runs with it).
  SESSION_CACHE_SECONDS: "0",
} as const;
