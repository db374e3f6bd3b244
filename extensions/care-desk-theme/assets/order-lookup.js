// Care Desk order lookup: answers the block's forms in place. Without this script the forms
// post to the app proxy and the shopper gets a full page with the same content.
(() => {
  if (customElements.get("care-order-lookup")) return;
  const SESSION_KEY = "care-desk:order-lookup";
  const SESSION_MS = 29 * 60 * 1000;

  class CareOrderLookup extends HTMLElement {
    connectedCallback() {
      this.result = this.querySelector("[data-care-result]");
      this.onSubmit = this.onSubmit.bind(this);
      this.onClick = this.onClick.bind(this);
      this.addEventListener("submit", this.onSubmit);
      this.addEventListener("click", this.onClick);
      const saved = readSession();
      if (saved) this.load(`/apps/care/orders/lookup/?t=${encodeURIComponent(saved)}`, { method: "GET" }, null, false);
    }

    disconnectedCallback() {
      this.removeEventListener("submit", this.onSubmit);
      this.removeEventListener("click", this.onClick);
    }

    onSubmit(event) {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-care-lookup-form")) return;
      event.preventDefault();
      this.load(form.action, { method: "POST", body: new FormData(form) }, form, true);
    }

    onClick(event) {
      const reset = event.target instanceof Element && event.target.closest("a[data-care-lookup-reset]");
      if (!reset) return;
      event.preventDefault();
      sessionStorage.removeItem(SESSION_KEY);
      this.result.innerHTML = "";
      const first = this.querySelector("input:not([type=hidden])");
      if (first) first.focus();
    }

    async load(url, init, form, moveFocus) {
      const target = new URL(url, location.href);
      target.searchParams.set("view", "fragment");
      const button = form && form.querySelector("[type=submit]");
      if (button) button.disabled = true;
      this.setAttribute("aria-busy", "true");
      this.show(`<p>${escapeHtml(this.dataset.loading)}</p>`, false);
      try {
        const response = await fetch(target, { ...init, headers: { Accept: "text/html" }, credentials: "same-origin" });
        this.show(await response.text(), moveFocus);
        const session = this.result.querySelector("[data-care-session]");
        if (session) writeSession(session.getAttribute("data-care-session"));
        else if (!response.ok) sessionStorage.removeItem(SESSION_KEY);
      } catch {
        this.show(`<p class="care-desk__error">${escapeHtml(this.dataset.error)}</p>`, moveFocus);
      } finally {
        if (button) button.disabled = false;
        this.removeAttribute("aria-busy");
      }
    }

    show(html, moveFocus) {
      this.result.innerHTML = html;
      if (!moveFocus) return;
      const focusTarget = this.result.querySelector("[data-care-focus]") || this.result;
      focusTarget.focus();
    }
  }

  function readSession() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null");
      return saved && Date.now() - saved.at < SESSION_MS ? saved.token : null;
    } catch {
      return null;
    }
  }

  function writeSession(token) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token, at: Date.now() }));
  }

  function escapeHtml(text) {
    const div = document.createElement("div");
    div.textContent = text || "";
    return div.innerHTML;
  }

  customElements.define("care-order-lookup", CareOrderLookup);
})();
