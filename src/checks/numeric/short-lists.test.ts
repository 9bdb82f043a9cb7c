// Issue 13: parts far below their total (numeric.json shortLists) and parts read with a figure among them left out
// are no slip of the writer's; nothing is said, and the reading keeps its figures. Every text is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHORTFALL } from './sums-model/choose.js';
import { SHORT_LIST_RATIO } from './totals.js';
import { brief, check } from './test-kit.js';

test('a list within a tenth of its total is a slip; one far below it names only some parts', () => {
  const full = 'The county recorded 1,240 burglaries last year: 610 in the north, 380 in the south and 190 in the east.';
  assert.deepEqual(brief(full), [['total-unsupported', '1,240']]);
  // 990 of 1,240: the two largest areas, not a slip.
  assert.deepEqual(brief('The county recorded 1,240 burglaries last year: 610 in the north and 380 in the south.'), []);
});

test('a closed list far below its total is read as a misreading too; near it, a slip', () => {
  const text = 'The ferry carried 400 passengers in May and 350 passengers in June. Altogether 900 passengers were counted.';
  assert.deepEqual(brief(text), []);
  assert.deepEqual(brief(text.replace('900', '780')), [['total-unsupported', '780']]);
  const remainder = 'The firm hired 1,000 staff this year. Arnby took 300 and Colt 250. Wenlow got 200. The remaining 50 went to the head office.';
  assert.deepEqual(brief(remainder), []);
  assert.deepEqual(brief(remainder.replace('1,000', '850')), [['total-unsupported', '850']]);
});

test('parts that fall short with a figure of their kind left out among them say nothing', () => {
  // "Riverside 67" is read as a label; a warning would show 92 + 41 + 19, arithmetic the text does not state.
  const text = 'The outbreak has grown to 214 confirmed cases. Northgate has recorded 92 of the cases and Riverside 67. Eastholm accounts for 41, with the remaining 19 spread across the county.';
  assert.ok(check(text).every((f) => !f.message.includes('152')));
  // With every part read, the sum goes over and is reported.
  assert.deepEqual(brief(text.replace('and Riverside 67', 'and Riverside 67 cases').replace('214', '212')), [['total-unsupported', '212']]);
});

test('the rules and the learned sums model read a shortfall from one ratio', () => {
  assert.equal(SHORTFALL.minRatio, SHORT_LIST_RATIO);
  assert.ok(SHORT_LIST_RATIO > 0.5 && SHORT_LIST_RATIO < 1);
});
