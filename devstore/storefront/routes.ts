// The storefront preview: product images and extension assets, the home page, product pages
// and /pages/* with the theme app blocks, the customer account (sign in as a seeded
// customer), and the app proxy; every page also under /de, /fr, /es, /ja.
import { readFileSync } from "node:fs";
import { Hono, type Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { esc, type Env, type Platform } from "../platform";
import { appProxy } from "./app-proxy";
import { currentCustomer, localeOf, pageContext } from "./page";
import { layout, STOREFRONT_LOCALES, type PageContext } from "./render";

const localePrefix = (c: Context<Env>) => {
  const { locale } = localeOf(c.req.path);
  return locale === "en" ? "" : `/${locale}`;
};

export function storefrontRoutes(platform: Platform) {
  const { store, storefront, config } = platform;
  const app = new Hono<Env>();

  app.get("/cdn/shop/products/:file", (c) => {
    const hue = Number(c.req.query("hue") ?? 90) % 360;
    const label = c.req
      .param("file")
      .replace(/\.svg$/, "")
      .replace(/-/g, " ");
    c.header("Content-Type", "image/svg+xml");
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(
      `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800"><rect width="800" height="800" fill="hsl(${hue} 35% 82%)"/><circle cx="400" cy="360" r="170" fill="hsl(${hue} 40% 62%)"/><text x="400" y="680" font-family="sans-serif" font-size="44" text-anchor="middle" fill="hsl(${hue} 40% 25%)">${esc(label)}</text></svg>`,
    );
  });
  app.get("/extensions/:extension/assets/:file", (c) => {
    const file = storefront.assetPath(c.req.param("extension"), c.req.param("file"));
    if (!file) return c.text("Not found", 404);
    c.header(
      "Content-Type",
      file.endsWith(".js")
        ? "text/javascript; charset=utf-8"
        : file.endsWith(".css")
          ? "text/css; charset=utf-8"
          : "application/octet-stream",
    );
    return c.body(readFileSync(file));
  });

  async function storefrontPage(
    c: Context<Env>,
    pageType: PageContext["pageType"],
    title: string,
    intro: string,
    extra: Partial<PageContext> = {},
    /** Which of the page template's blocks the merchant placed on this page. */
    placed: (block: { name: string }) => boolean = () => true,
  ) {
    const page = pageContext(platform, c, pageType, extra);
    // `?app_blocks=none`: the same page without Care Desk's blocks (benchmarks compare the two).
    const blocks = c.req.query("app_blocks") === "none" ? [] : storefront.blocksFor(pageType).filter(placed);
    const rendered = await Promise.all(blocks.map((block, index) => storefront.renderBlock(block, page, index)));
    const content = `<h1>${esc(title)}</h1>${intro}${rendered.map((html) => `<div class="shopify-app-block">${html}</div>`).join("\n")}`;
    return c.html(layout({ page, title, content, head: storefront.blockAssets(blocks) }));
  }

  const pages = new Hono<Env>();
  pages.get("/", (c) => {
    const shopStore = store.defaultShop;
    const products = shopStore.data.products
      .slice(0, 6)
      .map((p) => `<li><a href="/products/${p.handle}">${esc(p.title)}</a></li>`)
      .join("");
    const page = pageContext(platform, c, "index");
    return c.html(
      layout({
        page,
        title: "Home",
        content: `<h1>${esc(shopStore.shop.name)}</h1><p>Storefront preview of the local dev store: every Care Desk block is placed on the pages below.</p><ul><li><a href="/pages/order-status">Order status page</a></li><li><a href="/pages/contact">Contact page</a></li><li><a href="/account">Customer account</a></li></ul><h2>Products</h2><ul>${products}</ul>`,
      }),
    );
  });
  pages.get("/products/:handle", (c) => {
    const product = store.defaultShop.productByHandle(c.req.param("handle"));
    if (!product) return c.text("Not found", 404);
    const image = product.images[0];
    const intro = `${image ? `<img src="${esc(image.url)}" alt="${esc(image.altText ?? "")}" width="320" height="320">` : ""}<p>${esc(product.description)}</p><p>$${esc(product.variants[0]?.price ?? "")}</p>`;
    return storefrontPage(c, "product", product.title, intro, { product });
  });
  pages.get("/pages/:handle", (c) => {
    const title = c.req
      .param("handle")
      .replace(/-/g, " ")
      .replace(/^./, (s) => s.toUpperCase());
    // The "Contact" block is placed on the contact page only, as a merchant would.
    const handle = c.req.param("handle");
    return storefrontPage(c, "page", title, "", {}, (block) => block.name !== "contact" || handle === "contact");
  });
  // Legacy customer accounts: the account page with `customer.orders` (newest first) and one
  // order's page (`order`), each with the app blocks enabled on those templates.
  const customerOrders = (c: Context<Env>) => {
    const customer = currentCustomer(c, store.defaultShop);
    if (!customer) return null;
    return store.defaultShop.data.orders
      .filter((o) => o.customerId === customer.id)
      .sort((a, b) => Date.parse(b.processedAt) - Date.parse(a.processedAt));
  };
  pages.get("/account", (c) => {
    const orders = customerOrders(c);
    if (!orders) return c.redirect(`${localePrefix(c)}/account/login`);
    return storefrontPage(c, "customers/account", "Account", "", { orders });
  });
  pages.get("/account/orders/:id", (c) => {
    const order = customerOrders(c)?.find((o) => o.id === `gid://shopify/Order/${c.req.param("id")}`);
    if (!order) return c.text("Not found", 404);
    return storefrontPage(c, "customers/order", `Order ${order.name}`, "", { order });
  });
  pages.get("/account/login", (c) => {
    const shopStore = store.defaultShop;
    const options = shopStore.data.customers
      .filter((cu) => cu.hasAccount && cu.email)
      .slice(0, 20)
      .map((cu) => `<option value="${esc(cu.email!)}">${esc(cu.displayName)} (${esc(cu.email!)})</option>`)
      .join("");
    const page = pageContext(platform, c, "customers/account", { customer: null });
    return c.html(
      layout({
        page,
        title: "Sign in",
        content: `<h1>Sign in</h1><form method="post" action="/account/login"><label for="email">Sign in as a seeded customer</label> <select id="email" name="email">${options}</select> <button type="submit" class="button">Sign in</button></form>`,
      }),
    );
  });
  pages.post("/account/login", async (c) => {
    const form = await c.req.parseBody();
    const customer = store.defaultShop.findCustomerByEmail(String(form.email ?? ""));
    if (!customer?.hasAccount) return c.text("No such customer account", 400);
    setCookie(c, "devstore_customer", customer.id.split("/").pop()!, { path: "/", httpOnly: true, sameSite: "Lax" });
    return c.redirect("/account");
  });
  pages.get("/account/logout", (c) => {
    deleteCookie(c, "devstore_customer", { path: "/" });
    return c.redirect("/");
  });

  if (config.appProxy) {
    const prefix = `/${config.appProxy.prefix}/${config.appProxy.subpath}`;
    const proxy = appProxy(platform, prefix);
    pages.all(`${prefix}/*`, proxy);
    pages.all(prefix, proxy);
  }

  app.route("/", pages);
  for (const locale of STOREFRONT_LOCALES.filter((l) => l !== "en")) app.route(`/${locale}`, pages);
  return app;
}
