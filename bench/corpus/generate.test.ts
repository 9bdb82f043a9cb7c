import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatFigure, inWords } from './formats.js';
import { generateCorpus } from './generate.js';

test('a figure is written with commas, spaces, words, a short form and a hedge', () => {
  assert.deepEqual(['comma', 'space', 'words', 'short', 'hedged'].map((f) => formatFigure(20000, f as never)), ['20,000', '20 000', 'twenty thousand', '20k', 'some 20,000']);
});

test('round millions are written as millions in words and in short form', () => {
  assert.deepEqual([inWords(3_000_000), formatFigure(3_500_000, 'short'), formatFigure(3_000_000, 'short')], ['three million', '3.5 million', '3 million']);
});

test('numbers below a thousand are written in words with hyphens and "and"', () => {
  assert.equal(inWords(435), 'four hundred and thirty-five');
});

test('the same seed gives the same corpus and another seed a different one', () => {
  const texts = (seed: number) => [...generateCorpus({ articles: 5, seed })].map((a) => a.record.text);
  assert.deepEqual(texts(7), texts(7));
  assert.notDeepEqual(texts(7), texts(8));
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
