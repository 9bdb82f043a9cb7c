// A breakdown written as three clauses or more right after its whole (enumerations.ts). Every text is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

const DETAINED = 'Officers detained 58 people at the fair. Of those, 34 have been charged, 17 were released on bail and 11 walked free.';

test('clauses after "Of those," that exceed their whole are a finding, whatever their verbs', () => {
  assert.deepEqual(brief(DETAINED), [['total-unsupported', '58']]);
  assert.deepEqual(brief('The clinic operated on 436 patients. Of these, 372 had cataracts removed, 41 were treated for trichiasis and 29 underwent surgery for glaucoma.'), [['total-unsupported', '436']]);
  // The whole named first, before a colon or a dash, or in the sentence before with no opener.
  for (const text of ['Of the 58 people detained at the fair, 34 have been charged, 17 were released on bail and 11 walked free.', 'Officers detained 58 people at the fair: 34 have been charged, 17 were released on bail and 11 walked free.', 'Officers detained 58 people at the fair. 34 have been charged, 17 were released on bail and 11 walked free.']) assert.deepEqual(brief(text), [['total-unsupported', '58']]);
  // The verb left out after the first clause: "17 on bail".
  assert.deepEqual(brief('Officers detained 58 people at the fair. Of those, 34 were charged, 17 on bail and 11 without any charge.'), [['total-unsupported', '58']]);
});

test('clauses within their whole, or not closed by "and", say nothing', () => {
  assert.deepEqual(brief(DETAINED.replace('34 have', '30 have')), []);
  assert.deepEqual(brief(DETAINED.replace(' and 11 walked', ', 11 walked')), []);
});

test('stages of one process lie within each other and are no breakdown', () => {
  assert.deepEqual(brief('The agency had 50 applicants. Of those, 40 were interviewed, 25 were shortlisted and 10 were hired.'), []);
});

test('a remark that the groups overlap keeps the breakdown silent', () => {
  assert.deepEqual(brief(DETAINED.replace('walked free.', 'walked free, with many counted in both groups.')), []);
});

test('a verb the tagger reads as a noun right after a figure still opens its clause ("11 fell from boats")', () => {
  const text = 'Since 2016, 27 people have drowned in the lake: 13 fell from boats, 9 were swimming and 7 went through the ice.';
  assert.deepEqual(brief(text), [['total-unsupported', '27']]);
  assert.deepEqual(brief(text.replace('27 people', '29 people')), []);
});
