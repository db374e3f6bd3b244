// What the benchmarks share: percentiles, and a request loop run at several concurrency levels.

/** The p-th percentile of ascending values. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export interface Level {
  concurrency: number;
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * `requests` calls of `send` at each concurrency (that many shoppers side by side), with the
 * throughput and latency percentiles of each level. `i` counts calls across all levels.
 */
export async function atConcurrency(
  levels: number[],
  requests: number,
  send: (i: number, worker: number) => Promise<void>,
): Promise<Level[]> {
  const results: Level[] = [];
  let calls = 0;
  for (const concurrency of levels) {
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        while (next < requests) {
          next++;
          const i = calls++;
          const t = performance.now();
          await send(i, worker);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const ms = (p: number) => Number(percentile(latencies, p).toFixed(1));
    results.push({
      concurrency,
      requests: latencies.length,
      throughput: Number((latencies.length / seconds).toFixed(1)),
      p50: ms(50),
      p95: ms(95),
      p99: ms(99),
    });
  }
  return results;
}

/** A table of levels under a title (nothing when the section was not measured). */
export function printLevels(title: string, levels: Level[]): void {
  if (levels.length === 0) return;
  console.log(`\n${title}`);
  console.log("  shoppers  req/s    p50 ms   p95 ms   p99 ms");
  for (const l of levels)
    console.log(
      `  ${String(l.concurrency).padEnd(9)} ${String(l.throughput).padEnd(8)} ${String(l.p50).padEnd(8)} ${String(l.p95).padEnd(8)} ${l.p99}`,
    );
}
