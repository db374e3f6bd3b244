// Reviews' CSV import and export on both databases: preview and per-row errors, no duplicates
// on re-import (also when two confirmations race), the export read back, the storefront sync
// queued, and one shop never seeing or touching another's upload.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS } from "../setup/db";
import { adminRequest, callRoute, installShop, TEST_SHOP, useTestDatabase } from "../support/app";
import { fakeAdmin, ok } from "../support/fake-admin";

const MUG = "gid://shopify/Product/101";
const BOWL = "gid://shopify/Product/102";

const JUDGEME = [
  "title,body,rating,review_date,source,curated,reviewer_name,reviewer_email,product_id,product_handle,reply,reply_date,picture_urls,ip_address,location",
  'Great,"Keeps it hot.\nTwice the size I expected.",5,2025-03-02 10:12:00 UTC,web,ok,Camille,camille@example.fr,101,,"Thanks, Camille!",2025-03-03,,,',
  "Bowl,Chipped,2,2025-03-04,web,not-yet,Marc,,,bowl,,,,,",
  "Lost,Which product?,4,2025-03-05,web,ok,Ann,,999,,,,,,",
  "Stars,Too many,7,2025-03-05,web,ok,Ann,,101,,,,,,",
].join("\n");

/** The dev store's answer for the products the file names: 101 and the handle "bowl" exist, 999 does not. */
const productLookup = () => ({
  operation: "CareDeskReviewImportProducts",
  variables: {
    ids: [MUG, "gid://shopify/Product/999"],
    handles: 'handle:"bowl"',
    first: 1,
    byHandle: true,
  },
  reply: ok({ nodes: [{ id: MUG, handle: "mug" }, null], products: { nodes: [{ id: BOWL, handle: "bowl" }] } }),
});

describe.each(DATABASE_KINDS)("reviews CSV import and export on %s", (kind) => {
  const database = useTestDatabase(kind);
  let transfer: typeof import("~/features/reviews/transfer.server");
  let model: typeof import("~/features/reviews/model.server");
  let queue: typeof import("~/jobs/queue.server");
  let features: typeof import("~/features/index.server");
  let redaction: typeof import("~/privacy/redaction.server");

  beforeAll(async () => {
    transfer = await import("~/features/reviews/transfer.server");
    model = await import("~/features/reviews/model.server");
    queue = await import("~/jobs/queue.server");
    features = await import("~/features/index.server");
    redaction = await import("~/privacy/redaction.server");
  }, 60_000);
  afterAll(async () => {
    await queue?.stopWorker();
  });

  let shops = 0;
  const newShop = () => `transfer-${kind}-${++shops}.myshopify.com`;

  async function preview(shop: string, text = JUDGEME) {
    const admin = fakeAdmin([productLookup()]);
    const result = await transfer.previewImport({ shop, graphql: admin.graphql, fileName: "judgeme.csv", text });
    admin.done();
    if (!result.ok) throw new Error(result.error);
    return result;
  }

  it("previews with each row's state and errors, stores nothing until confirmed, then imports once", async () => {
    const shop = newShop();
    const first = await preview(shop);
    expect(first).toMatchObject({ format: "Judge.me", total: 4, ready: 2, duplicates: 0, invalid: 2 });
    expect(first.rows.map((r) => [r.row, r.state, r.product])).toEqual([
      [2, "new", "mug"],
      [3, "new", "bowl"],
      [4, "error", "ID 999"],
      [5, "error", ""],
    ]);
    expect(first.problems.map((p) => [p.row, p.errors])).toEqual([
      [4, ["No product of this shop has ID 999."]],
      [5, ['Rating "7" is not a whole number from 1 to 5.']],
    ]);
    expect(await database.prisma.review.count({ where: { shop } })).toBe(0);

    // WHEN the owner confirms
    const done = await transfer.confirmImport({ shop, importId: first.importId! });
    expect(done).toMatchObject({ imported: 2, skipped: 0, products: 2 });
    const reviews = await database.prisma.review.findMany({ where: { shop }, orderBy: { createdAt: "asc" } });
    expect(reviews.map((r) => [r.productId, r.status, r.source, r.verified, r.replyBody])).toEqual([
      [MUG, "published", "import", false, "Thanks, Camille!"],
      [BOWL, "pending", "import", false, null],
    ]);
    // the imported reply is the owner's public reply: the review is not awaiting one
    expect(reviews[0]).toMatchObject({
      createdAt: new Date("2025-03-02T10:12:00Z"),
      publishedAt: new Date("2025-03-02T10:12:00Z"),
      repliedAt: new Date("2025-03-03T00:00:00Z"),
      firstRepliedAt: new Date("2025-03-03T00:00:00Z"),
    });
    // the published review's product is queued for its storefront sync; the pending one is only remembered
    const syncs = await database.prisma.reviewProductSync.findMany({ where: { shop }, orderBy: { productId: "asc" } });
    expect(syncs.map((s) => [s.productId, s.version])).toEqual([
      [MUG, 1],
      [BOWL, 0],
    ]);
    expect(await queue.getJob("reviews.sync", `reviews.sync:${shop}:${MUG}:1`)).not.toBeNull();

    // a second confirmation of the same preview does nothing
    expect(await transfer.confirmImport({ shop, importId: first.importId! })).toBeNull();

    // WHEN the same file is uploaded again, THEN every valid row is already here
    const again = await preview(shop);
    expect(again).toMatchObject({ ready: 0, duplicates: 2, invalid: 2, importId: null });
    expect(await database.prisma.review.count({ where: { shop } })).toBe(2);
  });

  it("keeps two racing uploads of the same file from importing a review twice (unique key per shop)", async () => {
    const shop = newShop();
    const a = await preview(shop);
    const b = await preview(shop);
    const results = await Promise.all([
      transfer.confirmImport({ shop, importId: a.importId! }),
      transfer.confirmImport({ shop, importId: b.importId! }),
    ]);
    expect(results.reduce((n, r) => n + r!.imported, 0)).toBe(2);
    expect(await database.prisma.review.count({ where: { shop } })).toBe(2);
  });

  it("never lets another shop confirm, see or block a shop's upload", async () => {
    const shop = newShop();
    const other = newShop();
    const staged = await preview(shop);
    // another shop's confirmation of this upload finds nothing
    expect(await transfer.confirmImport({ shop: other, importId: staged.importId! })).toBeNull();
    expect(await database.prisma.review.count({ where: { shop: other } })).toBe(0);
    // the same file in another shop is new there (import keys are per shop)
    const there = await preview(other);
    await transfer.confirmImport({ shop: other, importId: there.importId! });
    expect(await database.prisma.review.count({ where: { shop: other } })).toBe(2);
    // and the first shop's upload is still its own to confirm
    expect(await transfer.confirmImport({ shop, importId: staged.importId! })).toMatchObject({ imported: 2 });
  });

  it("exports every review of the shop only, streamed, and reads its own export back as duplicates", async () => {
    const shop = newShop();
    const other = newShop();
    await model.createReview({
      shop,
      review: {
        productId: MUG,
        rating: 1,
        title: "=1+1",
        body: '@SUM(A1)\n"quoted", <b>bold</b> {{ shop.name }}',
        authorName: "-Eve",
        email: "eve@example.com",
        locale: "de",
        status: "published",
        verified: true,
        createdAt: new Date("2025-01-01T00:00:00Z"),
      },
    });
    await model.replyPublicly({
      shop,
      id: (await database.prisma.review.findFirstOrThrow({ where: { shop } })).id,
      body: "+Sorry",
    });
    await model.createReview({
      shop: other,
      review: {
        productId: MUG,
        rating: 5,
        title: "other shop",
        body: "not yours",
        authorName: "Zed",
        locale: "en",
        status: "published",
        verified: false,
      },
    });
    const admin = fakeAdmin([
      {
        operation: "CareDeskReviewProducts",
        variables: { ids: [MUG] },
        reply: ok({ nodes: [{ id: MUG, title: "Mug", handle: "mug" }] }),
      },
    ]);
    const bytes = new Uint8Array(
      await new Response(transfer.exportReviewsCsv({ shop, graphql: admin.graphql })).arrayBuffer(),
    );
    admin.done();
    // UTF-8 with a BOM (spreadsheets need it to read UTF-8)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFtitle,body,rating,review_date,source,curated,reviewer_name")).toBe(true);
    expect(text).not.toContain("other shop");
    // formula-looking cells start with an apostrophe
    expect(text).toContain("'=1+1");
    expect(text).toContain("'-Eve");
    expect(text).toContain("'+Sorry");
    expect(text).toContain(`"'@SUM(A1)\n""quoted"", <b>bold</b> {{ shop.name }}"`);

    // reading it back: the same review, so nothing new
    const back = fakeAdmin([
      {
        operation: "CareDeskReviewImportProducts",
        variables: { ids: [MUG], handles: 'handle:"mug"', first: 1, byHandle: true },
        reply: ok({ nodes: [{ id: MUG, handle: "mug" }], products: { nodes: [{ id: MUG, handle: "mug" }] } }),
      },
    ]);
    const again = await transfer.previewImport({ shop, graphql: back.graphql, fileName: "x.csv", text });
    expect(again).toMatchObject({ ok: true, format: "Care Desk", total: 1, duplicates: 1, ready: 0 });
    const row = again.ok ? again.rows[0]! : null;
    expect(row).toMatchObject({ title: "=1+1", authorName: "-Eve", rating: 1, status: "published", reply: true });
  });

  it("through the admin routes, another shop's session can neither confirm nor export this shop's reviews", async () => {
    // GIVEN a shop with an upload awaiting confirmation
    const shop = newShop();
    const staged = await preview(shop);
    // WHEN the installed test shop (another shop) posts the confirmation with its own session token
    await installShop(database.prisma);
    const answer = await callRoute(
      "app.reviews_.import",
      await adminRequest("/app/reviews/import", {
        method: "POST",
        form: { intent: "confirm", importId: staged.importId! },
      }),
    );
    // THEN it is refused and nothing is stored for either shop
    expect(answer.status).toBe(409);
    expect(await database.prisma.review.count({ where: { shop: { in: [shop, TEST_SHOP] } } })).toBe(0);
    // and once the first shop has imported them, the other shop's export holds none of them
    await transfer.confirmImport({ shop, importId: staged.importId! });
    expect(await database.prisma.review.count({ where: { shop } })).toBe(2);
    const exported = await callRoute("app.reviews_.export", await adminRequest("/app/reviews/export"));
    expect(exported.status).toBe(200);
    expect((await exported.text()).trim().split("\n")).toHaveLength(1);
  });

  it("drops uploads awaiting confirmation on shop/redact and customers/redact", async () => {
    const shop = newShop();
    const staged = await preview(shop);
    await redaction.redactCustomer(features.REDACTORS, {
      shop,
      customer: { id: 1, email: "camille@example.fr" },
    } as never);
    expect(await database.prisma.reviewImport.count({ where: { shop } })).toBe(0);
    expect(await transfer.confirmImport({ shop, importId: staged.importId! })).toBeNull();
    await preview(shop);
    await redaction.redactShop(features.REDACTORS, { shop });
    expect(await database.prisma.reviewImport.count({ where: { shop } })).toBe(0);
  });
});
