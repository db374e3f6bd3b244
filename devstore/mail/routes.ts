// The mailbox: every email the app sent through the dev store's SMTP server, as a page
// (/__devstore/mail) and as JSON (/__devstore/mail.json?to=…; DELETE empties it).
import { Hono } from "hono";
import { esc, type Env, type Platform } from "../platform";

export function mailRoutes({ mailbox, smtpUrl }: Platform) {
  const app = new Hono<Env>();
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
          `<article><h2>${esc(m.subject)}</h2><p>To ${esc(m.to.join(", "))} · ${esc(m.receivedAt)}</p>${m.html ? `<iframe title="${esc(m.subject)}" sandbox srcdoc="${esc(m.html)}" style="width:100%;height:16rem;border:1px solid #ccc"></iframe>` : `<pre>${esc(m.text)}</pre>`}</article>`,
      )
      .join("");
    return c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dev store mailbox</title></head><body style="font:15px system-ui;max-width:50rem;margin:2rem auto"><h1>Mailbox</h1><p>Every email the app sent through the dev store's SMTP server (${esc(smtpUrl)}).</p>${items || "<p>No mail yet.</p>"}</body></html>`,
    );
  });
  return app;
}
