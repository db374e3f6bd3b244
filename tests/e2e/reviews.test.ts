// Product reviews in the browser: a shopper writes and reads reviews with JavaScript off; the
// owner answers the oldest review in the reply desk (embedded admin) and the reply appears on
// the product page; the owner imports a Judge.me file in the desk. axe throughout.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { seeded, storefront } from "../support/storefront";
import { expectNoAxeViolations, launch, openAppPage, shopper } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const product = seeded.products[3]!;
const stamp = Date.now().toString(36);

async function writeReview(page: Page, { rating, title, body }: { rating: number; title: string; body: string }) {
  await page.goto(`/products/${product.handle}`);
  await page.getByText("Write a review").click();
  await page.getByRole("radio", { name: `${rating} out of 5 stars` }).check();
  await page.getByLabel("Title (optional)").fill(title);
  await page.getByLabel("Your review").fill(body);
  await page.getByLabel("Your name (shown with the review)").fill("Robin");
  await page.getByLabel("Your email").fill(`robin.${stamp}@example.com`);
  // The form refuses answers sent within 3 s of showing it (bots): a person takes longer.
  await new Promise((resolve) => setTimeout(resolve, 3100));
  await Promise.all([
    page.waitForURL("**/apps/care/reviews/"),
    page.getByRole("button", { name: "Submit review" }).click(),
  ]);
}

async function axeWithoutJavaScript(page: Page) {
  // axe needs JavaScript: check the same markup in a page that runs it
  const checker = await (await shopper(browser)).newPage();
  await checker.setContent(await page.content());
  await expectNoAxeViolations(checker);
  await checker.context().close();
}

it("a shopper writes a review and reads it on the product page, JavaScript off", async () => {
  const page = await (await shopper(browser, { javaScriptEnabled: false })).newPage();
  // WHEN the shopper writes a 5-star review without JavaScript
  await writeReview(page, { rating: 5, title: `Sturdy ${stamp}`, body: "Survived the dishwasher.\nTwice." });
  // THEN a full storefront page thanks them
  await page.getByText("Your review is published").waitFor();
  await axeWithoutJavaScript(page);
  // AND the product page shows it, rendered by Liquid
  await expect
    .poll(async () => {
      await page.goto(`/products/${product.handle}`);
      return page.getByRole("heading", { name: `Sturdy ${stamp}` }).count();
    })
    .toBe(1);
  expect(await page.getByText("Survived the dishwasher.").count()).toBe(1);
  await axeWithoutJavaScript(page);
  await page.context().close();
}, 60_000);

it("the owner answers the oldest review in the desk and the reply appears on the product page", async () => {
  // GIVEN a 2-star review held for approval
  const shopperPage = await (await shopper(browser, { javaScriptEnabled: false })).newPage();
  await writeReview(shopperPage, { rating: 2, title: `Chipped ${stamp}`, body: "The handle was chipped." });
  await shopperPage.getByText("once the store has approved it").waitFor();

  // WHEN the owner opens the reply desk, oldest first, for this product
  const admin = await (await shopper(browser)).newPage();
  await admin.goto(`${inject("devstoreOrigin")}/admin`);
  const app = await openAppPage(admin, "Reviews", "Reply desk");
  await app.getByLabel("Order").selectOption("oldest");
  await app.getByLabel("Search").fill(`Chipped ${stamp}`);
  await app.getByRole("button", { name: "Apply" }).click();
  await expect.poll(() => app.getByRole("article").count(), { timeout: 15_000 }).toBe(1);
  const card = app.getByRole("article", { name: `Review by Robin: Chipped ${stamp}` });
  await card.waitFor({ timeout: 15_000 });
  await expectNoAxeViolations(admin.frames().find((f) => f.url().startsWith(inject("appUrl")))!);
  // it publishes the review and replies publicly
  await card.getByRole("button", { name: "Publish" }).click();
  await expect.poll(() => card.getByText("published", { exact: true }).count(), { timeout: 15_000 }).toBe(1);
  // a saved reply fills in the reviewer's name and the product
  await card.getByLabel("Saved reply").selectOption({ label: "Sorry" });
  await expect
    .poll(() => card.getByLabel("Your reply").inputValue())
    .toBe(`We're sorry, Robin. Please get in touch with us so that we can make it right with your ${product.title}.`);
  await card.getByLabel("Your reply").fill(`So sorry, ${stamp}! A replacement is on its way.`);
  await card.getByRole("button", { name: "Reply publicly" }).click();

  // THEN the product page shows the review with the reply
  await expect
    .poll(
      async () => {
        await shopperPage.goto(`/products/${product.handle}`);
        return shopperPage.getByText(`So sorry, ${stamp}! A replacement is on its way.`).count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
  expect(await shopperPage.getByRole("heading", { name: `Chipped ${stamp}` }).count()).toBe(1);
  await axeWithoutJavaScript(shopperPage);
  await admin.context().close();
  await shopperPage.context().close();
}, 90_000);

it("a shopper pages through reviews: a plain link without JavaScript, in place with it", async () => {
  // GIVEN a product with 12 published reviews
  const many = seeded.products[4]!;
  for (let i = 1; i <= 12; i++) {
    const answer = await storefront("/apps/care/reviews/", {
      form: {
        locale: "en",
        product_id: many.id.split("/").pop()!,
        started: String(Math.floor(Date.now() / 1000) - 60),
        rating: "5",
        title: `Paged ${stamp} ${String(i).padStart(2, "0")}`,
        body: "Good.",
        name: "Sam",
        email: "sam@example.com",
      },
    });
    expect(answer.status).toBe(200);
  }
  const reviewHeadings = (page: Page) => page.getByRole("heading", { name: new RegExp(`^Paged ${stamp}`) });

  // WITHOUT JavaScript: the link opens the next page on the app proxy
  const plain = await (await shopper(browser, { javaScriptEnabled: false })).newPage();
  await expect
    .poll(async () => {
      await plain.goto(`/products/${many.handle}`);
      return reviewHeadings(plain).count();
    })
    .toBe(10);
  await Promise.all([
    plain.waitForURL("**/apps/care/reviews/**"),
    plain.getByRole("link", { name: "More reviews" }).click(),
  ]);
  expect(await reviewHeadings(plain).count()).toBe(2);
  await axeWithoutJavaScript(plain);
  await plain.context().close();

  // WITH JavaScript: the next page is appended in place and focus moves to it
  const page = await (await shopper(browser)).newPage();
  await page.goto(`/products/${many.handle}`);
  const url = page.url();
  await page.getByRole("link", { name: "More reviews" }).click();
  await expect.poll(() => reviewHeadings(page).count()).toBe(12);
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(`Paged ${stamp} 02`);
  expect(await page.getByRole("link", { name: "More reviews" }).count()).toBe(0);
  await expectNoAxeViolations(page, "care-product-reviews");
  await page.context().close();
}, 90_000);

it("the owner imports a Judge.me file in the desk: preview with the row's error, then import; axe", async () => {
  const target = seeded.products.at(-3)!;
  const csv = [
    "title,body,rating,review_date,source,curated,reviewer_name,reviewer_email,product_id,product_handle,reply,reply_date,picture_urls,ip_address,location",
    `Imported ${stamp},"From Judge.me.\nTwo lines.",5,2025-03-02 10:12:00 UTC,web,ok,Noa,noa@example.com,,${target.handle},Thanks Noa,2025-03-03,,,`,
    `Broken ${stamp},Too many stars,8,2025-03-02,web,ok,Noa,,,${target.handle},,,,,`,
  ].join("\n");
  const admin = await (await shopper(browser)).newPage();
  await admin.goto(`${inject("devstoreOrigin")}/admin`);
  const app = await openAppPage(admin, "Reviews", "Reply desk");
  await app.getByText("Import / export CSV").filter({ visible: true }).first().click();
  await expect
    .poll(() => app.getByRole("heading", { level: 1 }).textContent(), { timeout: 15_000 })
    .toBe("Import and export reviews");
  // WHEN the owner uploads the file and asks for the preview
  await app
    .getByLabel("CSV file")
    .setInputFiles({ name: "judgeme.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await app.getByRole("button", { name: "Preview" }).click();
  // THEN the preview shows the new row and the row with its error
  await app.getByText("2 rows: 1 new, 0 already imported, 1 with errors (not imported).").waitFor({ timeout: 15_000 });
  await app.getByText('Row 3: Rating "8" is not a whole number from 1 to 5.').waitFor();
  await expectNoAxeViolations(admin.frames().find((f) => f.url().startsWith(inject("appUrl")))!);
  // WHEN it confirms, THEN the review is imported and reaches the product page with its reply
  await app.getByRole("button", { name: "Import 1 review" }).click();
  await app.getByText("Imported 1 review").waitFor({ timeout: 15_000 });
  await expectNoAxeViolations(admin.frames().find((f) => f.url().startsWith(inject("appUrl")))!);
  const page = await (await shopper(browser, { javaScriptEnabled: false })).newPage();
  await expect
    .poll(
      async () => {
        await page.goto(`/products/${target.handle}`);
        return page.getByRole("heading", { name: `Imported ${stamp}` }).count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
  expect(await page.getByText("Thanks Noa").count()).toBe(1);
  await admin.context().close();
  await page.context().close();
}, 90_000);
