// ESLint: TypeScript (type-aware where it is cheap), React, hooks, accessibility (jsx-a11y),
// imports (resolved through tsconfig paths, ordered, no duplicates). Formatting is Prettier's.
import { readdirSync } from "node:fs";
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import * as reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// The app's architecture, held by import-x/no-restricted-paths:
// - app/ and extensions/ never import the dev store (it is not part of the app);
// - routes stay thin: they never import the database client, only models;
// - shared layers (everything in app/ but routes, features and the worker's composition root,
//   app/worker.server.ts) never import a feature;
// - a feature never imports another feature (app/features/index.server.ts composes them).
const FEATURES = readdirSync("app/features", { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const ARCHITECTURE = [
  { target: ["./app", "./extensions"], from: "./devstore", message: "The dev store is not part of the app." },
  { target: "./app/routes", from: "./app/db.server.ts", message: "Routes call models; models own the database." },
  {
    target: "./app",
    from: "./app/features",
    except: [],
    message: "Shared layers know no feature: features use them, never the other way round.",
  },
  ...FEATURES.map((feature) => ({
    target: `./app/features/${feature}`,
    from: "./app/features",
    except: [`./${feature}`],
    message: "A feature never imports another feature.",
  })),
];

export default tseslint.config(
  {
    ignores: [
      "build/",
      "node_modules/",
      ".cache/",
      "coverage/",
      "test-results/",
      "app/generated/",
      "app/types/*.d.ts",
      ".devstore/",
      "extensions/*/dist/",
      // Written by `shopify app build` (the extensions' `shopify` global types).
      "extensions/*/shopify.d.ts",
      "patches/",
      "bench/results/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.recommended,
  importX.flatConfigs.typescript,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: "module" },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
      // Both flag the documented way of using fast-check (`fc.…`), typescript-eslint and
      // nodemailer; TypeScript already checks that the members exist.
      "import-x/no-named-as-default": "off",
      "import-x/no-named-as-default-member": "off",
      "import-x/no-duplicates": ["error", { "prefer-inline": true }],
      "import-x/first": "error",
      "import-x/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", "parent", "sibling", "index"],
          pathGroups: [{ pattern: "~/**", group: "internal" }],
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
      "no-console": ["error", { allow: ["info", "warn", "error"] }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "extensions/**/*.{ts,tsx,js}"],
    ignores: ["app/routes/**", "app/features/**", "app/worker.server.ts", "**/*.test.{ts,tsx}"],
    rules: { "import-x/no-restricted-paths": ["error", { zones: ARCHITECTURE.slice(0, 3) }] },
  },
  {
    files: ["app/routes/**", "app/worker.server.ts"],
    rules: { "import-x/no-restricted-paths": ["error", { zones: ARCHITECTURE.slice(0, 2) }] },
  },
  {
    files: ["app/features/**"],
    rules: { "import-x/no-restricted-paths": ["error", { zones: [ARCHITECTURE[0], ...ARCHITECTURE.slice(3)] }] },
  },
  {
    // Type-aware rules: the ones that catch real bugs (a promise nobody awaits, an async
    // callback where a sync one is expected) for the price of one TypeScript program.
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true, allowDefaultCaseForExhaustiveSwitch: true },
      ],
    },
  },
  {
    files: ["**/*.{jsx,tsx}"],
    ...react.configs.flat.recommended,
    ...react.configs.flat["jsx-runtime"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    languageOptions: {
      ...react.configs.flat.recommended.languageOptions,
      globals: { ...globals.browser },
    },
    settings: { react: { version: "18.3" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat["jsx-runtime"].rules,
      ...reactHooks.configs["recommended-latest"].rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      "react/prop-types": "off",
    },
  },
  {
    // Classic scripts the browser loads as they are (theme app extension assets, the dev
    // store's App Bridge stand-in).
    files: ["extensions/*/assets/*.js", "devstore/app-bridge/*.js", "devstore/customer-accounts/*.js"],
    languageOptions: { globals: { ...globals.browser }, sourceType: "script" },
  },
  {
    files: ["devstore/**/*.ts", "scripts/**/*.mjs", "bench/**/*.ts", "tests/**/*.ts"],
    rules: { "no-console": "off" },
  },
);
