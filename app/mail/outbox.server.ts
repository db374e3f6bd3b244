// The durable outbox: features call enqueueMail instead of sending. The email is a job
// ("mail.send"), so it survives crashes and restarts and is retried with backoff.
//
// One email per key: enqueueing the same key again adds no job, and the send step records a
// MailDelivery row under the key, checked before sending and written after. What remains is
// the at-least-once window between the SMTP server accepting the message and that row being
// written (a crash or lost lease exactly there sends it again); the copy then carries the same
// Message-ID (derived from the key), so mail clients and the SMTP log show it as a duplicate.
import prisma from "~/db.server";
import { defineJob, enqueue, type EnqueueResult } from "~/jobs/queue.server";
import { messageIdFor, sendMail, type Mail } from "./transport.server";

export type { Mail } from "./transport.server";

/** Text for an email's HTML part: shopper and merchant text is never markup. */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The text and HTML parts of an email that is an introduction, a list of links and an optional last line. */
export function linkListEmail({
  intro,
  links,
  outro,
}: {
  intro: string;
  links: { label: string; url: string }[];
  outro?: string;
}): { text: string; html: string } {
  const items = links.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a></li>`).join("");
  return {
    text: `${intro}\n\n${links.map((l) => `${l.label}: ${l.url}`).join("\n")}\n${outro ? `\n${outro}\n` : ""}`,
    html: `<p>${escapeHtml(intro)}</p><ul>${items}</ul>${outro ? `<p>${escapeHtml(outro)}</p>` : ""}`,
  };
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === "P2002";

/** Sends `mail` unless a delivery under `key` is recorded; records it after. */
export async function deliverOnce(key: string, mail: Mail): Promise<"sent" | "already-sent"> {
  if (await prisma.mailDelivery.findUnique({ where: { key } })) return "already-sent";
  const messageId = messageIdFor(key);
  await sendMail(mail, { messageId });
  try {
    await prisma.mailDelivery.create({ data: { key, messageId } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    console.warn(`Care Desk mail: ${key} was sent twice (Message-ID ${messageId})`);
  }
  return "sent";
}

export const mailJob = defineJob<{ mail: Mail }>(
  "mail.send",
  async ({ mail }, { key }) => {
    await deliverOnce(key, mail);
  },
  // About 20 minutes of retries (5 s, 10 s, 20 s, … capped at 10 min) before "failed".
  { attempts: 8, backoffSeconds: 5, maxBackoffSeconds: 600, concurrency: 4 },
);

/**
 * Accepts an email for sending: durable once this resolves; sent by the worker within about a
 * second. `key` names this email (e.g. `lookup-code:<challenge id>`): the same key again is
 * not sent again. `runAt` schedules it.
 */
export function enqueueMail({ key, mail, runAt }: { key: string; mail: Mail; runAt?: Date }): Promise<EnqueueResult> {
  return enqueue(mailJob, { mail }, { key, runAt });
}
