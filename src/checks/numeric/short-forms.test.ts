// A unit's short form given in brackets right after it ("terawatt-hours (TWh)", "kilotonnes (kt)") names that unit
// wherever the text uses it after (units.ts unitKeys), so a total written in the long form and parts in the short one
// are summed. Beside them the look-alikes that must stay silent. Each text is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('a total in the long form and parts in the bracketed short form are summed', () => {
  const text = 'The grid review puts total generation at 61.8 terawatt-hours (TWh), of which wind supplied 24.2 TWh, gas 19.6, nuclear 11.3 and solar 4.1, with other sources making up the balance of 3.4 TWh.';
  assert.deepEqual(brief(text).map(([rule]) => rule), ['total-unsupported']);
});

test('parts that add up to the total in the short form stay silent', () => {
  const text = 'The grid review puts total generation at 62.6 terawatt-hours (TWh), of which wind supplied 24.2 TWh, gas 19.6, nuclear 11.3 and solar 4.1, with other sources making up the balance of 3.4 TWh.';
  assert.deepEqual(brief(text), []);
});

test('a bracketed word that is no short form of the unit joins nothing', () => {
  const text = 'Exports reached 61.8 tonnes (Reuters), of which copper made up 24.2 Reuters reporters said, and zinc 19.6 tonnes.';
  assert.deepEqual(brief(text), []);
});
