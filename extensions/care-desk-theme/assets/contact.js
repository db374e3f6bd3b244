// Care Desk contact: filters the FAQ as the shopper types and sends the form in place. Without
// this script the FAQ is a list and the form posts to the app proxy (a full page answer). No
// request before the shopper sends; if the FAQ was opened and nothing was sent, one beacon on
// leaving counts a deflection (no content, no address).
if (!customElements.get("care-contact")) {
  customElements.define(
    "care-contact",
    class extends HTMLElement {
      connectedCallback() {
        this.form = this.querySelector("[data-care-contact-form]");
        this.result = this.querySelector("[data-care-result]");
        this.faq = [...this.querySelectorAll("[data-care-faq]")];
        this.none = this.querySelector("[data-care-faq-none]");
        // "Contact us about this order" from the order lookup: /pages/contact?order=%231001
        const order = new URLSearchParams(location.search).get("order");
        if (order && this.form) this.form.order_number.value ||= order.slice(0, 32);
        this.onInput = (e) => e.target.name === "message" && this.filter(e.target.value);
        this.onToggle = (e) => {
          if (e.target.open && this.faq.includes(e.target)) {
            this.opened = true;
            this.form.faq_opened.value = "1";
          }
        };
        this.onSubmit = (e) => this.send(e);
        this.onHide = () => {
          if (this.opened && !this.sent)
            navigator.sendBeacon?.(
              "/apps/care/contact/faq/",
              new URLSearchParams({ event: "deflected", locale: this.form.locale.value }),
            );
        };
        this.addEventListener("input", this.onInput);
        this.addEventListener("toggle", this.onToggle, true);
        this.form?.addEventListener("submit", this.onSubmit);
        addEventListener("pagehide", this.onHide);
      }

      disconnectedCallback() {
        this.removeEventListener("input", this.onInput);
        this.removeEventListener("toggle", this.onToggle, true);
        this.form?.removeEventListener("submit", this.onSubmit);
        removeEventListener("pagehide", this.onHide);
      }

      filter(text) {
        const words = text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) || [];
        let shown = 0;
        for (const item of this.faq) {
          const hay = item.textContent.toLowerCase();
          const match = words.length === 0 || words.some((w) => hay.includes(w));
          item.hidden = !match;
          if (match) shown++;
        }
        if (this.none) this.none.hidden = shown > 0;
      }

      async send(event) {
        event.preventDefault();
        const form = this.form;
        const button = form.querySelector("[type=submit]");
        if (button.disabled) return;
        button.disabled = true;
        this.result.textContent = this.dataset.sending;
        try {
          const response = await fetch(`${form.action}?view=fragment`, {
            method: "POST",
            body: new URLSearchParams(new FormData(form)),
            headers: { Accept: "text/html" },
          });
          if (response.status >= 500) throw new Error(String(response.status));
          this.result.innerHTML = await response.text();
          if (response.ok) {
            this.sent = true;
            form.hidden = true;
          }
        } catch {
          this.result.textContent = this.dataset.error;
        } finally {
          button.disabled = false;
        }
        (this.result.querySelector("[data-care-focus]") || this.result).focus();
      }
    },
  );
}
