import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../src/learn/hashing.js';
import { contentTerms, stem } from '../../src/trace/terms.js';
import claimData from './claims.json' with { type: 'json' };
import words from './words.json' with { type: 'json' };
import { formatFigure, inWords } from './formats.js';
import { generateCorpus, makeStories, storyCount, WORD_SHARING_KINDS, type GeneratedArticle, type Plant } from './generate.js';

test('a figure is written with commas, spaces, words, a short form and a hedge', () => {
  assert.deepEqual(['comma', 'space', 'words', 'short', 'hedged'].map((f) => formatFigure(20000, f as never)), ['20,000', '20 000', 'twenty thousand', '20k', 'some 20,000']);
});

test('round millions are written as millions in words and in short form', () => {
  assert.deepEqual([inWords(3_000_000), formatFigure(3_500_000, 'short'), formatFigure(3_000_000, 'short')], ['three million', '3.5 million', '3 million']);
});

test('numbers below a thousand are written in words with hyphens and "and"', () => {
  assert.equal(inWords(435), 'four hundred and thirty-five');
});

test('retold figures are written as "23 thousand", "about 23 thousand", "4.5k", "3.5m" and "around 4,500"', () => {
  const cases: [number, string][] = [[23000, 'mixed'], [23000, 'about'], [4500, 'decimal-short'], [3_500_000, 'decimal-short'], [4500, 'around'], [30, 'about']];
  assert.deepEqual(cases.map(([v, f]) => formatFigure(v, f as never)), ['23 thousand', 'about 23 thousand', '4.5k', '3.5m', 'around 4,500', 'about 30']);
});

test('the same seed gives the same corpus and its plants, and another seed a different one', () => {
  const corpus = (seed: number) => JSON.stringify([...generateCorpus({ articles: 60, seed })]);
  assert.equal(corpus(7), corpus(7));
  assert.notEqual(corpus(7), corpus(8));
});

test('articles are about 800 words long', () => {
  const counts = [...generateCorpus({ articles: 20 })].map((a) => a.record.text.split(/\s+/).filter(Boolean).length);
  assert.ok(Math.min(...counts) >= 650 && Math.max(...counts) <= 950, counts.join(' '));
});

test('every planted claim and distractor range holds its figure as formatted', () => {
  const plants = [...generateCorpus({ articles: 200 })].flatMap((a) => a.plants.map((p) => ({ p, sentence: a.record.text.slice(p.start, p.end) })));
  assert.ok(plants.filter(({ p }) => !p.distractor).length > 40);
  assert.ok(plants.some(({ p }) => p.distractor));
  for (const { p, sentence } of plants) assert.ok(sentence.toLowerCase().includes(formatFigure(p.value, p.format)), `${sentence} / ${p.value}`);
});

test('each record has a URL, a title, an outlet and a date in 2023 or 2024', () => {
  const [first] = generateCorpus({ articles: 1, seed: 3 });
  assert.match(first!.record.url, /^https:\/\/[a-z]+\.example\/202[34]-\d\d\/article-0$/);
  assert.match(first!.record.published, /^202[34]-\d\d-\d\d$/);
  assert.ok(first!.record.title.length > 10 && first!.record.site.length > 3);
});

// Retold stories and word-sharing distractors (issue 14). Content stems are counted as trace counts them (src/trace/terms).

const CORPUS = [...generateCorpus({ articles: 1500, seed: 42 })];
const STORIES = new Map(makeStories(seededRandom(42), storyCount({ articles: 1500, plantRate: 0.3 })).map((s) => [s.id, s]));
const plantsOf = (kind: string) => CORPUS.flatMap((a: GeneratedArticle) => a.plants.filter((p) => p.kind === kind || p.distractorKind === kind).map((p) => ({ p, text: a.record.text.slice(p.start, p.end) })));
const storyOf = (p: Plant) => STORIES.get(p.claimId)!;
const stems = (text: string) => new Set(contentTerms(text.replace(/\{\w+\}/g, ' ')));
const familyStems = (id: string) => new Set(claimData.claims.find((c) => c.id === id)!.paraphrases.flatMap((t) => [...stems(t)]));

/** Stems of the words that fill slots (sources, people, bodies, roles, the story's place, the figure): not the story's wording. */
function slotStems(place: string, figure: string): Set<string> {
  const fillers = [...claimData.sources, ...claimData.retoldSources.phrases, ...words.people, ...words.bodies, ...words.roles, place, figure];
  return new Set(fillers.flatMap((f) => [...stems(f)]).concat(stem(place.toLowerCase())));
}

/** The content stems of a planted sentence that its family's paraphrases share and those they lack, slot fillers left out. */
function overlap(p: Plant, text: string, place: string): { shared: string[]; other: string[] } {
  const family = familyStems(storyOf(p).family.id);
  const slots = slotStems(place, formatFigure(p.value, p.format));
  const own = [...stems(text)].filter((s) => !slots.has(s));
  return { shared: own.filter((s) => family.has(s)), other: own.filter((s) => !family.has(s)) };
}
const shared = (p: Plant, text: string, place: string) => overlap(p, text, place).shared;

test('every story has four paraphrases, at least four retold wordings and four lookalikes, each with a reason', () => {
  for (const c of claimData.claims) {
    assert.ok(c.paraphrases.length >= 4 && c.retold.length >= 4 && c.lookalikes.length >= 4, c.id);
    for (const t of [...c.retold, ...c.lookalikes]) assert.ok(t.reason.length > 5 && t.text.includes('{figure}') && t.text.includes('{place}'), t.text);
  }
});

test('a retold wording shares at most two content stems with its story\'s paraphrases', () => {
  for (const c of claimData.claims) {
    const family = familyStems(c.id);
    for (const t of c.retold) assert.ok([...stems(t.text)].filter((s) => family.has(s)).length <= 2, `${t.text}: ${[...stems(t.text)].filter((s) => family.has(s))}`);
  }
});

test('a lookalike shares at least two content stems with its story\'s paraphrases and is none of them', () => {
  for (const c of claimData.claims) {
    const family = familyStems(c.id);
    for (const l of c.lookalikes) {
      assert.ok([...stems(l.text)].filter((s) => family.has(s)).length >= 2 && !c.paraphrases.includes(l.text), l.text);
      assert.ok(['event', 'actor'].includes(l.differs), l.text);
    }
  }
});

test('retold plants share at most two content stems with the paraphrases and bring three of their own; paraphrased plants bring none of their own', () => {
  for (const { p, text } of plantsOf('retold')) {
    const { shared: common, other } = overlap(p, text, storyOf(p).place);
    assert.ok(common.length <= 2 && other.length >= 3, `${text}: ${common} / ${other}`);
  }
  for (const { p, text } of plantsOf('paraphrase')) {
    const { shared: common, other } = overlap(p, text, storyOf(p).place);
    assert.ok(common.length >= 1 && other.length === 0, `${text}: ${common} / ${other}`);
  }
});

test('about a third of a story\'s appearances are retold, and every kind of plant and distractor occurs', () => {
  const retold = plantsOf('retold').length;
  const share = retold / (retold + plantsOf('paraphrase').length);
  assert.ok(share > 0.25 && share < 0.42, String(share));
  for (const kind of ['unrelated', 'other-place', ...WORD_SHARING_KINDS]) assert.ok(plantsOf(kind).length >= 20, kind);
});

test('retold plants name the story\'s place and carry its figure or first figure', () => {
  for (const { p, text } of plantsOf('retold')) {
    const story = storyOf(p);
    assert.ok(text.includes(story.place) && [story.value, story.firstValue].includes(p.value), text);
  }
});

test('a word-sharing distractor names the story\'s place and shares its words, but its figure or its wording differs', () => {
  for (const { p, text } of plantsOf('other-figure')) {
    const story = storyOf(p);
    for (const v of [story.value, story.firstValue]) assert.ok(p.value >= 2 * v || p.value <= v / 2, `${text} / ${v}`);
    const { shared: common, other } = overlap(p, text, story.place);
    assert.ok(text.includes(story.place) && common.length >= 1 && other.length === 0, text);
  }
  const paraphrases = new Set(claimData.claims.flatMap((c) => c.paraphrases));
  for (const { p, text } of [...plantsOf('other-event'), ...plantsOf('other-actor')]) {
    const story = storyOf(p);
    const template = story.family.lookalikes[Number(p.template.split('/')[2])]!.text;
    assert.ok(!paraphrases.has(template) && p.value === story.value && text.includes(story.place), text);
    assert.ok(shared(p, text, story.place).length >= 2, `${text}: ${shared(p, text, story.place)}`);
  }
});

test('an other-place distractor names a place where no story of its family is told', () => {
  const told = new Set([...STORIES.values()].map((s) => `${s.family.id}:${s.place}`));
  for (const { p, text } of plantsOf('other-place')) {
    const family = storyOf(p).family.id;
    assert.ok(![...STORIES.values()].some((s) => s.family.id === family && told.has(`${family}:${s.place}`) && new RegExp(`\\b${s.place}\\b`).test(text)), text);
  }
});

test('a plant\'s kind agrees with its distractor flag, and only distractors have a distractor kind', () => {
  for (const p of CORPUS.flatMap((a) => a.plants)) {
    assert.equal(p.distractor, p.kind === 'distractor');
    assert.equal(p.distractorKind !== undefined, p.distractor);
  }
});

test('with no retold share and no lookalikes the corpus has neither, and its paraphrased plants are those of the default corpus', () => {
  const plain = [...generateCorpus({ articles: 1500, seed: 42, retoldShare: 0, lookalikeRate: 0 })];
  const kinds = new Set(plain.flatMap((a) => a.plants.map((p) => p.distractorKind ?? p.kind)));
  assert.deepEqual([...kinds].sort(), ['other-place', 'paraphrase', 'unrelated']);
  // The side random source decides retold plants and lookalikes: the default corpus keeps every paraphrase of this one.
  const sentences = (corpus: readonly GeneratedArticle[]) => new Set(corpus.flatMap((a) => a.plants.filter((p) => p.kind === 'paraphrase').map((p) => a.record.text.slice(p.start, p.end))));
  const defaults = sentences(CORPUS);
  const paraphrased = [...sentences(plain)];
  assert.ok(paraphrased.filter((t) => defaults.has(t)).length >= 0.55 * paraphrased.length, 'about two thirds kept');
  assert.ok([...defaults].every((t) => paraphrased.includes(t)));
});
