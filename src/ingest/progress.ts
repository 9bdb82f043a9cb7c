import cliProgress from 'cli-progress';
import type { IngestEvent, IngestSummary } from './ingest.js';

/** Somewhere to write progress (stderr). */
export interface ProgressSink {
  write(s: string): unknown;
}

/** A terminal to draw on: stderr when it is a TTY. */
export interface TtySink extends ProgressSink {
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Receives every ingest event, the number of inputs once counted, and the end of the run. */
export interface ProgressReporter {
  /** How many inputs the run has in all (articles and refused inputs), once known. */
  total(total: number): void;
  event(event: IngestEvent): void;
  /** Ends the report: with the summary of a run that finished, without one when it failed. */
  finish(summary?: IngestSummary): void;
}

/** Running counts shared by the reporters. */
class Counts {
  done = 0;
  failed = 0;
  /** Inputs in all; undefined until counted (or when they cannot be counted cheaply). */
  total: number | undefined;
  readonly started = Date.now();
  /** When the first input was done: the time left is reckoned from then, leaving out the workers' start-up. */
  private firstAt: number | undefined;
  add(event: IngestEvent): void {
    this.done++;
    if (event.type === 'failed') this.failed++;
    this.firstAt ??= Date.now();
  }
  rate(): number {
    return this.done / Math.max((Date.now() - this.started) / 1000, 1e-3);
  }
  /** The total, never below what is done (a folder can change between the count and the run). */
  knownTotal(): number | undefined {
    return this.total === undefined ? undefined : Math.max(this.total, this.done);
  }
  /** Seconds left at the mean rate since the first input was done; undefined without a total or before two are done. */
  eta(): number | undefined {
    const total = this.knownTotal();
    if (total === undefined || this.firstAt === undefined || this.done < 2) return total === this.done ? 0 : undefined;
    const rate = (this.done - 1) / Math.max((Date.now() - this.firstAt) / 1000, 1e-3);
    return (total - this.done) / rate;
  }
}

/**
 * On a terminal: a bar drawn by cli-progress (at most 5 times a second), with done/total, percentage, rate, time left
 * and failures; each failure is printed above it. Before the total is known (or when it cannot be), the line says so
 * and shows the count and the rate.
 */
export function createTtyProgress(sink: TtySink, fps = 5, label = 'ingest'): ProgressReporter {
  const counts = new Counts();
  const format = (options: cliProgress.Options): string => {
    const rate = `${counts.rate().toFixed(1)} articles/s`;
    const failed = `${counts.failed} failed`;
    const total = counts.knownTotal();
    if (total === undefined) return `${label}: ${counts.done} done · ${rate} · ${failed} · total not known`;
    const progress = total === 0 ? 1 : counts.done / total;
    const eta = counts.eta();
    const left = eta === undefined ? '…' : cliProgress.Format.TimeFormat(Math.round(eta), options, 1);
    return `${label} ${cliProgress.Format.BarFormat(progress, options)} ${Math.floor(progress * 100)}% · ${counts.done}/${total} · ${rate} · ETA ${left} · ${failed}`;
  };
  const bars = new cliProgress.MultiBar({ stream: sink as NodeJS.WritableStream, format, fps, barsize: 24, hideCursor: false, clearOnComplete: true, etaBuffer: 1 });
  const bar = bars.create(0, 0);
  let finished = false;
  return {
    total(total) {
      counts.total = total;
      bar.setTotal(total);
    },
    event(event) {
      counts.add(event);
      bar.update(counts.done);
      if (event.type === 'failed') {
        bars.log(`claimtrace: ${event.input}: ${event.error.code}: ${event.error.message}\n`);
        bars.update(); // at once, not at the next frame
      }
    },
    finish() {
      if (finished) return;
      finished = true;
      bars.stop();
    },
  };
}

/**
 * Elsewhere: NDJSON events, a `progress` line every `every` inputs and a `failure` line for each failure; `total`,
 * `percent` and `eta` (seconds left) are given once the inputs are counted, and left out until then.
 */
export function createNdjsonProgress(sink: ProgressSink, every: number): ProgressReporter {
  const counts = new Counts();
  const line = (value: object) => sink.write(`${JSON.stringify(value)}\n`);
  const totals = () => {
    const total = counts.knownTotal();
    if (total === undefined) return {};
    const eta = counts.eta();
    return { total, percent: round(total === 0 ? 100 : (100 * counts.done) / total), ...(eta === undefined ? {} : { eta: Math.round(eta) }) };
  };
  return {
    total(total) {
      counts.total = total;
    },
    event(event) {
      counts.add(event);
      if (event.type === 'failed') line({ event: 'failure', input: event.input, code: event.error.code, message: event.error.message });
      if (counts.done % every === 0) line({ event: 'progress', done: counts.done, ...totals(), failed: counts.failed, rate: round(counts.rate()) });
    },
    finish(summary) {
      if (summary) line({ event: 'end', done: counts.done, ...(counts.total === undefined ? {} : { total: counts.knownTotal() }), failed: counts.failed, rate: round(summary.rate), interrupted: summary.interrupted });
    },
  };
}

/** No progress at all (`--format json` off a terminal: the summary says it all). */
export function createSilentProgress(): ProgressReporter {
  return { total() {}, event() {}, finish() {} };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
