// The job queue on PostgreSQL: pg-boss 12, in its own schema ("pgboss") of DATABASE_URL's
// database. One pg-boss queue per job name, created on first use with the job's retry policy;
// the job id is derived from name + key, so sending the same key twice inserts nothing.
// pg-boss claims jobs with SELECT … FOR UPDATE SKIP LOCKED: several app instances never run
// the same job at once; a job active longer than expireInSeconds (killed worker) is retried
// by pg-boss's supervisor.
import { PgBoss, type JobWithMetadata } from "pg-boss";
import { pgConfig } from "~/db-url";
import { jobDefinition, jobDefinitions, jobId, onJobDefined, type JobDefinition } from "./definitions";
import type { EnqueueOptions, EnqueueResult, JobInfo, JobQueue, JobState, QueueSettings } from "./types";

interface Envelope {
  key: string;
  payload: unknown;
}

const STATES: Record<JobWithMetadata["state"], JobState> = {
  created: "queued",
  retry: "queued",
  active: "active",
  completed: "completed",
  failed: "failed",
  cancelled: "failed",
};

export class PgBossJobQueue implements JobQueue {
  readonly engine = "pg-boss";
  readonly #boss: PgBoss;
  #started: Promise<PgBoss> | undefined;
  readonly #queues = new Map<string, Promise<void>>();
  readonly #workers = new Map<string, Promise<string>>();
  #unsubscribe: (() => void) | undefined;
  #working = false;

  constructor(
    databaseUrl: string,
    private readonly settings: QueueSettings,
  ) {
    // Expired jobs are found by the supervisor: check often enough for the shortest lease.
    const superviseSeconds = Math.max(1, Math.min(60, Math.floor(settings.leaseSeconds / 2)));
    this.#boss = new PgBoss({
      ...pgConfig(databaseUrl),
      schema: "pgboss",
      max: 5,
      superviseIntervalSeconds: superviseSeconds,
      monitorIntervalSeconds: superviseSeconds,
      schedule: false,
    });
    this.#boss.on("error", (error) => console.error("Care Desk jobs (pg-boss):", error));
  }

  #boot(): Promise<PgBoss> {
    this.#started ??= this.#boss.start();
    return this.#started;
  }

  /** Creates the pg-boss queue for a job (idempotent) and keeps its retry policy current. */
  #queue(definition: JobDefinition): Promise<void> {
    let ready = this.#queues.get(definition.name);
    if (!ready) {
      const { attempts, backoffSeconds, maxBackoffSeconds, leaseSeconds } = definition.options;
      const policy = {
        retryLimit: attempts - 1,
        retryDelay: backoffSeconds,
        retryBackoff: true,
        retryDelayMax: maxBackoffSeconds,
        expireInSeconds: leaseSeconds ?? this.settings.leaseSeconds,
        deleteAfterSeconds: 7 * 24 * 3600,
      };
      ready = this.#boot().then(async (boss) => {
        await boss.createQueue(definition.name, { policy: "standard", ...policy });
        await boss.updateQueue(definition.name, policy);
      });
      ready.catch(() => this.#queues.delete(definition.name));
      this.#queues.set(definition.name, ready);
    }
    return ready;
  }

  async enqueue(name: string, payload: unknown, { key, runAt }: EnqueueOptions): Promise<EnqueueResult> {
    const definition = jobDefinition(name);
    await this.#queue(definition);
    const id = jobId(name, key);
    const envelope: Envelope = { key, payload: payload ?? null };
    const sent = await this.#boss.send(name, envelope, { id, ...(runAt ? { startAfter: runAt } : {}) });
    if (sent && (!runAt || runAt.getTime() <= Date.now())) {
      // Jobs enqueued in this process start now, not at the next poll.
      const worker = this.#workers.get(name);
      if (worker) void worker.then((workerId) => this.#boss.notifyWorker(workerId)).catch(() => {});
    }
    return { id, created: sent !== null };
  }

  async getJob(name: string, key: string): Promise<JobInfo | null> {
    await this.#queue(jobDefinition(name));
    const [job] = await this.#boss.findJobs<Envelope>(name, { id: jobId(name, key) });
    if (!job) return null;
    const output = job.output as { message?: unknown } | null;
    return {
      id: job.id,
      name,
      key,
      state: STATES[job.state],
      attempts: job.state === "created" ? job.retryCount : job.retryCount + 1,
      lastError: typeof output?.message === "string" ? output.message : null,
    };
  }

  async start(): Promise<void> {
    if (this.#working) return;
    this.#working = true;
    await this.#boot();
    this.#unsubscribe = onJobDefined((definition) => void this.#work(definition));
    await Promise.all(jobDefinitions().map((definition) => this.#work(definition)));
  }

  #work(definition: JobDefinition): Promise<string> {
    let worker = this.#workers.get(definition.name);
    if (!worker) {
      const name = definition.name;
      worker = this.#queue(definition).then(() =>
        this.#boss.work(
          name,
          {
            includeMetadata: true,
            localConcurrency: definition.options.concurrency,
            pollingIntervalSeconds: this.settings.pollSeconds,
          },
          async ([job]: JobWithMetadata<Envelope>[]) => {
            if (!job) return;
            // Looked up per run: a redefinition (module reload) takes effect at once.
            const current = jobDefinition(name);
            const attempt = job.retryCount + 1;
            try {
              await current.handler(job.data.payload, { key: job.data.key, attempt, signal: job.signal });
            } catch (error) {
              const last = attempt > job.retryLimit;
              const text = error instanceof Error ? error.message : String(error);
              if (last)
                console.error(`Care Desk jobs: ${name} ${job.data.key} failed after ${attempt} attempts`, error);
              else
                console.warn(`Care Desk jobs: ${name} ${job.data.key} attempt ${attempt} failed, will retry: ${text}`);
              throw error;
            }
          },
        ),
      );
      worker.catch((error: unknown) => console.error(`Care Desk jobs: cannot work ${name}`, error));
      this.#workers.set(name, worker);
    }
    return worker;
  }

  async stop(): Promise<void> {
    this.#unsubscribe?.();
    this.#working = false;
    if (!this.#started) return;
    await this.#started.catch(() => {});
    await this.#boss.stop({ graceful: true, close: true, timeout: 30_000 });
    this.#started = undefined;
    this.#workers.clear();
    this.#queues.clear();
  }
}
