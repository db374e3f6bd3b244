// prisma/schema.prisma (SQLite) is the one schema people edit. The PostgreSQL schema is
// derived from it: same models, another provider and client output.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const SQLITE_SCHEMA = join(root, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA = join(root, "prisma", "postgresql", "schema.prisma");

export function derivePostgresSchema(sqlite) {
  const header = "// GENERATED from prisma/schema.prisma by scripts/prisma-schemas.mjs (npm run setup). Do not edit.\n";
  const out = sqlite
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/care_desk"')
    .replace(/output(\s*)=\s*"\.\.\/app\/generated\/sqlite"/, 'output$1= "../../app/generated/postgresql"');
  if (out === sqlite) throw new Error("prisma/schema.prisma: could not derive the PostgreSQL schema");
  return header + out;
}

/** Writes the derived schema when it changed; returns true if it did. */
export function syncPostgresSchema() {
  const derived = derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
  if (existsSync(POSTGRES_SCHEMA) && readFileSync(POSTGRES_SCHEMA, "utf8") === derived) return false;
  mkdirSync(dirname(POSTGRES_SCHEMA), { recursive: true });
  writeFileSync(POSTGRES_SCHEMA, derived);
  return true;
}
