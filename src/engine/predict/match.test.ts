import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeReranker } from '../../factchecks/match/reranker.js';
import { loadReranker, matchRun, readCheckedClaims, readQueries } from './match.js';

const claimsTsv = '\tvclaim\ttitle\n7\t"A ""quoted"" claim about\nthe ferry fare."\tFerry Fare Fact Check\n9\tThe harbour closed.\tHarbour Closure\n';

test('a quoted claim spanning two lines is one record, its doubled quotes undone', () => {
  assert.deepEqual(readCheckedClaims(claimsTsv), [
    { id: '7', claim: 'A "quoted" claim about\nthe ferry fare.', title: 'Ferry Fare Fact Check' },
    { id: '9', claim: 'The harbour closed.', title: 'Harbour Closure' },
  ]);
});

test('a record with too few fields is refused with its number', () => {
  assert.throws(() => readCheckedClaims('\tvclaim\ttitle\n1\tonly a claim\n'), /record 2 has 2 fields, expected 3/);
});

test('the run has one TREC line per matched claim, ranked, with the tag', () => {
  const queries = readQueries('\ttweet_content\nq1\tWhy did the harbour close? https://t.co/abc\n');
  assert.match(matchRun(readCheckedClaims(claimsTsv), queries, { model: null }), /^q1\tQ0\t9\t1\t\d+\.\d{6}\tclaimtrace-bm25\n$/);
});

test('the committed re-ranker loads and re-ranks without changing which claims are listed', () => {
  const queries = readQueries('\ttweet_content\nq1\tthe ferry fare and the harbour\n');
  const ids = (run: string) => run.trim().split('\n').map((l) => l.split('\t')[2]).sort();
  assert.deepEqual(ids(matchRun(readCheckedClaims(claimsTsv), queries, { model: loadReranker() })), ids(matchRun(readCheckedClaims(claimsTsv), queries, { model: null })));
});

test('a re-ranker trained on other features is refused', () => {
  const file = join(tmpdir(), `claimtrace-reranker-${process.pid}.bin`);
  writeFileSync(file, encodeReranker({ features: ['x'], mean: Float64Array.of(0), scale: Float64Array.of(1), weights: Float64Array.of(1), depth: 10 }, {}));
  assert.throws(() => loadReranker(file), /trained on features x, not on those computed now/);
});
