// Outgoing email (nodemailer over SMTP_URL): one-time codes and order links for shoppers.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "./env.server";

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
}

export async function sendMail(mail: Mail): Promise<void> {
  if (!env.SMTP_URL) throw new Error("SMTP_URL is not set: Care Desk cannot send email");
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  const from = env.MAIL_FROM ?? `no-reply@${new URL(env.SHOPIFY_APP_URL).hostname}`;
  await transport.sendMail({
    from: { name: mail.shopName, address: from },
    to: mail.to,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
  });
}
