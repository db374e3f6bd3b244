// Outgoing email: nodemailer over SMTP_URL. Features send through the durable outbox
// (app/mail/outbox.server.ts, enqueueMail); sendMail is its last step.
import { createHash } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "~/env.server";

let transport: Transporter | undefined;

export function mailConfigured(): boolean {
  return Boolean(env.SMTP_URL);
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The shop's name shown as sender; replies go to the shop. */
  shopName: string;
  replyTo?: string;
  /** Files sent with it (e.g. an invoice PDF). */
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

function senderAddress(): string {
  return env.MAIL_FROM ?? `no-reply@${new URL(env.SHOPIFY_APP_URL).hostname}`;
}

/** A Message-ID derived from the delivery key: a duplicate of the same email is recognisable. */
export function messageIdFor(key: string): string {
  const domain = senderAddress().split("@").pop() || "care-desk.invalid";
  return `<${createHash("sha256").update(key).digest("hex").slice(0, 32)}.care-desk@${domain}>`;
}

export async function sendMail(mail: Mail, { messageId }: { messageId?: string } = {}): Promise<void> {
  if (!env.SMTP_URL) throw new Error("SMTP_URL is not set: Care Desk cannot send email");
  // Timeouts well below the job lease (JOBS_LEASE_SECONDS), so a stalled server fails the
  // attempt (and it is retried) rather than outliving it.
  transport ??= nodemailer.createTransport({
    url: env.SMTP_URL,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  await transport.sendMail({
    from: { name: mail.shopName, address: senderAddress() },
    to: mail.to,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments,
    ...(messageId ? { messageId } : {}),
  });
}
