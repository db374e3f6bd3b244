// The Liquid context of a storefront request: the demo shop, its language, the signed-in
// customer (cookie), the page.
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import type { ShopStore } from "../data/store";
import type { Env, Platform } from "../platform";
import type { PageContext } from "./render";

export function currentCustomer(c: Context<Env>, shopStore: ShopStore) {
  const id = getCookie(c, "devstore_customer");
  return id ? (shopStore.customersById.get(`gid://shopify/Customer/${id}`) ?? null) : null;
}

export function localeOf(pathname: string) {
  const match = /^\/(de|fr|es|ja)(?=\/|$)/.exec(pathname);
  return { locale: match?.[1] ?? "en", bare: pathname.slice(match ? match[0].length : 0) || "/" };
}

export function pageContext(
  { store, origin, apiKey }: Platform,
  c: Context<Env>,
  pageType: PageContext["pageType"],
  extra: Partial<PageContext> = {},
): PageContext {
  const shopStore = store.defaultShop;
  return {
    shop: shopStore.shop,
    customer: currentCustomer(c, shopStore),
    locale: localeOf(c.req.path).locale,
    path: c.req.path,
    pageType,
    origin: origin(),
    appId: apiKey,
    ...extra,
  };
}
