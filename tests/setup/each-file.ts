// Runs before every test file of every project:
// - the app's required environment (test values), so modules that validate env at import
//   load in unit tests; a test that needs other values stubs them (vi.stubEnv);
// - a test fails on an unexpected console.error. A test that expects one mocks it:
//   vi.spyOn(console, "error").mockImplementation(() => {}).
import { format } from "node:util";
import { afterEach } from "vitest";
import { TEST_APP_ENV } from "./db";

for (const [key, value] of Object.entries(TEST_APP_ENV)) process.env[key] ??= value;

let unexpected: string[] = [];
const original = console.error.bind(console);
console.error = (...args: unknown[]) => {
  unexpected.push(format(...args));
  original(...args);
};

afterEach(() => {
  if (unexpected.length === 0) return;
  const messages = unexpected;
  unexpected = [];
  throw new Error(`Unexpected console.error:\n${messages.join("\n")}`);
});
