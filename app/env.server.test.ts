import { beforeAll, describe, expect, it, vi } from "vitest";

const valid = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://care-desk.example.com",
};

let parseEnv: typeof import("./env.server").parseEnv;
beforeAll(async () => {
  for (const [key, value] of Object.entries(valid)) vi.stubEnv(key, value);
  ({ parseEnv } = await import("./env.server"));
});

describe("parseEnv", () => {
  it("accepts a minimal production configuration with defaults", () => {
    const env = parseEnv({ ...valid, NODE_ENV: "production" });
    expect(env.DATABASE_URL).toMatch(/^file:.*dev\.sqlite$/);
    expect(env.LOOKUP_LIMIT_PER_IP).toEqual({ points: 20, durationSeconds: 600 });
    expect([env.JOBS_WORKER, env.JOBS_POLL_SECONDS, env.JOBS_LEASE_SECONDS]).toEqual([true, 2, 120]);
    expect(parseEnv({ ...valid, JOBS_WORKER: "false", JOBS_POLL_SECONDS: "0.5" })).toMatchObject({
      JOBS_WORKER: false,
      JOBS_POLL_SECONDS: 0.5,
    });
  });

  it.each([
    [{ SHOPIFY_API_KEY: undefined }, "SHOPIFY_API_KEY is required"],
    [{ SHOPIFY_API_SECRET: "" }, "SHOPIFY_API_SECRET is required"],
    [{ SHOPIFY_APP_URL: "not a url" }, "SHOPIFY_APP_URL must be an http(s) URL"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL must be a file: (SQLite) or postgresql:// URL"],
    [{ SMTP_URL: "http://mail" }, "SMTP_URL must be an smtp:// or smtps:// URL"],
    [{ LOOKUP_LIMIT_PER_IP: "lots" }, 'LOOKUP_LIMIT_PER_IP must look like "20/600"'],
    [{ JOBS_WORKER: "yes" }, 'JOBS_WORKER must be "true" or "false"'],
    [{ JOBS_POLL_SECONDS: "0.1" }, "JOBS_POLL_SECONDS must be at least 0.5"],
    [{ JOBS_LEASE_SECONDS: "1.5" }, "JOBS_LEASE_SECONDS must be an integer"],
  ])("names the variable that is wrong: %j", (override, message) => {
    expect(() => parseEnv({ ...valid, ...override })).toThrow(message);
  });

  it("refuses SHOPIFY_PLATFORM_ORIGIN in production", () => {
    const source = { ...valid, SHOPIFY_PLATFORM_ORIGIN: "http://127.0.0.1:9292" };
    expect(parseEnv({ ...source, NODE_ENV: "development" }).SHOPIFY_PLATFORM_ORIGIN).toBe("http://127.0.0.1:9292");
    expect(() => parseEnv({ ...source, NODE_ENV: "production" })).toThrow(
      "SHOPIFY_PLATFORM_ORIGIN must not be set in production",
    );
  });

  it("accepts PostgreSQL URLs", () => {
    expect(parseEnv({ ...valid, DATABASE_URL: "postgresql://u:p@db:5432/care" }).DATABASE_URL).toBe(
      "postgresql://u:p@db:5432/care",
    );
  });
});
