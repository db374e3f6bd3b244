// The dev store's admin: a Shopify-style frame with the app embedded in an iframe.
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function adminPage({
  shopName,
  shop,
  appName,
  iframeSrc,
  appOrigin,
}: {
  shopName: string;
  shop: string;
  appName: string;
  iframeSrc: string;
  appOrigin: string;
}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(appName)} · ${escape(shopName)} · Dev store admin</title>
<style>
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #f1f1f1; color: #303030; }
  header { display: flex; gap: 1rem; align-items: center; padding: 0.5rem 1rem; background: #1a1a1a; color: #fff; }
  header strong { font-size: 15px; }
  header a { color: #e3e3e3; }
  .layout { display: grid; grid-template-columns: 220px 1fr; min-height: calc(100vh - 44px); }
  nav { padding: 1rem; border-right: 1px solid #ddd; background: #ebebeb; }
  nav h2 { font-size: 13px; margin: 0 0 0.5rem; }
  nav ul { list-style: none; margin: 0; padding: 0; }
  nav button { all: unset; cursor: pointer; display: block; width: 100%; padding: 0.35rem 0.5rem; border-radius: 6px; }
  nav button[aria-current="page"] { background: #fff; font-weight: 600; }
  nav button:focus-visible { outline: 2px solid #005bd3; }
  iframe { width: 100%; height: 100%; min-height: calc(100vh - 44px); border: 0; background: #f1f1f1; }
  #toasts { position: fixed; bottom: 1rem; left: 50%; transform: translateX(-50%); }
  #toasts p { background: #1a1a1a; color: #fff; padding: 0.6rem 1rem; border-radius: 8px; }
  #toasts p.error { background: #8e1f0b; }
</style>
</head>
<body>
<header><strong>${escape(shopName)}</strong><span>${escape(shop)}</span><span>· local dev store ·</span>
<a href="/">Storefront</a><a href="/__devstore/mail">Mailbox</a></header>
<div class="layout">
<nav aria-label="${escape(appName)}"><h2>${escape(appName)}</h2><ul id="app-nav"></ul></nav>
<main><iframe id="app" title="${escape(appName)}" src="${escape(iframeSrc)}"></iframe></main>
</div>
<div id="toasts" role="status" aria-live="polite"></div>
<script>
(() => {
  const frame = document.getElementById("app");
  const appOrigin = ${JSON.stringify(appOrigin)};
  const shop = ${JSON.stringify(shop)};
  const nav = document.getElementById("app-nav");
  let current = "/app";
  function reply(type, id, payload) { frame.contentWindow.postMessage({ source: "care-devstore-admin", type, id, payload }, appOrigin); }
  function renderNav(links) {
    nav.replaceChildren(...links.map((link) => {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.textContent = link.label;
      button.dataset.href = link.href;
      if (current === link.href || (link.home && (current === "/app" || current === "/app/"))) button.setAttribute("aria-current", "page");
      button.addEventListener("click", () => { current = link.href; renderNav(links); reply("navigate", null, { href: link.href }); });
      li.append(button);
      return li;
    }));
  }
  let links = [];
  window.addEventListener("message", async (event) => {
    if (event.origin !== appOrigin || !event.data || event.data.source !== "care-devstore-app-bridge") return;
    const { type, id, payload } = event.data;
    if (type === "id-token") {
      const response = await fetch("/__devstore/session-token?shop=" + encodeURIComponent(shop));
      reply("id-token", id, await response.json());
    } else if (type === "nav") { links = payload; renderNav(links); }
    else if (type === "location") { current = payload.path.split("?")[0]; renderNav(links); }
    else if (type === "toast") {
      const p = document.createElement("p");
      p.textContent = payload.message;
      if (payload.isError) p.className = "error";
      document.getElementById("toasts").append(p);
      setTimeout(() => p.remove(), 5000);
    }
  });
})();
</script>
</body>
</html>`;
}
