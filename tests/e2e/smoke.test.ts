// Smoke: the admin shows Care Desk embedded with data from the Admin API; the storefront
// preview renders the theme blocks.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launch, shopper } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

it("the admin page shows the embedded app with the shop's name from the Admin API", async () => {
  // GIVEN the dev store's admin with Care Desk installed
  const page = await (await shopper(browser)).newPage();
  await page.goto(`${inject("devstoreOrigin")}/admin`);
  // WHEN the app loads in its iframe (session token → token exchange → Admin API)
  const app = page.frameLocator("iframe#app");
  // THEN its home shows the shop's name, and App Bridge put its navigation in the admin
  await expect
    .poll(() => app.getByRole("heading", { level: 1 }).textContent(), { timeout: 30_000 })
    .toBe("Care Desk for Maple & Fern Goods");
  await expect
    .poll(() => page.getByRole("navigation", { name: "Care Desk" }).getByRole("button").allTextContents())
    .toEqual(["Home", "Inbox", "Invoices", "Reviews", "Settings"]);
  // AND navigating in the admin navigates the app
  await page.getByRole("button", { name: "Settings" }).click();
  await expect.poll(() => app.getByRole("heading", { level: 1 }).textContent(), { timeout: 15_000 }).toBe("Settings");
  const frame = page.frames().find((f) => f.url().startsWith(inject("appUrl")))!;
  await expectNoAxeViolations(frame);
  await page.close();
}, 60_000);

it("the storefront preview renders the Care Desk blocks", async () => {
  const page = await (await shopper(browser)).newPage();
  await page.goto(`${inject("devstoreOrigin")}/pages/order-status`);
  await expect.poll(() => page.getByRole("heading", { name: "Find your order" }).count()).toBe(1);
  expect(await page.getByLabel("Order number").count()).toBe(1);
  await expectNoAxeViolations(page);
  await page.close();
});
