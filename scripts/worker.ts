// `npm run worker`: a worker process of its own (e.g. beside app instances run with
// JOBS_WORKER=false). Same jobs, same database as the app; stops cleanly on SIGTERM/SIGINT.
import { startWorker, stopWorker } from "../app/worker.server";

await startWorker();
console.info("Care Desk worker: running");

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    stopWorker().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Care Desk worker: stopping failed", error);
        process.exit(1);
      },
    );
  });
}
