// Strict mode, "email me my order links", Admin API throttling and hostile input, over HTTP.
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { sessionToken } from "../../devstore/auth/tokens";
import {
  BROWSER,
  devstore,
  lookup,
  mailTo,
  recentOrder,
  recentOrders,
  storefront,
  waitForMail,
} from "../support/storefront";

async function setStrict(strict: boolean) {
  // The merchant's Settings page, called as App Bridge calls it: with a session token.
  const token = await sessionToken({ shop: inject("shop"), apiKey: inject("apiKey"), apiSecret: inject("apiSecret") });
  const body = new URLSearchParams(strict ? { intent: "order-lookup", strict: "true" } : { intent: "order-lookup" });
  const response = await fetch(`${inject("appUrl")}/app/settings?_data=routes%2Fapp.settings`, {
    method: "POST",
    body,
    headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER },
  });
  expect(response.status).toBe(200);
}

describe("strict mode", () => {
  it("voids sessions proved before it was switched on", async () => {
    const order = recentOrder(() => true, 18);
    const found = await lookup({ order_number: order.name, contact: order.email! });
    const session = /data-care-session="([^"]+)"/.exec(found.text)![1]!;
    expect((await storefront(`/apps/care/orders/lookup/?view=fragment&t=${session}`)).status).toBe(200);
    // the proof time is in whole seconds: switch strictly after it
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await setStrict(true);
    try {
      const after = await storefront(`/apps/care/orders/lookup/?view=fragment&t=${session}`);
      expect(after.status).toBe(401);
      expect(after.text).not.toContain(order.lineItems[0]!.title);
    } finally {
      await setStrict(false);
    }
  });

  it("shows nothing of the order until the emailed code is entered", async () => {
    await setStrict(true);
    try {
      const order = recentOrder(() => true, 12);
      // WHEN the shopper proves order number and email
      const first = await lookup({ order_number: order.name, contact: order.email! });
      // THEN only the code form comes back, and the code went to the order's address
      expect(first.status).toBe(200);
      expect(first.text).toContain("6-digit code");
      expect(first.text).not.toContain(order.lineItems[0]!.title);
      const challenge = /name="challenge" value="([^"]+)"/.exec(first.text)![1]!;
      const mail = await waitForMail(order.email!, (m) => m.subject.includes(order.name));
      const code = /\b(\d{6})\b/.exec(mail.text)![1]!;
      // a wrong code is refused, the right one shows the order
      const wrong = await storefront("/apps/care/orders/code/?view=fragment", {
        form: { challenge, code: code === "000000" ? "000001" : "000000", locale: "en" },
      });
      expect(wrong.status).toBe(422);
      expect(wrong.text).not.toContain(order.lineItems[0]!.title);
      const right = await storefront("/apps/care/orders/code/?view=fragment", {
        form: { challenge, code, locale: "en" },
      });
      expect(right.status).toBe(200);
      expect(right.text).toContain(`Order ${order.name}`);
      // the code is spent
      const again = await storefront("/apps/care/orders/code/?view=fragment", {
        form: { challenge, code, locale: "en" },
      });
      expect(again.status).toBe(422);
    } finally {
      await setStrict(false);
    }
  });
});

describe("email me my order links", () => {
  it("always answers the same sentence, and mails working links only to a known address", async () => {
    const order = recentOrder((o) => Boolean(o.customerId), 5);
    const known = await storefront("/apps/care/orders/links/?view=fragment", {
      form: { email: order.email!, locale: "en" },
    });
    const unknown = await storefront("/apps/care/orders/links/?view=fragment", {
      form: { email: "nobody.here@example.com", locale: "en" },
    });
    expect(known.status).toBe(200);
    expect(known.text).toBe(unknown.text);
    await expect
      .poll(async () => (await mailTo(order.email!)).filter((m) => m.subject.startsWith("Your recent orders")).length)
      .toBeGreaterThan(0);
    expect(await mailTo("nobody.here@example.com")).toEqual([]);
    const mail = (await mailTo(order.email!)).find((m) => m.subject.startsWith("Your recent orders"))!;
    const link = new URL(/(https?:\/\/\S+\/apps\/care\/orders\/lookup\/\?link=\S+)/.exec(mail.text)![1]!);
    const opened = await storefront(`${link.pathname}${link.search}&view=fragment`);
    expect(opened.status).toBe(200);
    expect(opened.text).toMatch(/Order #\d+/);
    // a link is single-use: it was exchanged for a session, which keeps the shopper in
    const session = /data-care-session="([^"]+)"/.exec(opened.text)![1]!;
    expect((await storefront(`${link.pathname}${link.search}&view=fragment`)).status).toBe(401);
    expect((await storefront(`/apps/care/orders/lookup/?view=fragment&t=${session}`)).status).toBe(200);
    // the links only lead to that customer's orders
    const names = [...mail.text.matchAll(/View order (#\d+)/g)].map((m) => m[1]);
    for (const name of names) expect(recentOrders.find((o) => o.name === name)?.email).toBe(order.email);
  });
});

type ThrottleStats = { pending: number; served: { graphql: number; http: number } };
const throttleStats = () => devstore("/__devstore/throttle") as Promise<ThrottleStats>;

describe("Admin API throttling", () => {
  it("is retried with backoff: THROTTLED errors and HTTP 429", async () => {
    const order = recentOrder(() => true, 13);
    const before = await throttleStats();
    // GIVEN Shopify answers the next two Admin API calls with THROTTLED
    await devstore("/__devstore/throttle", { count: 2, mode: "graphql" });
    // WHEN a shopper looks up an order, THEN the app retried through both and found it
    const afterThrottled = await lookup({ order_number: order.name, contact: order.email! });
    expect(afterThrottled.status).toBe(200);
    expect(afterThrottled.text).toContain(`Order ${order.name}`);
    const middle = await throttleStats();
    expect(middle.pending).toBe(0);
    expect(middle.served.graphql - before.served.graphql).toBe(2);
    // AND the same with an HTTP 429
    await devstore("/__devstore/throttle", { count: 1, mode: "http" });
    const after429 = await lookup({ order_number: order.name, contact: order.email! });
    expect(after429.status).toBe(200);
    expect(after429.text).toContain(`Order ${order.name}`);
    const after = await throttleStats();
    expect(after.pending).toBe(0);
    expect(after.served.http - middle.served.http).toBe(1);
  });
});

describe("Shopify unavailable", () => {
  it("answers a translated 503, never a 500, when throttling outlasts the retries", async () => {
    const order = recentOrder(() => true, 15);
    const before = await throttleStats();
    await devstore("/__devstore/throttle", { count: 5, mode: "graphql" });
    const answer = await lookup({ order_number: order.name, contact: order.email!, locale: "es" });
    // The app retried (more than one throttled answer) before it gave up.
    expect((await throttleStats()).served.graphql - before.served.graphql).toBeGreaterThan(1);
    await devstore("/__devstore/reset-throttle", {});
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("5");
    expect(answer.text).toContain("Esto no está disponible en este momento");
  });
});

describe("hostile input", () => {
  it("never answers 5xx, a stack trace or another order's data", async () => {
    const order = recentOrder(() => true, 14);
    const secrets = recentOrders.filter((o) => o.email).map((o) => o.lineItems[0]!.title);
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.constantFrom(
        "",
        " ",
        "#",
        "%00",
        "' OR 1=1 --",
        '"name:*"',
        "name:* OR email:*",
        "{{ shop.email }}",
        "{% raw %}",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "9".repeat(5000),
        order.name,
        `${order.name}\u0000`,
        "＃１００１",
        "*",
      ),
    );
    const field = fc.constantFrom(
      "order_number",
      "contact",
      "locale",
      "website",
      "contact_url",
      "challenge",
      "code",
      "email",
      "t",
      "link",
      "hint",
      "view",
    );
    const path = fc.constantFrom(
      "/apps/care/orders/lookup/",
      "/apps/care/orders/code/",
      "/apps/care/orders/links/",
      "/apps/care/orders/lookup/?view=fragment",
      "/apps/care/orders/nope/",
      "/apps/care/orders/code/?view=fragment",
      "/apps/care/orders/links/?view=fragment",
    );
    const origin = fc.constantFrom(undefined, "https://evil.example", "null", "not a url", inject("devstoreOrigin"));
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        path,
        fc.dictionary(field, text, { maxKeys: 6 }),
        fc.boolean(),
        origin,
        async (target, form, asGet, from) => {
          runs++;
          const headers: Record<string, string> = from === undefined ? {} : { Origin: from };
          const answer = asGet
            ? await storefront(`${target}${target.includes("?") ? "&" : "?"}${new URLSearchParams(form)}`, { headers })
            : await storefront(target, { form, headers });
          expect(answer.status, `${target} ${JSON.stringify(form)}`).toBeLessThan(500);
          expect(answer.text).not.toMatch(/\bat [\w.<>]+ \(|Error:|TypeError|PrismaClient/);
          const matchesOwnOrder = form.order_number === order.name && form.contact === order.email;
          if (!matchesOwnOrder) for (const title of secrets) expect(answer.text).not.toContain(title);
        },
      ),
      { numRuns: 1500, endOnFailure: true },
    );
    expect(runs).toBe(1500);
  }, 240_000);
});
