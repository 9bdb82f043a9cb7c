import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maximumMatching, scoreAttributionStrict, spanChars, strictMatch } from './attribution-strict.js';

const TEXT = 'The mayor said the bridge will close, and officials agreed.';
//            0123456789012345678901234567890123456789012345678901234567

test('a span is the set of non-whitespace characters its fragments cover', () => {
  assert.deepEqual(spanChars([[0, 3]], TEXT), [0, 1, 2]);
  assert.deepEqual(spanChars([[3, 9]], TEXT).length, 5); // ' mayor' without the space
  assert.deepEqual(spanChars([[0, 3], [2, 5]], TEXT), [0, 1, 2, 4]); // overlapping fragments count once, the space not at all
});

test('two spans match when they share at least half of the longer one', () => {
  const a = [1, 2, 3, 4];
  assert.equal(strictMatch(a, [1, 2]), true); // 2 of 4
  assert.equal(strictMatch(a, [1]), false); // 1 of 4
  assert.equal(strictMatch([1, 2], [2, 3, 4, 5, 6]), false); // 1 of 5: overlap alone is not enough
  assert.equal(strictMatch([], []), false);
});

test('the matching is one-to-one and maximum', () => {
  // Predicted 0 matches gold 0 and 1, predicted 1 matches gold 0 only: the maximum pairs 0-1 and 1-0.
  const g0 = [1, 2, 3, 4];
  const g1 = [3, 4, 5, 6];
  const p0 = [2, 3, 4, 5];
  const p1 = [1, 2, 3];
  assert.equal(maximumMatching([p0, p1], [g0, g1]), 2);
  // Two predictions of the one gold span: one is matched, the other is a false positive.
  assert.equal(maximumMatching([g0, [1, 2, 3]], [g0]), 1);
});

test('scores per role, micro-averaged, identical spans once', () => {
  const gold = { a: 'T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 36\tthe bridge will close\n' };
  // The source twice (identical spans count once), the content cut to under half: a miss and a false positive.
  const predicted = { a: 'T1\tSource 4 9\tmayor\nT2\tSource 4 9\tmayor\nT3\tCue 10 14\tsaid\nT4\tContent 15 21\tthe br\n' };
  const s = scoreAttributionStrict(gold, predicted, { a: TEXT });
  assert.deepEqual([s.Source.predicted, s.Source.gold, s.Source.f1], [1, 1, 1]); // "mayor" is 5 of "Themayor"'s 8 characters
  assert.equal(s.Cue.f1, 1);
  assert.deepEqual([s.Content.precision, s.Content.recall], [0, 0]); // 'the br' is 5 of the content's 18 characters
  // Exactly half of the longer span matches: 'the bridge' is 9 of 18.
  const half = scoreAttributionStrict(gold, { a: 'T1\tContent 15 25\tthe bridge\n' }, { a: TEXT });
  assert.equal(half.Content.f1, 1);
});
