// The app proxy: /apps/care/* forwarded to the app, signed as Shopify signs it; answers of
// type application/liquid are rendered in the theme layout.
import type { Context } from "hono";
import { appProxySignature } from "../auth/signatures";
import type { Env, Platform } from "../platform";
import { currentCustomer, localeOf, pageContext } from "./page";
import { layout } from "./render";

export function appProxy(platform: Platform, prefix: string) {
  const { store, config, appUrl, apiSecret, storefront } = platform;
  return async (c: Context<Env>) => {
    const shopStore = store.defaultShop;
    const { bare } = localeOf(c.req.path);
    const url = new URL(c.req.url);
    const rest = bare.slice(prefix.length);
    const target = new URL(`${appUrl}${config.appProxy!.path}${rest}`);
    const params = new URLSearchParams(url.search);
    for (const key of ["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"]) params.delete(key);
    const customer = currentCustomer(c, shopStore);
    params.set("shop", shopStore.shop.myshopifyDomain);
    params.set("logged_in_customer_id", customer ? customer.id.split("/").pop()! : "");
    params.set("path_prefix", prefix);
    params.set("timestamp", String(Math.floor(Date.now() / 1000)));
    params.set("signature", appProxySignature(params, apiSecret));
    target.search = params.toString();

    const headers = new Headers();
    for (const name of ["content-type", "accept", "user-agent", "accept-language", "origin"]) {
      const value = c.req.header(name);
      if (value) headers.set(name, value);
    }
    // The shopper's address as the platform saw it. Tests stand in for different shoppers
    // with X-Devstore-Client-Ip (a dev store affordance; Shopify takes it from the connection).
    const shopper = c.req.header("x-devstore-client-ip") ?? c.env.incoming.socket.remoteAddress ?? "127.0.0.1";
    headers.set("x-forwarded-for", platform.loadBalancerHop ? `${shopper}, ${platform.loadBalancerHop}` : shopper);
    headers.set("x-forwarded-host", url.host);
    const hasBody = c.req.method !== "GET" && c.req.method !== "HEAD";
    const response = await fetch(target, {
      method: c.req.method,
      headers,
      body: hasBody ? await c.req.arrayBuffer() : undefined,
      redirect: "manual",
    });
    const type = response.headers.get("content-type") ?? "";
    const passHeaders = new Headers();
    for (const name of ["cache-control", "retry-after", "location", "content-disposition", "referrer-policy"]) {
      const value = response.headers.get(name);
      if (value) passHeaders.set(name, value);
    }
    if (!type.startsWith("application/liquid")) {
      if (type) passHeaders.set("content-type", type);
      return new Response(response.body, { status: response.status, headers: passHeaders });
    }
    let body = await response.text();
    const noLayout = /^\s*{%-?\s*layout\s+none\s*-?%}/.test(body);
    body = body.replace(/^\s*{%-?\s*layout\s+none\s*-?%}/, "");
    const page = pageContext(platform, c, "app_proxy", { customer });
    const html = await storefront.renderLiquid(body, page);
    passHeaders.set("content-type", "text/html; charset=utf-8");
    return new Response(noLayout ? html : layout({ page, title: config.name, content: html }), {
      status: response.status,
      headers: passHeaders,
    });
  };
}
