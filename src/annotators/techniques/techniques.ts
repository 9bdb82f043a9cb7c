import type { TechniqueAnnotation } from '../../core/annotations.js';
import { idMaker } from '../../core/ids.js';
import { provenance, type Stage } from '../../core/pipeline.js';
import { textAnalysisOf } from '../../nlp/tokens.js';
import { dedupeHits } from './hits.js';
import { createLexiconFinder, DEFAULT_LEXICON, type LexiconEntry } from './lexicon.js';
import { createPatternFinder, DEFAULT_PATTERNS, findSloganShapes, type GapPattern } from './patterns.js';
import { DEFAULT_REPETITION, findRepeatedLoaded, findRepeatedPhrases } from './repetition.js';

export type { TechniqueHit } from './hits.js';
export { DEFAULT_LEXICON, type LexiconEntry } from './lexicon.js';
export { DEFAULT_PATTERNS, type GapPattern } from './patterns.js';

/** Options of the technique annotator. */
export interface TechniqueOptions {
  /** Hits scoring below this are dropped (default 0: keep all). */
  readonly minScore?: number;
  /** Replaces the lexicon of lexicon.json. */
  readonly lexicon?: readonly LexiconEntry[];
  /** Replaces the gapped patterns of patterns.json. */
  readonly patterns?: readonly GapPattern[];
  /** Also mark any two-word content phrase repeated three times (default from repetition.json: off, low precision). */
  readonly repeatedPhrases?: boolean;
}

/** Persuasion techniques from a lexicon, gapped patterns, slogan shapes and repetition (first, rule-based version). */
export function createTechniqueAnnotator(options: TechniqueOptions = {}): Stage {
  const minScore = options.minScore ?? 0;
  const repeatedPhrases = options.repeatedPhrases ?? DEFAULT_REPETITION.phraseRuleEnabled;
  const lexicon = createLexiconFinder(options.lexicon ?? DEFAULT_LEXICON);
  const patterns = createPatternFinder(options.patterns ?? DEFAULT_PATTERNS);
  const stage: Stage = {
    name: 'techniques',
    version: 1,
    requires: ['sentence'],
    assigns: ['technique'],
    run(doc, ctx) {
      const analysis = textAnalysisOf(doc.text, ctx.cache);
      const tokens = analysis.tokens;
      const lexical = lexicon.find(tokens);
      const loaded = lexical.filter((hit) => hit.technique === 'Loaded_Language');
      const hits = dedupeHits([
        ...lexical,
        ...patterns.find(tokens),
        ...findSloganShapes(doc.text, tokens, analysis.paragraphs),
        ...(repeatedPhrases ? findRepeatedPhrases(doc.text, tokens, DEFAULT_REPETITION) : []),
        ...findRepeatedLoaded(doc.text, loaded, DEFAULT_REPETITION),
      ]);
      const nextId = idMaker('technique');
      const source = provenance(stage);
      const annotations: TechniqueAnnotation[] = hits
        .filter((hit) => hit.score >= minScore)
        .map((hit) => ({ kind: 'technique', id: nextId(), source, ...hit }));
      return { annotations };
    },
  };
  return stage;
}
