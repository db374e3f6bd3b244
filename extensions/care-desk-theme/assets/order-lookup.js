// Care Desk order lookup: answers the block's forms in place. Without this script the forms
// post to the app proxy and the shopper gets a full page with the same content.
(() => {
  if (customElements.get("care-order-lookup")) return;

  class CareOrderLookup extends HTMLElement {
    connectedCallback() {
      this.result = this.querySelector("[data-care-result]");
      this.onSubmit = this.onSubmit.bind(this);
      this.onClick = this.onClick.bind(this);
      this.addEventListener("submit", this.onSubmit);
      this.addEventListener("click", this.onClick);
    }

    disconnectedCallback() {
      this.removeEventListener("submit", this.onSubmit);
      this.removeEventListener("click", this.onClick);
    }

    onSubmit(event) {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-care-lookup-form")) return;
      event.preventDefault();
      this.load(form.action, { method: "POST", body: new FormData(form) }, form);
    }

    onClick(event) {
      const link = event.target instanceof Element && event.target.closest("a[data-care-lookup-link]");
      if (!link) return;
      event.preventDefault();
      this.load(link.href, { method: "GET" });
    }

    async load(url, init, form) {
      const target = new URL(url, location.href);
      target.searchParams.set("view", "fragment");
      const button = form && form.querySelector("[type=submit]");
      if (button) button.disabled = true;
      this.setAttribute("aria-busy", "true");
      this.show(`<p>${escapeHtml(this.dataset.loading)}</p>`, false);
      try {
        const response = await fetch(target, { ...init, headers: { Accept: "text/html" }, credentials: "same-origin" });
        this.show(await response.text(), true);
      } catch {
        this.show(`<p class="care-desk__error">${escapeHtml(this.dataset.error)}</p>`, true);
      } finally {
        if (button) button.disabled = false;
        this.removeAttribute("aria-busy");
      }
    }

    show(html, moveFocus) {
      this.result.innerHTML = html;
      if (!moveFocus) return;
      const focusTarget = this.result.querySelector("[data-care-focus]") || this.result;
      if (!focusTarget.hasAttribute("tabindex")) focusTarget.setAttribute("tabindex", "-1");
      focusTarget.focus();
    }
  }

  function escapeHtml(text) {
    const div = document.createElement("div");
    div.textContent = text || "";
    return div.innerHTML;
  }

  customElements.define("care-order-lookup", CareOrderLookup);
})();
