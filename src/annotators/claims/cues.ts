import { createPhraseMatcher, type PhraseMatcher } from '../../nlp/phrases.js';
import type { Token } from '../../nlp/tokens.js';
import cues from './cues.json' with { type: 'json' };

/** The classes of cue phrases in cues.json. */
export type CueClass =
  | 'prediction'
  | 'causal'
  | 'modal'
  | 'person'
  | 'evaluative'
  | 'discourse'
  | 'assertive'
  | 'comparative'
  | 'dateline'
  | 'total'
  | 'record'
  | 'absolute'
  | 'no-comment'
  | 'settled'
  | 'penalty'
  | 'mood'
  | 'schedule'
  | 'contact'
  | 'law'
  | 'quantifier'
  | 'incident'
  | 'nil'
  | 'habitual'
  | 'main-cause'
  | 'presence';

/** One cue phrase from cues.json. */
export interface CueEntry {
  readonly cue: string;
  readonly class: CueClass;
  readonly match: 'lower' | 'lemma';
  readonly reason: string;
}

/** A cue found in the text: its class and the token index it starts at. */
export interface CueHit {
  readonly cueClass: CueClass;
  readonly first: number;
}

/** The default cue entries. */
export const DEFAULT_CUES: readonly CueEntry[] = Object.freeze(cues.entries as CueEntry[]);

/** Precompiles the cue matchers once; `find` returns every cue hit, in no particular order. */
export function createCueFinder(entries: readonly CueEntry[] = DEFAULT_CUES): { find(tokens: readonly Token[]): CueHit[] } {
  const matchers: PhraseMatcher<CueEntry>[] = (['lower', 'lemma'] as const).map((key) =>
    createPhraseMatcher(
      entries.filter((e) => e.match === key),
      (e) => [e.cue.replaceAll('’', "'")],
      key,
    ),
  );
  const lemmas = matchers[1]!;
  return {
    find(tokens) {
      const hits: CueHit[] = [];
      for (const matcher of matchers) {
        for (const m of matcher.findAll(tokens)) if (!ongoingIncident(m, tokens)) hits.push({ cueClass: m.entry.class, first: m.first });
      }
      // A lemma phrase read through adverbs ("was seriously injured", "is already licensed in"), found once: only
      // phrases that start shortly before an adverb and run past it are looked for again, in a window without it.
      let found: Set<string> | undefined;
      for (let i = 1; i < tokens.length; i++) {
        if (!isMannerAdverb(tokens[i]!) || isMannerAdverb(tokens[i - 1]!)) continue;
        const window = adverbWindow(tokens, i);
        const gap = window.findIndex((tok) => tok.index > i);
        for (let at = 0; at < gap; at++) {
          const m = lemmas.matchAt(window, at);
          if (!m || m.end <= gap || ongoingIncident(m, window)) continue;
          const hit = { cueClass: m.entry.class, first: window[m.first]!.index };
          const key = `${hit.cueClass}|${hit.first}`;
          found ??= new Set(hits.map((h) => `${h.cueClass}|${h.first}`));
          if (!found.has(key)) {
            found.add(key);
            hits.push(hit);
          }
        }
      }
      return hits;
    },
  };
}

/**
 * An incident phrase matched on its lemmas over an "-ing" form ("are hurting", "is destroying our towns", "were flooding
 * both parties with money"): a process or a figure of speech, not the harm told as an event ("was hurt").
 */
function ongoingIncident(m: { readonly entry: CueEntry; readonly first: number; readonly end: number }, tokens: readonly Token[]): boolean {
  if (m.entry.class !== 'incident' || m.entry.match !== 'lemma') return false;
  for (let i = m.first; i < m.end; i++) if (tokens[i]!.lower.endsWith('ing')) return true;
  return false;
}

/** How many words before a left-out adverb a phrase read through it may start ("was seriously injured": one), and run after it. */
const GAP_REACH = 4;
const GAP_AFTER = 6;

/** The words around the adverb at `i`, adverbs left out: GAP_REACH before it, GAP_AFTER after it. */
function adverbWindow(tokens: readonly Token[], i: number): Token[] {
  const window: Token[] = [];
  for (let k = Math.max(0, i - GAP_REACH); k < Math.min(tokens.length, i + 1 + GAP_AFTER); k++) if (!isMannerAdverb(tokens[k]!)) window.push(tokens[k]!);
  return window;
}

/** Adverbs of time and degree a lemma phrase is read through as well ("is already licensed in", "was also injured"). */
const THROUGH_ADVERBS = new Set(['already', 'also', 'still', 'now', 'just', 'even']);

/** An adverb in "-ly" ("seriously", "badly", "widely") or of THROUGH_ADVERBS, which a lemma phrase of cues.json is read through. */
function isMannerAdverb(tok: Token): boolean {
  return tok.pos === 'ADV' && ((tok.lower.endsWith('ly') && tok.lower.length > 3) || THROUGH_ADVERBS.has(tok.lower));
}
