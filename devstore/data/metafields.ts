// Metafield namespaces as Shopify resolves them: the reserved `$app` prefix stands for the
// calling app's own namespace, `app--{app id}` (`$app:reviews` → `app--{app id}--reviews`).
// The dev store identifies an app by its API key (client_id).
import type { Metafield } from "./types";

export function resolveNamespace(namespace: string, appId: string): string {
  if (namespace === "$app") return `app--${appId}`;
  if (namespace.startsWith("$app:")) return `app--${appId}--${namespace.slice("$app:".length)}`;
  return namespace;
}

export function findMetafield(metafields: Metafield[], namespace: string, key: unknown, appId: string) {
  const resolved = resolveNamespace(namespace, appId);
  return metafields.find((m) => m.namespace === resolved && m.key === key) ?? null;
}
