// The mailbox: every email the app sent through the dev store's SMTP server, as a page
// (/__devstore/mail) and as JSON (/__devstore/mail.json?to=…; DELETE empties it).
import { Hono } from "hono";
import { esc, type Env, type Platform } from "../platform";
import { INBOUND_DOMAIN, postInboundEmail } from "./inbound";

export function mailRoutes({ mailbox, smtpUrl, appUrl }: Platform) {
  const app = new Hono<Env>();
  // The shopper replies to an email (Mailgun's inbound route posts it to the app): JSON
  // { mailId } (reply to that email) or { to }, with { from?, subject?, text }.
  app.post("/__devstore/mail/inbound", async (c) => {
    const body = (await c.req.json()) as {
      mailId?: number;
      to?: string;
      from?: string;
      subject?: string;
      text?: string;
    };
    const mail = body.mailId ? mailbox.mails.find((m) => m.id === body.mailId) : undefined;
    const to = body.to ?? mail?.replyTo;
    if (!to) return c.json({ error: "no reply-to address" }, 400);
    const result = await postInboundEmail(appUrl, {
      to,
      from: body.from ?? mail?.to[0] ?? "",
      subject: body.subject ?? (mail ? `Re: ${mail.subject}` : ""),
      text: body.text ?? "",
    });
    return c.json(result);
  });
  // The same from the mailbox page's "Reply as the customer" form.
  app.post("/__devstore/mail/inbound-form", async (c) => {
    const form = await c.req.parseBody();
    const mail = mailbox.mails.find((m) => m.id === Number(form.mailId));
    if (!mail?.replyTo) return c.text("No such email or no reply-to address", 400);
    const result = await postInboundEmail(appUrl, {
      to: mail.replyTo,
      from: mail.to[0] ?? "",
      subject: `Re: ${mail.subject}`,
      text: String(form.text ?? ""),
    });
    return c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inbound email</title></head><body style="font:15px system-ui;max-width:50rem;margin:2rem auto"><p>Posted to the app's inbound webhook as Mailgun would: ${result.status} ${esc(result.body)}</p><p><a href="/__devstore/mail">Back to the mailbox</a></p></body></html>`,
    );
  });
  app.get("/__devstore/mail.json", (c) => c.json(mailbox.find({ to: c.req.query("to") })));
  app.delete("/__devstore/mail.json", (c) => {
    mailbox.clear();
    return c.json({ ok: true });
  });
  app.get("/__devstore/mail", (c) => {
    const items = [...mailbox.mails]
      .reverse()
      .map(
        (m) =>
          `<article><h2>${esc(m.subject)}</h2><p>To ${esc(m.to.join(", "))} · ${esc(m.receivedAt)}${m.replyTo ? ` · Reply-To ${esc(m.replyTo)}` : ""}</p>${m.html ? `<iframe title="${esc(m.subject)}" sandbox srcdoc="${esc(m.html)}" style="width:100%;height:16rem;border:1px solid #ccc"></iframe>` : `<pre>${esc(m.text)}</pre>`}${
            m.replyTo?.endsWith(`@${INBOUND_DOMAIN}`)
              ? `<form method="post" action="/__devstore/mail/inbound-form"><input type="hidden" name="mailId" value="${m.id}"><label for="reply-${m.id}">Reply as the customer (sent through the stand-in Mailgun inbound route)</label><br><textarea id="reply-${m.id}" name="text" rows="3" cols="60" required></textarea><br><button type="submit">Send reply email</button></form>`
              : ""
          }</article>`,
      )
      .join("");
    return c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dev store mailbox</title></head><body style="font:15px system-ui;max-width:50rem;margin:2rem auto"><h1>Mailbox</h1><p>Every email the app sent through the dev store's SMTP server (${esc(smtpUrl)}).</p>${items || "<p>No mail yet.</p>"}</body></html>`,
    );
  });
  return app;
}
