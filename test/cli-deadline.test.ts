import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, tempFiles } from './cli-helpers.js';

/** About 4 MB of varied invented sentences: several seconds of analysis on any machine. */
function longArticle(): string {
  const places = ['Kessel', 'Ostrava Bay', 'Saltmere', 'Lindqvist Harbour'];
  return Array.from({ length: 56_000 }, (_, i) => `The ferry board of ${places[i % 4]} said ${i + 12} sailings were cancelled in May after the storm.${i % 5 === 4 ? '\n\n' : ' '}`).join('');
}

test('analyze gives an input past --deadline E_TIMEOUT and goes on with the next one', { timeout: 120_000 }, async () => {
  const files = tempFiles({ 'long.txt': longArticle(), 'short.txt': 'The harbour board said the dredging cost 12 million euros.\n' });
  const started = performance.now();
  const res = await cli(['analyze', '--format', 'ndjson', '--max-bytes', '10000000', '--deadline', '3000', '--deadline-per-mb', '0', files['long.txt']!, files['short.txt']!]);
  const elapsed = performance.now() - started;
  assert.equal(res.stderr, `claimtrace: ${files['long.txt']}: E_TIMEOUT: Analysing ${files['long.txt']} took longer than 3000 ms\n`);
  assert.equal(res.code, 1);
  const reports = res.stdout.trim().split('\n').map((line) => JSON.parse(line) as { document: { text: string } });
  assert.deepEqual(reports.map((r) => r.document.text), ['The harbour board said the dredging cost 12 million euros.\n']);
  assert.ok(elapsed < 60_000, `took ${Math.round(elapsed)} ms`);
});

test('--deadline must be a number', async () => {
  const res = await cli(['analyze', '--deadline', 'soon', '-'], { stdin: 'The port reopened.\n' });
  assert.deepEqual([res.code, res.stderr], [2, 'claimtrace: E_OPTION_INVALID: Invalid option --deadline: "soon" is not a number\n']);
});
