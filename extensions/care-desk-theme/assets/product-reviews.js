// Product reviews: "More reviews" loads the next page in place (the link works without
// JavaScript: it opens the page on the app proxy). Nothing runs before the shopper clicks.
if (!customElements.get("care-product-reviews")) {
  customElements.define(
    "care-product-reviews",
    class extends HTMLElement {
      connectedCallback() {
        this.onClick = (event) => {
          const link = event.target.closest("[data-care-reviews-more]");
          if (!link || !this.contains(link) || event.metaKey || event.ctrlKey || event.shiftKey) return;
          event.preventDefault();
          this.more(link);
        };
        this.addEventListener("click", this.onClick);
      }

      disconnectedCallback() {
        this.removeEventListener("click", this.onClick);
      }

      async more(link) {
        if (link.getAttribute("aria-busy") === "true") return;
        link.setAttribute("aria-busy", "true");
        try {
          const url = new URL(link.href, location.href);
          url.searchParams.set("view", "fragment");
          const response = await fetch(url, { headers: { Accept: "text/html" } });
          if (!response.ok) throw new Error(String(response.status));
          const template = document.createElement("template");
          template.innerHTML = await response.text();
          const items = [...template.content.querySelectorAll(".care-review")];
          this.querySelector(".care-reviews__list")?.append(...items);
          const next = template.content.querySelector("[data-care-reviews-more]");
          if (next) link.replaceWith(next);
          else link.parentElement?.remove();
          const heading = items[0]?.querySelector("h3");
          if (heading) {
            heading.tabIndex = -1;
            heading.focus();
          }
        } catch {
          location.href = link.href;
        }
      }
    },
  );
}
