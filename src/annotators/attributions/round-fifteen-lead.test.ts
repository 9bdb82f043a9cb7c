// Round fifteen, the lead (issue 13), from articles written apart from the tool (t241–t256): "the force" after a named
// police force and "the operator" after a named company point back at them; a title ending in an -ing word ("head of
// polling") before a name names the person; a campaign speaks for its owner; a directorate and a breakdown released
// by a named body are graded by what they name. Every sentence is the project's own; each rule has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePure } from '../../engine/analyze.js';

const graded = (text: string) =>
  analyzePure({ text }).attributions.map((a) => [a.source?.text ?? null, a.grade, a.resolvesTo ? text.slice(a.resolvesTo.start, a.resolvesTo.end) : null]);

test('"the force" after a named police force points back at it', () => {
  assert.deepEqual(graded('Thefts reported to Marlow Police rose to 900 last year, according to the force\'s own figures.'), [["the force's own figures", 'anaphoric', 'Marlow Police']]);
  // Contrast: with no force named before it names none.
  assert.deepEqual(graded('Thefts rose to 900 last year, the force said.').map(([s, g]) => [s, g]), [['the force', 'vague']]);
});

test('"the operator" after a named company points back at it', () => {
  const text = 'Brightwater Ferries Ltd cut its timetable on Monday. Fares will rise, the operator said.';
  assert.deepEqual(graded(text), [['the operator', 'anaphoric', 'Brightwater Ferries Ltd']]);
  // Contrast: with no company named before, "the operator" names none.
  assert.deepEqual(graded('Fares will rise, the operator said.').map(([s, g]) => [s, g]), [['the operator', 'vague']]);
});

test('a title ending in an -ing word before an appositive name names the person', () => {
  assert.deepEqual(graded("Civica's head of polling, Anna Berg, said turnout was low.").map(([, g]) => g), ['named']);
  // Contrast: a description after the title instead of a name stays vague.
  assert.deepEqual(graded("Civica's head of polling, a former academic, said turnout was low.").map(([, g]) => g), ['vague']);
});

test('a campaign speaks for the person who owns it', () => {
  assert.deepEqual(graded('The Reform candidate, Gareth Lowe, trails the mayor. Lowe\'s campaign dismissed the poll.').map(([s, g]) => [s, g]), [["Lowe's campaign", 'named']]);
  // Contrast: a campaign with no owner is some campaign.
  assert.deepEqual(graded('A campaign said the poll was wrong.').map(([, g]) => g), ['vague']);
});

test('a directorate and a breakdown released by a named body are graded by what they name', () => {
  assert.deepEqual(graded("Cases rose to 86, according to the district's public health directorate.").map(([, g]) => g), ['named']);
  assert.deepEqual(graded('Donors pledged $1.4 billion, according to a breakdown released by the Selvanian finance ministry.').map(([, g]) => g), ['named']);
  // Contrast: a directorate alone names none.
  assert.deepEqual(graded('Cases rose to 86, according to the directorate.').map(([, g]) => g), ['vague']);
});

test('"plans to" after a noun is a plan, even where the tagger reads "plans" as a noun', () => {
  assert.deepEqual(graded("Varga's group plans to repeat the count in 2027."), []);
  assert.deepEqual(graded('The group plans to repeat the count in 2027.'), []);
  // Contrast: a group that says something is a source.
  assert.deepEqual(graded("Varga's group says the count will be repeated in 2027.").map(([s]) => s), ["Varga's group"]);
});
