// Round nine, hand A: look-alikes of reporting (policy.json titleWords, possessiveNouns, commitments, orders,
// announcedEvents) and the speaker an -ing aside continues. Every sentence is the project's own; each rule has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../nlp/tokens.js';
import { defaultLexicon } from './lexicon.js';
import { judge, type Refusal } from './policy.js';
import { annotate, views } from './test-helpers.js';

/** The token span of the first occurrence of `words` in an analysed text. */
function spanOf(text: string, words: string): { first: number; end: number } {
  const { tokens } = analyzeText(text);
  const from = text.indexOf(words);
  const first = tokens.findIndex((t) => t.start === from);
  const end = tokens.findIndex((t) => t.end === from + words.length) + 1;
  assert.ok(first >= 0 && end > first, `"${words}" is not a run of tokens in the test text`);
  return { first, end };
}

/** The refusal the policy gives a verb cue (with its source, if any), as a rule or the tagger would propose them. */
function refusal(text: string, cue: string, source?: string): Refusal | undefined {
  const { tokens } = analyzeText(text);
  return judge(tokens, { first: 0, end: tokens.length }, { cue: spanOf(text, cue), ...(source ? { source: spanOf(text, source) } : {}) }, defaultLexicon()).refused;
}

const table: readonly [name: string, text: string, cue: string, source: string | undefined, expected: Refusal | undefined][] = [
  ['a cue in a programme title is no cue', 'The channel will repeat its quiz show, "Who Said It First", on Sunday.', 'Said', 'Who', 'title'],
  ['contrast: a cue after an opening quotation mark stays', 'He wrote to the board: "Said like that, it sounds worse than it is."', 'Said', undefined, undefined],
  ['a possessive before "claims" with nothing after points back', 'The landlords deny any wrongdoing, and their claims are being checked by the council.', 'claims', 'their', 'possessive-noun'],
  ['contrast: a possessive before "claims that" keeps its content', 'The tenants repeated their claims that the boiler had failed twice.', 'claims', 'their', undefined],
  ['a promise of an act is no statement', 'The ferry operator has promised a new timetable by the autumn.', 'promised', 'The ferry operator', 'commitment'],
  ['a passive promise of a thing is no statement', 'Tenants on the estate have been promised new windows before winter.', 'promised', 'Tenants on the estate', 'commitment'],
  ['a vow to act is an intention, no statement (issue 13\'s source policy; PolNeAR marks it)', 'The new coach vowed to rebuild the squad around its youngsters.', 'vowed', 'The new coach', 'commitment'],
  ['a threat of an act is an intention, no statement', 'Bus operators have threatened to withdraw evening services.', 'threatened', 'Bus operators', 'commitment'],
  ['contrast: a promise with a that-clause is a statement', 'The ferry operator has promised that no sailings will be cut this winter.', 'promised', 'The ferry operator', undefined],
  ['a cue that runs on past a promise of a thing is no statement', 'The mayor, who has promised a decision by June, was not at the meeting.', 'has promised a decision', undefined, 'commitment'],
  ['an order ("told X to VERB") is no statement', 'The manager told the drivers to park behind the depot.', 'told', 'The manager', 'order'],
  ['contrast: "told X that" is a statement', 'The manager told the drivers that the depot would close in May.', 'told', 'The manager', undefined],
  ['an event announced by nobody is no attribution', 'A second open day has been announced for the spring.', 'announced', 'A second open day', 'announced-event'],
  ['contrast: an impersonal passive with content stays', 'It has been announced that the open day will move to the spring.', 'announced', 'It', undefined],
  ['contrast: a passive with its agent stays', 'The closure was announced by the trust on Monday.', 'announced', 'The closure', undefined],
];

for (const [name, text, cue, source, expected] of table) test(name, () => assert.equal(refusal(text, cue, source), expected));

test('an -ing aside after ", she said," continues the speaker, not the sentence subject', () => {
  const text = 'Porters had been asked to cover two extra wards, she said, adding that nobody had refused.';
  const adding = views(annotate(text)).find((v) => v.cue.startsWith('adding'));
  assert.equal(adding?.source, 'she');
});

test('contrast: an -ing aside with no speaker before it keeps the subject at the clause start', () => {
  const text = 'The mayor dismissed the survey, saying that it asked the wrong people.';
  const saying = views(annotate(text)).find((v) => v.cue.startsWith('saying'));
  assert.equal(saying?.source, 'The mayor');
});

test('"he" does not point back at a source its words call a woman ("A mother of two")', () => {
  const text = 'A mother of two said the bus had not come. "We waited an hour," he said.';
  const he = views(annotate(text)).find((v) => v.source === 'he');
  assert.equal(he?.resolvesTo, undefined);
});

test('contrast: "she" still points back at "A mother of two"', () => {
  const text = 'A mother of two said the bus had not come. "We waited an hour," she said.';
  const she = views(annotate(text)).find((v) => v.source === 'she');
  assert.equal(she?.resolvesTo, 'A mother of two (a1)');
});

test('"The leaflet" points back at the leaflet introduced before it', () => {
  const text = 'A leaflet from the council gives the new collection days. The leaflet says glass will be taken every fortnight.';
  const leaflet = views(annotate(text)).find((v) => v.source === 'The leaflet');
  assert.equal(leaflet?.grade, 'anaphoric');
});

test('contrast: "A leaflet" at its first mention is no back-reference', () => {
  const text = 'A leaflet from the council says glass will be taken every fortnight.';
  const leaflet = views(annotate(text)).find((v) => v.source?.startsWith('A leaflet'));
  assert.notEqual(leaflet?.grade, 'anaphoric');
});
