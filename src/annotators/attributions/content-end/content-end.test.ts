import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../nlp/tokens.js';
import { annotate, views } from '../test-helpers.js';
import { endCandidates, FEATURES_PER_END, startCounts } from './candidates.js';
import { decodeRanker, defaultContentEndRanker, encodeRanker, rankerOf } from './ranker.js';

const shipped = (text: string) => views(annotate(text, [], { tagger: undefined }));
const finders = (text: string) => views(annotate(text, [], { tagger: undefined, contentEnds: null }));
const contentOf = (list: ReturnType<typeof views>, cue: string) => list.find((v) => v.cue === cue)?.content;

test('a content that runs on into a second attribution ends before it', () => {
  const text = 'Officials said the bridge was safe, another engineer says it is not.';
  assert.equal(contentOf(finders(text), 'said'), 'the bridge was safe, another engineer says it is not');
  assert.equal(contentOf(shipped(text), 'said'), 'the bridge was safe');
  assert.equal(contentOf(shipped(text), 'says'), 'it is not');
});

test('a content ends before a second reporting verb of the same source ("projects X and says Y")', () => {
  const text = 'The department projects an income of 24 million a year and says every penny will go on buses.';
  assert.equal(contentOf(finders(text), 'projects'), 'an income of 24 million a year and says every penny will go on buses');
  assert.equal(contentOf(shipped(text), 'projects'), 'an income of 24 million a year');
});

test('a content the finders end well is left as it is', () => {
  assert.equal(contentOf(shipped('The ferry operator said the crossing would reopen on Monday.'), 'said'), 'the crossing would reopen on Monday');
});

/** The candidate ends of the content of `cue` (the text after it up to `contentEnd`), as the words they end with. */
function candidateWords(text: string, cue: string, content: string): string[] {
  const { tokens } = analyzeText(text);
  const cueStart = text.indexOf(cue);
  const start = text.indexOf(content);
  const q = { cue: { start: cueStart, end: cueStart + cue.length }, content: { start, end: start + content.length }, origin: 'rule' as const };
  const set = endCandidates({ tokens, sentences: [{ start: 0, end: text.length }], starts: startCounts(tokens, [q.cue]) }, q);
  assert.ok(set);
  assert.equal(set.features.length, set.ends.length * FEATURES_PER_END);
  assert.equal(set.ends[set.current], q.content.end);
  return set.ends.map((e) => /[\p{L}\p{N}]+$/u.exec(text.slice(0, e))?.[0] ?? text.slice(e - 1, e));
}

test('the candidate ends of a content are its words up to the end of the sentence', () => {
  assert.deepEqual(candidateWords('Nora Lind said the pier was closed after the storm.', 'said', 'the pier was closed'), ['the', 'pier', 'was', 'closed', 'after', 'the', 'storm']);
});

test('a quotation ends at its closing mark at the latest, a nested quotation inside it skipped', () => {
  assert.deepEqual(candidateWords('Nora Lind called the pier “a gift to the whole town” last week.', 'called', 'a gift to the whole town'), ['a', 'gift', 'to', 'the', 'whole', 'town']);
  assert.deepEqual(candidateWords('Lind said “the “new” pier” last week.', 'said', 'the “new” pier'), ['the', 'new', 'pier']);
});

test('a content before its cue is no question for the ranker', () => {
  const { tokens } = analyzeText('The pier is closed, Nora Lind said.');
  const q = { cue: { start: 30, end: 34 }, content: { start: 0, end: 18 }, origin: 'rule' as const };
  assert.equal(endCandidates({ tokens, sentences: [{ start: 0, end: 35 }], starts: startCounts(tokens, []) }, q), undefined);
});

test('a ranker survives its file: weights quantised to 16 bits, metadata kept', () => {
  const weights = new Float32Array(1 << 4);
  weights[3] = 1.5;
  weights[7] = -0.25;
  const back = decodeRanker(encodeRanker(4, weights, { seed: 7 }));
  assert.equal(back.meta.seed, 7);
  assert.ok(Math.abs(back.weights[3]! - 1.5) < 1e-4 && Math.abs(back.weights[7]! + 0.25) < 1e-4);
  const features = Int32Array.from({ length: 2 * FEATURES_PER_END }, (_, i) => (i < FEATURES_PER_END ? 7 : 3));
  assert.equal(rankerOf(4, weights, {}).choose({ question: { cue: { start: 0, end: 1 }, content: { start: 2, end: 3 }, origin: 'rule' }, ends: [1, 2], features, current: 0 }), 1);
});

test('the committed ranker carries its seed, epochs and validation scores', () => {
  const ranker = defaultContentEndRanker();
  assert.equal(typeof ranker.meta.seed, 'number');
  assert.equal(typeof ranker.meta.epochs, 'number');
  assert.ok(ranker.meta.validation);
});
