import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleErrors } from './attribution-errors.js';

const TEXT = 'The mayor said the bridge will close, and officials agreed.';

test('unmatched spans are boundary disagreements when they touch a span of the other side, else missed or spurious', () => {
  const gold = 'T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 36\tthe bridge will close\nT4\tSource 42 51\tofficials\n';
  // The content cut to under half of the gold one (a boundary disagreement on both sides), the second source missed,
  // a cue where the gold has none (spurious).
  const predicted = 'T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 21\tthe br\nT4\tCue 52 58\tagreed\n';
  const errors = articleErrors(gold, predicted, TEXT);
  assert.deepEqual(errors.Source, { matched: 1, goldBoundary: 0, goldMissed: 1, predictedBoundary: 0, predictedSpurious: 0 });
  assert.deepEqual(errors.Cue, { matched: 1, goldBoundary: 0, goldMissed: 0, predictedBoundary: 0, predictedSpurious: 1 });
  assert.deepEqual(errors.Content, { matched: 0, goldBoundary: 1, goldMissed: 0, predictedBoundary: 1, predictedSpurious: 0 });
});
