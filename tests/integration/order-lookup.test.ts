// Guest order lookup through the whole path: storefront → app proxy (signed by the dev
// store) → the built app → Admin API of the dev store.
import { describe, expect, it } from "vitest";
import { lookup, recentOrder, seeded, shopperIp, storefront, waitForMail } from "../support/storefront";

describe("order lookup", () => {
  it("finds an order by number and email, forgiving about how they are typed", async () => {
    // GIVEN a recent order with an email
    const order = recentOrder((o) => o.displayFulfillmentStatus === "FULFILLED");
    // WHEN the shopper types the number without # and the email in capitals with spaces
    const answer = await lookup({
      order_number: ` ${order.name.slice(1)} `,
      contact: `  ${order.email!.toUpperCase()} `,
    });
    // THEN they see that order, its items and its tracking
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(`Order ${order.name}`);
    expect(answer.text).toContain(order.lineItems[0]!.title);
    expect(answer.text).toContain(order.fulfillments[0]!.trackingInfo[0]!.number);
    // and personal data is minimised: no full email, no street address
    expect(answer.text).not.toContain(order.email!);
    expect(answer.text).not.toContain(order.shippingAddress!.address1!);
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });

  it("finds an order by the phone number on it, typed nationally", async () => {
    const order = recentOrder((o) => o.shippingAddress?.countryCodeV2 === "US" && Boolean(o.shippingAddress.phone));
    const national = order.shippingAddress!.phone!.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, "($1) $2-$3");
    const answer = await lookup({ order_number: order.name, contact: national });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(`Order ${order.name}`);
  });

  it("answers a wrong email and an unknown order number byte for byte the same", async () => {
    const order = recentOrder(() => true, 21);
    const unknownNumber = `#${Math.max(...seeded.orders.map((o) => o.number)) + 5000}`;
    const wrongEmail = await lookup({ order_number: order.name, contact: "someone.else@example.com" });
    const unknownOrder = await lookup({ order_number: unknownNumber, contact: "someone.else@example.com" });
    expect(wrongEmail.status).toBe(404);
    expect(unknownOrder.status).toBe(404);
    // the forms echo what was typed; everything else must be identical
    const normalise = (html: string) => html.replace(/value="[^"]*"/g, 'value=""');
    expect(normalise(wrongEmail.text)).toBe(normalise(unknownOrder.text));
    expect(wrongEmail.text).not.toContain(order.lineItems[0]!.title);
  });

  it("renders a full storefront page without JavaScript", async () => {
    const order = recentOrder(() => true, 22);
    const page = await lookup({ order_number: order.name, contact: order.email! }, { fragment: false });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.text).toMatch(/<html lang="en">/);
    expect(page.text).toContain(seeded.shop.name.replace("&", "&#38;"));
    expect(page.text).toContain(`Order ${order.name}`);
  });

  it("answers in the shopper's language", async () => {
    const order = recentOrder(() => true, 23);
    const german = await lookup({ order_number: order.name, contact: order.email!, locale: "de" });
    expect(german.text).toContain(`Bestellung ${order.name}`);
    const japanese = await lookup({ order_number: order.name, contact: "wrong@example.com", locale: "ja" });
    expect(japanese.text).toContain("ご注文が見つかりませんでした");
  });

  it("says which field is wrong, in a 4xx, for malformed input", async () => {
    // without JavaScript: the form again, the wrong field marked
    const page = await lookup({ order_number: "abc", contact: "" }, { fragment: false });
    expect(page.status).toBe(422);
    expect(page.text).toContain("Enter an order number like #1001.");
    expect(page.text).toContain('aria-invalid="true"');
    expect(page.text).toMatch(/aria-describedby="CareOrderNumber-error CareOrderNumber-hint"/);
    // with JavaScript: the messages only (the block's own form stays on the page)
    const fragment = await lookup({ order_number: "abc", contact: "" });
    expect(fragment.status).toBe(422);
    expect(fragment.text).toContain("Enter an order number like #1001.");
    expect(fragment.text).not.toContain("<form");
  });

  it("keeps the shopper in with the session token for 30 minutes, bound to that order", async () => {
    const order = recentOrder(() => true, 24);
    const first = await lookup({ order_number: order.name, contact: order.email! });
    const token = /data-care-session="([^"]+)"/.exec(first.text)?.[1];
    expect(token).toBeTruthy();
    const again = await storefront(`/apps/care/orders/lookup/?view=fragment&t=${token}`);
    expect(again.status).toBe(200);
    expect(again.text).toContain(`Order ${order.name}`);
    const tampered = await storefront(`/apps/care/orders/lookup/?view=fragment&t=${token!.slice(0, -3)}abc`);
    expect(tampered.status).toBe(401);
    expect(tampered.text).not.toContain(order.name);
  });
});

describe("one form", () => {
  it("the block's Liquid form and the full-page form carry the same fields and hidden inputs", async () => {
    const fields = (html: string) => {
      const form = /<form[^>]*action="\/apps\/care\/orders\/lookup\/"[\s\S]*?<\/form>/.exec(html)![0];
      return [...form.matchAll(/<input\b[^>]*>/g)]
        .map(([input]) => `${/name="([^"]+)"/.exec(input)?.[1]}:${/type="([^"]+)"/.exec(input)?.[1] ?? "text"}`)
        .sort();
    };
    const block = await storefront("/pages/order-status");
    const page = await lookup({ order_number: "#99992", contact: "nobody@example.com" }, { fragment: false });
    expect(fields(page.text)).toEqual(fields(block.text));
    expect(fields(block.text)).toEqual([
      "contact:text",
      "contact_url:hidden",
      "locale:hidden",
      "order_number:text",
      "website:text",
    ]);
  });
});

describe("rate limits", () => {
  it("never locks the rightful shopper out: after the failures limit, the right details step up to an emailed code", async () => {
    const order = recentOrder(() => true, 3);
    // GIVEN an attacker guessing emails for the order from rotating addresses, past the limit (6 in these tests)
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await lookup({ order_number: order.name, contact: `guess${i}@example.com` })).status);
    }
    // THEN every guess gets the same not-found answer: nothing to tell them the limit was reached
    expect(statuses).toEqual(Array(8).fill(404));
    // WHEN the owner comes with the right email from a fresh address
    const owner = await lookup({ order_number: order.name, contact: order.email!, locale: "fr" });
    // THEN no 429 and no order yet: a code is emailed to the order's address
    expect(owner.status).toBe(200);
    expect(owner.text).not.toContain(order.lineItems[0]!.title);
    const challenge = /name="challenge" value="([^"]+)"/.exec(owner.text)![1]!;
    const mail = await waitForMail(order.email!, (m) => m.subject.includes(order.name));
    const code = /\b(\d{6})\b/.exec(mail.text)![1]!;
    const opened = await storefront("/apps/care/orders/code/?view=fragment", {
      form: { challenge, code, locale: "en" },
    });
    expect(opened.status).toBe(200);
    expect(opened.text).toContain(`Order ${order.name}`);
    // AND a wrong email while locked still answers exactly like an unknown order
    const wrong = await lookup({ order_number: order.name, contact: "nobody@example.com" });
    const unknown = await lookup({ order_number: "#99997", contact: "nobody@example.com" });
    expect([wrong.status, wrong.text]).toEqual([unknown.status, unknown.text]);
  });

  it("limits 50 shoppers behind the app's load balancer each on their own", async () => {
    // GIVEN the dev store's proxy → the app's load balancer (X-Forwarded-For: shopper, LB) → the app
    const shoppers = Array.from({ length: 50 }, (_, i) => `198.51.100.${i + 1}`);
    // WHEN each shopper makes 3 lookups
    const statuses = await Promise.all(
      shoppers.map(async (ip, i) => {
        const answers: number[] = [];
        for (let n = 0; n < 3; n++)
          answers.push(
            (await lookup({ order_number: `#${70000 + i * 3 + n}`, contact: "a@example.com" }, { ip })).status,
          );
        return answers;
      }),
    );
    // THEN none of them is limited (12 per address in these tests): no shared bucket
    expect(statuses.flat().every((status) => status === 404)).toBe(true);
  });

  it("limits attempts per shopper address", async () => {
    const ip = shopperIp();
    const statuses: number[] = [];
    for (let i = 0; i < 13; i++)
      statuses.push((await lookup({ order_number: `#${90000 + i}`, contact: "a@example.com" }, { ip })).status);
    expect(statuses.slice(0, 12).every((s) => s === 404)).toBe(true);
    expect(statuses[12]).toBe(429);
    // another shopper is not affected
    expect((await lookup({ order_number: "#95000", contact: "a@example.com" })).status).toBe(404);
  });
});
