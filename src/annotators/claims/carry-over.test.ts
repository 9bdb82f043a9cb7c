import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textAnalysisOf } from '../../nlp/tokens.js';
import { carryRule, continued, isListItem, pollRule, quoteOpenAfter, type Candidate, type Report, type SourceKind } from './carry-over.js';

const report = (kind: SourceKind = 'unknown', extra: Partial<Report> = {}): Report => ({
  ids: ['a1'], paragraph: 0, kind, names: new Set(['berg']), colon: false, list: false, poll: false, ...extra,
});

const sentence = (text: string, extra: Partial<Candidate> = {}): Candidate => ({
  text, tokens: textAnalysisOf(text, new Map()).tokens, paragraph: 0, insideQuote: false, listItem: isListItem(text), ...extra,
});

test('a sentence with a new subject and a new figure is not carried into', () => {
  assert.equal(carryRule(report(), sentence('In the north there are at least 12,000 such people.')), undefined);
  assert.equal(carryRule(report(), sentence('Another 40 boats moved to Kessel.')), undefined);
});

test('an unattributed quotation right after the report continues it, in the same or the next paragraph', () => {
  assert.equal(carryRule(report(), sentence('“We lost 300 boats this year.”')), 'quotation');
  assert.equal(carryRule(report(), sentence('"We lost 300 boats this year."', { paragraph: 1 })), 'quotation');
  assert.equal(carryRule(report(), sentence('“We lost 300 boats this year.”', { paragraph: 2 })), undefined);
  assert.equal(carryRule(report(), sentence('We lost 300 boats this year.')), undefined);
});

test('a sentence inside a quotation opened earlier in the paragraph continues the report', () => {
  assert.equal(carryRule(report(), sentence('Another 40 sank in the storm.', { insideQuote: true })), 'quotation');
  assert.equal(carryRule(report(), sentence('Another 40 sank in the storm.', { insideQuote: false })), undefined);
});

test('quotation marks open and close quotations; the apostrophe does not', () => {
  assert.equal(quoteOpenAfter('Berg said: “We lost 300 boats.', false), true);
  assert.equal(quoteOpenAfter('Another 40 sank.” The port is empty.', true), false);
  assert.equal(quoteOpenAfter('She said "we lost" and "they won', false), true);
  assert.equal(quoteOpenAfter('The port’s boats sank.', false), false);
});

test('a continuation verb beside an agreeing pronoun or the source\'s name continues the report', () => {
  const table: [string, SourceKind, string | undefined][] = [
    ['Another 40 moved to Kessel, she added.', 'person', 'continuation-verb'],
    ['Another 40 moved to Kessel, added Berg.', 'person', 'continuation-verb'],
    ['He then went on to list 40 closed shops.', 'unknown', 'continuation-verb'],
    ['Another 40 moved to Kessel, she added.', 'non-person', undefined],
    ['Another 40 moved to Kessel, added Lund.', 'person', undefined],
    ['Another 40 moved to Kessel, and 12 added a second berth.', 'person', undefined],
  ];
  for (const [text, kind, rule] of table) assert.equal(carryRule(report(kind), sentence(text)), rule, text);
});

test('a pronoun subject agreeing with the source, with a reporting verb, continues the report', () => {
  const table: [string, SourceKind, string | undefined][] = [
    ['It also counted 400 people under 25.', 'non-person', 'pronoun-subject'],
    ['And they estimate that 40 more will come.', 'unknown', 'pronoun-subject'],
    ['It has also found 400 empty flats.', 'unknown', 'pronoun-subject'],
    ['She put the number at 400.', 'person', 'pronoun-subject'],
    ['It also counted 400 people under 25.', 'person', undefined],
    ['He counted 400 people under 25.', 'non-person', undefined],
    ['It means the port lost 340 boats.', 'non-person', undefined],
    ['They slept in 40 cars.', 'unknown', undefined],
  ];
  for (const [text, kind, rule] of table) assert.equal(carryRule(report(kind), sentence(text)), rule, text);
});

test('continuation and pronoun subjects do not cross a paragraph break', () => {
  assert.equal(carryRule(report(), sentence('It also counted 400 people under 25.', { paragraph: 1 })), undefined);
  assert.equal(carryRule(report('person'), sentence('Another 40 moved, she added.', { paragraph: 1 })), undefined);
});

test('the sentence after a report ending in a colon continues it, and so do the list items after it', () => {
  const colon = report('unknown', { colon: true, list: true });
  assert.equal(carryRule(colon, sentence('300 families slept in cars.', { paragraph: 1 })), 'colon-list');
  const item = continued(colon, sentence('- 300 families slept in cars.', { paragraph: 1 }));
  assert.deepEqual([item.colon, item.list, item.paragraph], [false, true, 1]);
  assert.equal(carryRule(item, sentence('- 120 people slept in tents.', { paragraph: 2 })), 'colon-list');
  assert.equal(carryRule(item, sentence('The city opened 4 shelters.', { paragraph: 2 })), undefined);
  const prose = continued(colon, sentence('300 families slept in cars.'));
  assert.equal(carryRule(prose, sentence('- 120 people slept in tents.')), undefined);
  assert.equal(carryRule(report(), sentence('- 120 people slept in tents.')), undefined);
});

test('bullets, dashes and item numbers make list items', () => {
  for (const text of ['- 40 more', '• 40 more', '2. 120 more', '(3) 12 more', 'b) 12 more', '1.']) assert.equal(isListItem(text), true, text);
  for (const text of ['40 more', 'A. Berg said so', '2024 was dry', '-40 degrees']) assert.equal(isListItem(text), false, text);
});

test('a sentence with a figure and the words of poll results continues a poll given as a source earlier', () => {
  const poll = report('unknown', { poll: true, paragraph: 0 });
  const later = (text: string) => sentence(text, { paragraph: 3 });
  assert.equal(pollRule(poll, later('Of the voters asked, 62 percent of respondents backed the levy.'), true), 'poll-results');
  assert.equal(pollRule(poll, later('Among renters, support reached 70 percent.'), true), 'poll-results');
  assert.equal(pollRule(poll, later('The margin of error is 4 points.'), true), 'poll-results');
  assert.equal(pollRule(poll, later('Turnout at the last vote was 48 percent.'), true), undefined);
  assert.equal(pollRule(poll, later('Support for the levy is strong.'), false), undefined);
  assert.equal(pollRule(report('unknown', { poll: false }), later('Among renters, support reached 70 percent.'), true), undefined);
  assert.equal(pollRule(undefined, later('Among renters, support reached 70 percent.'), true), undefined);
});

test('a poll\'s answers are found in any inflection: "opposed", "backs", "agreed"', () => {
  const poll = report('unknown', { poll: true, paragraph: 0 });
  const later = (text: string) => sentence(text, { paragraph: 2 });
  assert.equal(pollRule(poll, later('Among tenants, 64 percent opposed the levy and 30 percent supported it.'), true), 'poll-results');
  assert.equal(pollRule(poll, later('Just 41 percent backs the harbour plan.'), true), 'poll-results');
  assert.equal(pollRule(poll, later('Some 55 percent agreed that rents are too high.'), true), 'poll-results');
  assert.equal(pollRule(poll, later('The ferry carried 55 passengers on Monday.'), true), undefined);
});

test('a study\'s method and breakdowns continue it like a poll\'s: sampling, breakdowns by group and age', () => {
  const study = report('unknown', { poll: true, paragraph: 0 });
  const later = (text: string) => sentence(text, { paragraph: 2 });
  assert.equal(pollRule(study, later('The team sampled soil at 40 farms.'), true), 'poll-results');
  assert.equal(pollRule(study, later('The firm surveyed 900 adults by phone.'), true), 'poll-results');
  assert.equal(pollRule(study, later('Broken down by town: 30 percent in Ebb and 41 percent in Flow.'), true), 'poll-results');
  assert.equal(pollRule(study, later('Use was highest among people aged 18 to 24, at 61 percent.'), true), 'poll-results');
  assert.equal(pollRule(study, later('The farms employ 900 people.'), true), undefined);
});

test('after a study reported by its researchers, its method, breakdowns and share results are the study\'s', () => {
  const study = report('unknown', { poll: true, paragraph: 0 });
  const later = (text: string) => sentence(text, { paragraph: 2 });
  assert.equal(pollRule(study, later('The team sampled moss from 300 roofs.'), true), 'poll-results');
  assert.equal(pollRule(study, later('The researchers fitted tags to 420 eels.'), true), 'poll-results');
  assert.equal(pollRule(study, later('Among the control plots, only 4 failed.'), true), 'poll-results');
  assert.equal(pollRule(study, later('Even among renters, a majority backed the levy.'), false), 'poll-results');
  assert.equal(pollRule(study, later('The city has 14 parks.'), true), undefined);
  assert.equal(pollRule(study, later('Renters backed the levy.'), false), undefined);
});

test('a pronoun partitive with a figure breaks down the figure a table, poll or study just reported; its further parts go on with it', () => {
  const withFigure = (text: string, extra: Partial<Candidate> = {}) => sentence(text, { figure: true, ...extra });
  const table = report('unknown', { table: true });
  assert.equal(carryRule(table, withFigure('Of those, 310 were lorries.')), 'breakdown');
  assert.equal(carryRule(table, withFigure('Of them, 40 percent came by rail.', { paragraph: 1 })), 'breakdown');
  assert.equal(carryRule(report('unknown', { poll: true }), withFigure('Of them, 40 percent came by rail.')), 'breakdown');
  // After a person or a body that said the figure, the breakdown is a new claim.
  assert.equal(carryRule(report(), withFigure('Of those, 310 were lorries.')), undefined);
  // Without a figure it is no breakdown; an additive opener straight after the report is a new claim.
  assert.equal(carryRule(table, sentence('Of those, most were lorries.')), undefined);
  assert.equal(carryRule(table, withFigure('A further 12 percent came by bus.')), undefined);
  // After a breakdown, the next part continues it, and continued() keeps track of the breakdown.
  const broken = continued(table, withFigure('Of those, 310 were lorries.'), 'breakdown');
  assert.equal(broken.breakdown, true);
  assert.equal(carryRule(broken, withFigure('A further 12 percent came by bus.')), 'breakdown');
  assert.equal(carryRule(broken, withFigure('The rest, 90, were vans.')), 'breakdown');
  assert.equal(continued(report(), withFigure('Another 40 sank in the storm.', { insideQuote: true }), 'quotation').breakdown, false);
});

test('the study or poll itself as the subject of a sentence without a figure is told by that study; with a figure it is not', () => {
  const study = report('unknown', { poll: true });
  assert.equal(pollRule(study, sentence('The study was paid for by a fisheries charity.'), false), 'poll-results');
  assert.equal(pollRule(study, sentence('The survey appears in the spring issue of the journal.'), false), 'poll-results');
  assert.equal(pollRule(study, sentence('The study, paid for by a 90,000-euro grant, appears in the spring issue.'), true), undefined);
  assert.equal(pollRule(report(), sentence('The study was paid for by a fisheries charity.'), false), undefined);
});

test('a passive of an answer word is no poll result: "is approved for use", "was backed by the council"', () => {
  const poll = report('unknown', { poll: true, paragraph: 0 });
  const later = (text: string) => sentence(text, { paragraph: 2 });
  assert.equal(pollRule(poll, later('The weedkiller is approved for use in 12 countries.'), true), undefined);
  assert.equal(pollRule(poll, later('The bypass was backed by 14 councillors.'), true), undefined);
  assert.equal(pollRule(poll, later('Some 54 percent approved of the bypass.'), true), 'poll-results');
});

test('a study\'s write-up in the past goes on through the figures of the next paragraph and of a paragraph already carried into; not its own lede\'s next sentence, nor a figure in the present or of another time', () => {
  const study = report('unknown', { poll: true, paragraph: 0 });
  const figure = (text: string, paragraph: number) => sentence(text, { paragraph, figure: true });
  assert.equal(carryRule(study, figure('The ponds were a mix of 14 upland and 9 lowland sites.', 1)), 'study-results');
  assert.equal(carryRule(study, figure('The river feeds 40,000 homes.', 0)), undefined);
  const carried = continued(study, figure('The ponds were a mix of 14 upland and 9 lowland sites.', 1), 'study-results');
  assert.equal(carryRule(carried, figure('Frogs averaged 12 eggs a clutch.', 1)), 'study-results');
  assert.equal(carryRule(carried, figure('The ponds hold 40,000 frogs.', 1)), undefined);
  assert.equal(carryRule(carried, figure('Turnout in the last election was 41 percent.', 1)), undefined);
  assert.equal(carryRule(carried, figure('In 2019 the county counted 300 ponds.', 2)), undefined);
  assert.equal(carryRule(carried, figure('Frogs averaged 12 eggs a clutch.', 3)), undefined);
  assert.equal(carryRule(report('unknown', { paragraph: 0 }), figure('Frogs averaged 12 eggs a clutch.', 1)), undefined);
});

test('a further share right after a poll\'s own figures is its next answer; after another report it is a new claim', () => {
  const next = sentence('A further 29 percent wanted a shorter week.', { figure: true });
  assert.equal(carryRule(report('unknown', { poll: true }), next), 'breakdown');
  assert.equal(carryRule(report('unknown'), next), undefined);
});

test('after a study\'s figure, "another 28 percent" later in the next sentence of its paragraph is its next part; "another" before no number is not', () => {
  const study = report('unknown', { poll: true });
  assert.equal(carryRule(study, sentence('Road dust accounts for another 28 percent.', { figure: true })), 'breakdown');
  assert.equal(carryRule(study, sentence('Road dust is another source, found in 40 towns.', { figure: true })), undefined);
  assert.equal(carryRule(report('unknown'), sentence('Road dust accounts for another 28 percent.', { figure: true })), undefined);
});

test('an opinion poll\'s results in the present go on with it; a study\'s figure in the present does not', () => {
  const figure = (text: string) => sentence(text, { paragraph: 1, figure: true });
  assert.equal(carryRule(report('unknown', { poll: true, pollInPresent: true }), figure('The Harbour Party stands at 27 percent.')), 'study-results');
  assert.equal(carryRule(report('unknown', { poll: true }), figure('The Harbour Party stands at 27 percent.')), undefined);
  // A plan or forecast the writer states after the poll is set in another time than its answers.
  assert.equal(carryRule(report('unknown', { poll: true, pollInPresent: true }), figure('The new assembly will have 41 seats.')), undefined);
});
