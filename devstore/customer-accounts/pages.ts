// New customer accounts in the dev store: pages where a signed-in customer sees Care Desk's
// customer account UI extensions rendered from their built bundles (`shopify app build`
// output in extensions/*/dist), each target in its own frame with the host of host.js and the
// components of elements.js. /account/new is the "Orders & invoices" full page;
// /account/new/orders/:id an order page with the order action menu item and its modal.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Hono, type Context } from "hono";
import { parse } from "smol-toml";
import { esc, type Env, type Platform } from "../platform";
import { currentCustomer, localeOf } from "../storefront/page";
import { STOREFRONT_LOCALES } from "../storefront/render";

const here = path.dirname(fileURLToPath(import.meta.url));

interface HostedExtension {
  dir: string;
  handle: string;
  name: string;
  targets: string[];
}

function customerAccountExtensions(root: string): HostedExtension[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((name) => {
    const file = path.join(root, name, "shopify.extension.toml");
    if (!existsSync(file)) return [];
    const toml = parse(readFileSync(file, "utf8")) as {
      extensions?: { handle: string; name: string; targeting?: { target: string }[] }[];
    };
    const extension = toml.extensions?.[0];
    const targets = extension?.targeting?.map((t) => t.target) ?? [];
    if (!extension || !targets.some((t) => t.startsWith("customer-account."))) return [];
    return [{ dir: path.join(root, name), handle: extension.handle, name: extension.name, targets }];
  });
}

function messages(extension: HostedExtension, locale: string): unknown {
  const dir = path.join(extension.dir, "locales");
  const file = [`${locale}.json`, `${locale}.default.json`].map((f) => path.join(dir, f)).find((f) => existsSync(f));
  const fallback = readdirSync(dir).find((f) => f.endsWith(".default.json"))!;
  return JSON.parse(readFileSync(file ?? path.join(dir, fallback), "utf8")) as unknown;
}

export function customerAccountHost(platform: Platform) {
  const { store, storefront, customerTokens, config } = platform;
  const extensionsRoot = storefront.root;
  const app = new Hono<Env>();
  const find = (target: string) => customerAccountExtensions(extensionsRoot).find((e) => e.targets.includes(target));

  app.get("/account/new/assets/:file", (c) => {
    const file = c.req.param("file");
    if (file !== "host.js" && file !== "elements.js") return c.text("Not found", 404);
    c.header("Content-Type", "text/javascript; charset=utf-8");
    return c.body(readFileSync(path.join(here, file)));
  });

  app.get("/account/new/bundles/:handle", (c) => {
    const handle = c.req.param("handle").replace(/\.js$/, "");
    const extension = customerAccountExtensions(extensionsRoot).find((e) => e.handle === handle);
    const file = extension && path.join(extension.dir, "dist", `${handle}.js`);
    if (!file || !existsSync(file)) {
      return c.text(
        `No built bundle for ${handle}: run \`npx shopify app build --skip-dependencies-installation\``,
        404,
      );
    }
    c.header("Content-Type", "text/javascript; charset=utf-8");
    return c.body(readFileSync(file));
  });

  const pages = new Hono<Env>();

  /** One extension target in a frame of its own, as Shopify runs each target isolated. */
  pages.get("/account/new/frame", (c) => {
    const customer = currentCustomer(c, store.defaultShop);
    if (!customer) return c.text("Sign in first", 401);
    const target = c.req.query("target") ?? "";
    const extension = find(target);
    if (!extension) return c.text("No extension renders this target", 404);
    const { locale } = localeOf(c.req.path);
    const grant = customerTokens.issue(store.defaultShop.shop.myshopifyDomain, customer.id);
    const hostConfig = {
      target,
      locale,
      orderId: c.req.query("order") ?? null,
      messages: messages(extension, locale),
      customerAccessToken: grant.token,
      applicationUrl: config.applicationUrl,
      appUrl: platform.appUrl,
    };
    // `<` escaped so that no value can close the script element.
    const json = JSON.stringify(hostConfig).replace(/</g, "\\u003c");
    return c.html(`<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(extension.name)}</title>
<style>body{margin:0;padding:.25rem;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}</style>
</head>
<body>
<script>window.__careHost = ${json};</script>
<script src="/account/new/assets/elements.js"></script>
<script src="/account/new/assets/host.js"></script>
<script src="/account/new/bundles/${esc(extension.handle)}.js"></script>
<script>Promise.resolve().then(window.__careRun).catch((error) => console.error("extension failed:", error && error.stack || error));</script>
</body>
</html>`);
  });

  const shell = (c: Context<Env>, title: string, content: string) => {
    const { locale } = localeOf(c.req.path);
    const prefix = locale === "en" ? "" : `/${locale}`;
    const customer = currentCustomer(c, store.defaultShop)!;
    return c.html(`<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} – ${esc(store.defaultShop.shop.name)}</title>
<style>
  body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#f4f4f4}
  header{display:flex;gap:1.5rem;align-items:center;padding:1rem 2rem;background:#fff;border-bottom:1px solid #ddd}
  header a{color:#1f4d8f}
  main{max-width:56rem;margin:0 auto;padding:1.5rem 1rem}
  .account-title{font-size:1rem;margin:0 0 .5rem;color:#4a4a4a}
  iframe{display:block;width:100%;border:0;background:#fff;border-radius:8px;min-height:4rem}
  dialog{width:min(36rem,90vw);border:0;border-radius:12px;padding:0}
  dialog iframe{min-height:12rem}
</style>
</head>
<body>
<header>
  <strong>${esc(store.defaultShop.shop.name)}</strong>
  <nav aria-label="Account"><a href="${prefix}/account/new">${esc(find("customer-account.page.render")?.name ?? "Orders")}</a></nav>
  <span>${esc(customer.displayName)}</span>
  <a href="${prefix}/account/logout">Sign out</a>
</header>
<main id="MainContent">
${content}
</main>
<script>
  // Frames tell the host their height, and the order action's menu item opens its modal.
  addEventListener("message", (event) => {
    if (event.origin !== location.origin || !event.data || !event.data.careDeskHost) return;
    const frame = [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === event.source);
    const dialog = document.getElementById("CareActionDialog");
    if (event.data.type === "resize" && frame) frame.style.height = event.data.height + "px";
    if (event.data.type === "open-action" && dialog) {
      const modal = dialog.querySelector("iframe");
      modal.src = modal.dataset.src;
      dialog.showModal();
    }
    if (event.data.type === "close" && dialog) {
      dialog.close();
      dialog.querySelector("iframe").removeAttribute("src");
    }
    if (event.data.type === "navigate") location.href = event.data.url;
  });
</script>
</body>
</html>`);
  };

  pages.get("/account/new", (c) => {
    if (!currentCustomer(c, store.defaultShop)) return c.redirect("/account/login");
    const extension = find("customer-account.page.render");
    if (!extension) return c.text("No full-page customer account extension", 404);
    const src = `${c.req.path.replace(/\/account\/new$/, "")}/account/new/frame?target=customer-account.page.render`;
    return shell(
      c,
      extension.name,
      `<h1 class="account-title">Account</h1><iframe title="${esc(extension.name)}" src="${esc(src)}"></iframe>`,
    );
  });

  pages.get("/account/new/orders/:id", (c) => {
    const customer = currentCustomer(c, store.defaultShop);
    if (!customer) return c.redirect("/account/login");
    const order = store.defaultShop.ordersById.get(`gid://shopify/Order/${c.req.param("id")}`);
    if (!order || order.customerId !== customer.id) return c.text("Not found", 404);
    const prefix = c.req.path.replace(/\/account\/new\/orders\/.*$/, "");
    const frame = (target: string) => `${prefix}/account/new/frame?${new URLSearchParams({ target, order: order.id })}`;
    const menu = find("customer-account.order.action.menu-item.render");
    const content = `<h1>${esc(order.name)}</h1>
<section aria-label="Order actions">
${menu ? `<iframe title="${esc(menu.name)}" src="${esc(frame("customer-account.order.action.menu-item.render"))}"></iframe>` : ""}
</section>
<dialog id="CareActionDialog" aria-label="${esc(menu?.name ?? "Order action")}">
  <iframe title="${esc(menu?.name ?? "Order action")}" data-src="${esc(frame("customer-account.order.action.render"))}"></iframe>
</dialog>`;
    return shell(c, order.name, content);
  });

  app.route("/", pages);
  for (const locale of STOREFRONT_LOCALES.filter((l) => l !== "en")) app.route(`/${locale}`, pages);
  return app;
}
