// A local SMTP server that keeps every mail the app sends, for the mailbox page and tests.
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface StoredMail {
  id: number;
  receivedAt: string;
  from: string;
  to: string[];
  /** Where a reply goes (the app's Reply-To), if set. */
  replyTo: string | null;
  subject: string;
  text: string;
  html: string | null;
  /** Attached files, their content in base64. */
  attachments: { filename: string | null; contentType: string; size: number; content: string }[];
}

export class Mailbox {
  readonly mails: StoredMail[] = [];
  private server: SMTPServer | undefined;
  private seq = 0;

  async listen(port: number, host = "127.0.0.1"): Promise<number> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.mails.push({
              id: ++this.seq,
              receivedAt: new Date().toISOString(),
              from: parsed.from?.text ?? "",
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              replyTo: parsed.replyTo?.value[0]?.address ?? null,
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : null,
              attachments: parsed.attachments.map((a) => ({
                filename: a.filename ?? null,
                contentType: a.contentType,
                size: a.size,
                content: a.content.toString("base64"),
              })),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
    const address = (server as unknown as { server: import("node:net").Server }).server.address();
    return typeof address === "object" && address ? address.port : port;
  }

  find({ to }: { to?: string }): StoredMail[] {
    return this.mails.filter((m) => !to || m.to.includes(to.toLowerCase()));
  }

  clear(): void {
    this.mails.length = 0;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
