// A failed lookup must not answer faster than a successful one: otherwise the time of the
// answer would tell whether the order number exists. Failures are held until the typical
// duration of recent successful lookups (a moving average, with a small random spread).

export class TimingFloor {
  private typicalMs: number;

  constructor(
    initialMs = 150,
    private readonly weight = 0.2,
    private readonly maxMs = 2000,
  ) {
    this.typicalMs = initialMs;
  }

  /** Record how long a successful lookup took. */
  observe(durationMs: number): void {
    const clamped = Math.min(this.maxMs, Math.max(0, durationMs));
    this.typicalMs = this.typicalMs * (1 - this.weight) + clamped * this.weight;
  }

  /** How much longer a failure that started at `startedAt` should wait. */
  remainingMs(startedAt: number, now = performance.now(), jitter = Math.random()): number {
    const target = this.typicalMs * (0.9 + 0.2 * jitter);
    return Math.max(0, target - (now - startedAt));
  }

  async hold(startedAt: number): Promise<void> {
    const wait = this.remainingMs(startedAt);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
