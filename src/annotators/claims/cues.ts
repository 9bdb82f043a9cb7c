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
  return {
    find(tokens) {
      const hits: CueHit[] = [];
      for (const matcher of matchers) {
        for (const m of matcher.findAll(tokens)) hits.push({ cueClass: m.entry.class, first: m.first });
      }
      return hits;
    },
  };
}
