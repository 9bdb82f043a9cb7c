import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Annotation, AttributionAnnotation, ClaimAnnotation, QuantityAnnotation } from '../../core/annotations.js';
import { createDocument } from '../../core/document.js';
import { ClaimtraceError } from '../../core/errors.js';
import { analyzePure } from '../../engine/analyze.js';
import { createSourcingCheck } from './index.js';

const claim = (id: string, start: number, end: number, checkworthiness: number, attributionIds: string[] = [], claimKind: ClaimAnnotation['claimKind'] = 'event'): ClaimAnnotation => ({
  kind: 'claim', id, source: 'test@1', start, end, checkworthiness, claimKind, attributionIds,
});

const quantity = (id: string, start: number, end: number, quantityKind: QuantityAnnotation['quantityKind'] = 'count'): QuantityAnnotation => ({
  kind: 'quantity', id, source: 'test@1', start, end, value: 1, bound: 'exact', quantityKind,
});

const attribution = (id: string, source: [number, number], cue: [number, number], extra: Partial<AttributionAnnotation>): AttributionAnnotation => ({
  kind: 'attribution', id, source: 'test@1', start: Math.min(source[0], cue[0]), end: Math.max(source[1], cue[1]),
  sourceSpan: { start: source[0], end: source[1] }, cue: { start: cue[0], end: cue[1] }, content: { start: 0, end: 0 },
  grade: 'named', hedged: false, ...extra,
});

const check = (text: string, annotations: Annotation[], threshold?: number) =>
  createSourcingCheck({ threshold }).run(createDocument(text).with({ annotations }), { cache: new Map() }).findings ?? [];

test('a figure with no source is an unsourced statistic naming the figures', () => {
  const text = 'Some 4,000 boats and 300 barges used the canal.';
  const findings = check(text, [claim('c1', 0, 47, 0.9), quantity('q1', 5, 10), quantity('q2', 21, 24)]);
  assert.deepEqual(findings, [
    {
      rule: 'unsourced-statistic',
      severity: 'warning',
      message:
        'No source is given for the figures "4,000" and "300" in "Some 4,000 boats and 300 barges used the canal.". Find out where the numbers come from before repeating them.',
      start: 0,
      end: 47,
      annotationIds: ['c1', 'q1', 'q2'],
    },
  ]);
});

test('a figure with a direct or carried attribution is not flagged', () => {
  const text = 'Some 4,000 boats used the canal, the lock keeper said.';
  const said = attribution('a1', [33, 48], [49, 53], { content: { start: 0, end: 31 } });
  assert.deepEqual(check(text, [claim('c1', 0, 54, 0.9, ['a1']), quantity('q1', 5, 10), said]), []);
});

test('a figure describing the source, between it and its cue, is the writer\'s and has no source', () => {
  const text = 'The Dock Union, which has 3,000 members, rejected the offer.';
  const at = (w: string) => text.indexOf(w);
  const rejected = attribution('a1', [0, at(',')], [at('rejected'), at(' the offer')], { content: { start: at('the offer'), end: text.length - 1 } });
  const findings = check(text, [claim('c1', 0, text.length, 0.9, ['a1'], 'statistic'), quantity('q1', at('3,000'), at('3,000') + 5), rejected]);
  assert.deepEqual(findings.map((f) => [f.rule, f.annotationIds]), [['unsourced-statistic', ['c1', 'q1']]]);
});

test('a figure in a clause opening the sentence before the source is the writer\'s; a figure the source reports is not', () => {
  const at = (text: string, w: string) => text.indexOf(w);
  const run = (text: string, source: string, cue: string, figure: string, content: [number, number]) => {
    const said = attribution('a1', [at(text, source), at(text, source) + source.length], [at(text, cue), at(text, cue) + cue.length], { content: { start: content[0], end: content[1] } });
    return check(text, [claim('c1', 0, text.length, 0.9, ['a1'], 'statistic'), quantity('q1', at(text, figure), at(text, figure) + figure.length), said]).map((f) => f.rule);
  };
  const opening = 'When the fare rose to 40 crowns, the ferry users warned of empty boats.';
  assert.deepEqual(run(opening, 'the ferry users', 'warned', '40', [0, 31]), ['unsourced-statistic']);
  const reported = 'As of March, 40 boats had sunk, the ministry said.';
  assert.deepEqual(run(reported, 'the ministry', 'said', '40', [0, 30]), []);
  const after = 'The ministry said that 40 boats had sunk.';
  assert.deepEqual(run(after, 'The ministry', 'said', '40', [23, 40]), []);
});

test('a figure before the source is sourced when the source reports it, whatever its content span', () => {
  const text = 'Divers found 40 wrecks in the bay, harbour master Ola Lund told a meeting.';
  const at = (w: string) => text.indexOf(w);
  const told = attribution('a1', [at('harbour master'), at(' told')], [at('told'), at(' a meeting')], { content: { start: at('a meeting'), end: text.length - 1 } });
  assert.deepEqual(check(text, [claim('c1', 0, text.length, 0.9, ['a1'], 'statistic'), quantity('q1', at('40'), at('40') + 2), told]), []);
});

test('a cue inside a relative clause set off by commas does not source the sentence; one outside it does', () => {
  const text = 'The fares, which critics said would double, have fallen since the spring.';
  const at = (w: string) => text.indexOf(w);
  const said = attribution('a1', [at('critics'), at(' said')], [at('said'), at(' would')], { content: { start: at('would'), end: at(', have') } });
  assert.deepEqual(check(text, [claim('c1', 0, text.length, 0.8, ['a1']), said]).map((f) => f.rule), ['unsourced-claim']);
  const outside = 'A pilot, who asked not to be named, said the fares have fallen since the spring.';
  const on = (w: string) => outside.indexOf(w);
  const told = attribution('a1', [0, on(',')], [on('said'), on(' the fares')], { content: { start: on('the fares'), end: outside.length - 1 } });
  assert.deepEqual(check(outside, [claim('c1', 0, outside.length, 0.8, ['a1']), told]), []);
});

test('a sourceless, unhedged attribution leaves its figure unsourced', () => {
  const text = 'Some 4,000 boats used the canal, it seems.';
  const { sourceSpan: _none, ...seems } = attribution('a1', [33, 35], [36, 41], { content: { start: 0, end: 31 }, grade: 'none' });
  assert.deepEqual(check(text, [claim('c1', 0, 42, 0.9, ['a1']), quantity('q1', 5, 10), seems]).map((f) => f.rule), ['unsourced-statistic']);
});

test('a bare "reportedly" is no source: its figure is unsourced, and the hedge is flagged too', () => {
  const text = 'Some 40 boats reportedly sank.';
  const { sourceSpan: _none, ...reportedly } = attribution('a1', [14, 24], [14, 24], { content: { start: 0, end: 30 }, grade: 'none', hedged: true });
  const findings = check(text, [claim('c1', 0, 30, 0.9, ['a1']), quantity('q1', 5, 7), reportedly]);
  assert.deepEqual(findings.map((f) => [f.rule, f.start, f.end]), [['unsourced-statistic', 0, 30], ['hedged-source', 14, 24]]);
});

test('a figure stated again is sourced or flagged where it was first stated; a new figure beside it is flagged', () => {
  const text = 'The port will cost 4 million euros, the mayor said. A port worth 4 million euros is a folly. A port worth 4 million euros needs 300 staff.';
  const nth = (words: string, n: number) => text.split(words, n).join(words).length;
  const figure = (id: string, words: string, n: number, value: number, unit: string): QuantityAnnotation => ({ ...quantity(id, nth(words, n), nth(words, n) + words.length), value, unit });
  const said = attribution('a1', [36, 45], [46, 50], { content: { start: 0, end: 34 } });
  const findings = check(text, [
    claim('c1', 0, 51, 0.9, ['a1'], 'statistic'), figure('q1', '4 million euros', 1, 4e6, 'euros'), said,
    claim('c2', 52, 92, 0.8, [], 'statistic'), figure('q2', '4 million euros', 2, 4e6, 'euros'),
    claim('c3', 93, 139, 0.8, [], 'statistic'), figure('q3', '4 million euros', 3, 4e6, 'euros'), figure('q4', '300', 1, 300, 'staff'),
  ]);
  assert.deepEqual(findings.map((f) => [f.rule, f.start, f.end, f.annotationIds]), [['unsourced-statistic', 93, 139, ['c3', 'q4']]]);
  assert.match(findings[0]!.message, /^No source is given for the figure "300" in/);
});

test('a year is not a statistic, so a low-scored dated sentence gets no finding', () => {
  const text = 'The canal opened in 1998.';
  assert.deepEqual(check(text, [claim('c1', 0, 25, 0.4), quantity('q1', 20, 24, 'year')]), []);
});

test('a check-worthy claim without figures or source is an unsourced claim; the threshold decides', () => {
  const text = 'The harbour board hid the report from the council.';
  const annotations = [claim('c1', 0, 50, 0.62)];
  assert.deepEqual(
    check(text, annotations).map((f) => [f.rule, f.severity, f.start, f.end, f.annotationIds, f.message]),
    [[
      'unsourced-claim', 'warning', 0, 50, ['c1'],
      '"The harbour board hid the report from the council." is stated as fact but no source is given for it. Look for evidence or a source before relying on it.',
    ]],
  );
  assert.deepEqual(check(text, annotations, 0.7), []);
});

test('an opinion is not asked for a source', () => {
  assert.deepEqual(check('We should all welcome the new ferry.', [claim('c1', 0, 36, 0.8, [], 'opinion')]), []);
});

test('a vague source is quoted at its source span', () => {
  const text = 'Officials close to the port said the levy would rise.';
  const findings = check(text, [attribution('a1', [0, 27], [28, 32], { grade: 'vague' })]);
  assert.deepEqual(findings.map((f) => [f.rule, f.severity, f.start, f.end, f.annotationIds]), [['vague-source', 'info', 0, 27, ['a1']]]);
  assert.equal(
    findings[0]?.message,
    'The source "Officials close to the port" is vague: it names no person, outlet or document that a reader could check. Ask who exactly is meant.',
  );
});

test('a hedged attribution names its hedge', () => {
  const text = 'If the Harbour Gazette is to be believed, the pier will close.';
  const findings = check(text, [attribution('a1', [3, 22], [0, 40], { hedged: true })]);
  assert.deepEqual(findings.map((f) => [f.rule, f.start, f.end]), [['hedged-source', 0, 40]]);
  assert.match(findings[0]!.message, /^The attribution is hedged \("If the Harbour Gazette is to be believed"\)/);
});

test('an anaphoric source without an antecedent is flagged, a resolved one is not', () => {
  const text = 'As the above mentioned paper shows, the dune is moving.';
  const dangling = attribution('a1', [3, 28], [29, 34], { grade: 'anaphoric' });
  assert.deepEqual(check(text, [dangling]).map((f) => [f.rule, f.severity, f.start, f.end]), [['unresolved-anaphoric-source', 'warning', 3, 28]]);
  const resolved = { ...dangling, resolvesTo: { start: 0, end: 2 } };
  assert.deepEqual(check(text, [resolved]), []);
});

test('long claims are quoted up to a word boundary with an ellipsis', () => {
  const text = `The port counted 12 cranes ${'and many other machines '.repeat(5)}last week.`;
  const [finding] = check(text, [claim('c1', 0, text.length, 0.9), quantity('q1', 17, 19)]);
  assert.match(finding!.message, /in "The port counted 12 cranes and many other machines and many other machines and many other…"\./);
});

test('a threshold outside 0..1 is rejected', () => {
  assert.throws(() => createSourcingCheck({ threshold: -0.1 }), (err) => err instanceof ClaimtraceError && err.code === 'E_OPTION_INVALID');
});

test('through the default pipeline, a sentence with a new subject and figure after a reported one is flagged; a continued quotation is not', () => {
  const unsourced = (text: string) =>
    analyzePure({ text }).findings.filter((f) => f.rule.startsWith('unsourced')).map((f) => [f.rule, text.slice(f.start, f.end)]);
  const text = 'Ola Lund, director of the Harbour Institute, said 3,000 people slept rough last winter. In the north there are at least 1,200 such people, most of them in shelters.';
  assert.deepEqual(unsourced(text), [['unsourced-statistic', 'In the north there are at least 1,200 such people, most of them in shelters.']]);
  assert.deepEqual(unsourced('Ola Lund, director of the Harbour Institute, said the shelters were full. “We turned away 200 people in March.”'), []);
});

test('a claim or figure sourced only by a vague source is not flagged as unsourced', () => {
  const text = 'Some 4,000 boats used the canal, officials said.';
  const said = attribution('a1', [33, 42], [43, 47], { content: { start: 0, end: 31 }, grade: 'vague' });
  assert.deepEqual(check(text, [claim('c1', 0, 48, 0.9, ['a1']), quantity('q1', 5, 10), said]).map((f) => f.rule), ['vague-source']);
});

test('a figure stated before a source inside the sentence, whose words follow its cue, is the writer\'s', () => {
  const text = 'Ferry use stands at 40 percent, below the level planners consider viable.';
  const at = (w: string) => text.indexOf(w);
  const consider = attribution('a1', [at('planners'), at(' consider')], [at('consider'), at(' viable')], { content: { start: at('viable'), end: text.length - 1 } });
  const findings = check(text, [claim('c1', 0, text.length, 0.9, ['a1'], 'statistic'), quantity('q1', at('40'), at('40') + 10, 'percent'), consider]);
  assert.deepEqual(findings.map((f) => [f.rule, f.annotationIds]), [['unsourced-statistic', ['c1', 'q1']]]);
});

test('a reporting clause after a comma still sources the figures before it when a role word is left outside the source', () => {
  const text = 'The glacier lost 12 metres of ice in one summer, chief surveyor Ana Ruiz said.';
  const at = (w: string) => text.indexOf(w);
  const said = attribution('a1', [at('surveyor'), at(' said')], [at('said'), at('said') + 4], { content: { start: text.length - 1, end: text.length } });
  const findings = check(text, [claim('c1', 0, text.length, 0.9, ['a1'], 'statistic'), quantity('q1', at('12'), at('12') + 9), said]);
  assert.deepEqual(findings, []);
});

test('words after the comma that are not a role word keep the figure before the source the writer\'s', () => {
  const text = 'The glacier lost 12 metres of ice, more than geologists said.';
  const at = (w: string) => text.indexOf(w);
  const said = attribution('a1', [at('geologists'), at(' said')], [at('said'), at('said') + 4], { content: { start: text.length - 1, end: text.length } });
  const findings = check(text, [claim('c1', 0, text.length, 0.9, ['a1'], 'statistic'), quantity('q1', at('12'), at('12') + 9), said]);
  assert.deepEqual(findings.map((f) => [f.rule, f.annotationIds]), [['unsourced-statistic', ['c1', 'q1']]]);
});

test('existential hearsay names nobody: its vague-looking noun does not source the sentence', () => {
  const text = "There have been reports of ferries leaving Port Avel with too many passengers.";
  const at = (w: string) => text.indexOf(w);
  // The tagger may grade "reports" a vague source; what was said is not who said it.
  const reports = attribution('a1', [at('reports'), at(' of')], [0, at(' ferries')], { content: { start: at('ferries'), end: text.length - 1 }, grade: 'vague', hedged: true });
  const findings = check(text, [claim('c1', 0, text.length, 0.6, ['a1']), reports]);
  assert.deepEqual(findings.map((f) => f.rule).sort(), ['hedged-source', 'unsourced-claim', 'vague-source']);
  // The same noun with a holder before a reporting verb is a (vague) source.
  const plain = 'Reports from the harbour say ferries leave full.';
  const say = attribution('a1', [0, 7], [plain.indexOf('say'), plain.indexOf('say') + 3], { content: { start: plain.indexOf('ferries'), end: plain.length - 1 }, grade: 'vague' });
  assert.deepEqual(check(plain, [claim('c1', 0, plain.length, 0.6, ['a1']), say]).map((f) => f.rule), ['vague-source']);
});

test('through the default pipeline, unsourced claims in everyday phrasings are flagged and timetables are not', () => {
  const unsourced = (text: string) => analyzePure({ text }).findings.filter((f) => f.rule.startsWith('unsourced')).map((f) => text.slice(f.start, f.end));
  // Hearsay with no holder, after a sourced sentence.
  const hearsay = 'The port authority said the ferry was late on Monday. There have been reports of passengers being turned away at the gate.';
  assert.deepEqual(unsourced(hearsay), ['There have been reports of passengers being turned away at the gate.']);
  // A share of a group as the subject, a forecast stated as fact, an absolute, a record with an irregular superlative.
  for (const text of [
    'Most of the flats inspected had no working smoke alarm.',
    'Neither had paid the licence fee.',
    'The drought will peak in late August.',
    'Not a single bus left the depot on time.',
    'It was the worst harvest in the valley since 1976.',
    'Trams here are cleaner than those of any other city in the region.',
    'It is widely believed that the old mill was built with stolen stone.',
    'A cyclist was injured on the ring road.',
  ]) assert.deepEqual(unsourced(text), [text], text);
  // Timetables and service notes with a clock time are not claims to check; a past event with its time still is.
  for (const text of ['The museum shop is open from 9am to 5pm on weekdays.', 'Councillors will meet at 19:30 in the library.']) assert.deepEqual(unsourced(text), [], text);
  // A figure of speech is no incident, and a plan is no forecast.
  assert.deepEqual(unsourced('Critics say the charge will kill the high street, and the market will open on Sundays.'), []);
});

test('the figures of a scheduled event below the threshold are not asked for a source; a forecast\'s are', () => {
  const text = 'The council will open two car parks on Monday.';
  const at = text.indexOf('two');
  assert.deepEqual(check(text, [claim('c1', 0, text.length, 0.3, [], 'prediction'), quantity('q1', at, at + 3)]), []);
  const flagged = check(text, [claim('c1', 0, text.length, 0.6, [], 'prediction'), quantity('q1', at, at + 3)]);
  assert.deepEqual(flagged.map((f) => f.rule), ['unsourced-statistic']);
});

test('a participle that names a thing sources nothing; the same verb describing something still sources it', () => {
  const naming = 'The glow comes from 40,000 cells of a tiny alga called noctiluca.';
  const at = (text: string, w: string) => text.indexOf(w);
  const called = (text: string) => attribution('a1', [at(text, 'a tiny'), at(text, ' called')], [at(text, 'called'), at(text, 'called') + 6], { grade: 'vague' });
  const figure = (text: string) => quantity('q1', at(text, '40,000'), at(text, '40,000') + 6);
  assert.deepEqual(
    check(naming, [claim('c1', 0, naming.length, 0.9, ['a1'], 'statistic'), figure(naming), called(naming)]).map((f) => f.rule).sort(),
    ['unsourced-statistic', 'vague-source'],
  );
  const described = 'The glow comes from 40,000 cells, a tiny alga called it "a marvel".';
  assert.deepEqual(check(described, [claim('c1', 0, described.length, 0.9, ['a1'], 'statistic'), figure(described), called(described)]).map((f) => f.rule), ['vague-source']);
});
