// Round nine, hand A: look-alikes of reporting (policy.json titleWords, possessiveNouns, commitments, wants, orders,
// announcedEvents, demands) and the speaker an -ing aside continues. Every sentence is the project's own; each rule has a contrast.
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
  ['a vow to act is no statement', 'The new coach vowed to rebuild the squad around its youngsters.', 'vowed', 'The new coach', 'commitment'],
  ['contrast: a promise with a that-clause is a statement', 'The ferry operator has promised that no sailings will be cut this winter.', 'promised', 'The ferry operator', undefined],
  ['a cue that runs on past a promise to the act promised is no statement', 'The mayor, who has promised to decide by June, was not at the meeting.', 'has promised to decide', undefined, 'commitment'],
  ['a demand for a thing is no statement', 'The tenants have called for a rent freeze until the roof is mended.', 'called for', 'The tenants', 'demand'],
  ['a proposal of a thing is no statement', 'The board proposed a dividend of 3 pence a share.', 'proposed', 'The board', 'demand'],
  ['contrast: a demand with a that-clause carries a statement', 'The tenants demanded that the landlord admit the roof had leaked for years.', 'demanded', 'The tenants', undefined],
  ['a wish for an act ("wants to") is no statement', 'The headteacher wants to move the sports day to June.', 'wants', 'The headteacher', 'wish'],
  ['a wish that someone act ("wants X to") is no statement', 'The chemist wants the council to repaint the crossing outside her shop.', 'wants', 'The chemist', 'wish'],
  ['contrast: a stated position ("wants a cap") stays', 'The senator wants a cap on rail fares.', 'wants', 'The senator', undefined],
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
