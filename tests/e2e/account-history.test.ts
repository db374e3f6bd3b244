// The signed-in customer downloads an invoice in the browser: on the dev store's new customer
// accounts pages (the built extension bundles, rendered by the host stand-in: the "Orders &
// invoices" page and the order action's modal) and on the legacy account page (the theme
// block, through the app proxy). axe on each.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Download, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Order } from "../../devstore/data/types";
import { devstore, recentOrders, seeded } from "../support/storefront";
import { expectNoAxeViolations, launch, USER_AGENT } from "./browser";

let browser: Browser;
const logs: string[] = [];
const paid = (o: Order) => o.displayFinancialStatus === "PAID" && !o.cancelledAt;
const customer = seeded.customers.filter(
  (c) => c.hasAccount && c.email && recentOrders.some((o) => o.customerId === c.id && paid(o)),
)[0]!;
// The customer's newest order: first on the "Orders & invoices" page.
const order = seeded.orders
  .filter((o) => o.customerId === customer.id)
  .sort((a, b) => Date.parse(b.processedAt) - Date.parse(a.processedAt))[0]!;

beforeAll(async () => {
  browser = await launch();
  // The order's invoice is issued (orders/paid → job → invoice).
  await devstore("/__devstore/webhooks", { topic: "orders/paid", payload: { admin_graphql_api_id: order.id } });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function signedIn(): Promise<{ context: BrowserContext; page: Page }> {
  // No X-Devstore-Client-Ip header (shopper() adds one to every request): the extensions call
  // the app across origins, and a browser sends only the headers the app's CORS answer allows.
  const context = await browser.newContext({ baseURL: inject("devstoreOrigin"), userAgent: USER_AGENT });
  const page = await context.newPage();
  page.on("console", (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => logs.push(`pageerror: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) logs.push(`HTTP ${r.status()} ${r.url()}`);
  });
  await page.goto("/account/login");
  await page.getByLabel("Sign in as a seeded customer").selectOption(customer.email!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/account$/);
  return { context, page };
}

/** A download started by the click, from the page or from the tab the click opened. */
async function downloadBy(context: BrowserContext, page: Page, click: () => Promise<void>): Promise<Download> {
  const download = new Promise<Download>((resolve) => {
    page.once("download", resolve);
    context.once("page", (popup) => popup.once("download", resolve));
  });
  await click();
  return download;
}

function pdfText(download: Download, file: string): string {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(download.suggestedFilename()).toMatch(/^INV-.*\.pdf$/);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

const frameOf = (page: Page, target: string): Frame =>
  page.frames().find((f) => f.url().includes(`target=${encodeURIComponent(target)}`))!;

async function waitForInvoice(page: Page) {
  // The invoice job runs shortly after orders/paid: reload until the document is listed.
  for (let attempt = 0; attempt < 20; attempt++) {
    const frame = frameOf(page, "customer-account.page.render");
    const button = frame?.getByRole("button", {
      name: new RegExp(`^Download invoice INV-\\S+ of order ${order.name}$`),
    });
    if (button && (await button.count().catch(() => 0)) > 0) return button;
    await page.waitForTimeout(500);
    if (attempt % 4 === 3) await page.reload();
  }
  const frame = frameOf(page, "customer-account.page.render");
  const state = frame ? await frame.evaluate(() => document.body.innerHTML.slice(0, 2500)) : null;
  throw new Error(
    `the invoice never showed: ${JSON.stringify(state)} ${page
      .frames()
      .map((f) => f.url())
      .join(" ")} ${logs.join("\n")}`,
  );
}

describe("order and invoice history in the browser", () => {
  it("new customer accounts: the Orders & invoices page downloads the invoice", async () => {
    const { context, page } = await signedIn();
    await page.goto("/account/new");
    const button = await waitForInvoice(page);
    const frame = frameOf(page, "customer-account.page.render");
    expect(await frame.getByRole("heading", { level: 1, name: "Orders & invoices" }).count()).toBe(1);
    expect(await frame.getByRole("heading", { level: 2 }).first().textContent()).toBe(`Order ${order.name}`);
    await button.click();
    const open = frame.getByRole("link", {
      name: new RegExp(`^Open Download invoice INV-\\S+ of order ${order.name}`),
    });
    await open.waitFor();
    await expectNoAxeViolations(page);
    await expectNoAxeViolations(frame);
    const download = await downloadBy(context, page, () => open.click());
    expect(pdfText(download, await download.path())).toContain(order.name);
    await context.close();
  });

  it("new customer accounts: the order action's modal downloads the invoice", async () => {
    const { context, page } = await signedIn();
    await page.goto(`/account/new/orders/${order.id.split("/").pop()}`);
    const menu = page.frameLocator('iframe[title="Download invoice"]').first();
    await menu.getByRole("button", { name: "Download invoice" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await page.waitForFunction(() => document.querySelector("dialog iframe")?.getAttribute("src"));
    const modal = page.frameLocator("dialog iframe");
    await modal.getByRole("heading", { level: 1, name: "Invoice and credit notes" }).waitFor();
    await modal.getByRole("button", { name: /^Download invoice INV-/ }).click();
    const open = modal.getByRole("link", { name: /^Open Download invoice INV-/ });
    await open.waitFor();
    await expectNoAxeViolations(page);
    await expectNoAxeViolations(frameOf(page, "customer-account.order.action.render"));
    const download = await downloadBy(context, page, () => open.click());
    expect(pdfText(download, await download.path())).toContain(order.name);
    // Close returns to the order page.
    await modal.getByRole("button", { name: "Close" }).click();
    await page.waitForFunction(() => !document.querySelector("dialog")?.open);
    await context.close();
  });

  it("legacy account page: the Order history block's link downloads the invoice", async () => {
    const { context, page } = await signedIn();
    await page.goto("/account");
    const link = page.getByRole("link", { name: `Download invoice for order ${order.name}` });
    await link.waitFor();
    await expectNoAxeViolations(page, ".care-order-history");
    expect(await page.locator(".care-order-history script").count()).toBe(0);
    const download = await downloadBy(context, page, () => link.click());
    expect(pdfText(download, await download.path())).toContain(order.name);
    await context.close();
  });
});
