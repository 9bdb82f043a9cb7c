import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClaimtraceError } from '../core/errors.js';
import type { IngestEvent, IngestSummary } from './ingest.js';
import { createNdjsonProgress } from './progress.js';

const stored: IngestEvent = { type: 'stored', input: 'a.txt', status: 'inserted', documentId: 1 };
const failed: IngestEvent = { type: 'failed', input: 'b.txt', error: new ClaimtraceError('E_INPUT_EMPTY', { input: 'b.txt' }) };

test('NDJSON progress writes a failure at once and a progress line every n inputs', () => {
  let out = '';
  const progress = createNdjsonProgress({ write: (s: string) => (out += s) }, 2);
  progress.event(stored);
  progress.event(failed);
  progress.event(stored);
  progress.finish({ rate: 12.345, interrupted: false } as IngestSummary);
  const events = out.trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(events.map((e) => [e.event, e.done ?? e.input, e.failed ?? e.code]), [['failure', 'b.txt', 'E_INPUT_EMPTY'], ['progress', 2, 1], ['end', 3, 1]]);
  assert.equal(events[2].rate, 12.3);
});
