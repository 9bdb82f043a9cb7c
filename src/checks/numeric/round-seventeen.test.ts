// Round 17 of issue 13 (the lead). Every text here is written for this test; each rule has a contrast that must stay
// silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('a group named by "Among" holds past a semicolon for a share that names none of its own', () => {
  const text = 'Among those likely to vote, 44 percent backed Ruane, 31 percent her rival Toller and 19 percent the Liberal candidate; 9 percent were undecided.';
  assert.deepEqual(brief(text), [['percentage-over-100', '44 percent backed Ruane, 31 percent her rival Toller and 19 percent the Liberal candidate; 9 percent']]);
  assert.deepEqual(brief(text.replace('9 percent', '6 percent')), []);
  // A clause that names a group of its own after the semicolon is that group's.
  assert.deepEqual(brief('Among women, 55 percent backed Ruane; among men, 60 percent did.'), []);
});

test('the one share that names a whole and gives no answer names the whole of the answers beside it', () => {
  const text = 'The survey puts Ruane on 44 percent, Toller on 31 percent, Voss on 19 percent and 9 percent of voters still undecided.';
  assert.deepEqual(brief(text), [['percentage-over-100', '44 percent, Toller on 31 percent, Voss on 19 percent and 9 percent']]);
  assert.deepEqual(brief(text.replace('9 percent', '5 percent')), []);
  // A share of a whole of its own that answers something is no answer of the same question.
  assert.deepEqual(brief('The survey puts Ruane on 44 percent, Toller on 31 percent, Voss on 19 percent, and 52 percent of voters expect a run-off.'), []);
});

test('standings go on into the next sentence with "at" once one of them stands "on" a share', () => {
  const text = 'The survey puts Ruane on 44 percent. Toller trails on 31 percent, with Voss at 19 percent and Marr at 9 percent.';
  assert.deepEqual(brief(text), [['percentage-over-100', '44 percent. Toller trails on 31 percent, with Voss at 19 percent and Marr at 9 percent']]);
  // Rates of other things, none standing "on" a share, are no standings.
  assert.deepEqual(brief('Unemployment stands at 44 percent. Youth unemployment is at 31 percent, with inflation at 19 percent and growth at 9 percent.'), []);
});

test('a poll counted "among 1,250 voters" and dated by its fieldwork goes on with the answers of the next sentence', () => {
  const text = 'The survey, carried out among 1,400 residents between 4 and 11 May, puts Ruane on 44 percent. Toller trails on 31 percent, with Voss at 19 percent and 9 percent of voters still undecided.';
  assert.deepEqual(brief(text), [['percentage-over-100', '44 percent. Toller trails on 31 percent, with Voss at 19 percent and 9 percent']]);
  assert.deepEqual(brief(text.replace('9 percent', '4 percent')), []);
  // A share at another time in the next sentence is of another whole.
  assert.deepEqual(brief('The survey puts Ruane on 44 percent. In March she was on 61 percent.'), []);
});

test('"The money will be split between" parts the sum of money of the sentence before', () => {
  const text = 'Ministers approved a 3.6 billion euro fund for the flooded valleys. The money will be split between housing, which gets 1.9 billion euros, roads with 950 million, and farmers, who will receive a further 850 million.';
  assert.deepEqual(brief(text), [['total-unsupported', '3.6 billion euro']]);
  assert.deepEqual(brief(text.replace('850 million', '750 million')), []);
  // A count the sentence before gave is no sum of money for "the money" to name.
  assert.deepEqual(brief('Ministers rehoused 3,600 families. The money will be split between housing, which gets 1.9 billion euros, and roads with 950 million.'), []);
});

test('a bare noun of a measure of money that the sentence before names opens its breakdown, across a paragraph', () => {
  const text = 'Tessmark Group lifted full-year revenue to 6.1bn kroner, beating forecasts.\n\nSales broke down as 3.9bn kroner from its 180 stores, 1.6bn from wholesale and 400m from online orders, the company said.';
  assert.deepEqual(brief(text), [['total-unsupported', '6.1bn kroner']]);
  assert.deepEqual(brief(text.replace('400m', '600m')), []);
  // The sentence before names another measure (profit), so "Sales" does not stand for its sum.
  assert.deepEqual(brief(text.replace('revenue', 'profit')), []);
});

test('kroner, pesos and other currencies written after the amount are sums of money', () => {
  assert.deepEqual(brief('The city spends 90 million pesos a year on buses: 50 million pesos on fuel and 45 million pesos on wages.'), [['total-unsupported', '90 million pesos']]);
  assert.deepEqual(brief('The city spends 95 million pesos a year on buses: 50 million pesos on fuel and 45 million pesos on wages.'), []);
});

test('a figure right before "of them" is a part of a group named before, never the whole of what follows', () => {
  assert.deepEqual(brief('Police traced 94 victims. Sixty-one of them were women living alone, and 70 were over 80.'), []);
  // With the whole in its clause the part before "of them" is read with the parts after it.
  assert.deepEqual(brief('Fifteen people were arrested, eight of them women and nine of them men.'), [['total-unsupported', 'Fifteen']]);
});

test('the baseline of a change and a number word are no parts of a list over sentences, nor scaled by its total', () => {
  const text = 'Chemists dispensed 9.4 million items in the year, up 6 percent.\n\nThere were 318 branches at the end, down from 341 a year earlier. Fifteen belonged to the two largest chains, Orla and Penn, and the remaining eight were independents.';
  assert.deepEqual(brief(text), []);
});

test('a remainder told in words closes a list: a figure after it is of another breakdown', () => {
  const text = 'Exports rose to £8.6bn. Machinery made up £5.1bn of the total and chemicals £2.3bn; the remainder was food and drink. Shipments to Norway alone were worth about £1.9bn.';
  assert.deepEqual(brief(text), []);
});

test('sums of money in the next sentence go to the sum a measure of money names, not to the last sum', () => {
  const text = "Dunmore Rovers' revenue rose to a record €214m last season, but the loss widened to €27m. Broadcasting brought in €96m, sponsorship €71m and ticket sales €52m.";
  assert.deepEqual(brief(text), [['total-unsupported', '€214m']]);
  assert.deepEqual(brief(text.replace('€52m', '€47m')), []);
  // Two sums each named by a measure leave the whole unsaid.
  assert.deepEqual(brief("Dunmore Rovers' revenue rose to €214m and its income from grants to €31m. Broadcasting brought in €96m, sponsorship €71m and ticket sales €52m."), []);
});

test('a participle joined by a hyphen is part of the subject of a gapped list ("the fast-growing online arm £190m")', () => {
  const text = 'Calder Mills lifted revenue to £1.31bn. Retail sales brought in £702m, wholesale £418m and the fast-growing online arm £230m, the results showed.';
  assert.deepEqual(brief(text), [['total-unsupported', '£1.31bn']]);
  assert.deepEqual(brief(text.replace('£230m', '£190m')), []);
});
