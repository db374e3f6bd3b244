// kill -9 in the middle of sending: the email job survives the worker and arrives once.
// Workers are real processes running `npm run worker`'s script (scripts/worker.ts), started
// with `node --import tsx` so that SIGKILL hits the worker itself (the tsx CLI would run it in
// a child process of its own, which a SIGKILL to the CLI leaves running).
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, DATABASE_KINDS, TEST_APP_ENV } from "../setup/db";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

const root = path.resolve(__dirname, "../..");
const LEASE_SECONDS = 2;

describe.each(DATABASE_KINDS)("an email job on %s survives kill -9 of its worker", { timeout: 60_000 }, (kind) => {
  let databaseUrl: string;
  let drop: () => Promise<void>;
  let db: typeof import("~/db.server");
  let jobs: typeof import("~/jobs/queue.server");
  let outbox: typeof import("~/mail/outbox.server");
  const children: ChildProcess[] = [];
  const servers: TestSmtp[] = [];

  function startWorkerProcess(smtpUrl: string): ChildProcess {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/worker.ts")], {
      cwd: root,
      env: {
        ...process.env,
        ...TEST_APP_ENV,
        DATABASE_URL: databaseUrl,
        SMTP_URL: smtpUrl,
        MAIL_FROM: "care@maple.example",
        JOBS_LEASE_SECONDS: String(LEASE_SECONDS),
        JOBS_POLL_SECONDS: "0.5",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
    child.on("exit", (code, signal) => {
      if (code) console.error(`worker exited with ${code}:\n${output}`);
      else if (signal && signal !== "SIGKILL") console.error(`worker ended by ${signal}:\n${output}`);
    });
    children.push(child);
    return child;
  }

  beforeAll(async () => {
    const database = await createTestDatabase(kind);
    databaseUrl = database.url;
    drop = database.drop;
    vi.resetModules();
    globalThis.prismaGlobal = undefined;
    // The lease is short here too: pg-boss fixes a job's expiry when it is enqueued.
    const env = { ...TEST_APP_ENV, DATABASE_URL: databaseUrl, JOBS_LEASE_SECONDS: String(LEASE_SECONDS) };
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
    db = await import("~/db.server");
    jobs = await import("~/jobs/queue.server");
    outbox = await import("~/mail/outbox.server");
  }, 60_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await jobs?.stopWorker();
    await db?.default.$disconnect();
    globalThis.prismaGlobal = undefined;
    vi.unstubAllEnvs();
    await Promise.all(servers.map((server) => server.close()));
    await drop?.();
  });

  it("is sent exactly once by the next worker", async () => {
    // GIVEN an accepted email job (this process only enqueues; it runs no worker)
    const key = `kill-9:${kind}`;
    const accepted = await outbox.enqueueMail({
      key,
      mail: {
        to: "dee@example.com",
        subject: "Your order links",
        text: "links",
        html: "<p>links</p>",
        shopName: "Maple & Co",
        replyTo: "hello@maple.example",
      },
    });
    expect(accepted.created).toBe(true);

    // AND a worker process that starts sending it to an SMTP server that hangs in DATA
    const hanging = await startTestSmtp({ stall: true });
    servers.push(hanging);
    const first = startWorkerProcess(hanging.url);
    await hanging.dataStarted;
    expect((await jobs.getJob("mail.send", key))?.state).toBe("active");

    // WHEN the worker is killed with SIGKILL mid-send
    first.kill("SIGKILL");
    await once(first, "exit");
    expect(first.signalCode).toBe("SIGKILL");

    // AND a new worker starts, with a working SMTP server
    const working = await startTestSmtp();
    servers.push(working);
    const second = startWorkerProcess(working.url);

    // THEN once the lost run's lease has run out, the new worker sends the email, exactly once
    const job = await vi.waitFor(
      async () => {
        const current = await jobs.getJob("mail.send", key);
        expect(current?.state).toBe("completed");
        return current!;
      },
      { timeout: 45_000, interval: 200 },
    );
    expect(job.attempts).toBe(2);
    expect(hanging.messages).toHaveLength(0);
    expect(working.messages).toHaveLength(1);
    expect(working.messages[0]!.subject).toBe("Your order links");
    expect(await db.default.mailDelivery.count({ where: { key } })).toBe(1);

    // AND the new worker stops cleanly on SIGTERM
    second.kill("SIGTERM");
    const [code] = (await once(second, "exit")) as [number | null];
    expect(code).toBe(0);
  });
});
