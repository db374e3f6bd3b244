// A test SMTP server (smtp-server + mailparser) that keeps what it receives, or, with
// `stall`, accepts a message's DATA and never answers it (a hung mail server).
import type { Server } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtp {
  url: string;
  messages: ParsedMail[];
  /** Resolves when a client has started sending a message's DATA. */
  dataStarted: Promise<void>;
  close(): Promise<void>;
}

export async function startTestSmtp({ stall = false } = {}): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  let started!: () => void;
  const dataStarted = new Promise<void>((resolve) => (started = resolve));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      started();
      if (stall) {
        stream.resume(); // read it all, answer never
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  // A client killed mid-session (the kill -9 tests do it on purpose) resets its connection;
  // anything else is a real error and fails the test.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") console.error("test SMTP server:", error);
  });
  const address = (server as unknown as { server: Server }).server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    dataStarted,
    close: () =>
      new Promise<void>((resolve) => {
        // A stalled connection never ends by itself: close() waits for clients only so long.
        const timer = setTimeout(resolve, 1000);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
