// The dev store's stand-in for Shopify's App Bridge (cdn.shopify.com/shopifycloud/app-bridge.js):
// what Care Desk uses of it, speaking to the dev store's admin page by postMessage as the
// real one speaks to Shopify's admin. window.shopify: idToken(), toast, loading, config,
// environment; fetch() to the app's own origin carries the session token; <ui-nav-menu>
// links appear in the admin's navigation; the bounce page (shopify-reload) is handled.
(() => {
  if (window.shopify) return;
  const script = document.currentScript;
  const params = new URLSearchParams(location.search);
  const SOURCE = "care-devstore-app-bridge";
  const pending = new Map();
  let seq = 0;

  function post(type, payload, id) {
    window.parent.postMessage({ source: SOURCE, type, payload, id }, "*");
  }
  function ask(type, payload) {
    return new Promise((resolve, reject) => {
      const id = ++seq;
      pending.set(id, { resolve, reject });
      post(type, payload, id);
      setTimeout(() => {
        if (pending.delete(id)) reject(new Error(`App Bridge: no answer to ${type}`));
      }, 10000);
    });
  }

  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || !event.data || event.data.source !== "care-devstore-admin") return;
    const { type, id, payload } = event.data;
    if (id && pending.has(id)) {
      pending.get(id).resolve(payload);
      pending.delete(id);
    } else if (type === "navigate") {
      const link = [...document.querySelectorAll("ui-nav-menu a")].find((a) => a.getAttribute("href") === payload.href);
      const target = link || Object.assign(document.createElement("a"), { href: payload.href });
      if (!link) target.setAttribute("href", payload.href);
      if (!link) document.body.appendChild(target);
      target.dispatchEvent(new Event("shopify:navigate", { bubbles: true }));
      if (!link) target.remove();
    }
  });

  const shopify = {
    config: {
      apiKey: script && script.dataset.apiKey,
      shop: params.get("shop"),
      host: params.get("host"),
      locale: params.get("locale") || "en",
    },
    environment: { embedded: window.top !== window, mobile: false, pos: false },
    idToken: () => ask("id-token", { shop: params.get("shop") }).then((answer) => answer.token),
    toast: {
      show(message, options = {}) {
        post("toast", { message: String(message), isError: Boolean(options.isError) });
        return String(++seq);
      },
      hide() {},
    },
    loading(isLoading) {
      post("loading", { isLoading: Boolean(isLoading) });
    },
  };
  window.shopify = shopify;

  // Requests to the app's own backend carry the session token, as with App Bridge.
  const nativeFetch = window.fetch.bind(window);
  window.fetch = async (input, init = {}) => {
    const request = new Request(input, init);
    if (new URL(request.url).origin !== location.origin || request.headers.has("Authorization"))
      return nativeFetch(request);
    const headers = new Headers(request.headers);
    headers.set("Authorization", `Bearer ${await shopify.idToken()}`);
    return nativeFetch(new Request(request, { headers }));
  };

  // The navigation menu lives in the admin, not in the app's page.
  function syncNav() {
    const menu = document.querySelector("ui-nav-menu");
    if (!menu) return;
    const links = [...menu.querySelectorAll("a")].map((a) => ({
      label: a.textContent.trim(),
      href: a.getAttribute("href"),
      home: a.getAttribute("rel") === "home",
    }));
    post("nav", links);
  }
  const style = document.createElement("style");
  style.textContent = "ui-nav-menu { display: none; }";
  document.head.append(style);
  if (!customElements.get("ui-nav-menu")) {
    customElements.define(
      "ui-nav-menu",
      class extends HTMLElement {
        connectedCallback() {
          queueMicrotask(syncNav);
          new MutationObserver(syncNav).observe(this, { childList: true, subtree: true, characterData: true });
        }
      },
    );
  }
  post("location", { path: location.pathname + location.search });
  window.addEventListener("popstate", () => post("location", { path: location.pathname }));

  // The bounce page: come back with a fresh session token.
  const reload = params.get("shopify-reload");
  if (reload) {
    shopify.idToken().then((token) => {
      const target = new URL(reload, location.href);
      if (target.origin !== location.origin) return;
      target.searchParams.set("id_token", token);
      location.replace(target.href);
    });
  }
})();
