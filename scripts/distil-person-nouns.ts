// Distils from the committed WordNet table (models/lexicon.bin, model card models/lexicon.md) the nouns whose first
// sense is a person (under WordNet's person.n.01 by hypernym pointers), for the numeric check's counted nouns
// (src/checks/numeric/person-nouns.json, read by units.ts): "62 paramedics" counts people as "140 firefighters" does.
// Usage: node --import tsx scripts/distil-person-nouns.ts [--check]   (--check fails unless the committed file matches)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeLexicon, LEXICON_URL } from '../src/trace/lexicon.js';

const OUT = join(import.meta.dirname, '..', 'src', 'checks', 'numeric', 'person-nouns.json');
const data = decodeLexicon(readFileSync(LEXICON_URL));
const firstNoun = (synsets: readonly number[]) => synsets.find((s) => s < data.nounSynsets);
const firstOf = (lemma: string) => firstNoun(data.lemmas.find((l) => l.lemma === lemma)!.synsets)!;
const person = firstOf('person');
/** Other kinds a sense of the same word may name, which make a count of it no count of people ("tipper" lorries). */
const things = [firstOf('artifact'), firstOf('animal'), firstOf('location')];
const modifiers = new Set(data.modifiers ?? []);

/** Whether `synset` lies under `target` by hypernym pointers (memoised per target; the noun hierarchy has no cycles). */
const memo = new Map<string, boolean>();
function isUnder(synset: number, target: number): boolean {
  if (synset === target) return true;
  const key = `${synset} ${target}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  memo.set(key, false);
  const result = data.hypernyms[synset]!.some((h) => isUnder(h, target));
  memo.set(key, result);
  return result;
}

/**
 * A person noun: its first noun sense is a person; none of its noun senses is an artifact, an animal or a place ("ward",
 * "carrier", "harvester", "urchin"); it is no adjective or adverb ("general", "national") and has more noun senses than
 * verb senses ("have", "hire").
 */
function isPersonNoun(synsets: readonly number[]): boolean {
  const nouns = synsets.filter((s) => s < data.nounSynsets);
  if (nouns.length === 0 || !isUnder(nouns[0]!, person) || nouns.length <= synsets.length - nouns.length) return false;
  return !nouns.some((s) => things.some((t) => isUnder(s, t)));
}

const words = data.lemmas
  .filter((l) => /^[a-z]+$/.test(l.lemma) && !modifiers.has(l.lemma) && isPersonNoun(l.synsets))
  .map((l) => l.lemma)
  .sort();
const json = `${JSON.stringify(
  {
    reason:
      "Nouns whose first WordNet sense is a person ('paramedic', 'firefighter', 'volunteer'): a count of them counts people, so it may be a part of a count of people or of persons of other kinds. Distilled from models/lexicon.bin (WordNet 3.1 words that are in the word-vector table) by scripts/distil-person-nouns.ts; a word whose first noun sense is not a person ('star', 'head'), that names an artifact, animal or place in another sense ('ward', 'carrier', 'harvester'), that is also an adjective ('general') or more often a verb ('have') is left out.",
    licence: 'WordNet 3.1 Copyright 2011 by Princeton University. WordNet Release 3.0: permission to use, copy, modify and distribute this database for any purpose and without fee or royalty is granted, provided the copyright notice and these statements appear on all copies (models/lexicon.md).',
    words,
  },
  null,
  1,
)}\n`;
if (process.argv.includes('--check')) {
  if (readFileSync(OUT, 'utf8') !== json) throw new Error(`${OUT} differs from its distillation`);
  console.log(`${OUT}: reproduced (${words.length} words)`);
} else {
  writeFileSync(OUT, json);
  console.log(`${OUT}: ${words.length} words`);
}
