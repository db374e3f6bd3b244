// Test projects (see README → Testing):
// - unit:        pure modules, beside the code (app/, devstore/, scripts/)
// - extensions:  customer account UI extensions, beside their code (extensions/*/tests)
// - data:        the data layer, against SQLite and PostgreSQL (tests/data)
// - integration: the real app over HTTP against the local dev store (tests/integration)
// - e2e:         the same in Debian's Chromium through playwright-core (tests/e2e)
import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    setupFiles: ["tests/setup/each-file.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "app/**/*.test.{ts,tsx}",
            "devstore/**/*.test.ts",
            "scripts/**/*.test.ts",
            "tests/unit/**/*.test.ts",
          ],
          environment: "node",
        },
      },
      {
        // Customer account UI extensions (Preact, Polaris web components) under
        // @shopify/ui-extensions-tester's mock host, in jsdom.
        extends: true,
        esbuild: { jsx: "automatic", jsxImportSource: "preact" },
        test: {
          name: "extensions",
          include: ["extensions/**/*.test.{js,jsx}"],
          environment: "jsdom",
          // The tester imports the extension's module itself: through Vite, so JSX is compiled.
          server: { deps: { inline: ["@shopify/ui-extensions-tester"] } },
        },
      },
      {
        extends: true,
        test: {
          name: "data",
          include: ["tests/data/**/*.test.ts"],
          environment: "node",
          // A file's first test also loads the app's modules (Remix, the Shopify library,
          // Prisma): seconds on a busy 2-core machine. A hang guard, not a speed check.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/servers.ts"],
          environment: "node",
          // One dev store serves every file: its throttle controls are per shop, so files that
          // force throttles must not run at the same time.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/setup/servers.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
