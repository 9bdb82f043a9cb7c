// Fixes from the sourcing probe (bench/quality/sourcing-probe.json), each shown on sentences of our own that are not in
// the probe: a spokesperson named through a possessive ("the council's spokesperson") is a person a later "she" points
// at; "the diplomats" after "Three diplomats ... said" points back at them; a non-reporting verb in a relative clause with a noun subject ("which the mayor supported") is no cue; "point" after a count or a fraction ("by a quarter point") is a unit, not a cue.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePure } from '../../engine/analyze.js';

const graded = (text: string) =>
  analyzePure({ text }).attributions.map((a) => [a.source?.text ?? null, a.cue.text, a.grade, a.resolvesTo ? text.slice(a.resolvesTo.start, a.resolvesTo.end) : null]);

test('"she" after a possessive spokesperson of a named body points at the spokesperson', () => {
  const text = "Harlow Bank's spokeswoman said 90 branches would close. She said staff would be moved.";
  assert.deepEqual(graded(text).at(-1), ['She', 'said', 'anaphoric', "Harlow Bank's spokeswoman"]);
});

test('"he" after "the airline\'s spokesman" points at the spokesman, not the airline', () => {
  const text = "Norska Air cancelled 60 flights. The airline's spokesman said crews were unwell. He said refunds would be paid within a week.";
  assert.deepEqual(graded(text).at(-1), ['He', 'said', 'anaphoric', "The airline's spokesman"]);
  // "It" passes the spokesman by for the airline he speaks for.
  assert.deepEqual(graded(`${text} It said fares would not rise.`).at(-1), ['It', 'said', 'anaphoric', 'Norska Air']);
});

test('a non-reporting verb in a relative clause with a noun subject is no cue', () => {
  assert.deepEqual(graded('The levy, which the mayor opposed, raised 2 million.'), []);
  assert.deepEqual(graded('The school that the governors supported last year will reopen in May.'), []);
  // Contrast: a reporting verb there still reports.
  assert.equal(graded('The levy, which the minister said would raise 2 billion, was dropped.').length, 1);
});

test('"the diplomats" after "Three diplomats ... said" points back at them', () => {
  const text = 'Three diplomats who spoke on condition of anonymity said the ceasefire would hold. The diplomats said monitors would arrive on Friday.';
  assert.deepEqual(graded(text).at(-1), ['The diplomats', 'said', 'anaphoric', 'Three diplomats']);
});

test('contrast: a bare "the residents" with no group introduced before stays vague', () => {
  assert.deepEqual(graded('The river burst its banks on Monday. The residents said the water rose within an hour.'), [['The residents', 'said', 'vague', null]]);
  // A group named by a bare plural ("Officials said") introduces nothing a later "the officials" must repeat.
  assert.equal(graded('Officials said the road was closed. The officials said it would reopen.').at(-1)![2], 'vague');
});

test('"point" after a count or a fraction is a unit, not a cue', () => {
  assert.deepEqual(graded('The central bank is expected to raise rates by a quarter point on Thursday.'), []);
  assert.deepEqual(graded('Bond yields fell by half a point on Monday and by two points on Tuesday.').filter(([, c]) => /point/.test(String(c))), []);
  // Contrast: 'pointed out' with a source stays a cue.
  assert.deepEqual(graded('The auditor pointed out that 40 invoices were missing.').map(([s]) => s), ['The auditor']);
});
