// Durable background work. Features define jobs (defineJob) and enqueue them; a worker in
// every app process runs them. The engine follows DATABASE_URL: pg-boss on PostgreSQL, a
// Prisma table on SQLite (docs/decisions/001-job-queue.md). Features never see which.
import { databaseKind } from "~/db-url";
import prisma, { type Database } from "~/db.server";
import { env } from "~/env.server";
import { jobDefinition, type JobDefinition } from "./definitions";
import { PgBossJobQueue } from "./pg-boss-queue.server";
import { SqlJobQueue } from "./sql-queue.server";
import type { EnqueueOptions, EnqueueResult, JobInfo, JobQueue, QueueSettings } from "./types";

export { defineJob, type JobContext, type JobDefinition, type JobHandler, type JobOptions } from "./definitions";
export type { EnqueueOptions, EnqueueResult, JobInfo, JobQueue, JobState } from "./types";

/** A queue on `databaseUrl` (its own connections on PostgreSQL; `db` on SQLite). */
export function createJobQueue({
  databaseUrl,
  db,
  ...settings
}: { databaseUrl: string; db: Database } & QueueSettings): JobQueue {
  return databaseKind(databaseUrl) === "postgresql"
    ? new PgBossJobQueue(databaseUrl, settings)
    : new SqlJobQueue(db, settings);
}

// The process's queue, created on first use (module reloads in development keep it).
declare global {
  var careDeskJobQueue: JobQueue | undefined;
}

function processQueue(): JobQueue {
  globalThis.careDeskJobQueue ??= createJobQueue({
    databaseUrl: env.DATABASE_URL!,
    db: prisma,
    leaseSeconds: env.JOBS_LEASE_SECONDS,
    pollSeconds: env.JOBS_POLL_SECONDS,
  });
  return globalThis.careDeskJobQueue;
}

/**
 * Accepts work durably: once this resolves the job survives crashes and restarts and runs
 * until it succeeds or has used all its attempts. Same name + key again: nothing new.
 */
export async function enqueue<P>(
  job: JobDefinition<P> | string,
  payload: P,
  options: EnqueueOptions,
): Promise<EnqueueResult> {
  const name = typeof job === "string" ? jobDefinition(job).name : job.name;
  return processQueue().enqueue(name, payload, options);
}

/** Where a job is: queued, active, completed or failed (with the last error). */
export async function getJob(job: JobDefinition | string, key: string): Promise<JobInfo | null> {
  return processQueue().getJob(typeof job === "string" ? job : job.name, key);
}

/** Runs every defined job in this process until stopWorker(). Idempotent. */
export async function startWorker(): Promise<void> {
  await processQueue().start();
}

/** Stops the worker: no new jobs, running ones finish, connections close. */
export async function stopWorker(): Promise<void> {
  const queue = globalThis.careDeskJobQueue;
  globalThis.careDeskJobQueue = undefined;
  await queue?.stop();
}
