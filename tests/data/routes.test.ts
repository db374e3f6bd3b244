// Routes called in-process with real requests (the shared test kit): the admin's Settings
// with a session token, and the storefront shell's answers that need no Admin API call.
import { describe, expect, it } from "vitest";
import { adminRequest, callRoute, installShop, proxyRequest, TEST_SHOP, useTestDatabase } from "../support/app";

const database = useTestDatabase("sqlite", { SMTP_URL: "smtp://127.0.0.1:2525" });

describe("Settings (embedded admin)", () => {
  it("saves a feature's section for the session's shop only", async () => {
    // GIVEN an installed shop
    await installShop(database.prisma);
    // WHEN the owner turns strict mode on
    const saved = await callRoute(
      "app.settings",
      await adminRequest("/app/settings", { method: "POST", form: { intent: "order-lookup", strict: "true" } }),
    );
    // THEN it is saved, and the page shows it
    expect(await saved.json()).toEqual({ section: "order-lookup", ok: true, error: null });
    const page = await callRoute("app.settings", await adminRequest("/app/settings"));
    expect(await page.json()).toMatchObject({ "order-lookup": { strict: true, mail: true } });
    const rows = await database.prisma.shopSetting.findMany({ select: { shop: true, section: true, value: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ shop: TEST_SHOP, section: "order-lookup" });
    // switching strict mode on records when, so that earlier sessions and links are void
    const stored = JSON.parse(rows[0]!.value) as { strict: boolean; strictSince: number };
    expect(stored.strict).toBe(true);
    expect(Math.abs(stored.strictSince - Date.now() / 1000)).toBeLessThan(60);
  });

  it("refuses an unknown section with 400", async () => {
    await installShop(database.prisma);
    const answer = await callRoute(
      "app.settings",
      await adminRequest("/app/settings", { method: "POST", form: { intent: "nope" } }),
    );
    expect(answer.status).toBe(400);
  });

  it("refuses a request without a session token", async () => {
    const answer = await callRoute("app.settings", new Request("https://care-desk.test/app/settings"));
    expect(answer.status).toBeGreaterThanOrEqual(300);
    expect(answer.status).not.toBe(200);
  });
});

describe("the storefront shell", () => {
  it("answers GET on a POST-only endpoint with a translated 405 and Allow", async () => {
    await installShop(database.prisma);
    const answer = await callRoute("proxy.orders.code", proxyRequest("/orders/code/", { query: { locale: "ja" } }));
    expect(answer.status).toBe(405);
    expect(answer.headers.get("allow")).toBe("POST");
    expect(await answer.text()).toContain("このページは直接開けません");
  });

  it("answers a tampered signature with 400 before anything else", async () => {
    const request = proxyRequest("/orders/lookup/", { method: "POST", form: { order_number: "#1001" } });
    const tampered = new Request(request.url.replace("shop=maple", "shop=evil"), request);
    expect((await callRoute("proxy.orders.lookup", tampered)).status).toBe(400);
  });

  it("answers a shop that has not installed the app with a translated 503", async () => {
    const answer = await callRoute(
      "proxy.orders.lookup",
      proxyRequest("/orders/lookup/", { shop: "not-installed.myshopify.com", query: { locale: "fr" } }),
    );
    expect(answer.status).toBe(503);
    expect(await answer.text()).toContain("Ce service n&#x27;est pas disponible");
  });
});
