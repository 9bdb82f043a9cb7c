import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { ClaimtraceError } from '../core/errors.js';
import type { IngestEvent, IngestSummary } from './ingest.js';
import { createNdjsonProgress, createTtyProgress } from './progress.js';

const stored: IngestEvent = { type: 'stored', input: 'a.txt', status: 'inserted', documentId: 1 };
const failed: IngestEvent = { type: 'failed', input: 'b.txt', error: new ClaimtraceError('E_INPUT_EMPTY', { input: 'b.txt' }) };
const summary = { rate: 12.345, interrupted: false } as IngestSummary;

function ndjson(every: number, run: (progress: ReturnType<typeof createNdjsonProgress>) => void): Record<string, unknown>[] {
  let out = '';
  const progress = createNdjsonProgress({ write: (s: string) => (out += s) }, every);
  run(progress);
  return out.trim().split('\n').map((line) => JSON.parse(line));
}

test('NDJSON progress writes a failure at once and a progress line every n inputs', () => {
  const events = ndjson(2, (progress) => {
    progress.event(stored);
    progress.event(failed);
    progress.event(stored);
    progress.finish(summary);
  });
  assert.deepEqual(events.map((e) => [e.event, e.done ?? e.input, e.failed ?? e.code]), [['failure', 'b.txt', 'E_INPUT_EMPTY'], ['progress', 2, 1], ['end', 3, 1]]);
  assert.deepEqual([events[1]!.total, events[2]!.rate], [undefined, 12.3]);
});

test('once the total is known, NDJSON progress lines carry it with the percentage and the seconds left', () => {
  const events = ndjson(1, (progress) => {
    progress.event(stored);
    progress.total(4);
    progress.event(stored);
    progress.event(stored);
    progress.event(stored);
    progress.finish(summary);
  });
  assert.deepEqual(events.map((e) => [e.event, e.done, e.total, e.percent]), [['progress', 1, undefined, undefined], ['progress', 2, 4, 50], ['progress', 3, 4, 75], ['progress', 4, 4, 100], ['end', 4, 4, undefined]]);
  assert.equal(events[3]!.eta, 0);
  assert.equal(typeof events[1]!.eta, 'number');
});

test('a total below what is done (a folder that grew since it was counted) is raised to it', () => {
  const events = ndjson(1, (progress) => {
    progress.total(1);
    progress.event(stored);
    progress.event(stored);
  });
  assert.deepEqual(events.map((e) => [e.done, e.total, e.percent]), [[1, 1, 100], [2, 2, 100]]);
});

test('NDJSON progress writes no end line for a run that failed', () => {
  let out = '';
  const progress = createNdjsonProgress({ write: (s: string) => (out += s) }, 100);
  progress.event(stored);
  progress.finish();
  assert.equal(out, '');
});

/** A terminal that records what is drawn, with the escape sequences taken out. */
function terminal() {
  let out = '';
  // eslint-disable-next-line no-control-regex
  return { isTTY: true, columns: 120, write: (s: string) => ((out += s), true), text: () => out.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '\n').replace(/\r/g, '\n') };
}

test('on a terminal, a bar shows done/total, percentage, rate, time left and failures, and failures are printed above it', async () => {
  const tty = terminal();
  const progress = createTtyProgress(tty, 100);
  progress.event(stored);
  progress.total(4);
  progress.event(failed);
  await delay(50);
  progress.finish(summary);
  const lines = tty.text().split('\n').filter((line) => line.trim() !== '');
  assert.ok(lines.includes('claimtrace: b.txt: E_INPUT_EMPTY: Input is empty: b.txt'), lines.join('\n'));
  assert.match(lines.at(-1)!, /^ingest =+-+ 50% · 2\/4 · [\d.]+ articles\/s · ETA \d+s · 1 failed$/);
});

test('on a terminal, before the total is known, the line says so', async () => {
  const tty = terminal();
  const progress = createTtyProgress(tty, 100);
  progress.event(stored);
  await delay(50);
  progress.finish(summary);
  assert.match(tty.text(), /ingest: 1 done · [\d.]+ articles\/s · 0 failed · total not known/);
});
