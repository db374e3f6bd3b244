// What features see of the job queue, whichever engine runs it.

export interface EnqueueOptions {
  /**
   * Identifies the work: enqueueing the same name and key again (a retried request, a double
   * click) does nothing while the first job exists. Handlers get it to make their effect
   * idempotent too.
   */
  key: string;
  /** Not before this time (scheduled work). Default: now. */
  runAt?: Date;
}

export interface EnqueueResult {
  id: string;
  /** false when a job with this name and key already existed. */
  created: boolean;
}

export type JobState = "queued" | "active" | "completed" | "failed";

export interface JobInfo {
  id: string;
  name: string;
  key: string;
  state: JobState;
  /** Runs started so far. */
  attempts: number;
  lastError: string | null;
}

export interface QueueSettings {
  /** Default lease of a run (JOBS_LEASE_SECONDS): after it, a silent run counts as lost. */
  leaseSeconds: number;
  /** Idle polling interval (JOBS_POLL_SECONDS). */
  pollSeconds: number;
}

export interface JobQueue {
  readonly engine: "sql" | "pg-boss";
  enqueue(name: string, payload: unknown, options: EnqueueOptions): Promise<EnqueueResult>;
  /** Starts working every defined job (and those defined later) in this process. */
  start(): Promise<void>;
  /** Stops taking jobs, waits for running ones, releases connections the queue opened. */
  stop(): Promise<void>;
  getJob(name: string, key: string): Promise<JobInfo | null>;
}
