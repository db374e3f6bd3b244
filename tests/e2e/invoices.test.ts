// Invoices in the browser: a shopper downloads the invoice from the order lookup's result, and
// the merchant finds it on the admin Invoices page (embedded, App Bridge session tokens) and
// downloads it there; the PDF's text is read each time. Then the merchant issues a credit note
// for a manual adjustment from the same row (a modal form) and sees it listed. axe on the admin
// page and on the open modal.
import { execFileSync } from "node:child_process";
import { type Download, type Page, type Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { devstore, recentOrder } from "../support/storefront";
import { expectNoAxeViolations, launch, openAppPage, shopper } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// A paid order no other browser test uses; Shopify's orders/paid (delivered by the dev store)
// has the app issue its invoice.
const order = recentOrder((o) => o.displayFinancialStatus === "PAID" && !o.cancelledAt, 30);

async function pdfTextOf(download: Download): Promise<string> {
  const file = await download.path();
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

async function lookupResult(page: Page) {
  await page.goto("/pages/order-status");
  await page.getByLabel("Order number").fill(order.name);
  await page.getByLabel("Email or phone number").fill(order.email!);
  await page.getByRole("button", { name: "Find my order" }).click();
  await page.getByRole("heading", { name: `Order ${order.name}` }).waitFor();
}

it("a shopper downloads the invoice from the lookup result; the merchant downloads it from the Invoices page and issues a credit note", async () => {
  await devstore("/__devstore/webhooks", {
    topic: "orders/paid",
    payload: { id: Number(order.id.split("/").pop()), admin_graphql_api_id: order.id, name: order.name },
  });

  // The shopper: the lookup result offers the invoice once it is issued
  const page = await (await shopper(browser)).newPage();
  await expect
    .poll(
      async () => {
        await lookupResult(page);
        return page.getByRole("link", { name: "Download invoice" }).count();
      },
      { timeout: 60_000, interval: 500 },
    )
    .toBe(1);
  const [fromLookup] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download invoice" }).click(),
  ]);
  const shopperText = await pdfTextOf(fromLookup);
  const number = /INV-\d{4}-\d{5}/.exec(shopperText)?.[0];
  expect(number).toBeDefined();
  expect(shopperText).toContain(order.name);
  expect(shopperText).toContain(order.lineItems[0]!.title);
  expect(fromLookup.suggestedFilename()).toBe(`${number}.pdf`);
  await page.context().close();

  // The merchant: Invoices in the app's navigation, search by the order, download the PDF
  const admin = await (await shopper(browser)).newPage();
  await admin.goto(`${inject("devstoreOrigin")}/admin`);
  const app = await openAppPage(admin, "Invoices", "Invoices");
  await app.getByLabel("Search").fill(order.name);
  await app.getByRole("button", { name: "Apply" }).click();
  const download = app.getByRole("button", { name: `Download ${number} (PDF)` });
  await download.waitFor({ timeout: 15_000 });
  expect(await app.getByRole("row").count()).toBe(2); // the heading row and this invoice
  const frame = admin.frames().find((f) => f.url().startsWith(`${inject("appUrl")}/app`))!;
  await expectNoAxeViolations(frame);
  const [fromAdmin] = await Promise.all([admin.waitForEvent("download"), download.click()]);
  expect(fromAdmin.suggestedFilename()).toBe(`${number}.pdf`);
  const adminText = await pdfTextOf(fromAdmin);
  expect(adminText).toContain(number!);
  expect(adminText).toContain(order.name);
  // the same immutable document as the shopper's
  expect(adminText).toBe(shopperText);

  // The merchant issues a credit note for a manual adjustment from the invoice's row
  await app.getByRole("button", { name: `Issue credit note: ${number}` }).click();
  const dialog = app.getByRole("dialog", { name: `Issue credit note for ${number}` });
  await dialog.waitFor();
  await expect.poll(() => dialog.getByText("can still be credited").textContent()).toContain(number!);
  await expectNoAxeViolations(frame);
  await dialog.getByLabel("Description").fill("Goodwill: scratched box");
  await dialog.getByLabel("Unit amount").fill("4");
  await dialog.getByLabel("Reason").fill("Packaging damaged in transit");
  // the server's field errors show inline: a zero quantity first
  await dialog.getByLabel("Quantity").fill("0");
  await dialog.getByRole("button", { name: "Issue credit note", exact: true }).click();
  await dialog.getByText("The quantity must be at least 1.").waitFor();
  await dialog.getByLabel("Quantity").fill("1");
  await dialog.getByRole("button", { name: "Issue credit note", exact: true }).click();
  await dialog.waitFor({ state: "detached", timeout: 15_000 });
  // the list (still searched by the order) now has the credit note
  const creditRow = app.getByRole("row").filter({ hasText: /CN-\d{4}-\d{5}/ });
  await creditRow.waitFor({ timeout: 15_000 });
  expect(await app.getByRole("row").count()).toBe(3);
  const creditNumber = /CN-\d{4}-\d{5}/.exec((await creditRow.textContent()) ?? "")?.[0];
  expect(creditNumber).toBeDefined();
  const [creditPdf] = await Promise.all([
    admin.waitForEvent("download"),
    app.getByRole("button", { name: `Download ${creditNumber} (PDF)` }).click(),
  ]);
  const creditText = await pdfTextOf(creditPdf);
  expect(creditText).toContain(creditNumber!);
  expect(creditText).toContain("Goodwill: scratched box");
  expect(creditText).toContain("Packaging damaged in transit");
  await admin.context().close();
}, 120_000);
