import type { EntityType } from '../../core/annotations.js';
import { createPhraseMatcher, phraseTokens, type PhraseMatcher } from '../../nlp/phrases.js';
import type { Token } from '../../nlp/tokens.js';
import { candidateOver, RANK, type Candidate } from './candidate.js';
import { normalizeName } from './norm.js';

/** One known entity with the names texts use for it. */
export interface GazetteerEntry {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly type: EntityType;
  /** Why it is listed, or where it comes from. */
  readonly reason?: string;
}

/** One written form of an entry: its tokens as listed, and whether it needs a preceding "the". */
interface Variant {
  readonly tokens: readonly string[];
  readonly needsThe: boolean;
  readonly entry: GazetteerEntry;
  readonly norm: string;
}

/** All variants that share one lower-case token sequence (e.g. "NATO" and "Nato"). */
interface Key {
  readonly phrase: string;
  readonly variants: Variant[];
}

/** Finds gazetteer names in tokens. */
export interface Gazetteer {
  /** Candidates for every listed name in the tokens, left to right, longest first at each position. */
  find(tokens: readonly Token[]): Candidate[];
}

/** A capital after the first character (US, MI-5, LeT, YouGov): the text must match exactly. */
const EXACT = /^.[^]*\p{Lu}/u;

/** Compiles entries once: a token trie on lower-case forms, with the case rules checked per match. */
export function createGazetteer(entries: readonly GazetteerEntry[]): Gazetteer {
  const keys = new Map<string, Key>();
  for (const entry of entries) {
    const norm = normalizeName(entry.name);
    for (const name of [entry.name, ...(entry.aliases ?? [])]) {
      addVariant(keys, name, entry, norm);
      // Texts use the typographic apostrophe as often as the straight one (People’s Liberation Army).
      if (name.includes("'")) addVariant(keys, name.replaceAll("'", '’'), entry, norm);
    }
  }
  const matcher: PhraseMatcher<Key> = createPhraseMatcher([...keys.values()], (key) => [key.phrase]);
  return {
    find(tokens) {
      const out: Candidate[] = [];
      for (let i = 0; i < tokens.length; i++) {
        const m = matcher.matchAt(tokens, i);
        const variant = m && m.entry.variants.find((v) => fits(tokens, m.first, v));
        if (!m || !variant) continue;
        out.push(candidateOver(tokens, m.first, m.end, { type: variant.entry.type, norm: variant.norm, rank: RANK.gazetteer }));
        i = m.end - 1;
      }
      return out;
    },
  };
}

function addVariant(keys: Map<string, Key>, name: string, entry: GazetteerEntry, norm: string): void {
  let tokens = phraseTokens(name);
  let needsThe = false;
  // "The" is never part of the span; a name that is "The" plus one word only counts after "the".
  if (tokens.length > 1 && tokens[0] === 'The') {
    tokens = tokens.slice(1);
    needsThe = tokens.length === 1;
  }
  const phrase = tokens.join(' ');
  const lower = phrase.toLowerCase();
  let key = keys.get(lower);
  if (!key) keys.set(lower, (key = { phrase, variants: [] }));
  key.variants.push({ tokens, needsThe, entry, norm });
}

/** Case rules: acronyms and inner capitals match exactly ("US" never matches "us", "LeT" never "Let"); capitalised words need a capital. */
function fits(tokens: readonly Token[], first: number, variant: Variant): boolean {
  if (variant.needsThe && tokens[first - 1]?.lower !== 'the') return false;
  return variant.tokens.every((want, k) => {
    const got = tokens[first + k]!.text;
    if (EXACT.test(want)) return got === want;
    if (/^\p{Lu}/u.test(want)) return /^\p{Lu}/u.test(got);
    return true;
  });
}
