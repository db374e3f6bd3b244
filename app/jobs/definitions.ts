// Job definitions: what a job of a given name does, and how often it may be tried. Shared by
// every queue engine (app/jobs/queue.server.ts); knows no feature.
import { createHash } from "node:crypto";

export interface JobContext {
  /** The key the job was enqueued with (stable across retries: use it for idempotency). */
  key: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  /** Aborted when the worker stops or the job's lease runs out. */
  signal: AbortSignal;
}

export type JobHandler<P> = (payload: P, context: JobContext) => Promise<void>;

export interface JobOptions {
  /** Runs in all, including the first (then the job is "failed"). Default 5. */
  attempts?: number;
  /** First retry after about this many seconds, doubling each time (with jitter). Default 5. */
  backoffSeconds?: number;
  /** Upper bound of the delay between two attempts. Default 1 hour. */
  maxBackoffSeconds?: number;
  /** How long one run may take before it counts as lost and is retried. Default JOBS_LEASE_SECONDS. */
  leaseSeconds?: number;
  /** Jobs of this name run at once per worker process. Default 1. */
  concurrency?: number;
}

export interface JobDefinition<P = unknown> {
  name: string;
  handler: JobHandler<P>;
  options: Required<Omit<JobOptions, "leaseSeconds">> & Pick<JobOptions, "leaseSeconds">;
}

const NAME = /^[a-z][a-z0-9_.-]{0,62}$/;

// Kept on globalThis so Vite's module reloads in development and a worker started before a
// module was (re)loaded see the same definitions.
declare global {
  var careDeskJobDefinitions: Map<string, JobDefinition> | undefined;
  var careDeskJobListeners: Set<(definition: JobDefinition) => void> | undefined;
}
const definitions = (globalThis.careDeskJobDefinitions ??= new Map());
const listeners = (globalThis.careDeskJobListeners ??= new Set());

/**
 * Declares what jobs of `name` do. Call at module level in the module that enqueues them; the
 * worker runs every defined job, including ones defined after it started. Defining a name again
 * replaces its handler (module reloads).
 */
export function defineJob<P>(name: string, handler: JobHandler<P>, options: JobOptions = {}): JobDefinition<P> {
  if (!NAME.test(name)) throw new Error(`Job name "${name}" must match ${NAME}`);
  const definition: JobDefinition<P> = {
    name,
    handler,
    options: {
      attempts: options.attempts ?? 5,
      backoffSeconds: options.backoffSeconds ?? 5,
      maxBackoffSeconds: options.maxBackoffSeconds ?? 3600,
      leaseSeconds: options.leaseSeconds,
      concurrency: options.concurrency ?? 1,
    },
  };
  const { attempts, backoffSeconds, maxBackoffSeconds, concurrency } = definition.options;
  if (!Number.isInteger(attempts) || attempts < 1) throw new Error(`${name}: attempts must be an integer ≥ 1`);
  if (!Number.isInteger(backoffSeconds) || backoffSeconds < 1)
    throw new Error(`${name}: backoffSeconds must be an integer ≥ 1`);
  if (maxBackoffSeconds < backoffSeconds) throw new Error(`${name}: maxBackoffSeconds must be ≥ backoffSeconds`);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`${name}: concurrency must be an integer ≥ 1`);
  definitions.set(name, definition as JobDefinition);
  for (const listener of listeners) listener(definition as JobDefinition);
  return definition;
}

export function jobDefinition(name: string): JobDefinition {
  const definition = definitions.get(name);
  if (!definition) throw new Error(`No job named "${name}" is defined (defineJob)`);
  return definition;
}

export function jobDefinitions(): JobDefinition[] {
  return [...definitions.values()];
}

/** Calls `listener` for each job defined from now on; returns the unsubscribe function. */
export function onJobDefined(listener: (definition: JobDefinition) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Seconds to wait before the next attempt after `failedAttempt` (1-based) failed: the base
 * doubling each time, capped, with jitter in [½, 1] so retries of many jobs spread out. Same
 * shape as pg-boss's retryBackoff, so both engines behave alike.
 */
export function backoffSeconds(
  failedAttempt: number,
  options: { backoffSeconds: number; maxBackoffSeconds: number },
  random: () => number = Math.random,
): number {
  const exponential = options.backoffSeconds * 2 ** Math.min(16, failedAttempt - 1);
  return Math.min(options.maxBackoffSeconds, exponential * (0.5 + random() / 2));
}

/**
 * The job's id: a UUID derived from its name and key (pg-boss ids are UUIDs), so enqueueing the
 * same key twice names the same job.
 */
export function jobId(name: string, key: string): string {
  // Names cannot contain ":", so name + ":" + key is unambiguous.
  const hex = createHash("sha256").update(`${name}:${key}`).digest("hex");
  // RFC 9562 layout, version 8 (custom), variant 10.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
