// kill -9 during a burst of contact messages: no accepted message is lost, every stored
// message gets its acknowledgement exactly once, and nothing is sent for what was not stored.
// The burst runs in a real process (tests/support/contact-burst.ts, acceptMessage as the
// submit endpoint calls it, with the job worker sending the emails in the same process);
// SIGKILL hits it mid-burst; a fresh worker (`npm run worker`'s script) finishes the queue.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, DATABASE_KINDS, TEST_APP_ENV } from "../setup/db";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

const root = path.resolve(__dirname, "../..");
const LEASE_SECONDS = 2;
const SHOP = "burst.myshopify.com";

describe.each(DATABASE_KINDS)("a burst of contact messages on %s survives kill -9", { timeout: 120_000 }, (kind) => {
  let databaseUrl: string;
  let drop: () => Promise<void>;
  let db: typeof import("~/db.server");
  let jobs: typeof import("~/jobs/queue.server");
  const children: ChildProcess[] = [];
  const servers: TestSmtp[] = [];

  function start(script: string, smtpUrl: string, extra: Record<string, string> = {}) {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, script)], {
      cwd: root,
      env: {
        ...process.env,
        ...TEST_APP_ENV,
        DATABASE_URL: databaseUrl,
        SMTP_URL: smtpUrl,
        MAIL_FROM: "care@burst.example",
        JOBS_LEASE_SECONDS: String(LEASE_SECONDS),
        JOBS_POLL_SECONDS: "0.5",
        ...extra,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let errors = "";
    child.stderr!.on("data", (chunk: Buffer) => (errors += chunk));
    child.on("exit", (code) => {
      if (code) console.error(`${script} exited with ${code}:\n${errors}`);
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
    globalThis.careDeskJobQueue = undefined;
    const env = { ...TEST_APP_ENV, DATABASE_URL: databaseUrl, JOBS_LEASE_SECONDS: String(LEASE_SECONDS) };
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
    db = await import("~/db.server");
    jobs = await import("~/jobs/queue.server");
    await import("~/features/contact/mail.server"); // the job's definition (pg-boss reads its queue by name)
    // The shop's cached profile: the mail job reads it without an Admin API call.
    await db.default.shopProfile.create({
      data: {
        shop: SHOP,
        name: "Burst & Co",
        contactEmail: "hello@burst.example",
        currencyCode: "EUR",
        ianaTimezone: "Europe/Berlin",
        storefrontUrl: "https://burst.example",
        refreshedAt: new Date(),
      },
    });
  }, 60_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await jobs?.stopWorker();
    await db?.default.$disconnect();
    globalThis.prismaGlobal = undefined;
    globalThis.careDeskJobQueue = undefined;
    vi.unstubAllEnvs();
    await Promise.all(servers.map((server) => server.close()));
    await drop?.();
  });

  it("keeps every accepted message and sends each acknowledgement once", async () => {
    // GIVEN a process accepting a burst of up to 2,000 messages, sending acknowledgements as it goes
    const first = await startTestSmtp();
    servers.push(first);
    const burst = start("tests/support/contact-burst.ts", first.url, { BURST_SHOP: SHOP, BURST_COUNT: "2000" });
    const accepted: string[] = [];
    let buffer = "";
    burst.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop()!;
      for (const line of lines) if (line.startsWith("accepted ")) accepted.push(line.slice(9));
    });
    // WHEN it is killed with SIGKILL in the middle of the burst (some emails sent, some not)
    await vi.waitFor(
      () => {
        expect(accepted.length).toBeGreaterThanOrEqual(60);
        expect(first.messages.length).toBeGreaterThanOrEqual(5);
      },
      { timeout: 60_000, interval: 20 },
    );
    burst.kill("SIGKILL");
    await once(burst, "exit");
    expect(burst.signalCode).toBe("SIGKILL");
    const sentBeforeKill = first.messages.length;

    // THEN every message the shoppers were told was sent is stored
    const stored = await db.default.conversation.findMany({
      where: { shop: SHOP },
      select: { id: true, reference: true },
    });
    const storedReferences = new Set(stored.map((c) => c.reference));
    expect(accepted.filter((r) => !storedReferences.has(r))).toEqual([]);
    expect(stored.length).toBeGreaterThanOrEqual(accepted.length);
    expect(stored.length).toBeLessThan(2000);

    // AND a new worker sends every remaining acknowledgement
    const second = await startTestSmtp();
    servers.push(second);
    const worker = start("scripts/worker.ts", second.url);
    await vi.waitFor(
      async () => {
        for (const { id } of stored)
          expect((await jobs.getJob("contact.mail", `contact.mail:ack:${id}`))?.state).toBe("completed");
      },
      { timeout: 60_000, interval: 250 },
    );
    // exactly one acknowledgement per stored message (one Message-ID: SMTP has no exactly-once,
    // so a kill in the instant between the server's "250 OK" and the delivery record re-sends
    // the same message, which mail clients show once), none for anything else
    const delivered = [...first.messages, ...second.messages];
    const perReference = new Map<string, Set<string>>();
    for (const mail of delivered) {
      const reference = /\[(C-[A-Z0-9]+)\]/.exec(mail.subject ?? "")?.[1] ?? "?";
      perReference.set(reference, (perReference.get(reference) ?? new Set()).add(mail.messageId ?? "?"));
    }
    expect([...perReference.keys()].sort()).toEqual([...storedReferences].sort());
    expect([...perReference.entries()].filter(([, ids]) => ids.size !== 1)).toEqual([]);
    const resent = delivered.length - perReference.size;
    expect(resent).toBeLessThanOrEqual(4); // at most the jobs in flight at the kill (concurrency 4)
    expect(await db.default.mailDelivery.count({ where: { key: { startsWith: "contact.mail:ack:" } } })).toBe(
      stored.length,
    );
    console.info(
      `contact kill -9 (${kind}): ${accepted.length} accepted before the kill, ${stored.length} stored, ${sentBeforeKill} emails before and ${second.messages.length} after the restart, ${resent} re-sent with the same Message-ID`,
    );

    worker.kill("SIGTERM");
    const [code] = (await once(worker, "exit")) as [number | null];
    expect(code).toBe(0);
  });
});
