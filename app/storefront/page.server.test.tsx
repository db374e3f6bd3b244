import { describe, expect, it } from "vitest";
import { escapeLiquid, storefrontResponse } from "./page.server";
import { safeShopPath } from "./responses.server";

const liquid = (body: string, init?: ResponseInit & { layout?: boolean }) =>
  new Response(init?.layout === false ? `{% layout none %} ${body}` : body, {
    ...init,
    headers: { ...Object.fromEntries(new Headers(init?.headers)), "Content-Type": "application/liquid" },
  });

describe("storefront responses", () => {
  it("never lets printed data be read as Liquid", () => {
    expect(escapeLiquid("<p>{{ shop.secret }} {% raw %}</p>")).toBe(
      "<p>&#123;&#123; shop.secret &#125;&#125; &#123;&#37; raw &#37;&#125;</p>",
    );
  });

  it("renders a fragment without the theme layout and a page with it, uncached", async () => {
    const element = <p>{"{{ customer.email }}"}</p>;
    const fragment = storefrontResponse({ liquid, element, fragment: true, title: "Find your order" });
    expect(await fragment.text()).toBe("{% layout none %} <p>&#123;&#123; customer.email &#125;&#125;</p>");
    expect(fragment.headers.get("Cache-Control")).toBe("no-store");

    const page = storefrontResponse({ liquid, element, fragment: false, title: "Find your order", status: 404 });
    const body = await page.text();
    expect(page.status).toBe(404);
    expect(body).toContain('<h1 class="care-desk__heading">Find your order</h1>');
    expect(body).toContain("<style>");
    expect(body).not.toContain("{% layout none %}");
  });
});

describe("safeShopPath", () => {
  it.each([
    ["/pages/contact", "/pages/contact"],
    ["/fr/pages/contact", "/fr/pages/contact"],
    ["//evil.example", "/pages/contact"],
    ["https://evil.example", "/pages/contact"],
    ["javascript:alert(1)", "/pages/contact"],
    ['/pages/a"><script>', "/pages/contact"],
    [undefined, "/pages/contact"],
  ])("%j → %j", (input, expected) => expect(safeShopPath(input, "/pages/contact")).toBe(expected));
});
