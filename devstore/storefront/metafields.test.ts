// Metafields written through the Admin API (metafieldsSet, over HTTP) show in the rendered
// storefront the way Shopify's Liquid exposes them: product.metafields.namespace.key with
// .value and .type, app-owned ones through `$app` in the app's theme app extension.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startTestDevStore } from "../test-support";

// A theme app extension with one block on product pages that reads metafields.
const extensionsDir = mkdtempSync(path.join(tmpdir(), "devstore-extensions-"));
mkdirSync(path.join(extensionsDir, "reviews", "blocks"), { recursive: true });
writeFileSync(
  path.join(extensionsDir, "reviews", "blocks", "stars.liquid"),
  `{%- assign reviews = product.metafields["$app:reviews"] -%}
<p id="rating">{{ reviews.rating.value.rating }} of {{ reviews.rating.value.scale_max }} ({{ reviews.rating.type }})</p>
<p id="count">{{ product.metafields.reviews.rating_count.value | plus: 1 }} {{ product.metafields.reviews.rating_count.type }}</p>
<p id="care">{{ product.metafields.custom.care_instructions }}</p>
<p id="app">{{ product.metafields["$app"].badge.value }}</p>
<p id="missing">{% if product.metafields.custom.nothing == blank %}none{% endif %}</p>
<p id="shop">{{ shop.metafields.custom.tagline.value }}</p>
{% schema %}{"name": "Stars", "target": "section", "enabled_on": {"templates": ["product"]}}{% endschema %}
`,
);

const t = await startTestDevStore({ extensionsDir });
afterAll(() => t.devStore.close());

const SET = `mutation CareDeskSet($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) { metafields { namespace key type value } userErrors { field message } }
}`;

describe("Liquid metafields", () => {
  it("renders metafields set through the Admin API on the product page", async () => {
    const { accessToken } = await t.exchange(false);
    const shopData = t.devStore.store.defaultShop;
    const product = shopData.data.products[3]!;
    const ownerId = product.id;
    const { body } = await t.admin<{
      metafieldsSet: { metafields: { namespace: string; key: string }[]; userErrors: unknown[] };
    }>(accessToken!, SET, {
      metafields: [
        {
          ownerId,
          namespace: "$app:reviews",
          key: "rating",
          type: "rating",
          value: JSON.stringify({ value: "4.5", scale_min: "1", scale_max: "5" }),
        },
        { ownerId, namespace: "reviews", key: "rating_count", type: "number_integer", value: "41" },
        {
          ownerId,
          namespace: "custom",
          key: "care_instructions",
          type: "single_line_text_field",
          value: "Hand wash cold",
        },
        { ownerId, key: "badge", type: "single_line_text_field", value: "Top rated" },
        {
          ownerId: shopData.shop.id,
          namespace: "custom",
          key: "tagline",
          type: "single_line_text_field",
          value: "Made slowly",
        },
      ],
    });
    expect(body.data?.metafieldsSet.userErrors).toEqual([]);
    // `$app` resolves to the calling app's own namespace, as on Shopify.
    expect(body.data?.metafieldsSet.metafields.map((m) => m.namespace)).toEqual([
      `app--${t.apiKey}--reviews`,
      "reviews",
      "custom",
      `app--${t.apiKey}`,
      "custom",
    ]);
    const readBack = await t.admin<{ product: { metafield: { value: string } } }>(
      accessToken!,
      `query CareDeskRead($id: ID!) { product(id: $id) { metafield(namespace: "$app:reviews", key: "rating") { value } } }`,
      { id: ownerId },
    );
    expect(readBack.body.data?.product.metafield.value).toContain("4.5");

    const html = await (await fetch(`${t.devStore.origin}/products/${product.handle}`)).text();
    const text = (id: string) => new RegExp(`<p id="${id}">([^<]*)</p>`).exec(html)?.[1];
    expect(text("rating")).toBe("4.5 of 5 (rating)");
    expect(text("count")).toBe("42 number_integer");
    expect(text("care")).toBe("Hand wash cold");
    expect(text("app")).toBe("Top rated");
    expect(text("missing")).toBe("none");
    expect(text("shop")).toBe("Made slowly");
    // The same under a storefront language.
    expect(await (await fetch(`${t.devStore.origin}/de/products/${product.handle}`)).text()).toContain(
      "Hand wash cold",
    );
  });

  it("another product shows none of them", async () => {
    const html = await (
      await fetch(`${t.devStore.origin}/products/${t.devStore.store.defaultShop.data.products[4]!.handle}`)
    ).text();
    expect(html).toContain(`<p id="rating"> of  ()</p>`);
    expect(html).toContain(`<p id="missing">none</p>`);
  });
});
