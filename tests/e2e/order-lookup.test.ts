// A guest finds their order in the storefront, with and without JavaScript, by keyboard,
// in two languages; strict mode and the emailed links, read from the dev store's mailbox.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookup, recentOrder, waitForMail } from "../support/storefront";
import { expectNoAxeViolations, launch, openAppPage, shopper } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openLookup(options: { javaScriptEnabled?: boolean; path?: string } = {}): Promise<Page> {
  const page = await (await shopper(browser, options)).newPage();
  await page.goto(options.path ?? "/pages/order-status");
  return page;
}

describe("order lookup in the browser", () => {
  it("finds an order in place with JavaScript: no page load, focus on the result, announced", async () => {
    const order = recentOrder((o) => o.fulfillments.length > 0, 4);
    const page = await openLookup();
    const url = page.url();
    await page.getByLabel("Order number").fill(order.name);
    await page.getByLabel("Email or phone number").fill(order.email!);
    await page.getByRole("button", { name: "Find my order" }).click();
    const heading = page.getByRole("heading", { name: `Order ${order.name}` });
    await heading.waitFor();
    expect(page.url()).toBe(url);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Order ${order.name}`);
    expect(await page.locator('[data-care-result][role="status"]').count()).toBe(1);
    expect(await page.getByRole("link", { name: /Track package/ }).getAttribute("href")).toContain(
      order.fulfillments[0]!.trackingInfo[0]!.number,
    );
    await expectNoAxeViolations(page, "care-order-lookup");
    // the lookup result causes no layout shift above it
    const cls = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
              if (!entry.hadRecentInput) total += entry.value;
          }).observe({ type: "layout-shift", buffered: true });
          setTimeout(() => resolve(total), 300);
        }),
    );
    expect(cls).toBeLessThan(0.1);
    await page.context().close();
  });

  it("works without JavaScript: the form posts and a full storefront page answers", async () => {
    const order = recentOrder(() => true, 5);
    const page = await openLookup({ javaScriptEnabled: false });
    await page.getByLabel("Order number").fill(order.name);
    await page.getByLabel("Email or phone number").fill(order.email!);
    await Promise.all([
      page.waitForURL("**/apps/care/orders/lookup/"),
      page.getByRole("button", { name: "Find my order" }).click(),
    ]);
    await page.getByRole("heading", { name: `Order ${order.name}` }).waitFor();
    expect(await page.title()).toContain("Maple & Fern Goods");
    // axe needs JavaScript: check the same markup in a page that runs it
    const html = await page.content();
    const checker = await (await shopper(browser)).newPage();
    await checker.setContent(html);
    await expectNoAxeViolations(checker);
    await checker.context().close();
    await page.context().close();
  });

  it("says so when the email is wrong, and moves focus to the message", async () => {
    const order = recentOrder(() => true, 6);
    const page = await openLookup();
    await page.getByLabel("Order number").fill(order.name);
    await page.getByLabel("Email or phone number").fill("not.me@example.com");
    await page.getByRole("button", { name: "Find my order" }).click();
    const message = page.getByText("We couldn't find an order with these details", { exact: false });
    await message.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toContain("We couldn't find an order");
    await expectNoAxeViolations(page, "care-order-lookup");
    await page.context().close();
  });

  it("never locks the owner out: after 8 failures from rotating addresses, the right details still get through", async () => {
    const order = recentOrder(() => true, 7);
    // GIVEN an attacker's 8 wrong guesses for the order, each from another address
    for (let i = 0; i < 8; i++) {
      expect((await lookup({ order_number: order.name, contact: `guess${i}@example.com` })).status).toBe(404);
    }
    // WHEN the owner looks it up in the browser with the right email
    const page = await openLookup();
    await page.getByLabel("Order number").fill(order.name);
    await page.getByLabel("Email or phone number").fill(order.email!);
    await page.getByRole("button", { name: "Find my order" }).click();
    // THEN they are asked for the code emailed to them, and it opens the order
    await page.getByLabel("6-digit code").waitFor();
    const mail = await waitForMail(order.email!, (m) => m.subject.includes(order.name));
    await page.getByLabel("6-digit code").fill(/\b(\d{6})\b/.exec(mail.text)![1]!);
    await page.getByRole("button", { name: "Show my order" }).click();
    await page.getByRole("heading", { name: `Order ${order.name}` }).waitFor();
    await expectNoAxeViolations(page, "care-order-lookup");
    await page.context().close();
  });

  it.each([true, false])(
    "holds exactly one lookup form after a failed lookup (JavaScript %s)",
    async (javaScriptEnabled) => {
      const context = await shopper(browser, { javaScriptEnabled });
      const page = await context.newPage();
      await page.goto("/pages/order-status");
      await page.getByLabel("Order number").fill("#99991");
      await page.getByLabel("Email or phone number").fill("nobody@example.com");
      await page.getByRole("button", { name: "Find my order" }).click();
      await page.getByText("We couldn't find an order", { exact: false }).waitFor();
      expect(await page.locator("form:has(input[name=order_number])").count()).toBe(1);
      await context.close();
    },
  );

  it("can be used with the keyboard alone", async () => {
    const order = recentOrder(() => true, 8);
    const page = await openLookup();
    await page.getByLabel("Order number").focus();
    await page.keyboard.type(order.name);
    await page.keyboard.press("Tab");
    await page.keyboard.type(order.email!);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: `Order ${order.name}` }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H2");
    // the next Tab reaches the result's links
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("A");
    await page.context().close();
  });

  it("speaks the storefront's language", async () => {
    const order = recentOrder(() => true, 9);
    const page = await openLookup({ path: "/de/pages/order-status" });
    await page.getByLabel("Bestellnummer").fill(order.name);
    await page.getByLabel("E-Mail oder Telefonnummer").fill(order.email!);
    await page.getByRole("button", { name: "Bestellung finden" }).click();
    await page.getByRole("heading", { name: `Bestellung ${order.name}` }).waitFor();
    await expectNoAxeViolations(page, "care-order-lookup");
    await page.context().close();

    const ja = await openLookup({ path: "/ja/pages/order-status" });
    expect(await ja.getByRole("heading", { level: 2 }).first().textContent()).toBe("ご注文を探す");
    await ja.context().close();
  });

  it("emails order links that sign the shopper straight in", async () => {
    const order = recentOrder((o) => Boolean(o.customerId), 2);
    const page = await openLookup();
    await page.getByText("No order number at hand?").click();
    await page.getByLabel("Email address").fill(order.email!);
    await page.getByRole("button", { name: "Email me my order links" }).click();
    await page.getByText("If there are orders for that email address", { exact: false }).waitFor();
    const mail = await waitForMail(order.email!, (m) => m.subject.startsWith("Your recent orders"));
    const link = /(https?:\/\/\S+\/apps\/care\/orders\/lookup\/\?link=\S+)/.exec(mail.text)![1]!;
    // the shop's domain is played by the dev store's storefront
    const target = new URL(link);
    await page.goto(`${target.pathname}${target.search}`);
    await page.getByRole("heading", { name: /^Order #/ }).waitFor();
    // the link is out of the address bar (and history) once the page has loaded
    expect(page.url()).not.toContain("link=");
    await page.context().close();
  });
});

describe("strict mode", () => {
  it("asks for the emailed one-time code before showing the order", async () => {
    // GIVEN the merchant turns on strict mode in the app's Settings
    const admin = await (await shopper(browser)).newPage();
    await admin.goto("/admin");
    const app = await openAppPage(admin, "Settings", "Settings");
    await app.getByLabel(/Strict mode/).check();
    // Settings has one form per feature: save the order lookup's.
    await app.locator("form").filter({ hasText: "Strict mode" }).getByRole("button", { name: "Save" }).click();
    await admin.getByText("Settings saved").waitFor();

    try {
      // WHEN a shopper looks up their order
      const order = recentOrder(() => true, 10);
      const page = await openLookup();
      await page.getByLabel("Order number").fill(order.name);
      await page.getByLabel("Email or phone number").fill(order.email!);
      await page.getByRole("button", { name: "Find my order" }).click();
      // THEN they are asked for the code emailed to the order's address
      await page.getByLabel("6-digit code").waitFor();
      expect(await page.getByRole("heading", { name: `Order ${order.name}` }).count()).toBe(0);
      const mail = await waitForMail(order.email!, (m) => m.subject.includes(order.name));
      const code = /\b(\d{6})\b/.exec(mail.text)![1]!;
      await page.getByLabel("6-digit code").fill(code);
      await page.getByRole("button", { name: "Show my order" }).click();
      await page.getByRole("heading", { name: `Order ${order.name}` }).waitFor();
      await page.context().close();
    } finally {
      await app.getByLabel(/Strict mode/).uncheck();
      await app.locator("form").filter({ hasText: "Strict mode" }).getByRole("button", { name: "Save" }).click();
      await admin.getByText("Settings saved").waitFor();
      await admin.context().close();
    }
  });
});
