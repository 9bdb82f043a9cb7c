// Round 22 of issue 13 (the lead). Every text here is written for this test; each rule has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('"customers number 3.6 million" counts; "number 3" names', () => {
  const text = 'The operator has 12.4 million subscribers. Prepaid customers make up about 7.9 million, while contract customers number 3.3 million and the remaining 1.2 million are business lines.';
  assert.deepEqual(brief(text), []);
  assert.deepEqual(brief(text.replace('1.2 million', '1.5 million')), [['total-unsupported', '12.4 million']]);
});

test('a stated remainder in the next paragraph closes the sum of money a measure names, of several', () => {
  const text = 'The bakery lifted pre-tax profit to £28.1m from £24.9m, on sales up 9 percent to £412m.\n\nShops accounted for £330m of revenue and wholesale for £64m; the remaining £28m came from deliveries.';
  assert.deepEqual(brief(text), [['total-unsupported', '£412m']]);
  assert.deepEqual(brief(text.replace('£28m came', '£18m came')), []);
});

test('a sum of money right after a count is the denomination of what it counts ("5,100 £20 notes")', () => {
  const text = 'Officers recovered 8,300 fake notes in all — 4,600 £20 notes, 2,300 £10 notes and 1,600 £50 notes — at a lock-up.';
  assert.deepEqual(brief(text), [['total-unsupported', '8,300']]);
  assert.deepEqual(brief(text.replace('8,300', '8,500')), []);
});
