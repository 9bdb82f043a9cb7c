// Round 18 of issue 13 (the lead). Every text here is written for this test; each rule has a contrast that must stay
// silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('"had not yet decided" gives no answer, beside the shares that do', () => {
  const text = 'The survey of 1,100 adults put the Yes side on 48 percent and No on 43 percent, with 11 percent saying they had not yet decided.';
  assert.deepEqual(brief(text), [['percentage-over-100', '48 percent and No on 43 percent, with 11 percent']]);
  assert.deepEqual(brief(text.replace('11 percent', '9 percent')), []);
});

test('"Of those" points at the figure its sentence is about, not at one a preposition governs across a possessive', () => {
  const text = "Court records show 3,240 cases were waiting to be heard at the county's two crown courts in May. Of those, 2,010 were at Ashby and 1,390 at Corle.";
  assert.deepEqual(brief(text), [['total-unsupported', '3,240']]);
  assert.deepEqual(brief(text.replace('1,390', '1,130')), []);
});

test('a goal is no whole of the parts after it', () => {
  const text = "Builders finished 36,500 homes in the quarter, short of the government's target of 45,000. Private firms accounted for 22,000 of the completions and housing associations for 9,300, with councils building the remaining 5,200.";
  assert.deepEqual(brief(text), []);
  // The count the sentence is about still holds its parts.
  assert.deepEqual(brief(text.replace('5,200', '6,200')), [['total-unsupported', '36,500']]);
});

test('a stated remainder closes a list in the next paragraph across one sentence of no figure', () => {
  const text = 'The harvest reached a record 28.4 million tonnes, state radio said. It called the result a triumph of planning.\n\nWheat accounted for 15.2 million tonnes, barley for 7.1 million and maize for 4.3 million, with oilseeds making up the remaining 0.8 million.';
  assert.deepEqual(brief(text), [['total-unsupported', '28.4 million tonnes']]);
  assert.deepEqual(brief(text.replace('0.8 million', '1.8 million')), []);
  // Two sentences of no figure between leave the list to a whole of its own.
  assert.deepEqual(brief(text.replace('It called the result a triumph of planning.', 'It called the result a triumph. Crowds cheered.')), []);
});
