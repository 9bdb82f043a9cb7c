/** CPU time in milliseconds (user and system) of the fastest of `runs` calls: steadier than wall time on a busy machine. */
export function cpuMs(fn: () => void, runs = 3): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/**
 * How much more CPU time the work takes on an input twice as large: about 2 when it is linear, about 4 when it is
 * quadratic. `make(n)` builds the input of size n outside the measurement. Both sizes are warmed up first (the JIT
 * makes early calls slower), then measured as `runs` adjacent pairs (large then small), and the ratio is the median of
 * the pairs' ratios: a pair is measured within a few milliseconds, so a machine that gets busier or quieter during the
 * test (other test files, CPU frequency) slows both of its halves alike, and one collection in the middle of a run
 * moves one pair, not the median. A ratio above `settled` is measured again, up to `attempts` times, and the lowest is
 * returned: work that is really quadratic stays near 4 on every attempt.
 */
export function doublingRatio<T>(make: (n: number) => T, work: (input: T) => void, n: number, runs = 3, attempts = 3, settled = 2.6): number {
  const small = make(n);
  const large = make(2 * n);
  work(small);
  work(large);
  let best = Infinity;
  for (let a = 0; a < attempts && best > settled; a++) {
    const ratios: number[] = [];
    for (let r = 0; r < runs; r++) {
      const largeMs = cpuMs(() => work(large), 1);
      const smallMs = cpuMs(() => work(small), 1);
      ratios.push(largeMs / Math.max(1, smallMs));
    }
    best = Math.min(best, median(ratios));
  }
  return best;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `unit` repeated to exactly n characters. */
export function repeatTo(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** CPU time in milliseconds of the fastest of `runs` awaited calls: {@link cpuMs} for asynchronous work (streams). */
export async function cpuMsAsync(fn: () => Promise<void>, runs = 3): Promise<number> {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const before = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** {@link doublingRatio} for asynchronous work (a stream read to its end): the same warm-up, pairs and attempts. */
export async function doublingRatioAsync<T>(make: (n: number) => T, work: (input: T) => Promise<void>, n: number, runs = 3, attempts = 3, settled = 2.6): Promise<number> {
  const small = make(n);
  const large = make(2 * n);
  await work(small);
  await work(large);
  let best = Infinity;
  for (let a = 0; a < attempts && best > settled; a++) {
    const ratios: number[] = [];
    for (let r = 0; r < runs; r++) {
      const largeMs = await cpuMsAsync(() => work(large), 1);
      const smallMs = await cpuMsAsync(() => work(small), 1);
      ratios.push(largeMs / Math.max(1, smallMs));
    }
    best = Math.min(best, median(ratios));
  }
  return best;
}
