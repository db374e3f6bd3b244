// Durable jobs and mail on both databases: the SQL queue on SQLite, pg-boss on PostgreSQL.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, DATABASE_KINDS, TEST_APP_ENV } from "../setup/db";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

const mail = (to: string) => ({
  to,
  subject: "Your code",
  text: "123456",
  html: "<p>123456</p>",
  shopName: "Maple & Co",
  replyTo: "hello@maple.example",
});

describe.each(DATABASE_KINDS)("jobs and mail on %s", { timeout: 30_000 }, (kind) => {
  let databaseUrl: string;
  let drop: () => Promise<void>;
  let smtp: TestSmtp;
  let db: typeof import("~/db.server");
  let jobs: typeof import("~/jobs/queue.server");
  let outbox: typeof import("~/mail/outbox.server");
  let transport: typeof import("~/mail/transport.server");

  const bare = (id: string | undefined) => id?.replace(/^<|>$/g, "");
  const sentWithKey = (key: string) =>
    smtp.messages.filter((message) => bare(message.messageId) === bare(transport.messageIdFor(key)));

  const settled = (name: string, key: string, state: "completed" | "failed", timeout = 20_000) =>
    vi.waitFor(
      async () => {
        const job = await jobs.getJob(name, key);
        expect(job?.state).toBe(state);
        return job!;
      },
      { timeout, interval: 100 },
    );

  beforeAll(async () => {
    const database = await createTestDatabase(kind);
    databaseUrl = database.url;
    drop = database.drop;
    smtp = await startTestSmtp();
    vi.resetModules();
    globalThis.prismaGlobal = undefined;
    const env = {
      ...TEST_APP_ENV,
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtp.url,
      MAIL_FROM: "care@maple.example",
      JOBS_POLL_SECONDS: "0.5",
      JOBS_LEASE_SECONDS: "30",
    };
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
    db = await import("~/db.server");
    jobs = await import("~/jobs/queue.server");
    outbox = await import("~/mail/outbox.server");
    transport = await import("~/mail/transport.server");
  }, 60_000);

  afterEach(async () => {
    await jobs.stopWorker();
  });

  afterAll(async () => {
    await jobs?.stopWorker();
    await db?.default.$disconnect();
    globalThis.prismaGlobal = undefined;
    vi.unstubAllEnvs();
    await smtp?.close();
    await drop?.();
  });

  it("enqueues an email once per key and sends it once, with the shop as sender and reply-to", async () => {
    // GIVEN a running worker
    await jobs.startWorker();
    // WHEN the same email is enqueued twice with one key (a retried request)
    const first = await outbox.enqueueMail({ key: "code:1", mail: mail("ana@example.com") });
    const second = await outbox.enqueueMail({ key: "code:1", mail: mail("ana@example.com") });
    // THEN there is one job, it completes, and one email arrives
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const job = await settled("mail.send", "code:1", "completed");
    expect(job.attempts).toBe(1);
    expect(sentWithKey("code:1")).toHaveLength(1);
    const [sent] = sentWithKey("code:1");
    expect(sent!.from?.value).toEqual([{ name: "Maple & Co", address: "care@maple.example" }]);
    expect(sent!.replyTo?.text).toBe("hello@maple.example");
    expect(sent!.to && !Array.isArray(sent!.to) ? sent!.to.text : "").toBe("ana@example.com");
    // AND enqueueing it again after it was sent adds nothing
    expect((await outbox.enqueueMail({ key: "code:1", mail: mail("ana@example.com") })).created).toBe(false);
  });

  it("does not send again what the delivery record says was sent (the mail step is idempotent)", async () => {
    expect(await outbox.deliverOnce("links:7", mail("bo@example.com"))).toBe("sent");
    expect(await outbox.deliverOnce("links:7", mail("bo@example.com"))).toBe("already-sent");
    expect(sentWithKey("links:7")).toHaveLength(1);
    const record = await db.default.mailDelivery.findUnique({ where: { key: "links:7" } });
    expect(record?.messageId).toBe(transport.messageIdFor("links:7"));
  });

  it("retries a failing job with exponential backoff and sends one email when it succeeds", async () => {
    // GIVEN a job whose first two runs fail
    const runs: number[] = [];
    const name = `test.flaky-${kind}`;
    jobs.defineJob<{ to: string }>(
      name,
      async ({ to }, { key, attempt }) => {
        runs.push(Date.now());
        if (attempt <= 2) throw new Error(`SMTP hiccup ${attempt}`);
        await outbox.deliverOnce(key, mail(to));
      },
      { attempts: 5, backoffSeconds: 1 },
    );
    await jobs.startWorker();
    // WHEN it is enqueued
    await jobs.enqueue(name, { to: "cy@example.com" }, { key: "flaky:1" });
    // THEN it completes on the third attempt, each retry at least the backoff later (1 s base,
    // doubling, jitter in [½, 1]: ≥ 0.5 s, then ≥ 1 s), and one email was sent
    const job = await settled(name, "flaky:1", "completed");
    expect(job.attempts).toBe(3);
    expect(runs).toHaveLength(3);
    expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(450);
    expect(runs[2]! - runs[1]!).toBeGreaterThanOrEqual(950);
    expect(sentWithKey("flaky:1")).toHaveLength(1);
  });

  it("marks a job that always fails as failed after its attempts, with the last error, and logs it", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      let runs = 0;
      const name = `test.doomed-${kind}`;
      jobs.defineJob(
        name,
        async () => {
          runs += 1;
          throw new Error(`mailbox full (${runs})`);
        },
        { attempts: 3, backoffSeconds: 1 },
      );
      await jobs.startWorker();
      await jobs.enqueue(name, {}, { key: "doomed:1" });
      const job = await settled(name, "doomed:1", "failed");
      expect(runs).toBe(3);
      expect(job.attempts).toBe(3);
      expect(job.lastError).toBe("mailbox full (3)");
      expect(errors).toHaveBeenCalledWith(
        expect.stringContaining(`${name} doomed:1 failed after 3 attempts`),
        expect.any(Error),
      );
      // AND it stays failed: no further run
      await sleep(1500);
      expect(runs).toBe(3);
    } finally {
      errors.mockRestore();
      warnings.mockRestore();
    }
  });

  it("runs a job scheduled for later only when it is due", async () => {
    const ran: number[] = [];
    const name = `test.later-${kind}`;
    jobs.defineJob(name, async () => void ran.push(Date.now()));
    await jobs.startWorker();
    const runAt = new Date(Date.now() + 1500);
    await jobs.enqueue(name, {}, { key: "later:1", runAt });
    expect((await jobs.getJob(name, "later:1"))?.state).toBe("queued");
    await settled(name, "later:1", "completed");
    expect(ran[0]).toBeGreaterThanOrEqual(runAt.getTime() - 50);
  });

  it("two workers on the same database never run the same job at once, and each job runs once", async () => {
    // GIVEN two queues on this database (two app instances), each running up to 3 jobs at once
    const { createPrismaClient } = await import("~/db.server");
    const clients = [createPrismaClient(databaseUrl), createPrismaClient(databaseUrl)];
    const queues = clients.map((client) =>
      jobs.createJobQueue({ databaseUrl, db: client, leaseSeconds: 30, pollSeconds: 0.5 }),
    );
    const running = new Set<string>();
    const runs = new Map<string, number>();
    const overlaps: string[] = [];
    let peak = 0;
    const name = `test.exclusive-${kind}`;
    jobs.defineJob<{ n: number }>(
      name,
      async (_payload, { key }) => {
        if (running.has(key)) overlaps.push(key);
        running.add(key);
        runs.set(key, (runs.get(key) ?? 0) + 1);
        peak = Math.max(peak, running.size);
        // Hold until both queues have 3 jobs each running (or give up after 10 s): proves
        // that both take part; then let the rest through.
        const until = Date.now() + 10_000;
        while (peak < 6 && Date.now() < until) await sleep(20);
        await sleep(20);
        running.delete(key);
      },
      { concurrency: 3, attempts: 1 },
    );
    try {
      const keys = Array.from({ length: 24 }, (_, n) => `exclusive:${n}`);
      for (const [n, key] of keys.entries()) await queues[n % 2]!.enqueue(name, { n }, { key });
      // WHEN both work the queue
      await Promise.all(queues.map((queue) => queue.start()));
      // THEN every job completes, ran exactly once, never twice at the same time, and both
      // queues ran jobs (6 at once is more than one queue's concurrency)
      await vi.waitFor(() => expect(runs.size).toBe(keys.length), { timeout: 30_000, interval: 100 });
      for (const key of keys) await settled(name, key, "completed");
      expect(overlaps).toEqual([]);
      expect([...runs.values()].every((count) => count === 1)).toBe(true);
      expect(peak).toBe(6);
    } finally {
      await Promise.all(queues.map((queue) => queue.stop()));
      await Promise.all(clients.map((client) => client.$disconnect()));
    }
  }, 60_000);
});
