/* global document */
// "Download invoice" on an order: the menu item's button, and the modal listing the order's
// documents from Care Desk's backend (session token as Bearer).
import { setUpExtension } from "@shopify/ui-extensions-tester";
import { expect, test, vi } from "vitest";

test("the menu item is one button", async () => {
  using extension = setUpExtension("customer-account.order.action.menu-item.render");
  await extension.render();
  const buttons = document.body.querySelectorAll("s-button");
  expect(buttons).toHaveLength(1);
  expect(buttons[0].textContent).toBe("action.label");
});

function backend(extension, documents) {
  const calls = [];
  extension.shopify.sessionToken.get = vi.fn().mockResolvedValue("token-1");
  extension.fetch = vi.fn(async (url, init) => {
    calls.push({ url: String(url), headers: init.headers, body: JSON.parse(init.body) });
    if (String(url).endsWith("/api/account/documents")) return Response.json({ orders: documents });
    return Response.json({ url: "https://example.com/account/documents/download?t=x" });
  });
  return calls;
}

test("the modal lists the order's invoice and credit notes", async () => {
  using extension = setUpExtension("customer-account.order.action.render");
  extension.shopify.orderId = "gid://shopify/Order/77";
  const calls = backend(extension, {
    "gid://shopify/Order/77": [
      { key: "a", kind: "invoice", number: "INV-1" },
      { key: "b", kind: "credit_note", number: "CN-1" },
    ],
  });
  await extension.render();
  await vi.waitFor(() => expect(document.body.querySelectorAll("s-stack s-button")).toHaveLength(2));
  expect([...document.body.querySelectorAll("s-stack s-button")].map((b) => b.textContent)).toEqual([
    "actions.invoice",
    "actions.credit_note",
  ]);
  expect(calls[0]).toMatchObject({
    url: "https://example.com/api/account/documents",
    headers: { Authorization: "Bearer token-1" },
    body: { orderIds: ["gid://shopify/Order/77"] },
  });
});

test("the modal says when the order has no invoice yet, and closes", async () => {
  using extension = setUpExtension("customer-account.order.action.render");
  extension.shopify.orderId = "gid://shopify/Order/78";
  backend(extension, { "gid://shopify/Order/78": [] });
  extension.shopify.close = vi.fn();
  await extension.render();
  await vi.waitFor(() => expect(document.body.textContent).toContain("action.none"));
  document.body.querySelector('s-button[slot="secondary-actions"]').dispatchEvent(new Event("click"));
  expect(extension.shopify.close).toHaveBeenCalled();
});
