// Prisma CLI configuration. Prisma 6 ignores .env when this file exists, so the URL is
// resolved here with the same default as the app (app/db-url.ts).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseKind, databaseUrl } from "./app/db-url";

const url = databaseUrl(process.env.DATABASE_URL);
const kind = databaseKind(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema:
    kind === "postgresql" ? path.join("prisma", "postgresql", "schema.prisma") : path.join("prisma", "schema.prisma"),
  async adapter() {
    if (kind === "postgresql") {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      const { pgConfig } = await import("./app/db-url");
      return new PrismaPg(pgConfig(url));
    }
    const { PrismaLibSQL } = await import("@prisma/adapter-libsql");
    return new PrismaLibSQL({ url, intMode: "bigint" });
  },
});
