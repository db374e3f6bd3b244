// The dev store's stand-in for Shopify's customer account extension host, inside one frame
// per extension target: the `shopify` global the built bundle calls `extend` on, with the
// target's API (i18n from the extension's locale files, localization, sessionToken, navigation,
// orderId, close) and a `fetch` that answers `shopify://customer-account/…` from the dev store's
// Customer Account API with the signed-in customer's access token. Calls to the app's
// application_url go to where the app runs locally.
(() => {
  const config = window.__careHost;
  const callbacks = new Map();
  const nativeFetch = window.fetch.bind(window);

  const lookup = (key) =>
    key.split(".").reduce((node, part) => (node && typeof node === "object" ? node[part] : undefined), config.messages);
  function translate(key, vars = {}) {
    const entry = lookup(key);
    if (typeof entry !== "string") return key;
    return entry.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(vars[name] ?? ""));
  }
  const signal = (value) => ({ value, subscribe: (fn) => (fn(value), () => {}) });

  window.fetch = (input, init = {}) => {
    const url = typeof input === "string" ? input : input.url;
    if (url.startsWith("shopify://customer-account/api/")) {
      const headers = { ...(init.headers ?? {}), Authorization: config.customerAccessToken };
      return nativeFetch(`/customer-account${url.slice("shopify://customer-account".length)}`, { ...init, headers });
    }
    if (url.startsWith(`${config.applicationUrl}/`))
      return nativeFetch(config.appUrl + url.slice(config.applicationUrl.length), init);
    return nativeFetch(input, init);
  };

  const post = (message) => window.parent.postMessage({ careDeskHost: true, ...message }, window.location.origin);

  window.shopify = {
    extension: { target: config.target, apiVersion: "2026-07" },
    extensionPoint: config.target,
    orderId: config.orderId ?? undefined,
    i18n: {
      translate,
      formatCurrency: (number, options = {}) =>
        new Intl.NumberFormat(config.locale, { style: "currency", currency: options.currency ?? "USD" }).format(number),
      formatNumber: (number) => new Intl.NumberFormat(config.locale).format(number),
      formatDate: (date, options) =>
        new Intl.DateTimeFormat(config.locale, options ?? { dateStyle: "medium" }).format(date),
    },
    localization: {
      language: signal({ isoCode: config.locale }),
      extensionLanguage: signal({ isoCode: config.locale }),
      country: signal(undefined),
    },
    sessionToken: {
      get: async () => (await (await nativeFetch("/account/extensions/session-token")).json()).token,
    },
    navigation: {
      navigate: (url) => post({ type: "navigate", url: String(url) }),
      currentEntry: { key: "0", url: window.location.href, getState: () => undefined },
      updateCurrentEntry: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
    },
    close: () => post({ type: "close" }),
    extend(target, callback) {
      callbacks.set(target, callback);
    },
  };

  // The menu item's button opens the modal target (the host's job, as on Shopify).
  if (config.target.endsWith(".menu-item.render")) {
    document.addEventListener("click", (event) => {
      if (event.composedPath().some((node) => node.tagName === "S-BUTTON")) post({ type: "open-action" });
    });
  }
  new ResizeObserver(() => post({ type: "resize", height: document.documentElement.scrollHeight })).observe(
    document.documentElement,
  );

  window.__careRun = () => {
    const callback = callbacks.get(config.target);
    if (!callback) throw new Error(`The bundle did not extend ${config.target}`);
    return callback(window.shopify);
  };
})();
