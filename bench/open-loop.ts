import { percentile } from "./figure.js";

/** Timings of one kind of call, each stamped with when it was sent, so any window can be cut out. */
export class CallLog {
  private readonly samples: { at: number; ms: number }[] = [];
  private readonly failures: { at: number; reason: string }[] = [];

  /** `status` is the HTTP status, 0 for a socket error or time-out; anything but 2xx is a failure. */
  record(at: number, ms: number, status: number, error?: string): void {
    if (status >= 200 && status < 300) this.samples.push({ at, ms });
    else this.fail(at, status ? `HTTP ${status}` : `socket error ${error ?? ""}`.trim());
  }

  /** A failure with no timing of its own, such as an event a panel never received. */
  fail(at: number, reason: string, count = 1): void {
    for (let index = 0; index < count; index++) this.failures.push({ at, reason });
  }

  /** Failures since `from`, grouped by reason, with when the first happened (seconds after `from`). */
  describeFailures(from: number): string[] {
    const reasons = new Map<string, { count: number; first: number }>();
    for (const { at, reason } of this.failures) {
      const entry = reasons.get(reason) ?? { count: 0, first: at };
      reasons.set(reason, { count: entry.count + 1, first: Math.min(entry.first, at) });
    }
    return [...reasons].map(([reason, { count, first }]) => `${count} × ${reason} (first at ${((first - from) / 1000).toFixed(1)} s)`);
  }

  /** The slowest call sent in each second from `from` to `to` (null for a second with none), for the timeline. */
  slowestPerSecond(from: number, to: number): (number | null)[] {
    const slowest: (number | null)[] = Array.from({ length: Math.ceil((to - from) / 1000) }, () => null);
    for (const { at, ms } of this.samples) {
      const second = Math.floor((at - from) / 1000);
      if (second >= 0 && second < slowest.length) slowest[second] = Math.max(slowest[second] ?? 0, Math.round(ms));
    }
    return slowest;
  }

  /** Latency percentiles of the successful calls sent in [from, to), and how many failed. */
  window(from: number, to: number): { count: number; errors: number; p50: number; p95: number; p99: number; max: number } {
    const inside = (at: number) => at >= from && at < to;
    const sorted = this.samples
      .filter((sample) => inside(sample.at))
      .map((sample) => sample.ms)
      .sort((a, b) => a - b);
    return {
      count: sorted.length,
      errors: this.failures.filter((failure) => inside(failure.at)).length,
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      p99: percentile(sorted, 0.99),
      max: sorted.at(-1) ?? Number.NaN,
    };
  }
}

/**
 * An open-loop schedule: call number n is due n / perSecond seconds after the start, whatever
 * happened to the calls before it, so a slow server shows up as latency rather than as a lower
 * rate. A late timer catches up by firing every call that has fallen due.
 */
export function fixedRate(perSecond: number, fire: (index: number) => void): { stop(): void } {
  const started = performance.now();
  let fired = 0;
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) * perSecond) / 1000);
    while (fired < due) fire(fired++);
  }, 5);
  timer.unref(); // If the run fails part-way, the schedule must not keep the process alive.
  return { stop: () => clearInterval(timer) };
}

/** Counts calls still in flight, so a run can wait for the last answers before it measures. */
export class InFlight {
  private open = 0;

  track<T>(promise: Promise<T>): Promise<T> {
    this.open++;
    return promise.finally(() => this.open--);
  }

  async settle(timeoutMs: number): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    while (this.open > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    return this.open;
  }
}
