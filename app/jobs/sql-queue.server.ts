// The embedded job queue: a Prisma table (BackgroundJob), for SQLite, where no well-kept queue
// library exists (docs/decisions/001-job-queue.md). One row per (name, key).
//
// A worker claims a due row with one conditional UPDATE (state "queued" and due, or "active"
// with an expired lease) that sets a lease; only one UPDATE can match, so two workers never
// hold the same job. A run that outlives its lease (the process was killed) is claimed again
// by the next poll and counts as a failed attempt.
import { randomUUID } from "node:crypto";
import type { Database } from "~/db.server";
import { backoffSeconds, jobDefinition, jobDefinitions, jobId, type JobDefinition } from "./definitions";
import type { EnqueueOptions, EnqueueResult, JobInfo, JobQueue, JobState, QueueSettings } from "./types";

const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === "P2002";
const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

export class SqlJobQueue implements JobQueue {
  readonly engine = "sql";
  readonly workerId = randomUUID();
  #running = false;
  #timer: NodeJS.Timeout | undefined;
  #polling: Promise<void> | undefined;
  #pollAgain = false;
  readonly #inFlight = new Map<string, number>();
  readonly #runs = new Set<Promise<void>>();
  readonly #abort = new Set<AbortController>();

  constructor(
    private readonly db: Database,
    private readonly settings: QueueSettings,
  ) {}

  async enqueue(name: string, payload: unknown, { key, runAt }: EnqueueOptions): Promise<EnqueueResult> {
    const { options } = jobDefinition(name);
    const id = jobId(name, key);
    try {
      await this.db.backgroundJob.create({
        data: {
          id,
          name,
          key,
          payload: JSON.stringify(payload ?? null),
          runAt: runAt ?? new Date(),
          maxAttempts: options.attempts,
        },
      });
    } catch (error) {
      if (isUniqueViolation(error)) return { id, created: false };
      throw error;
    }
    if (!runAt || runAt.getTime() <= Date.now()) this.wake();
    return { id, created: true };
  }

  async getJob(name: string, key: string): Promise<JobInfo | null> {
    const row = await this.db.backgroundJob.findUnique({ where: { name_key: { name, key } } });
    if (!row) return null;
    return {
      id: row.id,
      name,
      key,
      state: row.state as JobState,
      attempts: row.attempts,
      lastError: row.lastError,
    };
  }

  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.wake();
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#polling;
    for (const controller of this.#abort) controller.abort(new Error("worker stopping"));
    await Promise.allSettled([...this.#runs]);
  }

  /** Look for due jobs now rather than at the next poll. */
  wake(): void {
    if (!this.#running) return;
    this.#schedule(0);
  }

  #schedule(delayMs: number) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#poll(), delayMs);
  }

  async #poll(): Promise<void> {
    if (this.#polling) {
      this.#pollAgain = true;
      return;
    }
    this.#polling = this.#claimAndRun()
      .catch((error: unknown) => console.error("Care Desk jobs: polling failed", error))
      .finally(() => {
        this.#polling = undefined;
        if (!this.#running) return;
        if (this.#pollAgain) {
          this.#pollAgain = false;
          this.#schedule(0);
        } else {
          this.#schedule(this.settings.pollSeconds * 1000);
        }
      });
    await this.#polling;
  }

  async #claimAndRun(): Promise<void> {
    for (const definition of jobDefinitions()) {
      if (!this.#running) return;
      const free = definition.options.concurrency - (this.#inFlight.get(definition.name) ?? 0);
      if (free <= 0) continue;
      const now = new Date();
      const due = {
        name: definition.name,
        OR: [
          { state: "queued", runAt: { lte: now } },
          { state: "active", lockedUntil: { lt: now } },
        ],
      };
      const candidates = await this.db.backgroundJob.findMany({
        where: due,
        orderBy: { runAt: "asc" },
        take: free,
        select: { id: true, key: true, attempts: true, maxAttempts: true, payload: true, state: true },
      });
      for (const candidate of candidates) {
        const leaseSeconds = definition.options.leaseSeconds ?? this.settings.leaseSeconds;
        const { count } = await this.db.backgroundJob.updateMany({
          where: { id: candidate.id, ...due },
          data: {
            state: "active",
            lockedBy: this.workerId,
            lockedUntil: new Date(now.getTime() + leaseSeconds * 1000),
            attempts: { increment: 1 },
          },
        });
        if (count !== 1) continue; // another worker was faster
        const attempt = candidate.attempts + 1;
        if (candidate.state === "active") {
          console.warn(
            `Care Desk jobs: ${definition.name} ${candidate.key}: attempt ${candidate.attempts} outlived its lease (worker lost?)`,
          );
        }
        this.#track(definition, { ...candidate, attempt, leaseSeconds });
      }
    }
  }

  #track(
    definition: JobDefinition,
    job: { id: string; key: string; payload: string; attempt: number; maxAttempts: number; leaseSeconds: number },
  ) {
    this.#inFlight.set(definition.name, (this.#inFlight.get(definition.name) ?? 0) + 1);
    const run = this.#run(definition, job)
      .catch((error: unknown) => console.error(`Care Desk jobs: ${definition.name} ${job.key}: settling failed`, error))
      .finally(() => {
        this.#inFlight.set(definition.name, (this.#inFlight.get(definition.name) ?? 1) - 1);
        this.#runs.delete(run);
        this.wake();
      });
    this.#runs.add(run);
  }

  async #run(
    definition: JobDefinition,
    job: { id: string; key: string; payload: string; attempt: number; maxAttempts: number; leaseSeconds: number },
  ) {
    // Ours only while we hold this attempt's lease.
    const mine = { id: job.id, state: "active", lockedBy: this.workerId, attempts: job.attempt };
    const finish = (data: Parameters<Database["backgroundJob"]["updateMany"]>[0]["data"]) =>
      this.db.backgroundJob.updateMany({ where: mine, data: { lockedBy: null, lockedUntil: null, ...data } });

    if (job.attempt > job.maxAttempts) {
      await finish({ state: "failed", finishedAt: new Date(), lastError: "the last attempt outlived its lease" });
      console.error(`Care Desk jobs: ${definition.name} ${job.key} failed after ${job.maxAttempts} attempts (lease)`);
      return;
    }
    const controller = new AbortController();
    const lease = setTimeout(() => controller.abort(new Error("lease expired")), job.leaseSeconds * 1000);
    this.#abort.add(controller);
    try {
      await definition.handler(JSON.parse(job.payload), {
        key: job.key,
        attempt: job.attempt,
        signal: controller.signal,
      });
    } catch (error) {
      if (job.attempt >= job.maxAttempts) {
        await finish({ state: "failed", finishedAt: new Date(), lastError: message(error) });
        console.error(`Care Desk jobs: ${definition.name} ${job.key} failed after ${job.attempt} attempts`, error);
      } else {
        const delay = backoffSeconds(job.attempt, definition.options);
        await finish({ state: "queued", runAt: new Date(Date.now() + delay * 1000), lastError: message(error) });
        console.warn(
          `Care Desk jobs: ${definition.name} ${job.key} attempt ${job.attempt} failed, retrying in ${Math.round(delay)} s: ${message(error)}`,
        );
      }
      return;
    } finally {
      clearTimeout(lease);
      this.#abort.delete(controller);
    }
    const { count } = await finish({ state: "completed", finishedAt: new Date(), payload: "null", lastError: null });
    if (count !== 1)
      console.warn(`Care Desk jobs: ${definition.name} ${job.key} completed after its lease had expired`);
  }
}
