// Round 37 of issue 13 (the lead). Every text here is written for this test; each rule has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('shares whose copula is followed by their group ("were in children") part the whole; a word between makes it a setting', () => {
  const text = 'Of the 320 cases, 58 percent were in children aged 5 to 11, 29 percent in those aged 12 to 17 and 18 percent in adults.';
  assert.deepEqual(brief(text).map(([rule]) => rule), ['percentage-over-100']);
  assert.deepEqual(brief('64 percent of cases were in infants, 25 percent in older children and 16 percent in adults.').map(([rule]) => rule), ['percentage-over-100']);
  // "were mild in children, … in teenagers": the cases of each group, a share of a different whole each.
  assert.deepEqual(brief('64 percent of cases were mild in children, 42 percent in teenagers and 39 percent in adults.'), []);
  // Places after a verb of their own stay settings of different wholes.
  assert.deepEqual(brief('Ortiz won 55 percent of the vote in Dunmore, 48 percent in Calder and 41 percent in Wenlow.'), []);
});

test('a total said to be spread over a counted number of things is short when that many parts do not make it', () => {
  const text = 'Customs officers seized 5,230 parrots in three raids last month.\n\nThe birds were found in a lorry at the border (2,410), a warehouse near the port (1,640) and a fishing boat (980).';
  assert.deepEqual(brief(text), [['total-unsupported', '5,230']]);
  // Two parts of the three raids: the list names only some of them, and a shortfall says nothing.
  const two = 'Customs officers seized 5,230 parrots in three raids last month.\n\nThe birds were found in a lorry at the border (2,410) and a warehouse near the port (1,640).';
  assert.deepEqual(brief(two), []);
  // Without the count of raids a list may stop short of its total.
  assert.deepEqual(brief(text.replace(' in three raids', '')), []);
});

test('"N of the birds were found in X on Monday, M in Y and K in Z" lists siblings, not parts of N', () => {
  assert.deepEqual(brief('Inspector Ana Brel said 2,410 of the birds were found in a lorry on Monday, 1,640 in a warehouse on Wednesday and 980 on a boat on Friday.'), []);
  // Without a frame of its own the figure of the group is the whole its places part.
  assert.deepEqual(brief('Officers recovered 300 of the stolen bikes, 200 in the city and 150 in the suburbs.'), [['total-unsupported', '300']]);
});

test('a sentence that opens with "another" goes on the tally before it; "Of these" still parts it', () => {
  assert.deepEqual(brief('On Monday 2,410 were found in a lorry. Another 1,640 turned up in a warehouse on Wednesday, and 980 on a boat on Friday.'), []);
  assert.deepEqual(brief('On Monday 2,410 were found in a lorry. Of these, 1,640 were parrots and 980 were finches.'), [['total-unsupported', '2,410']]);
});

// Round 38 of issue 13 (the lead).

test('bare figures after names in a list of a measure count that measure ("Europe took 164 tonnes, North America 131")', () => {
  const text = 'Shipments reached 412 tonnes: Europe took 164 tonnes, North America 131, the Gulf 58 and Japan 77.';
  assert.deepEqual(brief(text), [['total-unsupported', '412 tonnes']]);
  assert.deepEqual(brief(text.replace('Japan 77', 'Japan 59')), []);
});
