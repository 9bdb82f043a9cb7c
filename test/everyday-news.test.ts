// Issue 13's "What was seen": each everyday-news case, run through the whole default pipeline (models included) as
// `claimtrace analyze -` runs it, with the result a fact-checker expects. The unit tests beside each annotator and
// check test the rules one by one; these guard the cases end to end.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from '../src/core/report-schema.js';
import { analyzePure } from '../src/engine/analyze.js';

const analyze = (text: string): Report => analyzePure({ text });
const sources = (r: Report) => r.attributions.filter((a) => a.source).map((a) => a.source!.text);
const rules = (r: Report) => r.findings.map((f) => f.rule);
const NUMERIC = new Set(['total-unsupported', 'percentage-over-100', 'range-inverted']);
const numeric = (r: Report) => r.findings.filter((f) => NUMERIC.has(f.rule));
const UNSOURCED = new Set(['unsourced-claim', 'unsourced-statistic']);
/** The unsourced findings that fall inside the sentence containing `words`. */
function flagsOn(r: Report, words: string) {
  const at = r.document.text.indexOf(words);
  assert.ok(at >= 0, `test text holds "${words}"`);
  const sentence = r.sentences.find((s) => s.start <= at && at < s.end)!;
  return r.findings.filter((f) => UNSOURCED.has(f.rule) && f.start < sentence.end && f.end > sentence.start);
}

test('an intention adjective does not make its noun a source', () => {
  const r = analyze('There is no shortage of smaller groups willing to pledge allegiance to the movement.');
  assert.deepEqual(sources(r), []);
});

test('a passive of a non-reporting verb does not make its subject a source', () => {
  const r = analyze('After the war, most of those were condemned to poverty in the camps.');
  assert.deepEqual(sources(r), []);
});

test('a verb inside a relative clause does not make its subject a source', () => {
  const r = analyze('The regime they supported collapsed within a year.');
  assert.deepEqual(sources(r), []);
});

for (const sentence of [
  'Further price rises may be expected in the spring.',
  'The shortage of nurses is a growing concern for the hospital.',
  'There were speculations about a merger of the two banks.',
  'It must be pointed out that the bridge was closed twice.',
]) {
  test(`no attribution is found in "${sentence}"`, () => {
    assert.deepEqual(analyze(sentence).attributions, []);
  });
}

test('a relative pronoun is replaced by the phrase it stands for', () => {
  const r = analyze('A shop employee, who asked not to be named, said the store had lost 40 percent of its customers.');
  const source = r.attributions.find((a) => a.source)?.source;
  assert.equal(source?.text, 'A shop employee');
  assert.notEqual(r.attributions[0]!.grade, 'none');
});

test('a new subject with a new figure after an attributed sentence starts unsourced', () => {
  const r = analyze(
    'About 30,000 people have left the coast since the floods, says the institute. In the north there are at least 16,000 such people living in tents.',
  );
  assert.equal(flagsOn(r, 'In the north').length, 1);
  assert.equal(flagsOn(r, 'About 30,000').length, 0);
});

test('"he added" carries the attribution into the next sentence', () => {
  const r = analyze('The mayor, Ana Ruiz, said 120 homes were flooded. She added that 45 families were still in shelters.');
  assert.equal(flagsOn(r, 'She added').length, 0);
});

test('"The ministry said" at its first mention is not an unresolved back-reference', () => {
  const r = analyze('The ministry said 5 boats sank off the coast on Tuesday.');
  assert.ok(!rules(r).includes('unresolved-anaphoric-source'));
  assert.notEqual(r.attributions[0]?.grade, 'anaphoric');
});

test('"the city engineer\'s office" is graded by what it names', () => {
  const r = analyze("The bridge will close for 14 weeks, the city engineer's office said on Monday.");
  assert.ok(!rules(r).includes('unresolved-anaphoric-source'));
  const office = r.attributions.find((a) => a.source?.text.includes('office'));
  assert.ok(office && office.grade !== 'anaphoric' && office.grade !== 'none');
});

test("a ministry's report resolves to the ministry named earlier", () => {
  const r = analyze(
    'The Health Ministry opened 12 new clinics this year. According to the ministry\'s annual surveillance report, measles cases fell by a third.',
  );
  const report = r.attributions.find((a) => a.source?.text.includes('surveillance report'));
  assert.match(report?.resolvesTo?.text ?? '', /Health Ministry/);
});

test("an office's survey does not resolve to a group of economists", () => {
  const r = analyze(
    'Economists expect growth to slow next year. The statistics office opened in 1950. According to the office\'s household survey, 18 percent of homes have no car.',
  );
  const survey = r.attributions.find((a) => a.source?.text.includes('household survey'));
  assert.doesNotMatch(survey?.resolvesTo?.text ?? '', /Economists/);
});

for (const [sentence, rule] of [
  ['A total of 50 people were hurt: 20 in the first blast and 40 in the second.', 'total-unsupported'],
  ['60 percent of voters backed Smith, 45 percent backed Jones and 10 percent were undecided.', 'percentage-over-100'],
  ['The budget of 48 billion splits into 21 billion for health, 15 for schools, 9 for roads and 5 for defence.', 'total-unsupported'],
  ['Cases rose to 1,240 last year: 610 in the north, 380 in the south and 190 in the east.', 'total-unsupported'],
] as const) {
  test(`a ${rule} finding fires on "${sentence.slice(0, 40)}…"`, () => {
    assert.deepEqual(numeric(analyze(sentence)).map((f) => f.rule), [rule]);
  });
}

test('a ratio to a baseline is not a share of a whole', () => {
  assert.deepEqual(numeric(analyze('Exports rose to 120 percent of the 2019 level, the customs office said.')), []);
});

test('a road number and a list count are not unsourced statistics', () => {
  const r = analyze('Route 9 was closed by the storm. Ohio, Iowa and Utah sent crews, and those three states paid for the repairs.');
  assert.ok(!rules(r).includes('unsourced-statistic'), rules(r).join(', '));
});

test('"1,240 last year" is a count, not a duration', () => {
  const r = analyze('Cases rose to 1,240 last year.');
  const q = r.quantities.find((x) => x.text.includes('1,240'));
  assert.notEqual(q?.kind, 'duration');
  assert.equal(q?.value, 1240);
});

test('"5 billion" does not take a verb as its unit', () => {
  const r = analyze('Of the aid, 12 billion goes to farmers and 5 billion goes to roads.');
  for (const q of r.quantities) assert.notEqual(q.unit, 'goes');
});

test('a name written with and without accents is one entity', () => {
  const r = analyze('Jean Périer wrote the report. Critics said Jean Perier had ignored the data.');
  const mentions = r.entities.filter((e) => /P[eé]rier/.test(e.text));
  assert.equal(mentions.length, 2);
  assert.equal(new Set(mentions.map((e) => e.entity)).size, 1);
  assert.ok(mentions[0]!.entity);
});

// Round 4: whole classes of phrasing, end to end (texts written for these tests, one per kind of story).

for (const [text, first, next] of [
  ['"We are doing everything we can," the mayor said. Some 4,000 homes are still without power.', 'the mayor said', 'Some 4,000'],
  ['"It was a tough season," coach Dan Reyes told reporters. The club lost 14 of its 20 away games.', 'coach Dan Reyes', 'The club lost'],
  ['The minister said the plan would create jobs. Unemployment in the region stands at 9 percent.', 'The minister said', 'Unemployment'],
  ['"The vaccine is safe," said Dr Ana Lim. More than 80 percent of over-70s have had a booster.', 'said Dr Ana Lim', 'More than 80'],
  ['Experts say the drought will worsen. Reservoirs are at 38 percent of capacity.', 'Experts say', 'Reservoirs'],
] as const) {
  test(`a new subject with a figure after a quoted source is flagged: "${next}"`, () => {
    const r = analyze(text);
    assert.equal(flagsOn(r, first).length, 0);
    assert.equal(flagsOn(r, next).length, 1);
  });
}

for (const sentence of [
  'Official figures show the number of rough sleepers rose by a quarter last year.',
  'According to official figures, 2,300 people were evicted last year.',
  'Prices rose 7 percent in October, official data showed.',
  'Studies show that children who read daily do better at school.',
  'Crime fell sharply last year, figures released on Tuesday showed.',
  'The county coroner put the figure at 14 deaths.',
  'Data from the statistics office show unemployment fell to 4.1 percent in May.',
  'The Treasury estimates savings of 1.1 billion a year.',
  'Documents seen by the Chronicle show payments of up to 200 dollars per protester.',
  'The figures, published by the office on Tuesday, show that 2.3 million people attended.',
]) {
  test(`a vague or evidential source covers its claim: "${sentence.slice(0, 40)}…"`, () => {
    const r = analyze(sentence);
    assert.ok(r.attributions.some((a) => a.source), 'a source is found');
    assert.equal(flagsOn(r, sentence.slice(0, 12)).length, 0);
  });
}

for (const sentence of [
  'Halvorsen has pleaded not guilty to all charges.',
  'A group claiming to represent farmers blocked the motorway.',
  'The tenants were told to leave by Friday.',
  'The builder was declared bankrupt in March.',
  'Vessels calling at the ports pay a fee of 300 euros.',
]) {
  test(`no source is taken from "${sentence.slice(0, 40)}…"`, () => {
    assert.deepEqual(sources(analyze(sentence)), []);
  });
}

for (const [text, rule, at] of [
  ['The storm damaged 48 homes (20 in Easton, 18 in Weston and 16 in Northam).', 'total-unsupported', '48'],
  ['The crash injured 30 passengers, 12 of whom were taken to hospital and 25 of whom were treated at the scene.', 'total-unsupported', '30'],
  ['Out of 500 applicants, 320 were accepted and 240 were rejected.', 'total-unsupported', '500'],
  ['The council has 60 seats. Labour won 28, the Conservatives 22 and the Greens 14.', 'total-unsupported', '60'],
  ['The charity helped 1,200 families last year, 700 in the city and 600 in the suburbs.', 'total-unsupported', '1,200'],
  ['Shares of the vote: Smith 48 percent, Jones 44 percent, others 12 percent.', 'percentage-over-100', '48 percent'],
] as const) {
  test(`a ${rule} finding stands on "${at}" in "${text.slice(0, 40)}…"`, () => {
    const found = numeric(analyze(text)).map((f) => [f.rule, text.slice(f.start, f.end)] as const);
    assert.ok(found.some(([r, a]) => r === rule && a.startsWith(at)), JSON.stringify(found));
  });
}

for (const text of [
  'The hospital treated 40 patients, 25 women and 30 over-65s.',
  'Another 12 cases were confirmed on Friday, bringing the total to 140.',
  'Unemployment rose by 2 percentage points to 7 percent.',
  'The dealer sold 1,200 cars in May, 700 in June and 600 in July.',
]) {
  test(`no numeric warning on "${text.slice(0, 40)}…"`, () => assert.deepEqual(numeric(analyze(text)), []));
}
