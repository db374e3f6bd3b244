// The background worker's composition root: every module that defines jobs is imported here,
// so each worker (in the app process or `npm run worker`) knows them all. A feature that
// defines jobs adds its module below.
import "~/mail/outbox.server";
import "~/features/contact/mail.server";
import "~/features/contact/publish.server";
import "~/features/invoices/jobs.server";
import "~/features/invoices/mail.server";
import "~/features/order-lookup/jobs.server";
import "~/features/reviews/requests.server";
import "~/features/reviews/sync.server";
import { env } from "~/env.server";
import { startWorker, stopWorker } from "~/jobs/queue.server";

export { startWorker, stopWorker };

declare global {
  var careDeskWorkerStarted: boolean | undefined;
}

/**
 * In the app process (entry.server): start the worker once, unless JOBS_WORKER=false, and
 * stop it on SIGTERM/SIGINT so running jobs finish and connections close.
 */
export function startWorkerInAppProcess(): void {
  if (!env.JOBS_WORKER || globalThis.careDeskWorkerStarted) return;
  globalThis.careDeskWorkerStarted = true;
  startWorker().then(
    () => console.info("Care Desk jobs: worker running"),
    (error: unknown) => console.error("Care Desk jobs: the worker did not start", error),
  );
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void stopWorker()
        .catch((error: unknown) => console.error("Care Desk jobs: stopping the worker failed", error))
        .finally(() => {
          // Nobody else handles the signal (no server with its own shutdown): exit as Node would.
          if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
        });
    });
  }
}
