// Invoices over HTTP against the dev store: an order paid through the dev store's controls
// delivers orders/paid, the app issues the invoice through the job queue, and the shopper
// downloads it from the order lookup's result. Links are signed and bound to shop and order.
import { describe, expect, inject, it } from "vitest";
import { pdfText } from "../support/pdf";
import { BROWSER, devstore, lookup, recentOrder, shopperIp } from "../support/storefront";

async function download(href: string) {
  const response = await fetch(`${inject("devstoreOrigin")}${href}`, {
    headers: { "User-Agent": BROWSER, "X-Devstore-Client-Ip": shopperIp() },
    redirect: "manual",
  });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

const invoiceHref = (html: string) =>
  /href="([^"]*\/apps\/care\/invoices\/download\/[^"]+)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");

describe("invoices", () => {
  it("issues the invoice when the order is paid, and the shopper downloads it from the lookup", async () => {
    // GIVEN a pending order (the default trigger: paid) — no invoice yet, so no button
    const order = recentOrder((o) => o.displayFinancialStatus === "PENDING" && !o.cancelledAt);
    const before = await lookup({ order_number: order.name, contact: order.email! });
    expect(before.status).toBe(200);
    expect(invoiceHref(before.text)).toBeUndefined();

    // WHEN it is paid (orders/paid → job → invoice)
    await devstore(`/__devstore/orders/${encodeURIComponent(order.id)}/pay`, {});
    let href: string | undefined;
    await expect
      .poll(
        async () => {
          href = invoiceHref((await lookup({ order_number: order.name, contact: order.email! })).text);
          return href;
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBeDefined();

    // THEN the link downloads a PDF with the order's number, lines and total
    const pdf = await download(href!);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe("application/pdf");
    const text = pdfText(pdf.body);
    expect(text).toMatch(/INV-\d{4}-\d{5}/);
    expect(text).toContain(order.name);
    expect(text).toContain(order.lineItems[0]!.title);

    // and downloading again gives the same bytes (immutable, deterministic)
    const again = await download(href!);
    expect(again.body.equals(pdf.body)).toBe(true);
  });

  it("refuses tampered, foreign and missing links (no IDOR)", async () => {
    const order = recentOrder((o) => o.displayFinancialStatus === "PENDING" && !o.cancelledAt, 1);
    await devstore(`/__devstore/orders/${encodeURIComponent(order.id)}/pay`, {});
    let href: string | undefined;
    await expect
      .poll(
        async () => (href = invoiceHref((await lookup({ order_number: order.name, contact: order.email! })).text)),
        {
          timeout: 20_000,
          interval: 500,
        },
      )
      .toBeDefined();
    const url = new URL(href!, "https://x.test");
    const token = url.searchParams.get("t")!;
    const [header, payload, signature] = token.split(".");
    // another order's id put into the token: the signature no longer matches
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
    const other = recentOrder((o) => o.id !== order.id && o.displayFinancialStatus === "PAID");
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: other.id })).toString("base64url");
    for (const bad of [`${header}.${forged}.${signature}`, `${token}x`, "", "not-a-token"]) {
      const response = await download(`/apps/care/invoices/download/?t=${encodeURIComponent(bad)}&locale=en`);
      expect(response.status).toBe(401);
      expect(response.type).not.toBe("application/pdf");
    }
    // an order id in the query string is ignored: only the signed token names the order
    const withId = await download(`${href!}&order=${encodeURIComponent(other.id)}&id=${encodeURIComponent(other.id)}`);
    expect(pdfText(withId.body)).toContain(order.name);
    expect(pdfText(withId.body)).not.toContain(`${other.name} `);
  });
});
