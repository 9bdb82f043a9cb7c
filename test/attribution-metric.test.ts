import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBratSpans, scoreAttribution } from '../bench/quality/attribution-metric.js';

const GOLD = ['T1\tSource 0 11\tThe Gazette', 'T2\tCue 12 19\treports', 'T3\tContent 20 40;45 50\tthat the ferry ... stops', 'T4\tAttribution 12 19\treports', 'E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3'].join('\n');

test('brat spans are read per role, discontinuous fragments included, anchors ignored', () => {
  assert.deepEqual(readBratSpans(GOLD), {
    Source: [[[0, 11]]],
    Cue: [[[12, 19]]],
    Content: [[[20, 40], [45, 50]]],
  });
});

test('exact matching needs the same fragments; overlap matching needs one shared character', () => {
  const predicted = ['T1\tSource 4 11\tGazette', 'T2\tCue 12 19\treports', 'T3\tContent 20 50\tthat ...', 'T4\tSource 60 70\tnobody'].join('\n');
  const score = scoreAttribution({ a: GOLD }, { a: predicted });
  assert.deepEqual([score.Cue.exact.precision, score.Cue.exact.recall], [1, 1]);
  assert.deepEqual([score.Source.exact.precision, score.Source.exact.recall], [0, 0]);
  assert.deepEqual([score.Source.overlap.precision, score.Source.overlap.recall], [0.5, 1]);
  assert.deepEqual([score.Content.exact.f1, score.Content.overlap.f1], [0, 1]);
});

test('an article with no prediction counts its gold spans as missed', () => {
  const score = scoreAttribution({ a: GOLD }, {});
  assert.deepEqual([score.Cue.overlap.recall, score.Cue.overlap.predicted, score.Cue.overlap.gold], [0, 0, 1]);
});
