// What WordNet says of two words, for the trace's comparison by meaning: the same thing in other words (a shared
// synset: "surgery" and "operation"), a broader or narrower word ("shipyard" is a "yard"), or a different thing of the
// same kind (a close common hypernym and none of the former: "ferry" and "bus", "wall" and "bridge"), which word
// vectors rate alike. The table, models/lexicon.bin, is distilled from WordNet 3.1 by scripts/distil-lexicon.ts (card:
// models/lexicon.md); it is read on first use (getLexicon) and relation() is memoised. The relation itself is pure
// (createLexicon over decoded data).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Relation, WordRelations } from './alignment.js';
import irregular from './irregular.json' with { type: 'json' };
import { isStopword } from './terms.js';

export type { Relation } from './alignment.js';

/**
 * The distilled table: synsets numbered nouns first, each with its hypernyms; lemmas with their synsets in WordNet's
 * sense order; and the words that are also adjectives or adverbs in WordNet ("former", "safe", "public"), which the
 * table's nouns and verbs alone would read as nouns.
 */
export interface LexiconData {
  readonly nounSynsets: number;
  readonly hypernyms: readonly (readonly number[])[];
  readonly lemmas: readonly { readonly lemma: string; readonly synsets: readonly number[] }[];
  /** Lemmas with an adjective or adverb sense, in code-point order (absent in tables distilled before they were kept). */
  readonly modifiers?: readonly string[];
}

export const LEXICON_URL = new URL('../../models/lexicon.bin', import.meta.url);
const MAGIC = 'CTLX1';

/**
 * The table as text (gzipped by the distillation): magic, counts, one line of hypernyms per synset, one line per lemma,
 * then one line per modifier (its count is the fourth on the counts line, left out when there are none).
 */
export function encodeLexicon(data: LexiconData): Buffer {
  const modifiers = data.modifiers ?? [];
  const out = [MAGIC, `${data.nounSynsets} ${data.hypernyms.length} ${data.lemmas.length}${modifiers.length > 0 ? ` ${modifiers.length}` : ''}`];
  for (const h of data.hypernyms) out.push(h.join(' '));
  for (const l of data.lemmas) out.push(`${l.lemma} ${l.synsets.join(' ')}`);
  out.push(...modifiers);
  return Buffer.from(`${out.join('\n')}\n`, 'utf8');
}

export function decodeLexicon(bytes: Uint8Array): LexiconData {
  const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : Buffer.from(bytes)).toString('utf8');
  const lines = text.split('\n');
  if (lines[0] !== MAGIC) throw new Error('models/lexicon.bin: not a lexicon table');
  const [nounSynsets, synsets, lemmaCount, modifierCount = 0] = lines[1]!.split(' ').map(Number) as [number, number, number, number?];
  const ints = (s: string) => (s === '' ? [] : s.split(' ').map(Number));
  const hypernyms = lines.slice(2, 2 + synsets).map(ints);
  const lemmas = lines.slice(2 + synsets, 2 + synsets + lemmaCount).map((l) => {
    const [lemma, ...rest] = l.split(' ');
    return { lemma: lemma!, synsets: rest.map(Number) };
  });
  const at = 2 + synsets + lemmaCount;
  return modifierCount > 0 ? { nounSynsets, hypernyms, lemmas, modifiers: lines.slice(at, at + modifierCount) } : { nounSynsets, hypernyms, lemmas };
}

/** How relations are read; the defaults are calibrated by bench/corpus/calibrate-alignment.ts. */
export interface LexiconOptions {
  /** Hypernym levels within which one word is broader than the other. */
  readonly levels: number;
  /** Two words are siblings when a common hypernym is at most this many levels above a sense of each. */
  readonly siblingLevels: number;
  /** ... and that hypernym is at least this many levels below the top of its hierarchy (not "entity", "object", "act"). */
  readonly minDepth: number;
  /** Whether verbs can be siblings too (nouns always can). */
  readonly verbs: boolean;
  /** Only each lemma's first senses (WordNet's commonest first) are compared for siblings; all senses for the rest. */
  readonly siblingSenses: number;
}

export const DEFAULT_LEXICON: LexiconOptions = Object.freeze({ levels: 3, siblingLevels: 2, minDepth: 5, verbs: false, siblingSenses: 1 });

export interface Lexicon extends WordRelations {
  /**
   * The relation of a to b over all their noun and verb senses (inflected forms read as their lemmas): 'same' when
   * they share a synset; 'narrower' when a sense of a is a kind of a sense of b within `levels` hypernyms ("shipyard"
   * to "yard"), 'broader' the other way round; 'sibling' when none of those holds and a common hypernym is close to
   * both ("ferry" and "bus"); 'unrelated' otherwise; 'unknown' when either word is not in the table.
   */
  relation(a: string, b: string): Relation;
  /** The word's synsets (of all its lemmas), for tests and reports. */
  senses(word: string): readonly number[];
  /**
   * Whether a word as written reads as a thing: a noun whose first sense is a physical entity (a ferry, a nurse, a
   * mill, a flood), not an abstraction (a cost, a plan, a risk, a council); not an adjective or adverb as written
   * ("former", "safe"), not an -ing or -ed form, not an inflection of a function word ("ins" of "break-ins"), and with
   * at least 1/verbRatio as many noun senses as verb senses ("stands", "comes" read as verbs).
   */
  thing(word: string, verbRatio: number): boolean;
  /**
   * Whether a word as written can tell an event: a verb form ("sold", "deported", "monitor") or a noun with a sense
   * under WordNet's "event" (act, happening: "surgery", "physiotherapy", "parking"); not a light verb, one of more than
   * `light` verb senses ("get", "make", "go", "take"), which says little of what happened.
   */
  event(word: string, light: number): boolean;
}

const IRREGULAR: ReadonlyMap<string, string> = new Map(irregular.forms.map((f) => [f.form, f.as]));

const NOUN_RULES: readonly (readonly [string, string])[] = [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']];
const VERB_RULES: readonly (readonly [string, string])[] = [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']];

/**
 * WordNet's detachment rules (morphy) for one part of speech: the forms a word may be an inflection of, the word
 * first, then its irregular form (irregular.json), then the rules' forms ("armed" is a form of the verb "arm", never of
 * the noun).
 */
export function lemmaCandidates(word: string, pos: 'n' | 'v'): string[] {
  const out = [word];
  const irr = IRREGULAR.get(word);
  if (irr) out.push(irr);
  for (const [suffix, ending] of pos === 'n' ? NOUN_RULES : VERB_RULES) if (word.endsWith(suffix) && word.length > suffix.length + 1) out.push(word.slice(0, -suffix.length) + ending);
  const doubled = pos === 'v' ? /^(.+?)([bdgklmnprt])\2(?:ed|ing)$/u.exec(word) : null;
  if (doubled) out.push(doubled[1]! + doubled[2]!);
  return out;
}

export function createLexicon(data: LexiconData, options: LexiconOptions = DEFAULT_LEXICON): Lexicon {
  const lemmas = new Map(data.lemmas.map((l) => [l.lemma, l.synsets]));
  const modifiers: ReadonlySet<string> = new Set(data.modifiers ?? []);
  // Depth of each synset: the fewest hypernym steps to a top synset.
  const depth = new Int32Array(data.hypernyms.length).fill(-1);
  const depthOf = (s: number): number => {
    if (depth[s]! >= 0) return depth[s]!;
    depth[s] = 0; // guards a cycle (WordNet has none)
    const ups = data.hypernyms[s]!;
    depth[s] = ups.length === 0 ? 0 : 1 + Math.min(...ups.map(depthOf));
    return depth[s]!;
  };
  const firstMemo = new Map<string, readonly number[]>();
  /** The first siblingSenses senses of each lemma of the word, per part of speech. */
  const firstSenses = (word: string): readonly number[] => {
    let s = firstMemo.get(word);
    if (s) return s;
    const all = new Set<number>();
    for (const pos of ['n', 'v'] as const)
      for (const c of lemmaCandidates(word, pos)) {
        const of = (lemmas.get(c) ?? []).filter((x) => (x < data.nounSynsets) === (pos === 'n'));
        for (const x of of.slice(0, options.siblingSenses)) all.add(x);
      }
    s = [...all];
    firstMemo.set(word, s);
    return s;
  };
  const sensesMemo = new Map<string, readonly number[]>();
  const senses = (word: string): readonly number[] => {
    let s = sensesMemo.get(word);
    if (s) return s;
    const all = new Set<number>();
    for (const pos of ['n', 'v'] as const) for (const c of lemmaCandidates(word, pos)) for (const x of lemmas.get(c) ?? []) if ((x < data.nounSynsets) === (pos === 'n')) all.add(x);
    s = [...all];
    sensesMemo.set(word, s);
    return s;
  };
  const ancestorsMemo = new Map<number, Map<number, number>>();
  const levelsUp = Math.max(options.levels, options.siblingLevels);
  /** Hypernyms of a synset within levelsUp, with their distance (the synset itself at 0). */
  const ancestors = (s: number): Map<number, number> => {
    let a = ancestorsMemo.get(s);
    if (a) return a;
    a = new Map([[s, 0]]);
    let frontier = [s];
    for (let d = 1; d <= levelsUp && frontier.length > 0; d++) {
      const next: number[] = [];
      for (const f of frontier) for (const h of data.hypernyms[f]!) if (!a.has(h)) (a.set(h, d), next.push(h));
      frontier = next;
    }
    ancestorsMemo.set(s, a);
    return a;
  };
  const isNoun = (s: number) => s < data.nounSynsets;
  const memo = new Map<string, Relation>();
  const compute = (a: string, b: string): Relation => {
    const sa = senses(a);
    const sb = senses(b);
    if (sa.length === 0 || sb.length === 0) return 'unknown';
    const setB = new Set(sb);
    if (sa.some((s) => setB.has(s))) return 'same';
    const within = (from: readonly number[], to: readonly number[]) => from.some((s) => to.some((t) => (ancestors(s).get(t) ?? Infinity) <= options.levels));
    if (within(sa, sb)) return 'narrower';
    if (within(sb, sa)) return 'broader';
    for (const x of firstSenses(a)) {
      if (!isNoun(x) && !options.verbs) continue;
      const ax = ancestors(x);
      for (const y of firstSenses(b)) {
        if (isNoun(x) !== isNoun(y)) continue;
        for (const [h, dy] of ancestors(y)) {
          const dx = ax.get(h);
          if (dx !== undefined && dx <= options.siblingLevels && dy <= options.siblingLevels && depthOf(h) >= options.minDepth) return 'sibling';
        }
      }
    }
    return 'unrelated';
  };
  const thing = createThingTest(data, lemmas, modifiers);
  const event = createEventTest(data, lemmas);
  return {
    senses,
    thing,
    event,
    relation(a, b) {
      const key = `${a} ${b}`;
      let r = memo.get(key);
      if (r === undefined) {
        r = compute(a, b);
        if (memo.size >= 100_000) memo.clear();
        memo.set(key, r);
      }
      return r;
    },
  };
}

/**
 * The physical entities: the child of WordNet's top synset ("entity") above the first sense of "object", reached from
 * "ferry", "nurse" and "flood"; "abstraction" (cost, plan, council) is its sibling.
 */
function createThingTest(data: LexiconData, lemmas: ReadonlyMap<string, readonly number[]>, modifiers: ReadonlySet<string>): (word: string, verbRatio: number) => boolean {
  const isNoun = (s: number) => s < data.nounSynsets;
  const tops = new Map<number, ReadonlySet<number>>();
  /** The children of a top synset above s (s itself when it is one). */
  const underTop = (s: number): ReadonlySet<number> => {
    let out = tops.get(s);
    if (out) return out;
    tops.set(s, new Set()); // guards a cycle (WordNet has none)
    const ups = data.hypernyms[s]!;
    const set = new Set<number>();
    for (const h of ups) {
      if (data.hypernyms[h]!.length === 0) set.add(s);
      else for (const t of underTop(h)) set.add(t);
    }
    out = set;
    tops.set(s, out);
    return out;
  };
  const firstNoun = (word: string): number | undefined => {
    for (const c of lemmaCandidates(word, 'n')) {
      const s = (lemmas.get(c) ?? []).find(isNoun);
      if (s !== undefined) return s;
    }
    return undefined;
  };
  const objectSense = firstNoun('object');
  const physical = objectSense === undefined ? new Set<number>() : underTop(objectSense);
  const count = (word: string, pos: 'n' | 'v') => {
    const all = new Set<number>();
    for (const c of lemmaCandidates(word, pos)) for (const x of lemmas.get(c) ?? []) if (isNoun(x) === (pos === 'n')) all.add(x);
    return all.size;
  };
  const memo = new Map<string, boolean>();
  return (word, verbRatio) => {
    const key = `${word} ${verbRatio}`;
    let r = memo.get(key);
    if (r !== undefined) return r;
    const first = firstNoun(word);
    r = first !== undefined && !modifiers.has(word) && !/(?:ing|ed)$/u.test(word) && !lemmaCandidates(word, 'n').some((c) => c !== word && isStopword(c)) && verbRatio * count(word, 'n') >= count(word, 'v') && [...underTop(first)].some((t) => physical.has(t));
    if (memo.size >= 100_000) memo.clear();
    memo.set(key, r);
    return r;
  };
}

/** The noun and verb synsets of a word as written, its inflections read by the detachment rules. */
function sensesOf(word: string, pos: 'n' | 'v', data: LexiconData, lemmas: ReadonlyMap<string, readonly number[]>): Set<number> {
  const all = new Set<number>();
  for (const c of lemmaCandidates(word, pos)) for (const x of lemmas.get(c) ?? []) if ((x < data.nounSynsets) === (pos === 'n')) all.add(x);
  return all;
}

/** Events: verb forms, and nouns with a sense below the first noun sense of "event" (act, happening, activity). */
function createEventTest(data: LexiconData, lemmas: ReadonlyMap<string, readonly number[]>): (word: string, light: number) => boolean {
  const root = (lemmas.get('event') ?? []).find((s) => s < data.nounSynsets);
  const below = new Map<number, boolean>();
  const underEvent = (s: number): boolean => {
    let r = below.get(s);
    if (r !== undefined) return r;
    below.set(s, false); // guards a cycle (WordNet has none)
    r = s === root || data.hypernyms[s]!.some(underEvent);
    below.set(s, r);
    return r;
  };
  const memo = new Map<string, boolean>();
  return (word, light) => {
    const key = `${word} ${light}`;
    let r = memo.get(key);
    if (r !== undefined) return r;
    const verbs = sensesOf(word, 'v', data, lemmas).size;
    r = root !== undefined && !isStopword(word) && verbs <= light && (verbs > 0 || [...sensesOf(word, 'n', data, lemmas)].some(underEvent));
    if (memo.size >= 100_000) memo.clear();
    memo.set(key, r);
    return r;
  };
}

let shared: LexiconData | undefined;

/** The committed table's lexicon, read on first use and kept for the life of the process. */
export function getLexicon(options: LexiconOptions = DEFAULT_LEXICON): Lexicon {
  shared ??= decodeLexicon(readFileSync(LEXICON_URL));
  return createLexicon(shared, options);
}
