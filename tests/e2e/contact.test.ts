// Contact in the browser: a shopper with JavaScript off finds an FAQ answer on the contact page,
// then sends a message; the owner answers it in the inbox (embedded admin); the shopper reads
// the answer on the conversation page from the email and replies there. With JavaScript, the
// FAQ filters as the shopper types, without any request. axe throughout.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { sessionToken } from "../../devstore/auth/tokens";
import { BROWSER, storefront, waitForMail } from "../support/storefront";
import { expectNoAxeViolations, launch, openAppPage, shopper } from "./browser";

let browser: Browser;
const stamp = Date.now().toString(36);
const FAQ = [
  `How long does shipping take ${stamp}? | Three to five business days within the EU.`,
  "Can I return an item? | Yes, within 30 days, unused and in its box.",
];

beforeAll(async () => {
  browser = await launch();
  // The merchant's FAQ (Settings → Contact), saved as App Bridge calls it: with a session token.
  const token = await sessionToken({ shop: inject("shop"), apiKey: inject("apiKey"), apiSecret: inject("apiSecret") });
  const body = new URLSearchParams({ intent: "contact", faq: FAQ.join("\n"), email: "help@maple.example" });
  for (let i = 0; i < 5; i++) {
    body.set(`hours_${i}_open`, "09:00");
    body.set(`hours_${i}_close`, "17:00");
  }
  const saved = await fetch(`${inject("appUrl")}/app/settings?_data=routes%2Fapp.settings`, {
    method: "POST",
    body,
    headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER },
  });
  expect(saved.status).toBe(200);
  // the job writes the block's shop metafield
  const deadline = Date.now() + 15_000;
  while (!(await storefront("/pages/contact")).text.includes(`How long does shipping take ${stamp}?`)) {
    if (Date.now() > deadline) throw new Error("the FAQ never reached the contact page");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});
afterAll(async () => {
  await browser?.close();
});

async function axeWithoutJavaScript(page: Page) {
  // axe needs JavaScript: check the same markup in a page that runs it
  const checker = await (await shopper(browser)).newPage();
  await checker.setContent(await page.content());
  await expectNoAxeViolations(checker);
  await checker.context().close();
}

it("JavaScript off: FAQ answer, message, owner's answer in the inbox, the shopper's reply on the conversation page", async () => {
  const email = `robin.${stamp}@example.com`;
  const page = await (await shopper(browser, { javaScriptEnabled: false })).newPage();
  // GIVEN the contact page: the FAQ, hours and the reply promise come from Liquid
  await page.goto("/pages/contact");
  await page.getByRole("heading", { name: "Quick answers" }).waitFor();
  expect(await page.getByText(/We usually reply within \d+ business hours?\./).count()).toBe(1);
  await axeWithoutJavaScript(page);
  // WHEN the shopper opens a question, the answer shows (no script needed)
  await page.getByText(`How long does shipping take ${stamp}?`).click();
  await page.getByText("Three to five business days within the EU.").waitFor({ state: "visible" });
  // AND then writes anyway
  await page.getByLabel("Your name").fill("Robin Fox");
  await page.getByLabel("Your email").fill(email);
  await page.getByLabel("Topic").selectOption("shipping");
  await page.getByLabel("Your message").fill(`Does it ship to Iceland? (${stamp})`);
  // The form refuses answers sent within 3 s of showing it (bots): a person takes longer.
  await new Promise((resolve) => setTimeout(resolve, 3100));
  await Promise.all([
    page.waitForURL("**/apps/care/contact/"),
    page.getByRole("button", { name: "Send message" }).click(),
  ]);
  await page.getByText("Thank you, Robin Fox! We received your message.").waitFor();
  const reference = /C-[2-9A-HJ-NP-Z]{7}/.exec(await page.content())![0];
  await axeWithoutJavaScript(page);

  // THEN the owner finds it in the inbox and answers it
  const admin = await (await shopper(browser)).newPage();
  await admin.goto(`${inject("devstoreOrigin")}/admin`);
  const app = await openAppPage(admin, "Inbox", "Inbox");
  await app.getByRole("link", { name: `Does it ship to Iceland? (${stamp})` }).click();
  await app.getByText(reference).first().waitFor({ timeout: 15_000 });
  await app.getByText("No customer with this email in Shopify.").waitFor();
  await expectNoAxeViolations(admin.frames().find((f) => f.url().startsWith(inject("appUrl")))!);
  await app.getByLabel(/^Reply to Robin Fox/).fill(`Yes, Robin: 7 days to Iceland. (${stamp})`);
  await app.getByRole("button", { name: "Send reply" }).click();
  await expect
    .poll(() => app.getByText(`Yes, Robin: 7 days to Iceland. (${stamp})`).count(), { timeout: 15_000 })
    .toBe(1);

  // AND the shopper gets it by email, reads it on the conversation page and replies there
  const mail = await waitForMail(email, (m) => m.subject.startsWith("Re:"));
  const link = new URL(/(https?:\/\/\S+\/apps\/care\/contact\/conversation\/\?t=\S+)/.exec(mail.text)![1]!);
  await page.goto(`${link.pathname}${link.search}`);
  await page.getByText(`Yes, Robin: 7 days to Iceland. (${stamp})`).waitFor();
  await axeWithoutJavaScript(page);
  await page.getByLabel("Your reply").fill("Perfect, ordering now.");
  await Promise.all([
    page.waitForURL("**/apps/care/contact/conversation/"),
    page.getByRole("button", { name: "Send reply" }).click(),
  ]);
  await page.getByText("Your reply has been sent.").waitFor();
  expect(await page.getByText("Perfect, ordering now.").count()).toBe(1);
  await axeWithoutJavaScript(page);
  await admin.context().close();
  await page.context().close();
}, 120_000);

it("JavaScript on: the FAQ filters as the shopper types, with no request before sending; the answer comes in place", async () => {
  const context = await shopper(browser);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/apps/care")) requests.push(request.url());
  });
  await page.goto("/pages/contact?order=%231001");
  expect(await page.getByLabel("Order number (optional)").inputValue()).toBe("#1001");
  const shipping = page.getByText(`How long does shipping take ${stamp}?`);
  const returns = page.getByText("Can I return an item?");
  await page.getByLabel("Your message").pressSequentially("I want to return my mug");
  await expect.poll(() => shipping.isVisible()).toBe(false);
  expect(await returns.isVisible()).toBe(true);
  await page.getByLabel("Your message").fill("zzqqxx");
  await page.getByText("No quick answer matches. Send us your message below.").waitFor();
  expect(requests).toEqual([]);
  await expectNoAxeViolations(page);
  await page.getByLabel("Your name").fill("Kim");
  await page.getByLabel("Your email").fill(`kim.${stamp}@example.com`);
  await page.getByLabel("Your message").fill("Please send a new mug, mine broke.");
  await new Promise((resolve) => setTimeout(resolve, 3100));
  await page.getByRole("button", { name: "Send message" }).click();
  await page.getByText("Thank you, Kim! We received your message.").waitFor();
  expect(page.url()).toContain("/pages/contact");
  expect(requests).toHaveLength(1);
  await expectNoAxeViolations(page);
  await context.close();
}, 60_000);
