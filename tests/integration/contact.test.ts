// Contact through the whole path: the "Contact" block on the storefront's contact page → app
// proxy (signed by the dev store) → the built app → stored, acknowledged through the job queue
// (the dev store's mailbox); the owner answers in the inbox (session token, as App Bridge
// calls it); the shopper reads and answers on the signed conversation page; close → CSAT.
import { createHmac, randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { signConversationToken } from "../../app/features/contact/tokens";
import { sessionToken } from "../../devstore/auth/tokens";
import { MAILGUN_SIGNING_KEY } from "../../devstore/mail/inbound";
import { BROWSER, devstore, mailTo, recentOrders, seeded, storefront, waitForMail } from "../support/storefront";

const started = () => String(Math.floor(Date.now() / 1000) - 30);
let counter = 0;
const uniqueEmail = (name: string) => `${name}.${Date.now()}.${counter++}@example.com`;

function send(fields: Record<string, string>, { fragment = false, ip }: { fragment?: boolean; ip?: string } = {}) {
  return storefront(`/apps/care/contact/${fragment ? "?view=fragment" : ""}`, {
    form: {
      locale: "en",
      started: started(),
      faq_opened: "",
      name: "Ann Lee",
      email: uniqueEmail("ann"),
      order_number: "",
      topic: "order",
      message: "Where is my parcel? It was due on Monday.",
      ...fields,
    },
    ip,
  });
}

async function admin(path: string, route: string, form?: Record<string, string | string[]>) {
  const token = await sessionToken({ shop: inject("shop"), apiKey: inject("apiKey"), apiSecret: inject("apiSecret") });
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form ?? {}))
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  const url = `${inject("appUrl")}${path}${path.includes("?") ? "&" : "?"}_data=${encodeURIComponent(route)}`;
  const response = await fetch(url, {
    method: form ? "POST" : "GET",
    body: form ? body : undefined,
    headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER },
  });
  expect(response.status).toBe(200);
  return response.json() as Promise<Record<string, unknown>>;
}

type Row = {
  id: string;
  reference: string;
  spamReason: string | null;
  subject: string;
  unread: boolean;
  status: string;
};
const inbox = async (query: string) =>
  (await admin(`/app/inbox?${query}`, "routes/app.inbox._index")) as { conversations: Row[] };
const byReference = async (reference: string, view = "all") =>
  (await inbox(`view=${view}&q=${reference}`)).conversations.find((c) => c.reference === reference);
const conversation = (id: string) => admin(`/app/inbox/${id}`, "routes/app.inbox.$id");
const act = (id: string, form: Record<string, string>) =>
  admin(`/app/inbox/${id}`, "routes/app.inbox.$id", { id, ...form });
const referenceIn = (html: string) => /C-[2-9A-HJ-NP-Z]{7}/.exec(html)?.[0];
const linkIn = (text: string, path: string) =>
  new URL(new RegExp(`(https?://\\S+${path.replace(/\//g, "\\/")}\\?\\S+)`).exec(text)![1]!);

describe("contact", () => {
  it("the storefront's contact page has the block: channels, FAQ and a form that posts to the app proxy", async () => {
    const page = await storefront("/pages/contact");
    expect(page.status).toBe(200);
    expect(page.text).toContain("<care-contact");
    expect(page.text).toContain('action="/apps/care/contact/"');
    expect(page.text).toMatch(/name="started" value="\d+"/);
    // in the shopper's language
    expect((await storefront("/de/pages/contact")).text).toContain("Nachricht senden");
    // product pages don't get it (the block is for page templates)
    expect((await storefront(`/products/${seeded.products[0]!.handle}`)).text).not.toContain("<care-contact");
  });

  it("stores a message, answers with its reference and the reply promise, and emails the acknowledgement", async () => {
    const email = uniqueEmail("bea");
    // WHEN a shopper without JavaScript sends the form
    const answer = await send({ email, name: "Bea Park", order_number: "#1001" });
    // THEN the answer is a full page with the reference and when to expect a reply
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("Thank you, Bea Park! We received your message.");
    expect(answer.text).toContain("We will reply by");
    const reference = referenceIn(answer.text)!;
    expect(reference).toBeTruthy();
    // AND it is in the inbox, unread, open
    const row = await byReference(reference, "open");
    expect(row).toMatchObject({ unread: true, status: "open", spamReason: null });
    // AND the acknowledgement arrives with the reference and the promise, and a conversation link
    const ack = await waitForMail(email, (m) => m.subject.includes(reference));
    expect(ack.subject).toBe(`We received your message [${reference}]`);
    expect(ack.text).toContain("We will reply by");
    expect(ack.text).toContain("Where is my parcel?");
    expect(ack.text).toMatch(/\/apps\/care\/contact\/conversation\/\?t=/);
  });

  it("refuses the contact form posted from another site (403)", async () => {
    const answer = await storefront("/apps/care/contact/", {
      form: { locale: "en", started: started(), name: "Ann", email: uniqueEmail("x"), message: "Hi" },
      headers: { Origin: "https://evil.example" },
    });
    expect(answer.status).toBe(403);
  });

  it("answers a field error in the shopper's language with the form again (422), storing nothing", async () => {
    const answer = await storefront("/apps/care/contact/", {
      form: { locale: "de", started: started(), name: "Jo", email: "not-an-email", message: "Hallo" },
    });
    expect(answer.status).toBe(422);
    expect(answer.text).toContain("Geben Sie eine gültige E-Mail-Adresse ein.");
    expect(answer.text).toContain('name="message"');
  });

  it.each([
    ["honeypot", { website: "https://spam.example" }, "Filled the hidden field"],
    // "now": the moment the post is sent (the table is built when the file loads, seconds earlier)
    ["too fast", { started: "now" }, "faster than a person"],
    ["missing start", { started: "" }, "faster than a person"],
    ["links", { message: "Buy http://a.example http://b.example http://c.example" }, "Too many links"],
    ["repeated", { message: "cheap ".repeat(40) }, "Repeated text"],
    ["spam wording", { message: "We offer SEO services to rank your store" }, "Known spam wording"],
  ])("a hostile post (%s) goes to Spam with the reason, answered alike, never emailed", async (_, fields, reason) => {
    const email = uniqueEmail("bot");
    const now = String(Math.floor(Date.now() / 1000));
    const answer = await send({
      email,
      ...fields,
      ...("started" in fields && fields.started === "now" ? { started: now } : {}),
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("We received your message");
    const reference = referenceIn(answer.text)!;
    const row = await byReference(reference, "spam");
    expect(row?.spamReason).toContain(reason);
    expect(await byReference(reference, "open")).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await mailTo(email)).toHaveLength(0);
  });

  it("per-email and per-address limits send the excess to Spam; a flood gets 429", async () => {
    const email = uniqueEmail("busy");
    const references: string[] = [];
    for (let i = 0; i < 6; i++) {
      const answer = await send({ email, message: `Question number ${i}: does the mug fit a dishwasher?` });
      expect(answer.status).toBe(200);
      references.push(referenceIn(answer.text)!);
    }
    expect((await byReference(references[4]!, "open"))?.spamReason).toBeNull();
    expect((await byReference(references[5]!, "spam"))?.spamReason).toContain("one email");
    // one address: 5 per 10 minutes, then Spam
    const ip = "2001:db8:77::1";
    for (let i = 0; i < 5; i++)
      expect((await send({ message: `Hello ${i} from one address` }, { ip })).status).toBe(200);
    const sixth = await send({ message: "Hello six from one address" }, { ip });
    expect((await byReference(referenceIn(sixth.text)!, "spam"))?.spamReason).toContain("one address");
    // beyond the flood limit (30 an hour) the address gets 429 and nothing is stored
    for (let i = 6; i < 30; i++) expect((await send({ message: `Flood ${i}` }, { ip })).status).toBe(200);
    const flood = await send({ message: "Flood 30" }, { ip });
    expect(flood.status).toBe(429);
    expect(flood.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(referenceIn(flood.text)).toBeUndefined();
  });

  it("shows the customer's context from the Admin API: since, orders, spent, tags, the referenced order with tracking", async () => {
    const order = recentOrders.find((o) => o.customerId && o.email && o.fulfillments.length > 0)!;
    const customer = seeded.customers.find((c) => c.id === order.customerId)!;
    const reference = referenceIn(
      (await send({ email: order.email!, name: customer.displayName, order_number: order.name })).text,
    )!;
    const row = (await byReference(reference))!;
    const view = (await conversation(row.id)) as {
      context: {
        customer: { since: string; ordersCount: number; totalSpent: string; tags: string[] };
        order: { name: string; referenced: boolean; fulfillmentStatus: string; tracking: { number: string | null }[] };
        orderEmailDiffers: boolean;
      };
    };
    expect(view.context.customer.ordersCount).toBe(seeded.orders.filter((o) => o.customerId === customer.id).length);
    expect(view.context.customer.since).toBe(customer.createdAt);
    expect(view.context.customer.totalSpent).toMatch(/^\d+\.\d{2} [A-Z]{3}$/);
    expect(view.context.order).toMatchObject({ name: order.name, referenced: true });
    expect(view.context.orderEmailDiffers).toBe(false);
    const numbers = order.fulfillments.slice(0, 5).flatMap((f) => f.trackingInfo.slice(0, 3).map((t) => t.number));
    expect(view.context.order.tracking.map((t) => t.number)).toEqual(numbers);
  });

  it("the same text again from the same email is a duplicate (Spam); 'Not spam' rescues it and sends the acknowledgement", async () => {
    const email = uniqueEmail("dup");
    const first = await send({ email, message: "Can I change my shipping address?" });
    const again = await send({ email, message: "can I change my shipping address" });
    const reference = referenceIn(again.text)!;
    const row = (await byReference(reference, "spam"))!;
    expect(row.spamReason).toContain("Same text");
    await waitForMail(email, (m) => m.subject.includes(referenceIn(first.text)!));
    // WHEN the owner marks it "not spam"
    await act(row.id, { intent: "not-spam" });
    // THEN it is in the inbox and the shopper gets its acknowledgement
    expect((await byReference(reference, "open"))?.id).toBe(row.id);
    await waitForMail(email, (m) => m.subject.includes(reference));
  });

  it("the owner answers in the inbox with the customer's context; the shopper reads and replies on the signed page; close → CSAT", async () => {
    const email = uniqueEmail("cy");
    const reference = referenceIn(
      (await send({ email, name: "Cy Moss", message: "Is the blue mug back soon?" })).text,
    )!;
    const row = (await byReference(reference))!;
    // GIVEN the conversation view: the context comes from the Admin API
    const view = (await conversation(row.id)) as {
      context: { customer: unknown; order: unknown };
      conversation: { messages: unknown[] };
    };
    expect(view.conversation.messages).toHaveLength(1);
    expect(view.context.customer).toBeNull(); // a guest unknown to the shop
    expect((await byReference(reference))?.unread).toBe(false);
    // WHEN the owner replies
    const result = await act(row.id, { intent: "reply", body: "Hi Cy, next Tuesday!", close: "false" });
    expect(result).toMatchObject({ ok: true });
    expect((await byReference(reference))?.status).toBe("waiting");
    // THEN the shopper gets it by email with a link to the conversation page
    const mail = await waitForMail(email, (m) => m.subject.startsWith("Re:"));
    expect(mail.subject).toBe(`Re: Is the blue mug back soon? [${reference}]`);
    expect(mail.text).toContain("Hi Cy, next Tuesday!");
    const link = linkIn(mail.text, "/apps/care/contact/conversation/");
    const page = await storefront(`${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Is the blue mug back soon?");
    expect(page.text).toContain("Hi Cy, next Tuesday!");
    // AND replies there: the conversation is open and unread again
    const t = link.searchParams.get("t")!;
    // (from a page with Referrer-Policy no-referrer, browsers send Origin: null; the token is the credential)
    const reply = await storefront("/apps/care/contact/conversation/", {
      form: { t, locale: "en", message: "Great, thanks! Can you hold one for me?" },
      headers: { Origin: "null" },
    });
    expect(reply.status).toBe(200);
    expect(reply.text).toContain("Your reply has been sent.");
    expect(await byReference(reference, "open")).toMatchObject({ unread: true, status: "open" });
    // WHEN the owner closes it
    await act(row.id, { intent: "closed" });
    // THEN a CSAT email with five one-click links arrives; a click records the score
    const csat = await waitForMail(email, (m) => m.subject.startsWith("How did we do?"));
    const five = [...csat.text.matchAll(/(https?:\/\/\S+\/apps\/care\/contact\/csat\/\?\S+)/g)].map(
      (m) => new URL(m[1]!),
    );
    expect(five.map((u) => u.searchParams.get("score"))).toEqual(["1", "2", "3", "4", "5"]);
    const clicked = await storefront(`${five[4]!.pathname}${five[4]!.search}`);
    expect(clicked.status).toBe(200);
    expect(clicked.text).toContain("Thank you for your rating: 5 out of 5.");
    const comment = await storefront("/apps/care/contact/csat/", {
      form: { t: five[4]!.searchParams.get("t")!, locale: "en", comment: "Quick and kind." },
    });
    expect(comment.text).toContain("Thank you for your feedback.");
    const closed = (await conversation(row.id)) as {
      conversation: { csatScore: number; csatComment: string; status: string };
    };
    expect(closed.conversation).toMatchObject({ csatScore: 5, csatComment: "Quick and kind.", status: "closed" });
  });

  it("the conversation page needs a valid, unexpired link for this conversation", async () => {
    const email = uniqueEmail("dee");
    const reference = referenceIn((await send({ email })).text)!;
    const ack = await waitForMail(email, (m) => m.subject.includes(reference));
    const link = linkIn(ack.text, "/apps/care/contact/conversation/");
    const t = link.searchParams.get("t")!;
    const open = (token: string) => storefront(`/apps/care/contact/conversation/?t=${encodeURIComponent(token)}`);
    expect((await open(t)).status).toBe(200);
    // tampered, missing, another kind, expired, another conversation's id: all 401, the same words
    const [h, p, s] = t.split(".");
    const shop = inject("shop");
    const secret = inject("apiSecret");
    const row = (await byReference(reference))!;
    const expired = await signConversationToken("page", { shop, conversationId: row.id }, secret, {
      now: Date.now() - 31 * 86_400_000,
    });
    const csatKind = await signConversationToken("csat", { shop, conversationId: row.id }, secret);
    const otherShop = await signConversationToken(
      "page",
      { shop: "other.myshopify.com", conversationId: row.id },
      secret,
    );
    const unknown = await signConversationToken(
      "page",
      { shop, conversationId: "00000000-0000-4000-8000-000000000000" },
      secret,
    );
    for (const bad of [`${h}.${p}x.${s}`, "", expired, csatKind, otherShop, unknown]) {
      const answer = await open(bad);
      expect(answer.status).toBe(401);
      expect(answer.text).toContain("This link is not valid or has expired.");
    }
    // a reply with a bad token stores nothing
    const post = await storefront("/apps/care/contact/conversation/", {
      form: { t: expired, locale: "en", message: "sneaky" },
    });
    expect(post.status).toBe(401);
  });

  it("the fragment answer (the block's script) has no form and the reference", async () => {
    const answer = await send({}, { fragment: true });
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain("<form");
    expect(referenceIn(answer.text)).toBeTruthy();
  });

  it("counts an FAQ deflection beacon; refuses other events", async () => {
    expect((await storefront("/apps/care/contact/faq/", { form: { event: "deflected", locale: "en" } })).status).toBe(
      204,
    );
    expect((await storefront("/apps/care/contact/faq/", { form: { event: "other", locale: "en" } })).status).toBe(400);
    expect((await storefront("/apps/care/contact/faq/")).status).toBe(405);
  });

  describe("replies by email (Mailgun inbound route)", () => {
    /** A Mailgun inbound-route POST, signed with `key` (the dev store's by default). */
    async function mailgunPost(
      fields: Record<string, string>,
      {
        key = MAILGUN_SIGNING_KEY,
        token = randomBytes(25).toString("hex"),
        timestamp = String(Math.floor(Date.now() / 1000)),
      } = {},
    ) {
      const form = new FormData();
      const signature = createHmac("sha256", key)
        .update(timestamp + token)
        .digest("hex");
      for (const [k, v] of Object.entries({ timestamp, token, signature, ...fields })) form.append(k, v);
      const response = await fetch(`${inject("appUrl")}/webhooks/inbound-email`, { method: "POST", body: form });
      return { status: response.status, token };
    }

    async function answeredConversation() {
      const email = uniqueEmail("eve");
      const reference = referenceIn((await send({ email, message: "Do you ship to Norway?" })).text)!;
      const row = (await byReference(reference))!;
      await act(row.id, { intent: "reply", body: "Yes, in 5 days.", close: "false" });
      await waitForMail(email, (m) => m.subject.startsWith("Re:"));
      const mail = (await devstore(`/__devstore/mail.json?to=${encodeURIComponent(email)}`)) as {
        id: number;
        subject: string;
        replyTo: string | null;
      }[];
      const reply = mail.find((m) => m.subject.startsWith("Re:"))!;
      return { email, reference, row, reply };
    }

    it("a reply to the notification lands in the conversation and reopens it", async () => {
      const { reference, row, reply } = await answeredConversation();
      expect(reply.replyTo).toMatch(/^reply\+[0-9a-f-]{36}\.[0-9a-f]{20}@inbound\.devstore\.test$/);
      // WHEN the shopper answers the email (the dev store's control posts it as Mailgun's route would)
      const result = (await devstore("/__devstore/mail/inbound", {
        mailId: reply.id,
        text: "Great, and to Svalbard?",
      })) as {
        status: number;
      };
      expect(result.status).toBe(200);
      // THEN it is in the conversation, which is open and unread again
      expect(await byReference(reference, "open")).toMatchObject({ unread: true });
      const view = (await conversation(row.id)) as { conversation: { messages: { channel: string; body: string }[] } };
      expect(view.conversation.messages.at(-1)).toMatchObject({ channel: "email", body: "Great, and to Svalbard?" });
    });

    it("refuses a bad signature, an old timestamp, another sender, a forged recipient; a replayed token adds nothing", async () => {
      const { email, row, reply } = await answeredConversation();
      const fields = {
        recipient: reply.replyTo!,
        sender: email,
        from: `Eve <${email}>`,
        subject: "Re",
        "stripped-text": "Hi again",
      };
      expect((await mailgunPost(fields, { key: "not-the-signing-key" })).status).toBe(401);
      expect((await mailgunPost(fields, { timestamp: String(Math.floor(Date.now() / 1000) - 3600) })).status).toBe(401);
      expect(
        (await mailgunPost({ ...fields, sender: "mallory@example.com", from: "mallory@example.com" })).status,
      ).toBe(406);
      const other = "00000000-0000-4000-8000-000000000000";
      const forged = reply.replyTo!.replace(/reply\+[0-9a-f-]{36}/, `reply+${other}`);
      expect((await mailgunPost({ ...fields, recipient: forged })).status).toBe(406);
      const accepted = await mailgunPost(fields);
      expect(accepted.status).toBe(200);
      expect((await mailgunPost(fields, { token: accepted.token })).status).toBe(200);
      const view = (await conversation(row.id)) as { conversation: { messages: { body: string }[] } };
      expect(view.conversation.messages.filter((m) => m.body === "Hi again")).toHaveLength(1);
    });
  });
});
