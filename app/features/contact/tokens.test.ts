import { describe, expect, it } from "vitest";
import { conversationOfRecipient, replyLocalPart, signConversationToken, verifyConversationToken } from "./tokens";

const SECRET = "secret-a";
const shop = "maple.myshopify.com";
const conversationId = "0b6a5c1e-3a1f-4d7a-9c1e-2f6a5b4c3d2e";

describe("conversation links", () => {
  it("are bound to the shop, the conversation, the kind and the secret, and expire", async () => {
    const now = Date.parse("2026-11-23T12:00:00Z");
    const token = await signConversationToken("page", { shop, conversationId }, SECRET, { now });
    expect(await verifyConversationToken("page", token, { shop, secret: SECRET, now })).toBe(conversationId);
    expect(await verifyConversationToken("csat", token, { shop, secret: SECRET, now })).toBeNull();
    expect(
      await verifyConversationToken("page", token, { shop: "other.myshopify.com", secret: SECRET, now }),
    ).toBeNull();
    expect(await verifyConversationToken("page", token, { shop, secret: "secret-b", now })).toBeNull();
    expect(
      await verifyConversationToken("page", token, { shop, secret: SECRET, now: now + 31 * 86_400_000 }),
    ).toBeNull();
    const [h, p, s] = token.split(".");
    expect(await verifyConversationToken("page", `${h}.${p}x.${s}`, { shop, secret: SECRET, now })).toBeNull();
    expect(await verifyConversationToken("page", "", { shop, secret: SECRET, now })).toBeNull();
  });

  it("reply-to addresses carry a tag that cannot be forged for another conversation", () => {
    const local = replyLocalPart(SECRET, conversationId);
    expect(conversationOfRecipient(SECRET, `Shop <${local}@in.example>`)).toBe(conversationId);
    const other = "1b6a5c1e-3a1f-4d7a-9c1e-2f6a5b4c3d2e";
    const forged = `reply+${other}.${local.split(".")[1]}@in.example`;
    expect(conversationOfRecipient(SECRET, forged)).toBeNull();
    expect(conversationOfRecipient("secret-b", `${local}@in.example`)).toBeNull();
    expect(conversationOfRecipient(SECRET, "hello@in.example")).toBeNull();
  });
});
