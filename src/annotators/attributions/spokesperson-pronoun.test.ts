// A spokesperson graded through the body they speak for is still a person: a later "he" or "she" points back at the
// spokesperson, and an "it" passes them by for the body. Found by trying the tool on a storm report of our own ("...,
// according to a spokesman for the operator. He added ..." left "He" unresolved: the spokesman was taken for an agency).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePure } from '../../engine/analyze.js';

const graded = (text: string) =>
  analyzePure({ text }).attributions.map((a) => [a.source?.text ?? null, a.grade, a.resolvesTo ? text.slice(a.resolvesTo.start, a.resolvesTo.end) : null]);

test('"he" after "according to a spokesman for the operator" points at the spokesman', () => {
  const text = 'Some 40,000 homes lost power, the regional grid operator said. Crews restored 30,000 by Sunday, according to a spokesman for the operator. He added that some customers could wait until Wednesday.';
  assert.deepEqual(graded(text), [
    ['the regional grid operator', 'named', null],
    ['a spokesman for the operator', 'anaphoric', 'the regional grid operator'],
    ['He', 'anaphoric', 'a spokesman for the operator'],
  ]);
});

test('"she" after a spokeswoman for a named body points at the spokeswoman', () => {
  const text = 'Fares will rise by 8 percent, a spokeswoman for Brightwater Ferries said on Monday. She said the timetable would not change.';
  assert.deepEqual(graded(text).at(-1), ['She', 'anaphoric', 'a spokeswoman for Brightwater Ferries']);
});

test('contrast: a spokeswoman is no antecedent of "he"', () => {
  const text = 'Some 40,000 homes lost power, the regional grid operator said. Crews restored 30,000 by Sunday, according to a spokeswoman for the operator. He added that some customers could wait until Wednesday.';
  assert.notEqual(graded(text).at(-1)![2], 'a spokeswoman for the operator');
});

test('a title whose post-modifier ends in the name of its body, then an appositive name, names the person', () => {
  assert.deepEqual(graded('The head of Brightwater Ferries, Anna Berg, said fares would rise. She added that the timetable would not change.'), [
    ['The head of Brightwater Ferries, Anna Berg', 'named', null],
    ['She', 'anaphoric', 'Anna Berg'],
  ]);
  assert.deepEqual(graded('The chief executive of Kelby Motors, Tom Reyes, said 300 jobs would go.').map(([, g]) => g), ['named']);
  // Contrast: a body's name with no person's name after it names no person.
  assert.deepEqual(graded('The head of Brightwater Ferries said fares would rise.').map(([s]) => s), ['The head of Brightwater Ferries']);
});

test('a name ending in a company word ("Ferries", "Motors", "Rail") is an organisation, not a person', () => {
  const types = (text: string) => analyzePure({ text }).entities.map((e) => [text.slice(e.start, e.end), e.type]);
  assert.deepEqual(types('A spokeswoman for Brightwater Ferries said fares would rise.'), [['Brightwater Ferries', 'organization']]);
  assert.deepEqual(types('Engineers at Nordvik Rail said the line would reopen.'), [['Nordvik Rail', 'organization']]);
});
