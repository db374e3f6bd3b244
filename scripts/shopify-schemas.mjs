// Fetches Shopify's published GraphQL schemas (introspection JSON) for the API version
// Care Desk targets. They ship inside the npm package @shopify/dev-mcp; we pack that one
// package (no install), check each file against a pinned checksum and write the decompressed
// introspection next to the generated types, where codegen and the schema tests read it.
// Idempotent: does nothing when the files are present and intact.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

export const API_VERSION = "2026-10";
const PACKAGE = "@shopify/dev-mcp@1.16.0";
const root = fileURLToPath(new URL("..", import.meta.url));
export const SCHEMA_DIR = join(root, "app", "types");

/** name in the package -> [file we write, sha256 of the .gz in the package] */
const FILES = {
  [`admin_${API_VERSION}.json.gz`]: [
    `admin-${API_VERSION}.schema.json`,
    "f3b522f264556925eada700e795e4a002a9cba83444ebcc6c0d724254a0c6593",
  ],
  [`customer_${API_VERSION}.json.gz`]: [
    `customer-${API_VERSION}.schema.json`,
    "5eb0b0fe6f7fd63a1f9f8f8f1ad461e8a7925649fe32fe7495ebedfaef24a6be",
  ],
  [`storefront-graphql_${API_VERSION}.json.gz`]: [
    `storefront-${API_VERSION}.schema.json`,
    "c93d9dc120f8abffa90b6d79c11270ccafceb8fe4b716683d365793db302e196",
  ],
};

const sha256 = (buf) => createHash("sha256").update(buf).digest("hex");
const stamp = join(SCHEMA_DIR, ".schemas.sha256");
const wanted = Object.values(FILES)
  .map(([, sum]) => sum)
  .join("\n");

function present() {
  return (
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === wanted &&
    Object.values(FILES).every(([out]) => existsSync(join(SCHEMA_DIR, out)))
  );
}

export function ensureSchemas({ quiet = false } = {}) {
  if (present()) return;
  const work = mkdtempSync(join(tmpdir(), "care-desk-schemas-"));
  try {
    if (!quiet) console.log(`Fetching Shopify's published ${API_VERSION} schemas from ${PACKAGE} …`);
    const tgz = execFileSync("npm", ["pack", PACKAGE, "--silent", "--pack-destination", work], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    })
      .trim()
      .split("\n")
      .pop();
    const members = Object.keys(FILES).map((name) => `package/dist/data/${name}`);
    execFileSync("tar", ["xzf", join(work, tgz), "-C", work, ...members]);
    mkdirSync(SCHEMA_DIR, { recursive: true });
    for (const [name, [out, sum]] of Object.entries(FILES)) {
      const gz = readFileSync(join(work, "package/dist/data", name));
      if (sha256(gz) !== sum) throw new Error(`${name}: checksum mismatch (expected ${sum})`);
      writeFileSync(join(SCHEMA_DIR, out), gunzipSync(gz));
    }
    writeFileSync(stamp, wanted);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureSchemas();
