import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Bound, QuantityAnnotation } from '../../core/annotations.js';
import type { CueClass } from './cues.js';
import { checkworthyFloor } from './floor.js';

const figure = (bound: Bound): QuantityAnnotation => ({ kind: 'quantity', id: 'q1', source: 'test@1', start: 0, end: 5, value: 16000, bound, quantityKind: 'count' });
const floorOf = (bounds: Bound[], cues: CueClass[] = []) => checkworthyFloor({ statistics: bounds.map(figure), cueClasses: new Set(cues) });

test('a figure with a lower or upper bound, or a range, lifts the sentence to the floor', () => {
  for (const bound of ['at-least', 'at-most', 'range'] as const) assert.equal(floorOf([bound]), 0.6, bound);
});

test('an exact or merely rounded figure earns no floor', () => {
  assert.equal(floorOf(['exact']), 0);
  assert.equal(floorOf(['approx']), 0);
});

test('a total cue with a figure lifts the sentence to the floor', () => {
  assert.equal(floorOf(['exact'], ['total']), 0.6);
});

test('without a statistic neither a total cue nor anything else earns a floor', () => {
  assert.equal(floorOf([], ['total']), 0);
});
