// Hashed features of one sentence for the check-worthiness model. They read the sentence's own characters only (no
// wink tokens), so the predict mode on bare sentences and the analyze pipeline see exactly the same features, and the
// cost is linear in the sentence's length.
import { FeatureSink, hash1, hash2, hashMore, hashStart } from '../../learn/hashing.js';
import lexicon from './model-lexicon.json' with { type: 'json' };

/** Feature templates (the number is part of every hash, so templates never collide by design). */
const T = { word: 0, bigram: 1, chars: 2, shape: 3, person: 4, modal: 5, length: 6, first: 7, trigram: 8, end: 9, cap: 10, number: 11 } as const;

const TOKEN = /\p{N}+(?:[.,:/]\p{N}+)*|[\p{L}\p{M}]+(?:['’][\p{L}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const PERSON = new Map<string, string>(Object.entries(lexicon.person.words));
const MODALS = new Set<string>(lexicon.modals.words);
const MONEY = new Set<string>(lexicon.money.words);
const PERCENT = new Set<string>(lexicon.percent.words);

/** What a number-like or special token stands for in n-grams ("NUM", "YEAR"), or the lower-cased word itself. */
function normalised(raw: string, lower: string): string {
  const c = raw.charCodeAt(0);
  if (c >= 48 && c <= 57) return /^(1[89]|20)\d\d$/.test(raw) ? 'YEAR' : 'NUM';
  return lower;
}

/** The hashed features of a sentence's text (one bucket per feature occurrence; duplicates are kept). */
export function checkworthyFeatures(text: string): Int32Array {
  // Hashes go straight into a typed sink: pushed into a plain array, half of them (those above 2^30) would be boxed.
  const out = new FeatureSink();
  const words = text.replace(/’/g, "'").match(TOKEN) ?? [];
  const n = words.length;
  let prev = '<s>';
  let prev2 = '<s>';
  let first = '';
  let numbers = 0;
  for (let i = 0; i < n; i++) {
    const raw = words[i]!;
    const w = normalised(raw, raw.toLowerCase());
    if (i < 2) first = i === 0 ? w : `${first} ${w}`;
    out.add(hash1(T.word, w));
    out.add(hash2(T.bigram, prev, w));
    out.add(hashMore(hash2(T.trigram, prev2, prev), w));
    if (w === 'NUM' || w === 'YEAR') {
      out.add(hash1(T.shape, w));
      if (w === 'NUM') numbers++;
    } else if (LETTER.test(w)) charGrams(w, out);
    if (MONEY.has(w)) out.add(hash1(T.shape, 'MONEY'));
    if (PERCENT.has(w)) out.add(hash1(T.shape, 'PERCENT'));
    const person = PERSON.get(w);
    if (person) out.add(hash1(T.person, person));
    if (MODALS.has(w)) out.add(hash1(T.modal, 'modal'));
    if (i > 0 && UPPER_FIRST.test(raw)) out.add(hash1(T.cap, 'cap'));
    prev2 = prev;
    prev = w;
  }
  out.add(hash2(T.bigram, prev, '</s>'));
  out.add(hash1(T.first, first));
  out.add(hash1(T.end, n ? prev : ''));
  out.add(hash1(T.length, String(Math.min(8, Math.floor(Math.log2(1 + n))))));
  out.add(hash1(T.number, String(Math.min(3, numbers))));
  return out.toArray();
}

const LETTER = /\p{L}/u;
const UPPER_FIRST = /^\p{Lu}/u;

/** Character 3- to 5-grams of a word with boundary marks ("<wor", "ord>"), hashed without building strings. */
function charGrams(word: string, out: FeatureSink): void {
  const marked = `<${word}>`;
  for (let n = 3; n <= 5; n++) {
    for (let i = 0; i + n <= marked.length; i++) {
      let h = hashStart(T.chars);
      for (let k = i; k < i + n; k++) h = Math.imul(h ^ marked.charCodeAt(k), 0x01000193);
      out.add(h);
    }
  }
}
