// Reviews' CSV import and export through the admin route of the built app, over HTTP, with a
// session token as App Bridge sends it, against the dev store: upload → preview with errors per
// row → confirm → the imported reviews and replies on the product page (metafield sync) →
// the same file again adds nothing → the export reads back as nothing new.
import { describe, expect, inject, it } from "vitest";
import { sessionToken } from "../../devstore/auth/tokens";
import { BROWSER, seeded, storefront } from "../support/storefront";

// Products no other test file reviews (reviews.test.ts takes them from the front).
const [mug, bowl] = seeded.products.slice(-2) as [(typeof seeded.products)[number], (typeof seeded.products)[number]];
const numeric = (gid: string) => gid.split("/").pop()!;

async function admin(path: string, init: { method?: string; body?: BodyInit; route?: string } = {}) {
  const token = await sessionToken({ shop: inject("shop"), apiKey: inject("apiKey"), apiSecret: inject("apiSecret") });
  const route = init.route ?? "routes/app.reviews_.import";
  const data = init.route === "" ? "" : `${path.includes("?") ? "&" : "?"}_data=${encodeURIComponent(route)}`;
  return fetch(`${inject("appUrl")}${path}${data}`, {
    method: init.method ?? "GET",
    body: init.body,
    headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER },
  });
}

async function upload(csv: string | Uint8Array<ArrayBuffer>, name = "reviews.csv") {
  const form = new FormData();
  form.append("file", new Blob([csv], { type: "text/csv" }), name);
  const response = await admin("/app/reviews/import", { method: "POST", body: form });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> & Preview };
}

type Preview = {
  importId: string | null;
  total: number;
  ready: number;
  duplicates: number;
  invalid: number;
  format: string;
  error?: string;
  rows: { row: number; state: string; product: string; errors: string[] }[];
  problems: { row: number; errors: string[] }[];
};

async function confirm(importId: string) {
  const response = await admin("/app/reviews/import", {
    method: "POST",
    body: new URLSearchParams({ intent: "confirm", importId }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function productPageWhen(handle: string, predicate: (html: string) => boolean, timeoutMs = 10_000) {
  const start = performance.now();
  for (;;) {
    const page = await storefront(`/products/${handle}`);
    if (predicate(page.text)) return { html: page.text, ms: performance.now() - start };
    if (performance.now() - start > timeoutMs) throw new Error(`product page did not change within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const hostile = `<img src=x onerror=alert(1)>{{ shop.email }}{% assign x = 1 %}</script>`;
const JUDGEME = [
  "\uFEFFtitle,body,rating,review_date,source,curated,reviewer_name,reviewer_email,product_id,product_handle,reply,reply_date,picture_urls,ip_address,location",
  `Imported mug love,"Holds heat for hours.\nSecond line.",5,2025-03-02 10:12:00 UTC,web,ok,Camille R.,camille@example.fr,${numeric(mug.id)},,"Merci, Camille!",2025-03-03 08:00:00 UTC,,,`,
  `Imported hostile,"${hostile.replace(/"/g, '""')}",4,02/14/2025,web,ok,<b>Eve</b>,,${numeric(mug.id)},,,,,,`,
  `Imported bowl,Chipped on arrival.,2,2025-03-04,web,not-yet,Marc,,,${bowl.handle},,,,,`,
  `Nowhere,Which product?,4,2025-03-05,web,ok,Ann,,9999999999,,,,,,`,
  `Stars,Too many,9,2025-03-05,web,ok,Ann,,${numeric(mug.id)},,,,,,`,
].join("\r\n");

describe("reviews CSV import and export (admin, over HTTP)", () => {
  it("previews with errors per row, imports on confirmation, and the storefront shows the reviews and replies", async () => {
    const preview = await upload(JUDGEME, "judgeme-export.csv");
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ format: "Judge.me", total: 5, ready: 3, duplicates: 0, invalid: 2 });
    expect(preview.json.rows.map((r) => [r.row, r.state, r.product])).toEqual([
      [2, "new", mug.handle],
      [3, "new", mug.handle],
      [4, "new", bowl.handle],
      [5, "error", "ID 9999999999"],
      [6, "error", ""],
    ]);
    expect(preview.json.problems).toEqual([
      expect.objectContaining({ row: 5, errors: ["No product of this shop has ID 9999999999."] }),
      expect.objectContaining({ row: 6, errors: ['Rating "9" is not a whole number from 1 to 5.'] }),
    ]);

    const done = await confirm(preview.json.importId!);
    expect(done).toEqual({ status: 200, json: { ok: true, imported: 3, skipped: 0 } });

    // the published reviews and the owner's reply reach the product page through the metafield sync
    const { html } = await productPageWhen(mug.handle, (h) => h.includes("Imported hostile"));
    expect(html).toContain("Imported mug love");
    expect(html).toContain("Merci, Camille!");
    // hostile text is printed as text: escaped HTML, Liquid not run
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;{{ shop.email }}{% assign x = 1 %}&lt;/script&gt;");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;b&gt;Eve&lt;/b&gt;");
    // the pending review is not on the storefront
    expect((await storefront(`/products/${bowl.handle}`)).text).not.toContain("Chipped on arrival");

    // a second confirmation of the same preview is refused
    expect((await confirm(preview.json.importId!)).status).toBe(409);
  });

  it("imports nothing twice: the same file again is all duplicates", async () => {
    const again = await upload(JUDGEME, "judgeme-export.csv");
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ ready: 0, duplicates: 3, invalid: 2, importId: null });
  });

  it("reads Yotpo's export: review IDs, the store's comment as reply, Published", async () => {
    const yotpo = [
      "Review ID,Review Title,Review Content,Review Score,Date,Product ID,Product Title,Product URL,Display Name,Email,Comment Content,Published,Verified Buyer",
      `yt-1,Yotpo import one,Sehr gut.,5,11/05/2024,,Mug,https://x.myshopify.com/products/${mug.handle},Jürgen,j@example.de,Danke!,true,true`,
      `yt-2,Yotpo import two,Nope,1,11/06/2024,${numeric(bowl.id)},Bowl,,Zed,,,false,false`,
    ].join("\n");
    const preview = await upload(yotpo, "yotpo.csv");
    expect(preview.json).toMatchObject({ format: "Yotpo", ready: 2, invalid: 0 });
    expect((await confirm(preview.json.importId!)).json).toMatchObject({ imported: 2 });
    expect((await upload(yotpo, "yotpo.csv")).json).toMatchObject({ ready: 0, duplicates: 2 });
    await productPageWhen(mug.handle, (h) => h.includes("Yotpo import one") && h.includes("Danke!"));
  });

  it("exports every review as CSV with formula cells guarded, and the export reads back as nothing new", async () => {
    const response = await admin("/app/reviews/export", { route: "" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="reviews-[\w-]+-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\n")[0]).toBe(
      "title,body,rating,review_date,source,curated,reviewer_name,reviewer_email,product_id,product_handle,reply,reply_date,care_desk_id,status,verified,locale",
    );
    expect(text).toContain("Imported mug love");
    expect(text).toContain(mug.handle);
    expect(text).not.toMatch(/(^|,)[=+\-@]/m);

    const back = await upload(bytes, "export.csv");
    expect(back.status).toBe(200);
    expect(back.json.format).toBe("Care Desk");
    expect(back.json.total).toBeGreaterThanOrEqual(5);
    expect(back.json).toMatchObject({ ready: 0, invalid: 0 });
    expect(back.json.duplicates).toBe(back.json.total);
  });

  it("refuses files that are too large or not review exports, with a reason, never a 5xx", async () => {
    const big = await upload(`title,body\n${"x".repeat(2 * 1024 * 1024 + 10)}\n`);
    expect(big.status).toBe(413);
    expect(big.json.error).toContain("larger than 2 MB");
    const other = await upload("name,price\nMug,12\n");
    expect(other.status).toBe(400);
    expect(other.json.error).toContain("not a Judge.me, Yotpo or Care Desk review export");
    const broken = await upload('title,body,rating,review_date,reviewer_name,product_id\n"open,1,5,2025-01-01,A,1\n');
    expect(broken.status).toBe(400);
    expect(broken.json.error).toContain("not valid CSV");
    const forged = await confirm("00000000-0000-4000-8000-000000000000");
    expect(forged.status).toBe(409);
  });

  it("the owner deletes an imported review in the desk and it leaves the product page (metafield sync)", async () => {
    const list = await admin(`/app/reviews?view=all&q=${encodeURIComponent("Yotpo import one")}`, {
      route: "routes/app.reviews",
    });
    const found = (await list.json()) as { reviews: { id: string; title: string }[] };
    expect(found.reviews.map((r) => r.title)).toEqual(["Yotpo import one"]);
    const answer = await admin("/app/reviews", {
      method: "POST",
      route: "routes/app.reviews",
      body: new URLSearchParams({ intent: "delete", id: found.reviews[0]!.id }),
    });
    expect(await answer.json()).toEqual({ ok: true, message: "Deleted: 1 review" });
    await productPageWhen(mug.handle, (h) => !h.includes("Yotpo import one") && h.includes("Imported mug love"));
  });

  it("answers without a session token with no data", async () => {
    const response = await fetch(`${inject("appUrl")}/app/reviews/export`, {
      headers: { "User-Agent": BROWSER },
      redirect: "manual",
    });
    expect(response.status).not.toBe(200);
    expect(response.headers.get("content-type") ?? "").not.toContain("text/csv");
  });
});
