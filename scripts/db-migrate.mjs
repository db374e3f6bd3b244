// `npm run db:migrate -- --name <change>`: after editing prisma/schema.prisma, writes the
// migration for both databases: prisma/migrations (SQLite) and prisma/postgresql/migrations.
//
// The SQL is the diff between the datamodel as of the last migration (kept beside the
// migrations as schema.snapshot.prisma) and the current one, so no database is needed:
// Prisma 6's `migrate dev` with the JS schema engine cannot diff through a driver adapter
// reliably (its SQLite shadow database runs only the first statement of a migration).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA, syncPostgresSchema } from "./prisma-schemas.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const nameIndex = process.argv.indexOf("--name");
const name = nameIndex > 0 ? process.argv[nameIndex + 1] : undefined;
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migrate -- --name <snake_case_change>");
  process.exit(2);
}

const SNAPSHOT = join(root, "prisma", "migrations", "schema.snapshot.prisma");
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
syncPostgresSchema();

function diff(from, to) {
  return execFileSync(
    join(root, "node_modules", ".bin", "prisma"),
    ["migrate", "diff", ...from, "--to-schema-datamodel", to, "--script"],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
}

const work = mkdtempSync(join(tmpdir(), "care-desk-migrate-"));
try {
  const targets = [
    { dir: join(root, "prisma", "migrations"), schema: SQLITE_SCHEMA, snapshot: (s) => s },
    { dir: join(root, "prisma", "postgresql", "migrations"), schema: POSTGRES_SCHEMA, snapshot: derivePostgresSchema },
  ];
  for (const [index, { dir, schema, snapshot }] of targets.entries()) {
    let from = ["--from-empty"];
    if (existsSync(SNAPSHOT)) {
      const previous = join(work, `previous-${index}.prisma`);
      writeFileSync(previous, snapshot(readFileSync(SNAPSHOT, "utf8")));
      from = ["--from-schema-datamodel", previous];
    }
    const sql = diff(from, schema);
    if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
      console.log(`${dir}: no changes`);
      continue;
    }
    const target = join(dir, `${stamp}_${name}`);
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, "migration.sql"), sql);
    console.log(`wrote ${target}/migration.sql`);
  }
  copyFileSync(SQLITE_SCHEMA, SNAPSHOT);
} finally {
  rmSync(work, { recursive: true, force: true });
}
