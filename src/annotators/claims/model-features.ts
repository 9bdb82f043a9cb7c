// Hashed features of one sentence for the check-worthiness model. They read the sentence's own characters only (no
// wink tokens), so the predict mode on bare sentences and the analyze pipeline see exactly the same features, and the
// cost is linear in the sentence's length.
import { FeatureSink, hash1, hashMore, hashStart } from '../../learn/hashing.js';
import lexicon from './model-lexicon.json' with { type: 'json' };

/** Feature templates (the number is part of every hash, so templates never collide by design). */
const T = { word: 0, bigram: 1, chars: 2, shape: 3, person: 4, modal: 5, length: 6, first: 7, trigram: 8, end: 9, cap: 10, number: 11 } as const;

const TOKEN = /\p{N}+(?:[.,:/]\p{N}+)*|[\p{L}\p{M}]+(?:['’][\p{L}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const PERSON = new Map<string, string>(Object.entries(lexicon.person.words));
const MODALS = new Set<string>(lexicon.modals.words);
const MONEY = new Set<string>(lexicon.money.words);
const PERCENT = new Set<string>(lexicon.percent.words);

/**
 * Per word of the lexicon's lists, the hashes it adds, in the order the lists are asked (money, percent, person,
 * modal): one look-up per word instead of four, the same features for a listed word, none for the rest.
 */
const LISTED = new Map<string, number[]>();
for (const w of new Set([...MONEY, ...PERCENT, ...PERSON.keys(), ...MODALS])) {
  const hashes: number[] = [];
  if (MONEY.has(w)) hashes.push(hash1(T.shape, 'MONEY'));
  if (PERCENT.has(w)) hashes.push(hash1(T.shape, 'PERCENT'));
  const person = PERSON.get(w);
  if (person) hashes.push(hash1(T.person, person));
  if (MODALS.has(w)) hashes.push(hash1(T.modal, 'modal'));
  if (hashes.length) LISTED.set(w, hashes);
}

/** What a number-like or special token stands for in n-grams ("NUM", "YEAR"), or the lower-cased word itself. */
function normalised(raw: string, lower: string): string {
  const c = raw.charCodeAt(0);
  if (c >= 48 && c <= 57) return /^(1[89]|20)\d\d$/.test(raw) ? 'YEAR' : 'NUM';
  return lower;
}

/**
 * One sink for every call: hashes go straight into a typed buffer (pushed into a plain array, half of them, those above
 * 2^30, would be boxed), and a fresh 4 KiB buffer per sentence cost more than the hashing of a short one. Calls never
 * nest, and the result is copied out by toArray().
 */
const SINK = new FeatureSink();

const FNV_PRIME = 0x01000193;
const WORD_START = hashStart(T.word);
const BIGRAM_START = hashStart(T.bigram);
const TRIGRAM_START = hashStart(T.trigram);
const BIGRAM_AFTER_START = hashMore(BIGRAM_START, '<s>');
const TRIGRAM_AFTER_START = hashMore(TRIGRAM_START, '<s>');
const TRIGRAM_AFTER_START_START = hashMore(TRIGRAM_AFTER_START, '<s>');

/** The hashed features of a sentence's text (one bucket per feature occurrence; duplicates are kept). */
export function checkworthyFeatures(text: string): Int32Array {
  const out = SINK;
  out.clear();
  const words = text.replace(/’/g, "'").match(TOKEN) ?? [];
  const n = words.length;
  let prev = '<s>';
  let first = '';
  let numbers = 0;
  // The word, bigram and trigram hashes chain FNV over (prev2, prev, w): the states after `prev` and after
  // `prev2 prev` are carried from word to word, and the six continuations over w's characters run in one loop
  // (same values as hash1(T.word, w), hash2(T.bigram, prev, w) and hashMore(hash2(T.trigram, prev2, prev), w)).
  let bigramAfterPrev = BIGRAM_AFTER_START;
  let trigramAfterPrev = TRIGRAM_AFTER_START;
  let trigramAfterPrev2Prev = TRIGRAM_AFTER_START_START;
  for (let i = 0; i < n; i++) {
    const raw = words[i]!;
    const w = normalised(raw, raw.toLowerCase());
    if (i < 2) first = i === 0 ? w : `${first} ${w}`;
    let word = Math.imul(WORD_START ^ 0x1f, FNV_PRIME);
    let bigram = Math.imul(bigramAfterPrev ^ 0x1f, FNV_PRIME);
    let trigram = Math.imul(trigramAfterPrev2Prev ^ 0x1f, FNV_PRIME);
    let nextBigram = Math.imul(BIGRAM_START ^ 0x1f, FNV_PRIME);
    let nextTrigram1 = Math.imul(TRIGRAM_START ^ 0x1f, FNV_PRIME);
    let nextTrigram2 = Math.imul(trigramAfterPrev ^ 0x1f, FNV_PRIME);
    for (let k = 0; k < w.length; k++) {
      const c = w.charCodeAt(k);
      word = Math.imul(word ^ c, FNV_PRIME);
      bigram = Math.imul(bigram ^ c, FNV_PRIME);
      trigram = Math.imul(trigram ^ c, FNV_PRIME);
      nextBigram = Math.imul(nextBigram ^ c, FNV_PRIME);
      nextTrigram1 = Math.imul(nextTrigram1 ^ c, FNV_PRIME);
      nextTrigram2 = Math.imul(nextTrigram2 ^ c, FNV_PRIME);
    }
    out.add(word);
    out.add(bigram);
    out.add(trigram);
    bigramAfterPrev = nextBigram;
    trigramAfterPrev = nextTrigram1;
    trigramAfterPrev2Prev = nextTrigram2;
    if (w === 'NUM' || w === 'YEAR') {
      out.add(hash1(T.shape, w));
      if (w === 'NUM') numbers++;
    } else if (hasLetter(w)) charGrams(w, out);
    const listed = LISTED.get(w);
    if (listed) for (const h of listed) out.add(h);
    if (i > 0 && upperFirst(raw)) out.add(hash1(T.cap, 'cap'));
    prev = w;
  }
  out.add(hashMore(bigramAfterPrev, '</s>'));
  out.add(hash1(T.first, first));
  out.add(hash1(T.end, n ? prev : ''));
  out.add(hash1(T.length, String(Math.min(8, Math.floor(Math.log2(1 + n))))));
  out.add(hash1(T.number, String(Math.min(3, numbers))));
  return out.toArray();
}

const LETTER = /\p{L}/u;
const UPPER_FIRST = /^\p{Lu}/u;

/**
 * LETTER.test for a token of TOKEN that is not a number: one starting with an ASCII letter has one, one starting with
 * other ASCII is a single mark (TOKEN's last branch) and has none; anything else asks the regex.
 */
function hasLetter(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER.test(w);
}

/** UPPER_FIRST.test, without the regex for ASCII (whose only \p{Lu} are A-Z). */
function upperFirst(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_FIRST.test(raw);
}

/** The marked word's code units ('<', the word's, '>') and its 4- and 5-gram hashes, reused from call to call (grown for a longer word). */
let marked = new Uint16Array(64);
let grams4 = new Int32Array(64);
let grams5 = new Int32Array(64);

/**
 * Character 3- to 5-grams of a word with boundary marks ("<wor", "ord>"), hashed without building strings: the marked
 * word's code units are copied once into a reused buffer, and the 4- and 5-gram at a position continue the FNV state
 * of the 3-gram there (FNV reads left to right). All 3-grams are added first, then the 4-grams, then the 5-grams, as
 * the model was trained.
 */
function charGrams(word: string, out: FeatureSink): void {
  const length = word.length + 2;
  if (marked.length < length) {
    marked = new Uint16Array(length * 2);
    grams4 = new Int32Array(length * 2);
    grams5 = new Int32Array(length * 2);
  }
  const m = marked;
  m[0] = 60;
  for (let k = 0; k < word.length; k++) m[k + 1] = word.charCodeAt(k);
  m[length - 1] = 62;
  const start = hashStart(T.chars);
  for (let i = 0; i + 3 <= length; i++) {
    let h = Math.imul(Math.imul(Math.imul(start ^ m[i]!, 0x01000193) ^ m[i + 1]!, 0x01000193) ^ m[i + 2]!, 0x01000193);
    out.add(h);
    if (i + 4 > length) continue;
    h = Math.imul(h ^ m[i + 3]!, 0x01000193);
    grams4[i] = h;
    if (i + 5 <= length) grams5[i] = Math.imul(h ^ m[i + 4]!, 0x01000193);
  }
  for (let i = 0; i + 4 <= length; i++) out.add(grams4[i]!);
  for (let i = 0; i + 5 <= length; i++) out.add(grams5[i]!);
}
