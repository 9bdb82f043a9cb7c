import assert from 'node:assert/strict';
import { test } from 'node:test';
import { traceQueryFromText } from '../engine/trace-query.js';
import { idfWeights } from './calibration.js';
import { frameConflict, frameOf } from './frames.js';
import heldOutData from './paraphrases-heldout.json' with { type: 'json' };
import heldOutData2 from './paraphrases-heldout-2.json' with { type: 'json' };
import heldOutData3 from './paraphrases-heldout-3.json' with { type: 'json' };
import tuneData from './paraphrases.json' with { type: 'json' };
import { getWordMeaning } from './meaning.js';
import { getNearness } from './nearness.js';
import { conflicting, DEFAULT_NEAR, DEFAULT_SIMILARITY, fingerprint, traceScore, type ClaimFingerprint, type NearOptions } from './similarity.js';

// Sentences written for these tests (invented places and figures).
const fp = (text: string) => {
  const query = traceQueryFromText(text);
  return fingerprint(query.text, query.figures, query.masks ?? []);
};
const frame = (text: string) => fp(text).frame!;
const even = () => 1;

test('a figure after "by" in a claim that moves, after "up" or "down" following a verb of motion, or before a noun of change or a comparative is a change', () => {
  assert.equal(frame('Hospital waiting lists in Dunmore have shrunk by 6,300 patients, officials said.').change, 'fall');
  assert.equal(frame('Bus fares in Dunmore will rise by 12 percent next year.').change, 'rise');
  assert.equal(frame('Tram fares in Dunmore went up 12 percent.').change, 'rise');
  assert.equal(frame('Commuters in Dunmore face a 12 per cent increase in tram fares.').change, 'rise');
  assert.equal(frame('Riders in Dunmore will pay 12 per cent above current prices.').change, 'rise');
  assert.equal(frame('Riders in Dunmore will pay 12 per cent less from May.').change, 'fall');
});

test('a claim that gives the level beside the change states both, and conflicts with neither', () => {
  assert.equal(frame('Support for the Dunmore party is up 5 points to 35 percent, a poll found.').change, 'unknown');
  assert.equal(conflicting(fp('Support for the Dunmore party is up 5 points to 35 percent, a poll found.'), fp('Support for the Dunmore party stands at 35 percent, a poll found.')), false);
});

test('a figure after "by" that is no change, and "put up" before a count, are not read as changes', () => {
  assert.equal(frame('Some 900 homes in Dunmore were inspected by 40 engineers.').change, 'level');
  assert.notEqual(frame('Developers will put up 4,000 houses in Dunmore by 2030.').change, 'rise');
  assert.equal(frame('6,300 people in Dunmore are waiting for an operation.').change, 'level');
  // New or additional things are an addition, not a level.
  assert.equal(frame('Dunmore will get 4,000 new homes before 2030.').change, 'unknown');
});

test('a figure counted per period is a rate; "a year" as a span of time is not', () => {
  assert.equal(frame('Repairing the Dunmore sea wall costs 1.2 million euros every year.').period, 'year');
  assert.equal(frame('The Dunmore sea wall costs 1.2 million euros a year to keep up.').period, 'year');
  assert.equal(frame('The annual cost of the Dunmore sea wall is 1.2 million euros.').period, 'year');
  assert.equal(frame('Some 3,000 passengers use the Dunmore ferry daily.').period, 'day');
  assert.equal(frame('The Dunmore sea wall will cost 1.2 million euros.').period, null);
  assert.equal(frame('The Dunmore sea wall will be finished in a year at a cost of 1.2 million euros.').period, null);
  assert.equal(frame('A year ago the Dunmore sea wall cost 1.2 million euros.').period, null);
  assert.equal(frame('The council\'s annual report puts the cost of the Dunmore sea wall at 1.2 million euros.').period, null);
});

test('"a year" before "on" or "from" is a rate unless a span follows ("a year on from", "a year from now"); a figure for one year retells a yearly one', () => {
  assert.equal(frame('The Dunmore council will spend 5 million euros a year on roads.').period, 'year');
  assert.equal(frame('A year on from the flood, Dunmore has 300 empty homes.').period, null);
  assert.equal(frame('A year from now Dunmore will have 300 new homes.').period, null);
  assert.equal(conflicting(fp('The Dunmore brewery made a profit of 5 million euros last year.'), fp('The annual profit of the Dunmore brewery was 5 million euros.')), false);
  assert.equal(conflicting(fp('The Dunmore brewery made a profit of 5 million euros in 2023.'), fp('The Dunmore brewery makes 5 million euros a year in profit.')), false);
  assert.equal(conflicting(fp('Some 4,000 homes will be built in Dunmore by 2030.'), fp('Some 4,000 homes a year will be built in Dunmore until 2030.')), true);
});

test('time words and future auxiliaries place a claim in the past or the future; past verb forms alone do not', () => {
  assert.equal(frame('4,000 new homes were sold in Dunmore last year.').time, -1);
  assert.equal(frame('Dunmore will get 4,000 new homes before 2030.').time, 1);
  assert.equal(frame('4,000 homes in Dunmore are to be built by 2030.').time, 1);
  assert.equal(frame('The storm damage of last winter\'s floods in Dunmore came to 1.2 million euros.').time, -1);
  assert.equal(frame('Officials said security services in Dunmore were monitoring 800 former fighters.').time, 0);
  assert.equal(frame('Last year the council said Dunmore will get 4,000 new homes.').time, 0);
});

test('frameConflict: a fall against a level, a rise against a level share, another period, the past against the future', () => {
  const level = { change: 'level', period: null, time: 0 } as const;
  assert.equal(frameConflict({ ...level, change: 'fall' }, level, 'amount'), true);
  assert.equal(frameConflict({ ...level, change: 'rise' }, level, 'amount'), false);
  assert.equal(frameConflict({ ...level, change: 'rise' }, level, 'percent'), true);
  assert.equal(frameConflict({ ...level, period: 'year' }, level, 'amount'), true);
  assert.equal(frameConflict({ ...level, period: 'year' }, { ...level, period: 'year' }, 'amount'), false);
  assert.equal(frameConflict({ ...level, period: 'year' }, level, 'none'), false);
  assert.equal(frameConflict({ ...level, time: 1 }, { ...level, time: -1 }, 'none'), true);
  assert.equal(frameConflict({ ...level, time: 1 }, level, 'amount'), false);
});

test('a look-alike that frames the figure otherwise scores 0 where the words alone would match it; a retelling that frames it alike still matches', () => {
  const near: NearOptions = { near: getNearness(), ...DEFAULT_NEAR, meaning: getWordMeaning() };
  const query = fp('The Dunmore sea wall will cost 1.2 million euros, the council said.');
  const yearly = fp('Repairing the Dunmore sea wall costs 1.2 million euros every year, officials said.');
  const past = fp('Officials put the damage from last winter\'s storms on the Dunmore sea wall at 1.2 million euros.');
  assert.equal(conflicting(query, yearly), true);
  assert.equal(traceScore(query, yearly, even, DEFAULT_SIMILARITY, near), 0);
  assert.equal(conflicting(query, past), true);
  const waiting = fp('6,300 people in Dunmore are waiting for an operation, officials said.');
  const shrunk = fp('Surgery waiting lists in Dunmore have shrunk by 6,300 patients, the council reported.');
  assert.equal(conflicting(waiting, shrunk), true);
  const retold = fp('Building the sea wall at Dunmore is expected to cost some 1.2m euros, according to the council.');
  assert.equal(conflicting(query, retold), false);
  assert.ok(traceScore(query, retold, even, DEFAULT_SIMILARITY, near) >= 0.5);
});

test('two claims that give years and share none are two claims; a year on one side only is no conflict', () => {
  assert.equal(conflicting(fp('Unemployment in Dunmore was 7 percent in 2019.'), fp('Unemployment in Dunmore was 7 percent in 2023.')), true);
  assert.equal(conflicting(fp('Unemployment in Dunmore was 7 percent in 2019.'), fp('Unemployment in Dunmore stood at 7 percent.')), false);
});

test('frameOf reads nothing inside the masked source and cue', () => {
  // "Every week" inside the masked attribution would otherwise read as a period ("every week the council says").
  const text = 'Every week the Dunmore council says 300 jobs went.';
  assert.equal(frameOf(text, [], [{ start: 0, end: 35 }], 0).period, null);
  assert.equal(frameOf(text, [], [], 0).period, 'week');
  assert.equal(frameOf('Visitors to Dunmore spend 300 euros a day.', [{ start: 26, end: 36, kind: 'money' }], [{ start: 0, end: 8 }], 0).period, 'day');
});

interface Groups {
  readonly groups: readonly { claim: string; retellings: readonly string[]; lookalikes: readonly { kind: string; text: string }[] }[];
}

// The frame rules were written on the corpus generator's claims (bench/corpus/claims.json) and the odd groups of
// paraphrases.json; the sets below were never tuned on (paraphrases-heldout-3.json was committed before the rules were
// scored on it). On each, the rules must lose no retelling; when they were committed they also turned away 5 look-alikes
// of paraphrases-heldout-3.json (63 → 58 of 72) and none of the other sets (the year rule of similarity.ts, not read
// here, turned away one of the even groups of paraphrases.json).
for (const [label, data, keep] of [['paraphrases-heldout.json', heldOutData, () => true], ['paraphrases-heldout-2.json', heldOutData2, () => true], ['paraphrases-heldout-3.json', heldOutData3, () => true], ['the held-out groups of paraphrases.json', tuneData, (g: number) => g % 2 === 0]] as const) {
  test(`on ${label}, the frame rules lose no retelling and let no more look-alikes through`, (t) => {
    const near: NearOptions = { near: getNearness(), ...DEFAULT_NEAR, meaning: getWordMeaning() };
    const pairs = (data as Groups).groups.flatMap((g, i) => (keep(i + 1) ? [...g.retellings.map((r) => ({ q: fp(g.claim), c: fp(r), positive: true })), ...g.lookalikes.map((l) => ({ q: fp(g.claim), c: fp(l.text), positive: false }))] : []));
    const weight = idfWeights([...new Set(pairs.flatMap((p) => [p.q, p.c]))]);
    const unframed = (x: ClaimFingerprint): ClaimFingerprint => ({ ...x, frame: undefined });
    const tally = (framed: boolean) => {
      const hit = pairs.map((p) => traceScore(framed ? p.q : unframed(p.q), framed ? p.c : unframed(p.c), weight, DEFAULT_SIMILARITY, near) >= 0.5);
      return { found: pairs.filter((p, i) => p.positive && hit[i]).length, passed: pairs.filter((p, i) => !p.positive && hit[i]).length };
    };
    const before = tally(false);
    const now = tally(true);
    t.diagnostic(`without the frame rules: ${before.found} retellings found, ${before.passed} look-alikes let through; with them: ${now.found}, ${now.passed}`);
    assert.ok(now.found >= before.found && now.passed <= before.passed, JSON.stringify({ before, now }));
  });
}

test('a year right after "by" places a claim in the future, unless "had" makes it a milestone passed', () => {
  assert.equal(frame('By 2031, Dunmore should have some 9,000 more homes, the planners said.').time, 1);
  assert.equal(frame('By 2019, sales of homes in Dunmore had doubled to 9,000.').time, 0);
  assert.equal(conflicting(fp('By 2031, Dunmore should have some 9,000 more homes, the planners said.'), fp('Some 9,000 new homes were sold in Dunmore last year, officials said.')), true);
  assert.equal(conflicting(fp('By 2031, Dunmore should have some 9,000 more homes, the planners said.'), fp('Dunmore will get 9,000 new homes before 2031, the planners said.')), false);
});
