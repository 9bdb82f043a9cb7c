import type { Technique } from '../../core/annotations.js';
import { createPhraseMatcher, type MatchKey, type PhraseMatcher } from '../../nlp/phrases.js';
import type { Token } from '../../nlp/tokens.js';
import { hitOver, type TechniqueHit } from './hits.js';
import lexicon from './lexicon.json' with { type: 'json' };

/** One lexicon entry: phrases that signal a technique. */
export interface LexiconEntry {
  readonly id: string;
  readonly technique: Technique;
  readonly match: 'lower' | 'lemma';
  readonly score: number;
  readonly phrases: readonly string[];
  readonly reason: string;
}

/** The default lexicon (lexicon.json). */
export const DEFAULT_LEXICON: readonly LexiconEntry[] = Object.freeze(lexicon.entries as LexiconEntry[]);

/** Precompiles the lexicon into one phrase matcher per match key. */
export function createLexiconFinder(entries: readonly LexiconEntry[]): { find(tokens: readonly Token[]): TechniqueHit[] } {
  const matchers: PhraseMatcher<LexiconEntry>[] = (['lower', 'lemma'] as MatchKey[]).map((key) =>
    createPhraseMatcher(
      entries.filter((entry) => entry.match === key),
      (entry) => entry.phrases.map((p) => p.replaceAll('’', "'")),
      key,
    ),
  );
  return {
    find(tokens) {
      return matchers.flatMap((matcher) => matcher.findAll(tokens).map((m) => hitOver(tokens, m.first, m.end, m.entry)));
    },
  };
}
