import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Plant } from './generate.js';
import { appearances, distractorsByStory, emptyCounts, scoreTrace, summarise } from './score-trace.js';
import type { Truth } from './write.js';

const plant = (over: Partial<Plant> & Pick<Plant, 'start' | 'end'>): Plant & { text: string } => ({ claimId: 's1', value: 20000, format: 'comma', distractor: false, kind: 'paraphrase', template: 'jobs/paraphrase/0', text: 'x', ...over });

// Article a: a paraphrase at [0, 50) and a lookalike at [60, 100); article b: a retold appearance at [10, 40);
// article c: another story's appearance at [0, 30).
const truth: Truth = new Map([
  ['https://a.example/1', [plant({ start: 0, end: 50 }), plant({ start: 60, end: 100, distractor: true, kind: 'distractor', distractorKind: 'other-event', template: 'jobs/lookalike/0' })]],
  ['https://b.example/2', [plant({ start: 10, end: 40, kind: 'retold', template: 'jobs/retold/1' })]],
  ['https://c.example/3', [plant({ start: 0, end: 30, claimId: 's2' })]],
]);

test('a trace is scored by how the found appearances are told and by what its wrong matches hit', () => {
  const counts = emptyCounts();
  const planted = appearances(truth).get('s1')!;
  const matches = [{ url: 'https://a.example/1', start: 5, end: 45 }, { url: 'https://a.example/1', start: 60, end: 99 }, { url: 'https://c.example/3', start: 0, end: 30 }, { url: 'https://c.example/3', start: 200, end: 240 }];
  scoreTrace(counts, 's1', matches, truth, planted, distractorsByStory(truth).get('s1')!);
  const s = summarise(counts);
  assert.deepEqual(s.byKind, { paraphrase: { relevant: 1, found: 1, recall: 1 }, retold: { relevant: 1, found: 0, recall: 0 } });
  assert.deepEqual([s.recall, s.precision, s.relevant, s.returned], [0.5, 0.25, 2, 4]);
  assert.deepEqual(s.wrong.distractors['other-event'], { planted: 1, matched: 1 });
  assert.deepEqual([s.wrong.otherStories, s.wrong.other], [1, 1]);
  assert.deepEqual(s.wordSharing, { planted: 1, matched: 1, precision: 0.5 });
  assert.deepEqual(s.retoldByTemplate, { 'jobs/retold/1': { relevant: 1, found: 0 } });
});
