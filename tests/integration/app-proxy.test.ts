// App proxy requests are accepted only with Shopify's signature (GET and POST), whoever
// sends them; the signature is computed by the dev store as Shopify documents it.
import { describe, expect, inject, it } from "vitest";
import { appProxySignature } from "../../devstore/auth/signatures";
import { BROWSER, recentOrder, storefront } from "../support/storefront";

function signedUrl(path: string, extra: Record<string, string> = {}, secret = inject("apiSecret")) {
  const params = new URLSearchParams({
    shop: inject("shop"),
    logged_in_customer_id: "",
    path_prefix: "/apps/care",
    timestamp: String(Math.floor(Date.now() / 1000)),
    ...extra,
  });
  params.set("signature", appProxySignature(params, secret));
  return `${inject("appUrl")}${path}?${params}`;
}

const post = (url: string, form: Record<string, string>) =>
  fetch(url, { method: "POST", body: new URLSearchParams(form), headers: { "User-Agent": BROWSER } });

describe("app proxy signatures", () => {
  it("accepts a correctly signed GET and POST", async () => {
    const order = recentOrder(() => true, 10);
    expect((await fetch(signedUrl("/proxy/orders/lookup/"), { headers: { "User-Agent": BROWSER } })).status).toBe(200);
    const response = await post(signedUrl("/proxy/orders/lookup/"), {
      order_number: order.name,
      contact: order.email!,
    });
    expect(response.status).toBe(200);
  });

  it("refuses a tampered signature on GET and POST", async () => {
    const tamper = (url: string) =>
      url.replace(/signature=([0-9a-f])/, (_, c: string) => `signature=${c === "0" ? "1" : "0"}`);
    expect(
      (await fetch(tamper(signedUrl("/proxy/orders/lookup/")), { headers: { "User-Agent": BROWSER } })).status,
    ).toBe(400);
    const order = recentOrder(() => true, 11);
    const response = await post(tamper(signedUrl("/proxy/orders/lookup/")), {
      order_number: order.name,
      contact: order.email!,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain(order.name);
  });

  it("refuses a signature made with another secret, a changed shop or a missing signature", async () => {
    expect(
      (await fetch(signedUrl("/proxy/orders/lookup/", {}, "not-the-secret"), { headers: { "User-Agent": BROWSER } }))
        .status,
    ).toBe(400);
    const changedShop = signedUrl("/proxy/orders/lookup/").replace(/shop=[^&]+/, "shop=evil.myshopify.com");
    expect((await fetch(changedShop, { headers: { "User-Agent": BROWSER } })).status).toBe(400);
    expect(
      (
        await fetch(`${inject("appUrl")}/proxy/orders/lookup/?shop=${inject("shop")}`, {
          headers: { "User-Agent": BROWSER },
        })
      ).status,
    ).toBe(400);
  });
});

describe("the shared storefront shell", () => {
  it.each(["/apps/care/orders/code/", "/apps/care/orders/links/"])(
    "answers a GET on the POST-only %s with a translated 405 page, never an error page",
    async (path) => {
      const answer = await storefront(`/de${path}`, { headers: { "Accept-Language": "de" } });
      expect(answer.status).toBe(405);
      expect(answer.text).toContain("Diese Seite kann nicht direkt geöffnet werden");
      expect(answer.text).toContain('name="order_number"');
    },
  );

  it("answers a body that is not a form with a translated 400", async () => {
    const answer = await storefront("/apps/care/orders/lookup/?locale=fr", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("Un problème est survenu avec cette demande");
  });
});

describe("requests the shell refuses", () => {
  it("refuses a POST from another site (Origin) with a translated 403, and accepts the shop's own", async () => {
    const order = recentOrder(() => true, 17);
    const form = { order_number: order.name, contact: order.email!, locale: "de" };
    const evil = await storefront("/apps/care/orders/lookup/", { form, headers: { Origin: "https://evil.example" } });
    expect(evil.status).toBe(403);
    expect(evil.text).toContain("Dieses Formular kann nur von den Seiten des Shops gesendet werden");
    expect(evil.text).not.toContain(order.lineItems[0]!.title);
    const own = await storefront("/apps/care/orders/lookup/?view=fragment", {
      form,
      headers: { Origin: inject("devstoreOrigin") },
    });
    expect(own.status).toBe(200);
    // no Origin (not a browser's cross-site form): accepted
    expect((await storefront("/apps/care/orders/lookup/?view=fragment", { form })).status).toBe(200);
  });

  it.each(["shop", "signature", "timestamp", "logged_in_customer_id"])(
    "refuses a repeated %s with 400 before authentication",
    async (name) => {
      // Signed as Shopify signs what the shopper's URL carried: every value, duplicates joined.
      const params = new URLSearchParams({
        shop: inject("shop"),
        logged_in_customer_id: "",
        path_prefix: "/apps/care",
        timestamp: String(Math.floor(Date.now() / 1000)),
      });
      params.append(name, name === "shop" ? "other.myshopify.com" : "1");
      params.set("signature", appProxySignature(params, inject("apiSecret")));
      if (name === "signature") params.append("signature", "0".repeat(64));
      const response = await fetch(`${inject("appUrl")}/proxy/orders/lookup/?${params}`, {
        headers: { "User-Agent": BROWSER },
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("repeated proxy parameter");
    },
  );

  it("answers with Referrer-Policy: no-referrer", async () => {
    const answer = await storefront("/apps/care/orders/lookup/");
    expect(answer.headers.get("referrer-policy")).toBe("no-referrer");
  });
});
