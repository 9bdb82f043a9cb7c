// Round 13 of issue 13 (the lead), from twenty-four articles written apart from the tool (t201–t224). Every text here
// is written for this test; each rule has a contrast that must stay silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('a share of a pre-something total is a ratio to a baseline, not a share of a whole', () => {
  assert.deepEqual(brief('Buses carried 41.8 million passengers. That is 104% of the pre-pandemic total.'), []);
  assert.deepEqual(brief('Ferries carried 3.2 million passengers. That is 104% of the total.'), [['percentage-over-100', '104%']]);
});

test('kinds of one thing side by side after "while" go on with the list of parts', () => {
  const text = 'Schools issued 1,212 suspensions last year. Secondary schools accounted for 734 of them and primary schools for 446, while special schools handed out 52.';
  assert.deepEqual(brief(text), [['total-unsupported', '1,212']]);
  assert.deepEqual(brief(text.replace('1,212', '1,232')), []);
  // Another subject after "while" opens a clause of its own: 734 + 446 is within 1,212.
  assert.deepEqual(brief(text.replace('special schools handed out 52', 'the council hired 52 mentors')), []);
});

test('parts given one each to as many owners as the total counts make it up', () => {
  const text = 'The two hospitals saw 18,940 patients in January, with St Aldhelm\'s and the Royal Northmoor recording 10,320 and 8,260 respectively.';
  assert.deepEqual(brief(text), [['total-unsupported', '18,940']]);
  assert.deepEqual(brief(text.replace('18,940', '18,580')), []);
  // Three hospitals counted, two parts: the list may leave one out.
  assert.deepEqual(brief(text.replace('two hospitals', 'three hospitals')), []);
  assert.deepEqual(brief('The two hospitals saw 18,940 patients in January, with 10,320 at St Aldhelm\'s and 8,260 at the Royal Northmoor.'), [['total-unsupported', '18,940']]);
  // A clause of its own ("and produce ... respectively") is no elaboration of the total.
  assert.deepEqual(brief('The two plants employ 1,200 people and produce 700 and 600 respectively.'), []);
});

test('"Two of the patients" after a count of cases names that count as the whole of the list', () => {
  const text = 'Health officials have confirmed 23 cases of Legionnaires\' disease. Two of the patients have died, 12 remain in hospital and 11 have been sent home.';
  assert.deepEqual(brief(text), [['total-unsupported', '23']]);
  assert.deepEqual(brief(text.replace('23 cases', '25 cases')), []);
  // Another noun names another whole: no list of the cases.
  assert.deepEqual(brief(text.replace('the patients have died, 12 remain in hospital and 11 have been sent home', 'the bridges have closed, 12 remain shut and 11 have reopened')), []);
});

test('the valid votes of a poll are the sum of its candidates\' votes in the sentence before', () => {
  const text = 'Desai took 18,402 votes to 15,977 for Hartley, with the Greens on 4,310 and three other candidates sharing 1,288. Turnout was 41.2%, with 39,877 valid votes and 215 ballots rejected.';
  assert.deepEqual(brief(text), [['total-unsupported', '39,877']]);
  assert.deepEqual(brief(text.replace('39,877', '39,977')), []);
  // A margin beside the votes makes the sentence no list of the candidates' votes.
  assert.deepEqual(brief('Desai won by 2,425 votes, taking 18,402 to 15,977 for Hartley. There were 39,877 valid votes.'), []);
});
