// Contact's data layer on both databases: the inbox's lists (keyset pages, folders, search,
// unread), replies and first-response times, Home metrics in business hours, the care queue
// through the composition root, and the compliance redactor (export, customers/redact,
// shop/redact).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS } from "../setup/db";
import { useTestDatabase } from "../support/app";

describe.each(DATABASE_KINDS)("contact conversations on %s", (kind) => {
  const database = useTestDatabase(kind);
  let model: typeof import("~/features/contact/model.server");
  let redactor: typeof import("~/features/contact/redact.server");
  let queue: typeof import("~/jobs/queue.server");
  let features: typeof import("~/features/index.server");
  let redaction: typeof import("~/privacy/redaction.server");
  let reviews: typeof import("~/features/reviews/model.server");

  beforeAll(async () => {
    model = await import("~/features/contact/model.server");
    redactor = await import("~/features/contact/redact.server");
    queue = await import("~/jobs/queue.server");
    features = await import("~/features/index.server");
    redaction = await import("~/privacy/redaction.server");
    reviews = await import("~/features/reviews/model.server");
  }, 60_000);

  afterAll(async () => {
    await queue?.stopWorker();
  });

  let shopCount = 0;
  const newShop = () => `contact-${kind}-${++shopCount}.myshopify.com`;
  const HOUR = 3_600_000;
  const message = (overrides: Partial<import("~/features/contact/model.server").NewConversation> = {}) => ({
    name: "Ann Lee",
    email: "ann@example.com",
    orderNumber: null,
    topic: "order" as const,
    message: "Where is my order?",
    locale: "en",
    spamReason: null,
    ...overrides,
  });
  const WEEKDAYS = [0, 1, 2, 3, 4].map(() => ({ open: "09:00", close: "17:00" }));
  const HOURS = [...WEEKDAYS, null, null];

  it("pages the inbox newest activity first with a keyset cursor, by folder, status, unread and search", async () => {
    const shop = newShop();
    const start = Date.parse("2026-11-02T10:00:00Z");
    for (let i = 0; i < 30; i++)
      await model.createConversation({
        shop,
        conversation: message({ message: `Question ${i}`, createdAt: new Date(start + i * 60_000) }),
      });
    const spam = await model.createConversation({ shop, conversation: message({ spamReason: "links" }) });
    await model.createConversation({ shop: newShop(), conversation: message() }); // another shop
    const first = await model.listConversations({ shop, filter: { view: "open" } });
    expect(first.conversations).toHaveLength(25);
    expect(first.hasNext).toBe(true);
    expect(first.conversations[0]!.subject).toBe("Question 29");
    const last = first.conversations.at(-1)!;
    const second = await model.listConversations({ shop, filter: { view: "open" }, after: last });
    expect(second.conversations.map((c) => c.subject)).toEqual([4, 3, 2, 1, 0].map((i) => `Question ${i}`));
    expect(second.hasNext).toBe(false);
    const spamView = await model.listConversations({ shop, filter: { view: "spam" } });
    expect(spamView.conversations.map((c) => c.id)).toEqual([spam.id]);
    expect(spamView.conversations[0]!.spamReason).toBe("links");
    expect(
      (await model.listConversations({ shop, filter: { view: "all", query: spam.reference } })).conversations,
    ).toEqual([]);
    const found = await model.listConversations({ shop, filter: { view: "all", query: "Question 7" } });
    expect(found.conversations.map((c) => c.subject)).toEqual(["Question 7"]);
    expect(await model.inboxCounts({ shop })).toEqual({ open: 30, waiting: 0, spam: 1 });
  });

  it("a reply sets the first response once and waits on the customer; a customer message reopens it unread", async () => {
    const shop = newShop();
    const { id } = await model.createConversation({ shop, conversation: message() });
    const t1 = new Date(Date.now() + HOUR);
    expect(await model.addOwnerReply({ shop, id, messageId: crypto.randomUUID(), body: "Hi", now: t1 })).toEqual({
      first: true,
    });
    expect(
      await model.addOwnerReply({
        shop,
        id,
        messageId: crypto.randomUUID(),
        body: "Again",
        now: new Date(t1.getTime() + HOUR),
      }),
    ).toEqual({ first: false });
    let c = (await model.getConversation({ shop, id }))!;
    expect(c).toMatchObject({ status: "waiting", unread: false, firstResponseAt: t1 });
    expect(
      await model.addCustomerMessage({
        shop,
        id,
        body: "Thanks",
        channel: "page",
        now: new Date(t1.getTime() + 2 * HOUR),
      }),
    ).toBe(true);
    c = (await model.getConversation({ shop, id }))!;
    expect(c).toMatchObject({ status: "open", unread: true });
    expect(c.messages.map((m) => m.author)).toEqual(["customer", "owner", "owner", "customer"]);
    // another shop cannot reach it
    expect(await model.addCustomerMessage({ shop: newShop(), id, body: "x", channel: "page" })).toBe(false);
    expect(await model.addOwnerReply({ shop: newShop(), id, messageId: crypto.randomUUID(), body: "x" })).toBeNull();
  });

  it("measures first response and resolution in business hours, CSAT, messages per day and FAQ deflection", async () => {
    const shop = newShop();
    const now = Date.parse("2026-11-23T12:00:00Z"); // Monday
    // Friday 16:00 UTC → Monday 10:00 UTC: 1 + 1 = 2 business hours (UTC, 9–17)
    const a = await model.createConversation({
      shop,
      conversation: message({ createdAt: new Date("2026-11-20T16:00:00Z") }),
    });
    await model.addOwnerReply({
      shop,
      id: a.id,
      messageId: crypto.randomUUID(),
      body: "hi",
      now: new Date("2026-11-23T10:00:00Z"),
    });
    // Monday 09:00 → 09:30: 0.5 h, closed at 11:00 (2 h)
    const b = await model.createConversation({
      shop,
      conversation: message({ createdAt: new Date("2026-11-23T09:00:00Z") }),
    });
    await model.addOwnerReply({
      shop,
      id: b.id,
      messageId: crypto.randomUUID(),
      body: "hi",
      now: new Date("2026-11-23T09:30:00Z"),
    });
    await database.prisma.conversation.update({
      where: { id: b.id },
      data: { status: "closed", closedAt: new Date("2026-11-23T11:00:00Z"), csatScore: 5 },
    });
    await database.prisma.conversation.update({ where: { id: a.id }, data: { csatScore: 2 } });
    // spam is not counted
    await model.createConversation({
      shop,
      conversation: message({ spamReason: "pattern", createdAt: new Date(now - HOUR) }),
    });
    for (let i = 0; i < 3; i++) await model.recordEvent({ shop, kind: "faq_deflected" });
    await model.recordEvent({ shop, kind: "faq_then_sent" });

    const stats = await model.contactStats({ shop, hours: HOURS, timeZone: "UTC", days: 30, now });
    expect(stats).toMatchObject({
      conversations: 2,
      answered: 2,
      firstResponseMedianHours: 0.5,
      firstResponseP90Hours: 2,
      resolutionMedianHours: 2,
      csatAverage: 3.5,
      csatResponses: 2,
      csatSatisfiedShare: 50,
      messagesPerDay: Math.round((2 / 30) * 10) / 10,
      faqOpened: 4,
      faqDeflectionShare: 75,
    });
  });

  it("Home's care queue: open conversations and reviews awaiting a reply, oldest first", async () => {
    const shop = newShop();
    const now = Date.now();
    await model.createConversation({
      shop,
      conversation: message({ message: "newer question", createdAt: new Date(now - HOUR) }),
    });
    await reviews.createReview({
      shop,
      review: {
        productId: "gid://shopify/Product/1",
        rating: 2,
        title: "middle review",
        body: "meh",
        authorName: "Bo",
        locale: "en",
        status: "pending",
        verified: false,
        createdAt: new Date(now - 2 * HOUR),
      },
    });
    await model.createConversation({
      shop,
      conversation: message({ message: "oldest question", createdAt: new Date(now - 3 * HOUR) }),
    });
    const waiting = await model.createConversation({ shop, conversation: message({ message: "answered" }) });
    await model.addOwnerReply({ shop, id: waiting.id, messageId: crypto.randomUUID(), body: "done" });
    const { items, openConversations } = await features.careQueue({ shop });
    expect(items.map((i) => [i.kind, i.title])).toEqual([
      ["conversation", "oldest question"],
      ["review", "middle review"],
      ["conversation", "newer question"],
    ]);
    expect(openConversations).toBe(2);
  });

  it("exports, redacts one customer's conversations and deletes the shop's", async () => {
    const shop = newShop();
    const mine = await model.createConversation({ shop, conversation: message({ email: "zoe@example.com" }) });
    await model.addOwnerReply({ shop, id: mine.id, messageId: crypto.randomUUID(), body: "Hello Zoë" });
    await model.createConversation({ shop, conversation: message({ email: "other@example.com" }) });
    const other = newShop();
    await model.createConversation({ shop: other, conversation: message({ email: "zoe@example.com" }) });

    const report = await redaction.exportCustomerData(features.REDACTORS, {
      shop,
      customer: { email: " Zoe@Example.com " },
    });
    const exported = report[redactor.contactRedactor.name] as { reference: string; messages: { body: string }[] }[];
    expect(exported).toHaveLength(1);
    expect(exported[0]!.reference).toBe(mine.reference);
    expect(exported[0]!.messages.map((m) => m.body)).toEqual(["Where is my order?", "Hello Zoë"]);
    expect(JSON.stringify(exported)).not.toContain("zoe@example.com");

    await redaction.redactCustomer(features.REDACTORS, { shop, customer: { email: "zoe@example.com" } });
    expect(await database.prisma.conversation.count({ where: { shop, email: "zoe@example.com" } })).toBe(0);
    expect(await database.prisma.conversationMessage.count({ where: { shop, conversationId: mine.id } })).toBe(0);
    expect(await database.prisma.conversation.count({ where: { shop } })).toBe(1);
    expect(await database.prisma.conversation.count({ where: { shop: other } })).toBe(1);

    await model.recordEvent({ shop, kind: "faq_deflected" });
    await redaction.redactShop(features.REDACTORS, { shop });
    expect(await database.prisma.conversation.count({ where: { shop } })).toBe(0);
    expect(await database.prisma.conversationMessage.count({ where: { shop } })).toBe(0);
    expect(await database.prisma.contactEvent.count({ where: { shop } })).toBe(0);
    expect(await database.prisma.conversation.count({ where: { shop: other } })).toBe(1);
  });
});
