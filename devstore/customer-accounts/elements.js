// Minimal Polaris web components (`s-*`) for the dev store's extension host: each renders
// plain, accessible HTML in its shadow root (a real <button>, <a>, headings), so an extension
// can be seen, clicked and checked with axe. Not Shopify's components: only what Care Desk's
// extensions use, with the properties they set.
(() => {
  const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const attr = (name, value) =>
    value === null || value === undefined || value === "" ? "" : ` ${name}="${esc(value)}"`;

  function define(tag, props, template, css = "") {
    class Element extends HTMLElement {
      static get observedAttributes() {
        return props.map((p) => p.toLowerCase());
      }
      constructor() {
        super();
        this._props = {};
        this.attachShadow({ mode: "open" });
      }
      connectedCallback() {
        this._render();
      }
      attributeChangedCallback() {
        this._render();
      }
      _get(name) {
        return name in this._props ? this._props[name] : this.getAttribute(name.toLowerCase());
      }
      _render() {
        const get = (name) => this._get(name);
        this.shadowRoot.innerHTML = `<style>:host{display:block}${css}</style>${template(get)}`;
      }
    }
    for (const name of props) {
      Object.defineProperty(Element.prototype, name, {
        get() {
          return this._get(name);
        },
        set(value) {
          this._props[name] = value;
          if (this.isConnected) this._render();
        },
      });
    }
    customElements.define(tag, Element);
  }

  // A full page and an action modal are each the whole document of their frame: one main, one h1.
  define(
    "s-page",
    ["heading"],
    (p) => `<main><h1>${esc(p("heading"))}</h1><slot></slot></main>`,
    "h1{font-size:1.75rem;margin:0 0 1rem}",
  );
  define(
    "s-section",
    ["heading"],
    (p) => `<section>${p("heading") ? `<h2>${esc(p("heading"))}</h2>` : ""}<slot></slot></section>`,
    "section{border:1px solid #d0d0d0;border-radius:8px;padding:1rem}h2{font-size:1.2rem;margin:0 0 .5rem}",
  );
  define("s-stack", ["direction", "gap"], (p) =>
    `<div style="display:flex;flex-wrap:wrap;gap:${p("gap") === "base" ? "1rem" : ".5rem"};flex-direction:${p("direction") === "inline" ? "row" : "column"}"><slot></slot></div>`);
  define(
    "s-text",
    ["tone", "color"],
    (p) => {
      const color = p("tone") === "critical" ? "#8e1f0b" : p("color") === "subdued" ? "#4a4a4a" : "inherit";
      return `<span style="color:${color}"><slot></slot></span>`;
    },
    ":host{display:inline}",
  );
  define("s-paragraph", [], () => `<p><slot></slot></p>`);
  define(
    "s-banner",
    ["tone", "heading"],
    (p) => `<div role="alert" class="${esc(p("tone"))}"><slot></slot></div>`,
    "div{padding:.75rem;border-radius:6px;background:#fff4f4;color:#8e1f0b}",
  );
  define("s-spinner", ["accessibilityLabel"], (p) =>
    `<span role="status">${esc(p("accessibilityLabel") ?? "Loading")}…</span>`);
  define(
    "s-link",
    ["href", "target"],
    (p) =>
      `<a${attr("href", p("href"))}${attr("target", p("target"))}${p("target") === "_blank" ? ' rel="noopener noreferrer"' : ""}><slot></slot></a>`,
    ":host{display:inline}a{color:#1f4d8f}",
  );
  define(
    "s-button",
    ["href", "target", "variant", "loading", "disabled", "accessibilityLabel", "tone"],
    (p) => {
      const label = attr("aria-label", p("accessibilityLabel"));
      const cls = ` class="${p("variant") === "primary" ? "primary" : "secondary"}"`;
      if (p("href")) {
        const rel = p("target") === "_blank" ? ' rel="noopener noreferrer"' : "";
        return `<a${cls}${attr("href", p("href"))}${attr("target", p("target"))}${rel}${label}><slot></slot></a>`;
      }
      const busy = p("loading") === true || p("loading") === "" || p("loading") === "true";
      return `<button type="button"${cls}${label}${busy ? ' aria-busy="true" disabled' : ""}${p("disabled") === true ? " disabled" : ""}><slot></slot></button>`;
    },
    ":host{display:inline-block}button,a{display:inline-block;font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid #1f4d8f;cursor:pointer;text-decoration:none}.primary{background:#1f4d8f;color:#fff}.secondary{background:#fff;color:#1f4d8f}",
  );
  define(
    "s-customer-account-action",
    ["heading"],
    (p) =>
      `<main><h1>${esc(p("heading"))}</h1><slot></slot><div class="actions"><slot name="primary-action"></slot><slot name="secondary-actions"></slot></div></main>`,
    "h1{font-size:1.3rem;margin:0 0 1rem}.actions{margin-top:1rem;display:flex;gap:.5rem}",
  );
})();
