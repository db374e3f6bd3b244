// `npm run setup`: everything a fresh clone needs before the app or the tests run, and
// nothing more on later runs. Idempotent.
//  1. Shopify's published GraphQL schemas (pinned by checksum), for codegen and the tests.
//  2. prisma/postgresql/schema.prisma derived from prisma/schema.prisma.
//  3. Both Prisma clients (SQLite and PostgreSQL), regenerated only when a schema changed.
//  4. Migrations applied to DATABASE_URL (default: the SQLite file prisma/dev.sqlite).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, syncPostgresSchema } from "./prisma-schemas.mjs";
import { ensureSchemas } from "./shopify-schemas.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const prisma = join(root, "node_modules", ".bin", "prisma");
const quiet = process.argv.includes("--quiet");
const log = (message) => quiet || console.log(`setup: ${message}`);

function run(args, env = {}) {
  execFileSync(prisma, args, {
    cwd: root,
    stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", ...env },
  });
}

ensureSchemas({ quiet });
if (syncPostgresSchema()) log("derived prisma/postgresql/schema.prisma");

const generatedDir = join(root, "app", "generated");
const stamp = join(generatedDir, ".schema-hash");
const hash = createHash("sha256")
  .update(readFileSync(SQLITE_SCHEMA))
  .update(readFileSync(POSTGRES_SCHEMA))
  .update(readFileSync(join(root, "node_modules", "prisma", "package.json")))
  .digest("hex");
if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== hash) {
  log("generating the Prisma clients");
  run(["generate", "--schema", SQLITE_SCHEMA]);
  run(["generate", "--schema", POSTGRES_SCHEMA]);
  mkdirSync(generatedDir, { recursive: true });
  writeFileSync(stamp, hash);
}

if (!process.argv.includes("--no-migrate")) {
  log("applying migrations");
  run(["migrate", "deploy"]);
}
