/* global document */
// The "Orders & invoices" page under @shopify/ui-extensions-tester's mock host: the orders from
// the Customer Account API newest first with status in plain words, total and tracking; each
// order's documents from Care Desk's backend (session token as Bearer); a document's download
// link; pagination; errors. The mock i18n answers translation keys as they are.
import { setUpExtension } from "@shopify/ui-extensions-tester";
import { expect, test, vi } from "vitest";

const order = (n, extra = {}) => ({
  id: `gid://shopify/Order/${n}`,
  name: `#${n}`,
  processedAt: "2026-11-01T10:00:00Z",
  cancelledAt: null,
  financialStatus: "PAID",
  fulfillmentStatus: "UNFULFILLED",
  totalPrice: { amount: "42.50", currencyCode: "EUR" },
  fulfillments: { nodes: [] },
  ...extra,
});

function host(
  extension,
  { orders, pageInfo = { hasNextPage: false, endCursor: null }, documents = {}, failOrders = false },
) {
  const calls = [];
  extension.shopify.sessionToken.get = vi.fn().mockResolvedValue("session-token-of-the-customer");
  extension.fetch = vi.fn(async (url, init) => {
    const body = init?.body ? JSON.parse(init.body) : undefined;
    calls.push({ url: String(url), headers: init?.headers ?? {}, body });
    if (String(url).startsWith("shopify://customer-account/api/")) {
      if (failOrders) return new Response("{}", { status: 500 });
      return Response.json({ data: { customer: { orders: { nodes: orders, pageInfo } } } });
    }
    if (String(url).endsWith("/api/account/documents")) return Response.json({ orders: documents });
    if (String(url).endsWith("/api/account/documents/link"))
      return Response.json({ url: "https://example.com/account/documents/download?t=signed", expiresAt: "x" });
    return new Response("not found", { status: 404 });
  });
  return calls;
}

const settle = () => vi.waitFor(() => expect(document.body.querySelector("s-spinner")).toBeNull());

test("lists the orders with status, total, tracking and their documents", async () => {
  using extension = setUpExtension("customer-account.page.render");
  const shipped = order(1002, {
    fulfillmentStatus: "FULFILLED",
    fulfillments: {
      nodes: [
        {
          status: "SUCCESS",
          latestShipmentStatus: "IN_TRANSIT",
          trackingInformation: [{ company: "DHL", number: "JD014600", url: "https://track.example/JD014600" }],
        },
      ],
    },
  });
  const calls = host(extension, {
    orders: [shipped, order(1001, { cancelledAt: "2026-10-02T00:00:00Z" })],
    documents: {
      "gid://shopify/Order/1002": [
        { key: "inv-1", kind: "invoice", number: "INV-2026-00001" },
        { key: "cn-1", kind: "credit_note", number: "CN-2026-00001" },
      ],
    },
  });
  await extension.render();
  await vi.waitFor(() => expect(document.body.querySelectorAll("s-section s-button")).toHaveLength(2));

  const sections = [...document.body.querySelectorAll("s-section")];
  expect(sections.map((s) => s.getAttribute("heading"))).toEqual(["order.heading", "order.heading"]);
  expect(sections[0].textContent).toContain("status.shipped");
  expect(sections[1].textContent).toContain("status.cancelled");
  expect(sections[0].textContent).toContain("DHL JD014600");
  expect(sections[0].querySelector("s-link").getAttribute("href")).toBe("https://track.example/JD014600");
  expect([...sections[0].querySelectorAll("s-button")].map((b) => b.textContent)).toEqual([
    "actions.invoice",
    "actions.credit_note",
  ]);
  expect(sections[1].textContent).toContain("order.no_documents");

  // Orders newest first, ten a page, from the Customer Account API.
  const query = calls.find((c) => c.url.startsWith("shopify://customer-account/"));
  expect(query.body.query).toContain("sortKey: PROCESSED_AT, reverse: true");
  expect(query.body.variables).toEqual({ first: 10, after: null });
  // Documents from the backend with the session token as Bearer.
  const documents = calls.find((c) => c.url === "https://example.com/api/account/documents");
  expect(documents.headers.Authorization).toBe("Bearer session-token-of-the-customer");
  expect(documents.body).toEqual({ orderIds: ["gid://shopify/Order/1002", "gid://shopify/Order/1001"] });
});

test("a document button fetches a signed link and offers it as a download", async () => {
  using extension = setUpExtension("customer-account.page.render");
  const calls = host(extension, {
    orders: [order(1003)],
    documents: { "gid://shopify/Order/1003": [{ key: "inv-3", kind: "invoice", number: "INV-3" }] },
  });
  await extension.render();
  await vi.waitFor(() => expect(document.body.querySelector("s-section s-button")).not.toBeNull());
  document.body.querySelector("s-section s-button").dispatchEvent(new Event("click"));
  await vi.waitFor(() =>
    expect(document.body.querySelector("s-button[href]")?.getAttribute("href")).toBe(
      "https://example.com/account/documents/download?t=signed",
    ),
  );
  const link = calls.find((c) => c.url.endsWith("/api/account/documents/link"));
  expect(link.body).toMatchObject({ orderId: "gid://shopify/Order/1003", document: "inv-3" });
  expect(link.headers.Authorization).toBe("Bearer session-token-of-the-customer");
  expect(document.body.querySelector("s-button[href]").getAttribute("target")).toBe("_blank");
});

test("pages through the orders with the cursor", async () => {
  using extension = setUpExtension("customer-account.page.render");
  const calls = host(extension, { orders: [order(1010)], pageInfo: { hasNextPage: true, endCursor: "CURSOR-1" } });
  await extension.render();
  await settle();
  const next = [...document.body.querySelectorAll("s-button")].find((b) => b.textContent === "page.next");
  next.dispatchEvent(new Event("click"));
  await vi.waitFor(() =>
    expect(calls.filter((c) => c.url.startsWith("shopify://")).map((c) => c.body.variables.after)).toEqual([
      null,
      "CURSOR-1",
    ]),
  );
  await settle();
  expect([...document.body.querySelectorAll("s-button")].map((b) => b.textContent)).toContain("page.previous");
});

test("says so when there are no orders, or when they cannot be loaded", async () => {
  {
    using extension = setUpExtension("customer-account.page.render");
    host(extension, { orders: [] });
    await extension.render();
    await settle();
    expect(document.body.textContent).toContain("page.empty");
  }
  {
    using extension = setUpExtension("customer-account.page.render");
    host(extension, { orders: [], failOrders: true });
    await extension.render();
    await settle();
    expect(document.body.querySelector("s-banner").textContent).toBe("errors.orders");
  }
});
