import assert from 'node:assert/strict';
import { test } from 'node:test';
import { traceQueryFromText } from '../engine/trace-query.js';
import { keptBySet, setTally } from './calibration-set.js';
import { DEFAULT_CONTRAST_SET, withoutContrasts } from './contrast-set.js';
import { minimalContrast, saysWord, writtenAsVerb } from './contrast.js';
import { getWordMeaning } from './meaning.js';
import { fingerprint } from './similarity.js';

const fp = (text: string) => {
  const query = traceQueryFromText(text);
  return fingerprint(query.text, query.figures, query.masks ?? []);
};
const meaning = getWordMeaning();
const lexicon = meaning.relations!;

const TELLING = fp('The closure of the Harlow sawmill will put 640 jobs at risk, the union warned.');
const COPY = fp('The closure of the Harlow brewery will put 640 jobs at risk, the union warned.');
const RETOLD = fp('Shutting the timber mill in Harlow would leave some 640 people without work, the union said.');

test('a match that copies a stronger match and swaps one thing is dropped; a retelling in other words is kept', () => {
  const matches = [{ fingerprint: RETOLD, score: 0.6 }, { fingerprint: COPY, score: 0.62 }, { fingerprint: TELLING, score: 0.9 }];
  assert.deepEqual(withoutContrasts(matches, meaning, lexicon).map((m) => m.fingerprint), [RETOLD, TELLING]);
});

test('of two near-equal matches neither shows the other to be a contrast (the gap)', () => {
  const matches = [{ fingerprint: COPY, score: 0.88 }, { fingerprint: TELLING, score: 0.9 }];
  assert.equal(withoutContrasts(matches, meaning, lexicon).length, 2);
  assert.equal(withoutContrasts(matches, meaning, lexicon, { ...DEFAULT_CONTRAST_SET, gap: 0 }).length, 1);
});

test('a match below the floor shows nothing, and null options keep every match', () => {
  const matches = [{ fingerprint: COPY, score: 0.55 }, { fingerprint: TELLING, score: 0.65 }];
  assert.equal(withoutContrasts(matches, meaning, lexicon).length, 2);
  assert.equal(withoutContrasts([{ fingerprint: COPY, score: 0.6 }, { fingerprint: TELLING, score: 0.9 }], meaning, lexicon, null).length, 2);
});

test('between matches a minimal pair is counted on the written words: a look-alike retold in other words is none', () => {
  const retoldCopy = fp('Shutting the Harlow brewery would put 640 jobs in danger, the union said.');
  // By meaning "shutting" is the closure and "danger" the risk, so the pair is minimal and its other thing is read;
  // on the written words it brings three words of its own.
  assert.deepEqual(minimalContrast(TELLING, retoldCopy, meaning, lexicon, { ...DEFAULT_CONTRAST_SET.contrast, surface: false }), { word: 'sawmill', with: 'brewery' });
  assert.equal(minimalContrast(TELLING, retoldCopy, meaning, lexicon, DEFAULT_CONTRAST_SET.contrast), null);
  assert.deepEqual(minimalContrast(TELLING, COPY, meaning, lexicon, DEFAULT_CONTRAST_SET.contrast), { word: 'sawmill', with: 'brewery' });
});

test('between matches a near word in the same place is still the same thing: "infirmary" for "hospital"', () => {
  const hospital = fp('Some 900 patients are waiting for surgery at the Harlow hospital, officials said.');
  assert.equal(minimalContrast(hospital, fp('Some 900 patients are waiting for surgery at the Harlow infirmary, officials said.'), meaning, lexicon, DEFAULT_CONTRAST_SET.contrast), null);
});

test('between matches another event in the same slot is a contrast: "deported" for "monitor"', () => {
  const monitor = fp('Police in Harlow monitor 300 former gang members, the council said.');
  assert.deepEqual(minimalContrast(monitor, fp('Police in Harlow have deported 300 former gang members, the council said.'), meaning, lexicon, DEFAULT_CONTRAST_SET.contrast), { word: 'monitor', with: 'deported' });
  assert.equal(minimalContrast(monitor, fp('Police in Harlow watch 300 former gang members, the council said.'), meaning, lexicon, DEFAULT_CONTRAST_SET.contrast), null);
});

test('a word is written as a verb when it has a past, participle or -ing ending, regular or irregular', () => {
  assert.deepEqual(['sold', 'torn', 'deported', 'repairing', 'surgery', 'replacement', 'red', 'monitor'].map(writtenAsVerb), [true, true, true, true, false, false, false, false]);
});

test('the set calibration keeps a query\'s pairs at the threshold less those its stronger pairs show to be contrasts', () => {
  const query = fp('Closing the Harlow sawmill would cost 640 jobs, the union said.');
  const cases = [{ query, candidate: TELLING, positive: true }, { query, candidate: COPY, positive: false }, { query, candidate: RETOLD, positive: true }];
  const scores = new Map([[TELLING, 0.9], [COPY, 0.7], [RETOLD, 0.4]]);
  const kept = keptBySet(cases, (c) => scores.get(c.candidate)!, 0.5, meaning, lexicon, DEFAULT_CONTRAST_SET);
  assert.deepEqual(setTally(cases, kept), { found: 1, retellings: 2, passed: 0, lookalikes: 1 });
});

test('the query decides between two near-equal matches that are a minimal pair: it says the one word, not the other', () => {
  const surgery = fp('The Harlow clinic has 900 patients on its surgery waiting list, officials said.');
  const physio = fp('The Harlow clinic has 900 patients on its physiotherapy waiting list, officials said.');
  const matches = [{ fingerprint: physio, score: 0.7 }, { fingerprint: surgery, score: 0.71 }];
  const operation = fp('Some 900 people in Harlow are waiting for an operation, officials said.');
  assert.deepEqual(withoutContrasts(matches, meaning, lexicon, DEFAULT_CONTRAST_SET, operation).map((m) => m.fingerprint), [surgery]);
  // A query that says neither word decides nothing; without the arbiter the gap alone decides.
  assert.equal(withoutContrasts(matches, meaning, lexicon, DEFAULT_CONTRAST_SET, fp('Some 900 people in Harlow are on a waiting list, officials said.')).length, 2);
  assert.equal(withoutContrasts(matches, meaning, lexicon, { ...DEFAULT_CONTRAST_SET, arbiter: false }, operation).length, 2);
});

test('the query says a word itself or a synonym, not a broader word: a light verb is broader than most', () => {
  assert.deepEqual([saysWord(fp('Some 900 people in Harlow are waiting for an operation.'), 'surgery', meaning, lexicon), saysWord(fp('Harlow will get 900 new homes by 2030.'), 'sold', meaning, lexicon)], [true, false]);
});

test('a trace\'s matches are compared as its near options say: by default, or not at all with null or without meaning', async () => {
  const { getNearness } = await import('./nearness.js');
  const { DEFAULT_NEAR } = await import('./similarity.js');
  const { withoutContrastsOf } = await import('./contrast-set.js');
  const near = { near: getNearness(), ...DEFAULT_NEAR, meaning };
  const matches = [{ fingerprint: COPY, score: 0.6 }, { fingerprint: TELLING, score: 0.9 }];
  assert.equal(withoutContrastsOf(matches, RETOLD, near).length, 1);
  assert.equal(withoutContrastsOf(matches, RETOLD, { ...near, contrastSet: null }).length, 2);
  assert.equal(withoutContrastsOf(matches, RETOLD, { near: getNearness(), ...DEFAULT_NEAR }).length, 2);
});

test('one telling reported by many outlets takes one pivot: a weaker telling past the first eight still shows its copy to be a contrast', () => {
  // Nine outlets carry the same words with their own source and figure format (one telling, scored alike); a tenth
  // tells the claim otherwise, and a look-alike copies that telling with another thing.
  const same = Array.from({ length: 9 }, (_, i) => ({ fingerprint: fp(`Harlow will lose 640 jobs if the sawmill shuts, ${['the union', 'officials', 'the mayor', 'experts', 'a report', 'the council', 'a minister', 'analysts', 'the press office'][i]} said.`), score: 1 }));
  const other = { fingerprint: TELLING, score: 0.8 };
  const copy = { fingerprint: COPY, score: 0.65 };
  const kept = withoutContrasts([...same, other, copy], meaning, lexicon);
  assert.equal(kept.includes(copy), false);
  assert.equal(kept.includes(other), true);
  assert.equal(kept.length, 10);
});
