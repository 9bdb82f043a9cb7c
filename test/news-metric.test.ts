import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchSources, nthIndexOf, rates, resolveGold, scoreArticle, uncoveredText, type NewsGoldFile, type NewsPrediction } from '../bench/quality/news-metric.js';

const TEXT = 'Ana Ruiz said 40 people came. She said 10 left. In all, 30 stayed: 20 men and 15 women. The plan is expected to pass.';

const file: NewsGoldFile = {
  id: 'x01',
  text: TEXT,
  attributions: [
    { source: 'Ana Ruiz', cue: 'said', grade: 'named', antecedent: null, hedged: false },
    { source: 'She', cue: 'said', cueAt: 1, grade: 'anaphoric', antecedent: 'Ana Ruiz', hedged: false },
  ],
  notAttributions: [{ text: 'is expected', why: 'impersonal' }],
  figures: [{ text: '40', value: 40, bound: 'exact' }, { text: '10', value: 10, bound: 'exact' }],
  notFigures: [],
  numericFindings: [{ rule: 'total-unsupported', at: 'In all, 30' }],
  numericSilent: [{ text: '40 people came' }],
  claims: [
    { text: 'Ana Ruiz said 40 people came.', flag: false },
    { text: 'She said 10 left.', flag: false },
    { text: 'In all, 30 stayed: 20 men and 15 women.', flag: true },
    { text: 'The plan is expected to pass.', flag: false },
  ],
};

const at = (s: string, nth = 0) => ({ start: nthIndexOf(TEXT, s, nth), end: nthIndexOf(TEXT, s, nth) + s.length });
const gold = resolveGold(file, TEXT);
const none: NewsPrediction = { attributions: [], quantities: [], findings: [] };

test('an occurrence index counts matches from the start of the text', () => {
  assert.equal(nthIndexOf(TEXT, 'said', 1), 34);
  assert.equal(nthIndexOf(TEXT, 'said', 2), -1);
});

test('resolving gold turns substrings and occurrence indexes into spans', () => {
  assert.deepEqual(gold.attributions[1], { source: { start: 30, end: 33 }, cue: { start: 34, end: 38 }, grade: 'anaphoric', antecedent: { start: 0, end: 8 }, hedged: false });
});

test('offsets are taken as they are when a gold file gives no text', () => {
  const resolved = resolveGold({ id: 's', claims: [{ text: { start: 0, end: 29 }, flag: true }], numericFindings: [{ rule: 'range-inverted', at: { start: 14, end: 16 } }] }, TEXT);
  assert.deepEqual(resolved.claims, [{ start: 0, end: 29, flag: true }]);
  assert.deepEqual(resolved.numericFindings, [{ start: 14, end: 16, rule: 'range-inverted' }]);
});

test('a locator that is not in the text is an error naming the field', () => {
  assert.throws(() => resolveGold({ ...file, figures: [{ text: '41' }] }, TEXT), /x01 figures\[0\]: "41"/);
});

test('claims out of text order are an error', () => {
  assert.throws(() => resolveGold({ ...file, claims: [...file.claims].reverse() }, TEXT), /out of text order/);
});

test('one predicted source matches only one gold source, preferring the one whose cue overlaps', () => {
  const twoCues = [
    { source: at('Ana Ruiz'), cue: at('said', 0), grade: 'named' as const, hedged: false },
    { source: at('Ana Ruiz'), cue: at('said', 1), grade: 'named' as const, hedged: false },
  ];
  const predicted = [{ sourceSpan: at('Ana'), cue: at('said', 1), grade: 'named', hedged: false }];
  assert.deepEqual(matchSources(twoCues, predicted), [-1, 0]);
});

test('a predicted source is matched by overlap, not only by equal spans', () => {
  const predicted: NewsPrediction = { ...none, attributions: [{ sourceSpan: at('Ruiz'), cue: at('said'), grade: 'vague', hedged: false }] };
  const { counts, errors } = scoreArticle(gold, predicted);
  assert.deepEqual([counts.sourcesMatched, counts.goldSources, counts.gradeRight], [1, 2, 0]);
  assert.deepEqual(errors.slice(0, 2), ['grade of "Ana Ruiz": vague, gold named', 'missed source "She" (cue "said")']);
});

test('an anaphoric source is right about its antecedent only when resolvesTo overlaps the gold antecedent', () => {
  const predicted: NewsPrediction = { ...none, attributions: [{ sourceSpan: at('She'), cue: at('said', 1), grade: 'anaphoric', hedged: false, resolvesTo: at('40 people') }] };
  const { counts } = scoreArticle(gold, predicted);
  assert.deepEqual([counts.antecedentGold, counts.antecedentRight], [1, 0]);
});

test('a predicted source on no gold source counts against precision, and a look-alike taken as a cue is counted', () => {
  const predicted: NewsPrediction = { ...none, attributions: [{ sourceSpan: at('The plan'), cue: at('is expected'), grade: 'vague', hedged: false }] };
  const { counts } = scoreArticle(gold, predicted);
  assert.deepEqual([counts.predictedSources, counts.predictedSourcesOnGold, counts.lookAlikes, counts.lookAlikesTaken], [1, 0, 1, 1]);
});

test('numeric warnings: the gold one is found by rule and overlap, any other is a false positive, also on a silent span', () => {
  const predicted: NewsPrediction = {
    ...none,
    findings: [
      { rule: 'total-unsupported', start: at('30').start, end: at('30').end, annotationIds: [] },
      { rule: 'percentage-over-100', start: at('40').start, end: at('40').end, annotationIds: [] },
      { rule: 'unsourced-claim', start: at('40').start, end: at('40').end, annotationIds: [] },
    ],
  };
  const { counts } = scoreArticle(gold, predicted);
  assert.deepEqual([counts.numericFound, counts.numericGold, counts.numericPredicted, counts.numericFalse, counts.silentBroken], [1, 1, 2, 1, 1]);
});

test('a numeric warning of another rule on the gold span does not find it', () => {
  const predicted: NewsPrediction = { ...none, findings: [{ rule: 'range-inverted', start: at('30').start, end: at('30').end, annotationIds: [] }] };
  assert.deepEqual([scoreArticle(gold, predicted).counts.numericFound, scoreArticle(gold, predicted).counts.numericFalse], [0, 1]);
});

test('unsourced flags: recall over flagged sentences, false flags over the others', () => {
  const flag = (s: string) => ({ rule: 'unsourced-statistic', start: at(s).start, end: at(s).end, annotationIds: [] });
  const { counts } = scoreArticle(gold, { ...none, findings: [flag('20 men'), flag('10 left')] });
  assert.deepEqual([counts.flaggedFound, counts.flagged, counts.falseFlags, counts.unflagged], [1, 1, 1, 3]);
});

test('figures: recall by overlap and bound accuracy of the most overlapping quantity', () => {
  const quantity = (s: string, bound: string) => ({ id: s, ...at(s), value: 0, bound, quantityKind: 'count' });
  const { counts } = scoreArticle(gold, { ...none, quantities: [quantity('40 people', 'exact'), quantity('10', 'approx')] });
  assert.deepEqual([counts.figuresFound, counts.figures, counts.boundRight], [2, 2, 1]);
});

test('a non-figure counts as a statistic when it is a count, percent or money, or an unsourced statistic cites it', () => {
  const text = 'On Route 9 in 2019, 5 cars crashed.';
  const g = resolveGold({ id: 'y', text, notFigures: [{ text: 'Route 9' }, { text: '2019' }], claims: [{ text, flag: true }] }, text);
  const pred: NewsPrediction = {
    attributions: [],
    quantities: [
      { id: 'q1', start: 9, end: 10, value: 9, bound: 'exact', quantityKind: 'other' },
      { id: 'q2', start: 14, end: 18, value: 2019, bound: 'exact', quantityKind: 'year' },
    ],
    findings: [{ rule: 'unsourced-statistic', start: 0, end: 35, annotationIds: ['q2'] }],
  };
  const { counts } = scoreArticle(g, pred);
  assert.deepEqual([counts.notFiguresReported, counts.notFigures], [1, 2]);
});

test('a measure with nothing to count is NaN with its counts', () => {
  const r = rates(scoreArticle(gold, none).counts);
  assert.deepEqual(r['source recall'], [0, 0, 2]);
  assert.ok(Number.isNaN(r['source precision']![0]));
});

test('a sentence without a claim entry is reported as uncovered text', () => {
  const partial = resolveGold({ ...file, claims: file.claims.filter((_, i) => i !== 1) }, TEXT);
  assert.deepEqual(uncoveredText(partial), ['She said 10 left.']);
});

test('a claim quoting only the first words of its sentence leaves nothing uncovered', () => {
  const prefixes = resolveGold({ ...file, claims: [{ text: 'Ana Ruiz said 40', flag: false }, { text: 'She said 10 left.', flag: false }, { text: 'In all, 30 stayed', flag: true }, { text: 'The plan is', flag: false }] }, TEXT);
  assert.deepEqual(uncoveredText(prefixes), []);
  assert.deepEqual(uncoveredText(gold), []);
});

test('a gold file naming its text by file and sha256 is resolved from offsets, and left out when the hash differs', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const { createHash } = await import('node:crypto');
  const { loadGoldFiles } = await import('../bench/quality/news-task.js');
  const dir = mkdtempSync(join(tmpdir(), 'news-gold-'));
  writeFileSync(join(dir, 'article.txt'), TEXT);
  const sha = createHash('sha256').update(TEXT).digest('hex');
  const goldFile = (textSha256: string) => JSON.stringify({ id: 's1', textFile: 'article.txt', textSha256, claims: [{ text: { start: 0, end: 29 }, flag: true }] });
  writeFileSync(join(dir, 'good.json'), goldFile(sha));
  writeFileSync(join(dir, 'stale.json'), goldFile('0'.repeat(64)));
  const loaded = loadGoldFiles([join(dir, 'good.json'), join(dir, 'stale.json')]);
  assert.deepEqual(loaded.articles.map((a) => [a.id, a.claims]), [['s1', [{ start: 0, end: 29, flag: true }]]]);
  assert.deepEqual(loaded.problems.map((p) => [p.where, p.kind]), [['s1', 'left out']]);
  assert.match(loaded.problems[0]!.detail, /^article\.txt has sha256 [0-9a-f]{12}, the gold was written for 000000000000$/);
});
