// Round 15 of issue 13 (the lead). Every text here is written for this test; each rule has a contrast that must stay
// silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, check } from './test-kit.js';

test('a forward cue closes a list over sentences with the figures of its own clause', () => {
  const text = 'Council tax raises £84m. Business rates bring in another £51m. Grants add £39m, giving an income of £168m.';
  assert.deepEqual(brief(text), [['total-unsupported', '£168m']]);
  // The arithmetic names every part, the last sentence's too.
  const [finding] = check(text);
  assert.match(finding!.message, /84 million \+ 51 million \+ 39 million/);
  assert.deepEqual(brief(text.replace('£39m', '£33m')), []);
});

test('a list whose first part adds to one before ("another") is judged with that earlier part', () => {
  const text = 'Council tax raises £84m. Business rates bring in another £51m, and grants £39m, giving an income of £168m.';
  assert.deepEqual(brief(text), [['total-unsupported', '£168m']]);
  assert.match(check(text)[0]!.message, /84 million \+ 51 million \+ 39 million/);
  assert.deepEqual(brief(text.replace('£39m', '£33m')), []);
  // Without "another" the sentence's own list is judged alone.
  assert.deepEqual(brief('Council tax raises £84m. Business rates bring in £51m, and grants £39m, giving an income of £95m.'), [['total-unsupported', '£95m']]);
});

test('"Those offences break down as" splits the amount of the sentence before that the noun names', () => {
  const text = 'The county recorded 486 burglaries in the year to June, up 9 per cent. Those burglaries break down as 212 homes, 174 sheds and 88 shops, the force said.';
  assert.deepEqual(brief(text), [['total-unsupported', '486']]);
  assert.deepEqual(brief(text.replace('88 shops', '100 shops')), []);
  // A noun that names none of the amounts before is no whole of the list.
  assert.deepEqual(brief('The county recorded 486 burglaries in the year to June, up 9 per cent. Those thefts break down as 212 bikes, 174 cars and 88 vans, the force said.'), []);
});

test('a bracket right after a counted total that holds its kinds is its partition', () => {
  const text = 'The team sampled 240 fields (96 arable, 88 pasture and 46 market gardens) in 2024 and 2025.';
  assert.deepEqual(brief(text), [['total-unsupported', '240']]);
  assert.deepEqual(brief(text.replace('240', '230')), []);
  // A bracket that says something else of the total is no list of its kinds.
  assert.deepEqual(brief('Officers stopped 212 drivers (19 of them twice) and charged 40.'), []);
});
