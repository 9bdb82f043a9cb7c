// The fifty-third round: readings of everyday phrasings the numeric probe (bench/quality/numeric-probe.ts) found
// missed, each general to its form. Every text is written for this test (none is a probe item).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('parts written in words open a list after a comma as parts in digits do', () => {
  const text = 'Nine ferries were cancelled, six at Oban and five at Mallaig.';
  assert.deepEqual(brief(text), [['total-unsupported', 'Nine']]);
  assert.deepEqual(brief(text.replace('five at', 'three at')), []);
  assert.deepEqual(brief('Eleven pupils were sent home, seven in Dunmore and six in Kilbride.'), [['total-unsupported', 'Eleven']]);
});
