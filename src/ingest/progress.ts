import type { IngestEvent, IngestSummary } from './ingest.js';

/** Somewhere to write progress (stderr). */
export interface ProgressSink {
  write(s: string): unknown;
}

/** Receives every ingest event and the final summary. */
export interface ProgressReporter {
  event(event: IngestEvent): void;
  finish(summary: IngestSummary): void;
}

/** Running counts shared by the reporters. */
class Counts {
  done = 0;
  failed = 0;
  readonly started = Date.now();
  add(event: IngestEvent): void {
    this.done++;
    if (event.type === 'failed') this.failed++;
  }
  rate(): number {
    return this.done / Math.max((Date.now() - this.started) / 1000, 1e-3);
  }
}

/** On a terminal: one line, rewritten at most every `intervalMs`: count, rate, failures. */
export function createTtyProgress(sink: ProgressSink, intervalMs = 200): ProgressReporter {
  const counts = new Counts();
  let last = 0;
  const draw = () => sink.write(`\r\u001b[Kingest: ${counts.done} done · ${counts.rate().toFixed(1)} articles/s · ${counts.failed} failed`);
  return {
    event(event) {
      counts.add(event);
      if (event.type === 'failed') sink.write(`\r\u001b[Kclaimtrace: ${event.input}: ${event.error.code}: ${event.error.message}\n`);
      const now = Date.now();
      if (now - last >= intervalMs || event.type === 'failed') {
        last = now;
        draw();
      }
    },
    finish() {
      sink.write('\r\u001b[K');
    },
  };
}

/** Elsewhere: NDJSON events, a `progress` line every `every` inputs and a `failure` line for each failure. */
export function createNdjsonProgress(sink: ProgressSink, every: number): ProgressReporter {
  const counts = new Counts();
  const line = (value: object) => sink.write(`${JSON.stringify(value)}\n`);
  return {
    event(event) {
      counts.add(event);
      if (event.type === 'failed') line({ event: 'failure', input: event.input, code: event.error.code, message: event.error.message });
      if (counts.done % every === 0) line({ event: 'progress', done: counts.done, failed: counts.failed, rate: round(counts.rate()) });
    },
    finish(summary) {
      line({ event: 'end', done: counts.done, failed: counts.failed, rate: round(summary.rate), interrupted: summary.interrupted });
    },
  };
}

/** No progress at all (`--format json` off a terminal: the summary says it all). */
export function createSilentProgress(): ProgressReporter {
  return { event() {}, finish() {} };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
