// Round 30 of issue 13 (the lead). Every text here is written for this test; each rule has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('"38 of the rescues" goes back to the figure the word "rescues" follows, even when the tagger took it for a verb', () => {
  const text = 'The report lists 88 rescues, 240 first-aid cases and 70 people helped ashore. Porth Sands accounted for 35 of the rescues, while Gwel had 27 and Tol Cove 16, with the remaining 10 spread across smaller beaches.';
  assert.deepEqual(brief(text), []);
  assert.deepEqual(brief(text.replace('the remaining 10', 'the remaining 19')), [['total-unsupported', '88']]);
});

test('the learned sums model reads no trait beside a kind, and no list a subset cue opens past its sentence', () => {
  // "had previous convictions" cuts across "were from the village".
  assert.deepEqual(brief('Of the 104 suspects, 66 were from Galla village and 57 had previous convictions, he said.'), []);
  // "including" closes its list with its sentence; fines totalling a sum later are no part of it.
  const text = 'The drugs seized were worth Rs. 12.4 million, including Rs. 8.1 million of ice and Rs. 2.9 million of heroin, police said. Fines totalling Rs. 1.95 million were imposed on 80 of the suspects.';
  assert.deepEqual(brief(text), []);
});

test('a share of an earlier period\'s whole is a ratio to a baseline; a share of this one is not', () => {
  assert.deepEqual(brief('The harvest is forecast at 38,000 tonnes, about 150% of last year\'s drought-hit crop.'), []);
  assert.deepEqual(brief('Output reached 130% of last year.'), []);
  assert.deepEqual(brief('The harvest is forecast at 38,000 tonnes, about 150% of the planted crop.').map(([rule]) => rule), ['percentage-over-100']);
});

test('shares after which respondents are said to pick more than one part no whole', () => {
  const text = 'The reasons given were workload (cited by 68 per cent), pay (59 per cent) and abuse (35 per cent), with respondents able to pick more than one.';
  assert.deepEqual(brief(text), []);
  assert.deepEqual(brief('Asked which one reason mattered most, 48 per cent said workload, 37 per cent pay and 26 per cent abuse.').map(([rule]) => rule), ['percentage-over-100']);
});
