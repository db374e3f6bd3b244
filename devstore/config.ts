// What the dev store knows about the app it hosts, read from shopify.app.toml the way the
// Shopify CLI reads it when it deploys the app's configuration.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "smol-toml";

export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface AppConfig {
  name: string;
  /** Where the app says it is served (application_url): extensions call this origin. */
  applicationUrl: string;
  scopes: string[];
  apiVersion: string;
  appProxy: { prefix: string; subpath: string; path: string } | null;
  webhooks: { topics: string[]; uri: string; compliance: boolean }[];
}

export function readAppConfig(file = `${PROJECT_ROOT}/shopify.app.toml`): AppConfig {
  const toml = parse(readFileSync(file, "utf8")) as {
    name: string;
    application_url?: string;
    access_scopes?: { scopes?: string };
    app_proxy?: { url: string; subpath: string; prefix: string };
    webhooks?: {
      api_version: string;
      subscriptions?: { topics?: string[]; compliance_topics?: string[]; uri: string }[];
    };
  };
  return {
    name: toml.name,
    applicationUrl: (toml.application_url ?? "https://example.com").replace(/\/$/, ""),
    scopes: (toml.access_scopes?.scopes ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    apiVersion: toml.webhooks?.api_version ?? "2026-10",
    appProxy: toml.app_proxy
      ? {
          prefix: toml.app_proxy.prefix,
          subpath: toml.app_proxy.subpath,
          path: new URL(toml.app_proxy.url).pathname.replace(/\/$/, ""),
        }
      : null,
    webhooks: (toml.webhooks?.subscriptions ?? []).map((s) => ({
      topics: s.topics ?? s.compliance_topics ?? [],
      uri: s.uri,
      compliance: Boolean(s.compliance_topics),
    })),
  };
}
