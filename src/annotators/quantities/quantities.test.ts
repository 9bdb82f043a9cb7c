import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { QuantityAnnotation } from '../../core/annotations.js';
import { createDocument } from '../../core/document.js';
import { ClaimtraceError } from '../../core/errors.js';
import { createPipeline } from '../../core/pipeline.js';
import { STATISTIC_KINDS } from '../claims/index.js';
import { createSentenceAnnotator } from '../sentences/index.js';
import { createQuantityAnnotator } from './index.js';

/** [covered text, start, end, kind, bound, value, low, high, unit] */
type Row = [string, number, number, string, string, number, number | undefined, number | undefined, string | undefined];

const quantities = (text: string, options = {}): QuantityAnnotation[] => {
  const doc = createPipeline([createSentenceAnnotator(), createQuantityAnnotator(options)]).run(createDocument(text));
  return [...doc.all('quantity')];
};

const rows = (text: string): Row[] =>
  quantities(text).map((q) => [text.slice(q.start, q.end), q.start, q.end, q.quantityKind, q.bound, q.value, q.low, q.high, q.unit]);

const CASES: [string, Row[]][] = [
  ['Two harbour masters quit.', [['Two', 0, 3, 'count', 'exact', 2, 2, 2, 'masters']]],
  ['It holds 40 boats and up to 70 empty ones.', [['40', 9, 11, 'count', 'exact', 40, 40, 40, 'boats'], ['up to 70', 22, 30, 'count', 'at-most', 70, 0, 70, 'boats']]],
  ['The port paid $4bn for the quay.', [['$4bn', 14, 18, 'money', 'exact', 4e9, 4e9, 4e9, '$']]],
  ['A bridge cost €3.2 billion.', [['€3.2 billion', 14, 26, 'money', 'exact', 3.2e9, 3.2e9, 3.2e9, '€']]],
  ['Rents rose for 45% of tenants.', [['45%', 15, 18, 'percent', 'exact', 45, 45, 45, '%']]],
  ['Some 45 percent of boats were idle.', [['Some 45 percent', 0, 15, 'percent', 'approx', 45, 40.5, 49.5, '%']]],
  ['Only 12 per cent voted.', [['12 per cent', 5, 16, 'percent', 'exact', 12, 12, 12, '%']]],
  ['The town has 1.2 million visitors.', [['1.2 million', 13, 24, 'count', 'exact', 1.2e6, 1.2e6, 1.2e6, 'visitors']]],
  ['It hosts 500+ yachts.', [['500+', 9, 13, 'count', 'at-least', 500, 500, undefined, 'yachts']]],
  ['Twenty-five trawlers left.', [['Twenty-five', 0, 11, 'count', 'exact', 25, 25, 25, 'trawlers']]],
  ['A dozen ferries waited.', [['A dozen', 0, 7, 'count', 'exact', 12, 12, 12, 'ferries']]],
  ['Dozens of swimmers came.', [['Dozens', 0, 6, 'count', 'approx', 24, 24, 143, 'swimmers']]],
  ['Hundreds of thousands of tourists visit.', [['Hundreds of thousands', 0, 21, 'count', 'approx', 2e5, 2e5, 999999, 'tourists']]],
  ['Tens of thousands of people came.', [['Tens of thousands', 0, 17, 'count', 'approx', 20000, 20000, 99999, 'people']]],
  ['There are 20,000 former fishermen.', [['20,000', 10, 16, 'count', 'exact', 20000, 20000, 20000, 'fishermen']]],
  ['The census found 1,115 EU residents.', [['1,115', 17, 22, 'count', 'exact', 1115, 1115, 1115, 'residents']]],
  ['At least some 80,000 people live there.', [['At least some 80,000', 0, 20, 'count', 'at-least', 80000, 80000, undefined, 'people']]],
  ['In Sandholm, there are at least 16,000 of such people.', [['at least 16,000', 23, 38, 'count', 'at-least', 16000, 16000, undefined, 'people']]],
  ['The ministry tracks up to 40,000 former radical smugglers.', [['up to 40,000', 20, 32, 'count', 'at-most', 40000, 0, 40000, 'smugglers']]],
  ['As many as 3,000 seals were seen.', [['As many as 3,000', 0, 16, 'count', 'at-most', 3000, 0, 3000, 'seals']]],
  ['Nearly 80 percent agreed.', [['Nearly 80 percent', 0, 17, 'percent', 'at-most', 80, 72, 80, '%']]],
  ['Inflation stayed below 3 percent.', [['below 3 percent', 17, 32, 'percent', 'at-most', 3, 0, 3, '%']]],
  ['They put it at closer to 6 million dollars.', [['closer to 6 million dollars', 15, 42, 'money', 'approx', 6000000, 5400000, 6600000, '$']]],
  ['The club made £53m.', [['£53m', 14, 18, 'money', 'exact', 53000000, 53000000, 53000000, '£']]],
  ['Almost 7,000 boats sailed.', [['Almost 7,000', 0, 12, 'count', 'at-most', 7000, 6300, 7000, 'boats']]],
  ['Fewer than a dozen inspectors came.', [['Fewer than a dozen', 0, 18, 'count', 'at-most', 12, 0, 12, 'inspectors']]],
  ['Roughly 20 000 crowns changed hands.', [['Roughly 20 000', 0, 14, 'count', 'approx', 20000, 18000, 22000, 'crowns']]],
  ['The survey ran between 2000 and 2018.', [['between 2000 and 2018', 15, 36, 'year-span', 'range', 2000, 2000, 2018, undefined]]],
  ['Catches fell 2000-2018 along the coast.', [['2000-2018', 13, 22, 'year-span', 'range', 2000, 2000, 2018, undefined]]],
  ['Between 50 and 20 nurses quit.', [['Between 50 and 20', 0, 17, 'count', 'range', 50, 50, 20, 'nurses']]],
  ['Fares were 20-30 euros.', [['20-30 euros', 11, 22, 'money', 'range', 20, 20, 30, '€']]],
  ['Back in 2016 the quay flooded.', [['2016', 8, 12, 'year', 'exact', 2016, 2016, 2016, undefined]]],
  ['The 2019 regatta drew 2000 people.', [
    ['2019', 4, 8, 'year', 'exact', 2019, 2019, 2019, undefined],
    ['2000', 22, 26, 'count', 'exact', 2000, 2000, 2000, 'people'],
  ]],
  ['It is a 30-minute drive away.', [['30-minute', 8, 17, 'duration', 'exact', 30, 30, 30, 'minute']]],
  ['The inquiry took three weeks.', [['three weeks', 17, 28, 'duration', 'exact', 3, 3, 3, 'weeks']]],
  ['Divers came within a couple of hours.', [['a couple of hours', 19, 36, 'duration', 'approx', 2, 2, 3, 'hours']]],
  ['She finished 2nd in the regatta.', [['2nd', 13, 16, 'ordinal', 'exact', 2, 2, 2, undefined]]],
  ['About three quarters of the crews stayed.', [['About three quarters', 0, 20, 'other', 'approx', 0.75, 0.675, 0.825, 'fraction']]],
  ['One in five residents agreed.', [['One in five', 0, 11, 'percent', 'exact', 20, 20, 20, '%']]],
  ['The 100m pier was rebuilt.', [['100m', 4, 8, 'other', 'exact', 100, 100, 100, 'm']]],
  ['A 16-inch pipe burst.', [['16-inch', 2, 9, 'other', 'exact', 16, 16, 16, 'inch']]],
  ['In the 1990s the port grew.', [['1990s', 7, 12, 'year-span', 'range', 1990, 1990, 1999, undefined]]],
  ['Route 9 and Highway 101 reopened.', [['9', 6, 7, 'ordinal', 'exact', 9, 9, 9, 'route'], ['101', 20, 23, 'ordinal', 'exact', 101, 101, 101, 'highway']]],
  ['It happened in the 3rd district.', [['3rd', 19, 22, 'ordinal', 'exact', 3, 3, 3, 'district']]],
  ['A 45-year-old man was hurt.', [['45-year-old', 2, 13, 'duration', 'exact', 45, 45, 45, 'year']]],
  ['Two nurses, aged 45 and 50, quit.', [
    ['Two', 0, 3, 'count', 'exact', 2, 2, 2, 'nurses'],
    ['45', 17, 19, 'duration', 'exact', 45, 45, 45, 'years'],
    ['50', 24, 26, 'duration', 'exact', 50, 50, 50, 'years'],
  ]],
  ['Cases rose to 1,240 last year.', [['1,240', 14, 19, 'count', 'exact', 1240, 1240, 1240, undefined]]],
  ['Of the aid, 12 billion goes to farmers.', [['12 billion', 12, 22, 'count', 'exact', 12e9, 12e9, 12e9, undefined]]],
  ['The budget of 48 billion splits into parts.', [['48 billion', 14, 24, 'count', 'exact', 48e9, 48e9, 48e9, undefined]]],
  ['Some 3,000 work in the north.', [['Some 3,000', 0, 10, 'count', 'approx', 3000, 2700, 3300, undefined]]],
  ['The three largest banks lost money.', [['three', 4, 9, 'count', 'exact', 3, 3, 3, 'banks']]],
  ['Among voters under 30, support fell.', [['under 30', 13, 21, 'duration', 'at-most', 30, 0, 30, 'years']]],
  ['It followed pupils aged 13 to 17.', [['13 to 17', 24, 32, 'duration', 'range', 13, 13, 17, 'years']]],
  ['Children as young as five ride it.', [['five', 21, 25, 'duration', 'exact', 5, 5, 5, 'years']]],
  ['Ana Ruiz, 58, denies the charges.', [['58', 10, 12, 'duration', 'exact', 58, 58, 58, 'years']]],
  ['Over 30 people came.', [['Over 30', 0, 7, 'count', 'at-least', 30, 30, undefined, 'people']]],
  ['He flew a Boeing 737.', [['737', 17, 20, 'ordinal', 'exact', 737, 737, 737, 'Boeing']]],
  ['Democrats hold 223 and Republicans 222.', [['223', 15, 18, 'count', 'exact', 223, 223, 223, undefined], ['222', 35, 38, 'count', 'exact', 222, 222, 222, undefined]]],
  ['According to the 2021 census, it grew.', [['2021', 17, 21, 'year', 'exact', 2021, 2021, 2021, undefined]]],
];

for (const [text, expected] of CASES) {
  test(`reads ${JSON.stringify(text)} with its exact span, bounds, kind and unit`, () => {
    assert.deepEqual(rows(text), expected);
  });
}

test('a change "rose from 5% to 9%" gives two figures, not a range', () => {
  assert.deepEqual(rows('The levy rose from 5% to 9% last year.'), [
    ['5%', 19, 21, 'percent', 'exact', 5, 5, 5, '%'],
    ['9%', 25, 27, 'percent', 'exact', 9, 9, 9, '%'],
  ]);
});

test('the first figure of a change borrows the scale and currency written after the second', () => {
  assert.deepEqual(rows('Harbour fees went from 1.2 to 1.5 million dollars.').map((r) => [r[0], r[3], r[5], r[8]]), [
    ['1.2', 'money', 1.2e6, '$'],
    ['1.5 million dollars', 'money', 1.5e6, '$'],
  ]);
});

test('the day of a date, a clock time and a phone number are not figures; the year of a date is', () => {
  assert.deepEqual(rows('On March 3, 2021 at 10:30 call +44 20 7946 0958, or write by 4 May.'), [
    ['2021', 12, 16, 'year', 'exact', 2021, 2021, 2021, undefined],
  ]);
});

test('the second day of a pair of dates is not a figure', () => {
  assert.deepEqual(rows('The vote is on August 20 and 27.'), []);
});

test('"the three companies" after "three firms" is not a figure', () => {
  assert.deepEqual(rows('The invoices went to three firms. Later the money went to the three companies.').map((r) => r[0]), ['three']);
});

test('clock times are not figures', () => {
  assert.deepEqual(rows('She was hurt at 9 pm, he at 10 a.m. and the wires went down at 1500 GMT.'), []);
});

test('a count of the items just named is not a figure', () => {
  assert.deepEqual(rows('Ohio, Iowa and Utah sent crews, and those three states paid.'), []);
  assert.deepEqual(rows('Ohio, Iowa, and Utah sent crews; the three states paid.'), []);
});

test('a count whose clause ends in a colon before the names of its items is a list count', () => {
  assert.deepEqual(rows('Three towns were hit hardest: Dunmore, Ashgrove and Kilbeg.'), []);
  // Contrasts: a list of another length, parts with figures, and a figure before the colon stay figures.
  assert.deepEqual(rows('Three towns were hit hardest: Dunmore, Ashgrove, Kilbeg and Moy.').map((r) => r[0]), ['Three']);
  assert.equal(rows('Three people died: two in Dunmore and one in Kilbeg.')[0]?.[0], 'Three');
  assert.deepEqual(rows('The storm hit 40 towns: Dunmore, Ashgrove and Kilbeg were worst.').map((r) => r[0]), ['40']);
});

test('"the two states" after a list of three names is still a count', () => {
  assert.deepEqual(rows('Ohio, Iowa and Utah sent crews; the two states nearest paid.').map((r) => r[0]), ['two']);
});

test('ages, times, dates, road numbers, ordinals and list counts have no statistic kind', () => {
  const text = 'A 45-year-old man was hurt at 9 pm on 4 May on Route 9, near Highway 101 in the 3rd district; Ohio, Iowa and Utah sent crews, and those three states paid.';
  const statistic = new Set(STATISTIC_KINDS);
  assert.deepEqual(quantities(text).filter((q) => statistic.has(q.quantityKind)).map((q) => text.slice(q.start, q.end)), []);
});

test('a numeric date and a label such as "No. 10" do not become counts', () => {
  assert.deepEqual(rows('The memo of 02.10.2019 went to No. 10 Quay Street.'), [['10', 35, 37, 'ordinal', 'exact', 10, 10, 10, 'no.']]);
});

test('a score such as "won 3-1" is not a range', () => {
  assert.deepEqual(rows('The harbour club won 3-1 on Sunday.'), []);
});

test('"one" as a pronoun and "the second half" are not figures', () => {
  assert.deepEqual(rows('One could say the second half of the season was calm.'), []);
});

test('offsets are exact UTF-16 indices after emoji, curly quotes and CRLF', () => {
  const text = 'Fans 🎉 said “some 300 boats” came.\r\n\r\nThen 45% left.';
  assert.deepEqual(rows(text), [
    ['some 300', 14, 22, 'count', 'approx', 300, 270, 330, 'boats'],
    ['45%', 44, 47, 'percent', 'exact', 45, 45, 45, '%'],
  ]);
});

test('the approximation tolerance is an option', () => {
  const [q] = quantities('Some 200 boats came.', { approxTolerance: 0.25 });
  assert.deepEqual([q?.low, q?.high], [150, 250]);
});

test('an approximation tolerance of 1 or more is refused', () => {
  assert.throws(() => createQuantityAnnotator({ approxTolerance: 1 }), (err) => err instanceof ClaimtraceError && err.code === 'E_OPTION_INVALID');
});

test('every quantity carries its provenance and a q-prefixed id', () => {
  const [q] = quantities('Some 200 boats came.');
  assert.deepEqual([q?.id, q?.source, q?.kind], ['q1', 'quantities@1', 'quantity']);
});

test('a figure too large to compute with is no quantity but a figure-too-large finding at its place', () => {
  const digits = '9'.repeat(400);
  const text = `Officials counted ${digits} boats and 40 cars.`;
  const doc = createPipeline([createSentenceAnnotator(), createQuantityAnnotator()]).run(createDocument(text));
  assert.deepEqual(rows(text), [['40', 429, 431, 'count', 'exact', 40, 40, 40, 'cars']]);
  assert.deepEqual(
    doc.findings.map((f) => [f.rule, f.severity, f.start, f.end]),
    [['figure-too-large', 'info', 18, 418]],
  );
  assert.match(doc.findings[0]!.message, /^"9{20}…" is too large to compute with/);
});

test('a figure just within the largest exact whole number stays a quantity', () => {
  assert.deepEqual(rows('It sold 9,007,199,254,740,991 grains.').map((r) => r[5]), [Number.MAX_SAFE_INTEGER]);
});

test('"over" after a noun and before a length of time says when, so the span has no bound', () => {
  assert.deepEqual(rows('Divers checked 40 wrecks over 18 months.').map((r) => [r[0], r[4]]), [['40', 'exact'], ['18 months', 'exact']]);
});

test('"over" after a verb before a length of time is still a floor', () => {
  assert.deepEqual(rows('The repair took over 18 months.').map((r) => [r[0], r[4]]), [['over 18 months', 'at-least']]);
});

test('a verb of change before the object of "from ... to" makes two figures, not a range', () => {
  assert.deepEqual(rows('The council lifted the parking fee from 2.50 to 3.75 in May.').map((r) => [r[0], r[4]]), [['2.50', 'exact'], ['3.75', 'exact']]);
});

test('"ranged from 60 to 40" keeps the inverted range', () => {
  assert.deepEqual(rows('Guesses ranged from 60 to 40 percent.').map((r) => [r[0], r[4], r[5], r[6], r[7]]), [['from 60 to 40 percent', 'range', 60, 60, 40]]);
});

test('"of whom 500 are over 75" is an age, and a large figure joined to an age is still a count', () => {
  assert.deepEqual(rows('Of them 500 are over 75 and 9,000 are younger.').map((r) => [r[0], r[3]]), [['500', 'count'], ['over 75', 'duration'], ['9,000', 'count']]);
});

for (const [why, text] of [
  ['a stretch of dates', 'Crews worked between 4 and 6 October and again from 3 to 9 May.'],
  ['a vote tally and the voters it just counted', 'The board backed it by a vote of six to three, with the three dissenters absent.'],
  ['an age after "age to"', 'The reform lifts the retirement age to 68.'],
  ['the base of a rate', 'The region has 2.4 nurses per 1,000 people.'],
  ['"two of them" after names', 'Ana Ruiz and Tom Berg were charged; two of them had prior convictions.'],
] as const) {
  test(`${why} is no statistic`, () => {
    const statistic = new Set(STATISTIC_KINDS);
    const found = quantities(text).filter((q) => statistic.has(q.quantityKind)).map((q) => text.slice(q.start, q.end));
    assert.deepEqual(found, why === 'the base of a rate' ? ['2.4'] : []);
  });
}

test('"three of them" after a counted group is a part of it, a figure', () => {
  assert.deepEqual(rows('Nine of the 30 boats sank and three of them burned.').map((r) => [r[0], r[3]]), [['Nine', 'count'], ['30', 'count'], ['three', 'count']]);
});

test('names each followed by a figure after a colon are a list of counts, not labels', () => {
  assert.deepEqual(rows('Cases by region: North 210, South 190 and West 140.').map((r) => [r[0], r[3]]), [['210', 'count'], ['190', 'count'], ['140', 'count']]);
});

test('a label and its number after a colon with no list after it stays a label', () => {
  assert.deepEqual(rows('Take the detour: Route 9.').map((r) => [r[0], r[3]]), [['9', 'ordinal']]);
});

test('a name and a number after "N of them" continue the list of counts, names of several words too', () => {
  assert.deepEqual(rows('The depot lost 50 of them, Kenwick 30 and Upper Dale 20.').map((r) => [r[0], r[3]]), [['50', 'count'], ['30', 'count'], ['20', 'count']]);
});

test('a name and a number after a figure with no joiner between stay a label', () => {
  assert.deepEqual(rows('The depot lost 50 of them near Route 9.').map((r) => [r[0], r[3]]), [['50', 'count'], ['9', 'ordinal']]);
});

test('a number after an age and a comma that its own verb follows is a count, not another age', () => {
  assert.deepEqual(rows('Of the hikers, 50 are children under 12, 20 are teenagers.').map((r) => [r[0], r[3]]), [['50', 'count'], ['under 12', 'duration'], ['20', 'count']]);
});

test('numbers after an age and a comma without a verb of their own stay ages', () => {
  assert.deepEqual(rows('The sisters, aged 45, 50 and 52, were hurt.').map((r) => [r[0], r[3]]), [['45', 'duration'], ['50', 'duration'], ['52', 'duration']]);
});

test('addresses, telephone numbers, ranks, old years, drawn scores and "who is 83" have no statistic kind', () => {
  const text =
    'The hall at 42 Abbey Road, built in 1874, hosted the top three bands; callers can dial 999 or ring 0161 4960; the match ended 2-2; her father, who is 91, went.';
  const statistic = new Set(STATISTIC_KINDS);
  assert.deepEqual(quantities(text).filter((q) => statistic.has(q.quantityKind)).map((q) => text.slice(q.start, q.end)), []);
});

test('counts next to those look-alikes stay counts', () => {
  const text = 'Police will call 40 witnesses; 1500 homes in Leeds and 12 Street Angels volunteers helped; the top 10 percent earn most.';
  const counts = quantities(text).filter((q) => q.quantityKind === 'count' || q.quantityKind === 'percent').map((q) => text.slice(q.start, q.end));
  assert.deepEqual(counts, ['40', '1500', '12', '10 percent']);
});

test('a fraction without "of" is read when a verb or a clause break follows it, not before a noun or a time of day', () => {
  const fractions = (text: string) => quantities(text).filter((q) => q.unit === 'fraction').map((q) => [text.slice(q.start, q.end), q.value]);
  assert.deepEqual(fractions('A third named housing, a quarter named crime and half named transport.'), [['A third', 0.333333], ['a quarter', 0.25], ['half', 0.5]]);
  assert.deepEqual(fractions('Fuel takes half of it and wages a third. Fees take the other quarter.'), [['half', 0.5], ['a third', 0.333333], ['other quarter', 0.25]]);
  assert.deepEqual(fractions('He came a third time in the third quarter, at a quarter past five, for a quarter-final.'), []);
});

test('a figure with a scale word keeps the value as written, past the drift of a double', () => {
  const values = (text: string) => quantities(text).map((q) => q.value);
  assert.deepEqual(values('Spending reached 8379.3 million euros and 1.1 billion dollars.'), [8379300000, 1100000000]);
  assert.deepEqual(values('It cost 3.3 trillion yen.'), [3300000000000]);
});

test('a fraction before "to" and a verb is a share whose verb is left out; before a time of day it is no fraction', () => {
  const fractions = (text: string) => quantities(text).filter((q) => q.unit === 'fraction').map((q) => [text.slice(q.start, q.end), q.value]);
  assert.deepEqual(fractions('Of the arrivals, 40 percent came for work, a quarter to study and a fifth to join family.'), [['a quarter', 0.25], ['a fifth', 0.2]]);
  assert.deepEqual(fractions('We met at a quarter to six, left at a quarter to midnight and slept at a quarter to 2.'), []);
});

test('age bands with "-year-olds", "mum-of-two" and "the other two" have no statistic kind; "60-kilogram" is a measure', () => {
  const statistic = new Set(STATISTIC_KINDS);
  const text = 'Fares for 25- to 34-year-olds rose, a mum-of-two said, and the other two men fled.';
  assert.deepEqual(quantities(text).filter((q) => statistic.has(q.quantityKind)).map((q) => text.slice(q.start, q.end)), []);
  assert.deepEqual(rows('A 60-kilogram bag fell.').map((r) => [r[0], r[3], r[8]]), [['60-kilogram', 'other', 'kilogram']]);
  assert.deepEqual(rows('Two other men and 25 people fled.').map((r) => r[0]), ['Two', '25']);
});

test('"a woman of 87", "aged nine to 11" are ages; "the other 11 cases" after a split is a figure, "the other two men" alone is not', () => {
  const statistic = new Set(STATISTIC_KINDS);
  const stats = (text: string) => quantities(text).filter((q) => statistic.has(q.quantityKind)).map((q) => text.slice(q.start, q.end));
  assert.deepEqual(stats('A pensioner of 91 was rescued from the flat.'), []);
  assert.deepEqual(stats('The trial enrolled 300 pupils aged nine to 11.'), ['300']);
  assert.deepEqual(stats('Fifty-two of them live in the town and 30 in the villages. The other 9 cases are being traced.'), ['Fifty-two', '30', '9']);
  assert.deepEqual(stats('Police released one man, and the other two men were charged.'), []);
  // A price after "of" is no age: only one person before "of" makes the number an age.
  assert.deepEqual(stats('He paid a fine of 87 pounds.'), ['87']);
});

test('numbers that name items or scales are no statistics: "the 9 and the 27", "on 111", "has been 67", "out of 10", "a week or two", "pitch 6"', () => {
  const statistic = new Set(STATISTIC_KINDS);
  const stats = (text: string) => quantities(text).filter((q) => statistic.has(q.quantityKind)).map((q) => text.slice(q.start, q.end));
  assert.deepEqual(stats('Two night buses, the 9 and the 27, will stop running.'), ['Two']);
  assert.deepEqual(stats('The 9 and 27 bus routes will be merged.'), []);
  assert.deepEqual(stats('Worried parents should ring the health line on 111.'), []);
  assert.deepEqual(stats('The pension age is 67 in most regions.'), []);
  assert.deepEqual(stats('Reading marks fell by three points out of 10.'), ['three']);
  assert.deepEqual(stats('The repairs will take a week or two.'), []);
  assert.deepEqual(stats('The stall sits on pitch 6 near the gate.'), []);
  // A whole named first, and a scale that counts something, stay figures.
  assert.deepEqual(stats('Of the 1,200, 700 were hired.'), ['1,200', '700']);
  assert.deepEqual(stats('Out of 100 applicants, 60 were hired.'), ['100', '60']);
});

test('"twice as" is a ratio figure with its bound; "twice" alone is not read', () => {
  assert.deepEqual(rows('Cyclists burn nearly twice as many calories.').map((r) => [r[0], r[4], r[5]]), [['nearly twice as', 'at-most', 2]]);
  assert.deepEqual(rows('Rents are more than twice as high here.').map((r) => [r[0], r[4], r[5]]), [['more than twice as', 'at-least', 2]]);
  assert.deepEqual(rows('The board met twice.'), []);
});

test('a fraction that sizes a change after "by", and a bare "Half" opening its sentence, are figures', () => {
  const fractions = (text: string) => quantities(text).filter((q) => q.unit === 'fraction').map((q) => [text.slice(q.start, q.end), q.value]);
  assert.deepEqual(fractions('Fares rose by a fifth last year and fell by nearly a quarter after the strike.'), [['a fifth', 0.2], ['nearly a quarter', 0.25]]);
  assert.deepEqual(fractions('Half stayed at home. The rest went out.'), [['Half', 0.5]]);
  assert.deepEqual(fractions('The bid was backed by a third party. We left by a quarter past six. Half past six came.'), []);
});

// Round 8 (t123-t128): counts of items whose figures are listed one each, numbers naming items, shares "out of every".
const COUNTED = new Set(['count', 'percent', 'money']);
const statistics = (text: string) => quantities(text).filter((q) => COUNTED.has(q.quantityKind)).map((q) => text.slice(q.start, q.end));

test('a small count of places, bodies or kinds whose figures are listed one each right by it is no figure', () => {
  assert.deepEqual(statistics('Flooding hit three parishes: Arnby (40), Colt (22) and Wenlow (9).'), ['40', '22', '9']);
  assert.deepEqual(statistics('All four of its branches lost money. Leeds lost £2 million, York £1 million, Hull £800,000 and Bath £300,000.'), ['£2 million', '£1 million', '£800,000', '£300,000']);
  assert.deepEqual(statistics('Wheat came from 30 farms in Arnby and 12 in Colt. A road between the two villages is shut.'), ['30', '12']);
  // People counted so are a figure; a list of another length, or no list, leaves the count a figure.
  assert.deepEqual(statistics('Two children, aged 6 and 9, were hurt.'), ['Two']);
  assert.deepEqual(statistics('Three schools reported cases: Arnby 40 and Colt 22.'), ['Three', '40', '22']);
  assert.deepEqual(statistics('Three hospitals reported 40 cases.'), ['Three', '40']);
});

test('numbers after a plural label name items, and a number read as an item\'s name names it again later', () => {
  assert.deepEqual(statistics('Bus routes 3 and 18 will be cut, as will platforms 2, 5 and 6 at the station.'), []);
  assert.deepEqual(statistics('The council will axe the 4, the 9 and the 16. The 9 carries 700 a day.'), ['700']);
  assert.deepEqual(statistics('The talks were held in Hall 2.'), []);
});

test('"out of every" and "in every" shares, and a change sized "by" with its own unit before the level it reached', () => {
  assert.deepEqual(rows('Nearly 6 out of every 10 voters and one in every four pupils.').map((r) => [r[0], r[3], r[5]]), [['Nearly 6 out of every 10', 'percent', 60], ['one in every four', 'percent', 25]]);
  assert.deepEqual(rows('Its share rose by 4 percentage points to 37 percent.').map((r) => [r[0], r[4]]), [['4 percentage points', 'exact'], ['37 percent', 'exact']]);
  assert.deepEqual(rows('Debt fell by £3 million to £19 million.').map((r) => [r[0], r[4]]), [['£3 million', 'exact'], ['£19 million', 'exact']]);
  assert.deepEqual(rows('Fares will rise by 8 to 12 percent.').map((r) => [r[0], r[4]]), [['8 to 12 percent', 'range']]);
});

test('an hour before "in the morning" and "the 7.42" are times of day; "within" bounds an exact figure from above', () => {
  assert.deepEqual(statistics('The sirens went off at ten in the evening and again at six in the morning.'), []);
  assert.deepEqual(statistics('She has caught the 8.15 for a decade. The 18.40 from Tarn was cancelled.'), []);
  assert.deepEqual(statistics('The fee rose to 8.15 euros. Shares fell 2.10 to 7.45.'), ['8.15 euros', '2.10', '7.45']);
  assert.deepEqual(rows('The sensor is accurate to within 3 millimetres.').map((r) => [r[0], r[4]]), [['within 3', 'at-most']]);
  assert.deepEqual(rows('Refunds are due within 30 days.').map((r) => [r[0], r[4]]), [['30 days', 'exact']]);
});

test('"the two" after a split written as one token ("a 5-2 decision") points back at its side', () => {
  assert.deepEqual(statistics('In a 6-3 ruling the judges backed the union. The three dissenting judges wrote separately.'), []);
  assert.deepEqual(statistics('In a 6-3 ruling the judges backed the union. The two lawyers left.'), ['two']);
});

test('a fraction set apart by a spaced dash or a bracket is a share; a hyphen joined to the next word is not', () => {
  const fractions = (text: string) =>
    [...createPipeline([createSentenceAnnotator(), createQuantityAnnotator()]).run(createDocument(text)).annotations]
      .filter((a): a is QuantityAnnotation => a.kind === 'quantity' && a.unit === 'fraction')
      .map((q) => [text.slice(q.start, q.end), q.value]);
  assert.deepEqual(fractions('Just over three-quarters - 1,604 - opposed the closure.'), [['Just over three-quarters', 0.75]]);
  assert.deepEqual(fractions('A third (420 people) said yes.'), [['A third', 0.333333]]);
  assert.deepEqual(fractions('It was a third-party claim.'), []);
});

test('an hour and minutes after a preposition of time and before "in the morning" is a time of day, not a figure', () => {
  const figures = (text: string) =>
    [...createPipeline([createSentenceAnnotator(), createQuantityAnnotator()]).run(createDocument(text)).annotations]
      .filter((a): a is QuantityAnnotation => a.kind === 'quantity')
      .map((q) => text.slice(q.start, q.end));
  assert.deepEqual(figures('The quake struck at 4.12 in the morning.'), []);
  assert.deepEqual(figures('The shop stays open until 11:30 in the evening.'), []);
  assert.deepEqual(figures('The index rose 4.12 in the morning session.'), ['4.12']);
});

test('"just over" is a floor with a ceiling a tolerance above it (the mirror of "nearly")', () => {
  const read = (text: string) =>
    [...createPipeline([createSentenceAnnotator(), createQuantityAnnotator()]).run(createDocument(text)).annotations]
      .filter((a): a is QuantityAnnotation => a.kind === 'quantity')
      .map((q) => [text.slice(q.start, q.end), q.bound, q.low, q.high]);
  const [[span, bound, low, high]] = read('It cost just over £40m.') as [[string, string, number, number]];
  assert.deepEqual([span, bound, low], ['just over £40m', 'at-least', 40_000_000]);
  assert.ok(high > 40_000_000 && high < 50_000_000);
  assert.deepEqual(read('Just over half of adults backed it.').map((r) => r.slice(0, 2)), [['Just over half', 'at-least']]);
});

test('a spaced dash before a figure a total cue marks closes a list, it makes no range', () => {
  const spans = (text: string) =>
    [...createPipeline([createSentenceAnnotator(), createQuantityAnnotator()]).run(createDocument(text)).annotations]
      .filter((a): a is QuantityAnnotation => a.kind === 'quantity')
      .map((q) => [text.slice(q.start, q.end), q.bound]);
  assert.deepEqual(spans('The Reds won 12 seats and the Blues six - 18 in all.'), [['12', 'exact'], ['six', 'exact'], ['18', 'exact']]);
  assert.deepEqual(spans('Some 20 - 30 shops will shut.'), [['Some 20 - 30', 'range']]);
});

test('a number after junction, bed, cell, round or game names an item; a measure after such a noun stays a measure', () => {
  const kinds = (text: string) =>
    [...createPipeline([createSentenceAnnotator(), createQuantityAnnotator()]).run(createDocument(text)).annotations]
      .filter((a): a is QuantityAnnotation => a.kind === 'quantity')
      .map((q) => [text.slice(q.start, q.end), q.quantityKind]);
  assert.deepEqual(kinds('The lorry crashed near junction 14.'), [['14', 'ordinal']]);
  assert.deepEqual(kinds('He was moved to bed 12 before round 3.'), [['12', 'ordinal'], ['3', 'ordinal']]);
  assert.deepEqual(kinds('The crash was at a junction 40 metres from the school.'), [['40 metres', 'other']]);
  assert.deepEqual(kinds('The club won 14 games.'), [['14', 'count']]);
});
