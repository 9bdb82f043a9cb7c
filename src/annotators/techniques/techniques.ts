import type { TechniqueAnnotation } from '../../core/annotations.js';
import { idMaker } from '../../core/ids.js';
import { provenance, type Stage } from '../../core/pipeline.js';
import type { Document } from '../../core/document.js';
import { textAnalysisOf, type TextAnalysis } from '../../nlp/tokens.js';
import { classifySpan, defaultTechniqueClassifier, type TechniqueClassifier } from './classifier/classifier.js';
import { createArticleContext } from './classifier/features.js';
import { dedupeHits, type TechniqueHit } from './hits.js';
import { ruleTechniquesOf } from './spans/rules.js';
import { defaultSpanTagger, tagSpans, type SpanTagger } from './spans/tagger.js';
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
  /** The trained span finder (SemEval SI); defaults to the committed model, `null` runs the rules alone. */
  readonly spanTagger?: SpanTagger | null;
  /** The trained technique classifier (SemEval TC) that labels the found spans; defaults to the committed model. */
  readonly classifier?: TechniqueClassifier | null;
}

/**
 * Persuasion techniques: rule hits from a lexicon, gapped patterns, slogan shapes and repetition, then the spans the
 * trained span finder adds, each labelled by the trained classifier with its probability and the features behind it.
 */
export function createTechniqueAnnotator(options: TechniqueOptions = {}): Stage {
  const minScore = options.minScore ?? 0;
  const repeatedPhrases = options.repeatedPhrases ?? DEFAULT_REPETITION.phraseRuleEnabled;
  const lexicon = createLexiconFinder(options.lexicon ?? DEFAULT_LEXICON);
  const patterns = createPatternFinder(options.patterns ?? DEFAULT_PATTERNS);
  // Models load on first use, so building a pipeline costs nothing until it runs.
  const models = () => {
    const tagger = options.spanTagger === undefined ? defaultSpanTagger() : options.spanTagger;
    const classifier = !tagger ? null : options.classifier === undefined ? defaultTechniqueClassifier() : options.classifier;
    return { tagger, classifier };
  };
  const stage: Stage = {
    name: 'techniques',
    version: 2,
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
      const { tagger, classifier } = models();
      if (tagger && classifier) for (const hit of modelHits(doc, analysis, hits, { tagger, classifier })) hits.push(hit);
      hits.sort((a, b) => a.start - b.start || b.end - a.end);
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

/**
 * The trained models' techniques: spans from the span finder (with the rule hits as its stacked input), each labelled
 * by the classifier. Score = span score × the technique's probability; evidence = the features that weighed most. A
 * span whose technique a rule already marked there is left to the rule.
 */
function modelHits(doc: Document, analysis: TextAnalysis, rules: readonly TechniqueHit[], models: { tagger: SpanTagger; classifier: TechniqueClassifier }): TechniqueHit[] {
  const spans = tagSpans(models.tagger, { tokens: analysis.tokens, sentences: doc.all('sentence'), ruleTechniques: ruleTechniquesOf(analysis.tokens, rules) });
  if (spans.length === 0) return [];
  const ctx = createArticleContext(doc.text, analysis, spans);
  const ruled = byTechnique(rules);
  const out: TechniqueHit[] = [];
  for (const span of spans) {
    const { ranked, explanation } = classifySpan(models.classifier, ctx, span);
    const top = ranked[0]!;
    if (overlapsAny(ruled.get(top.technique), span)) continue;
    const score = Math.round(span.score * top.probability * 1000) / 1000;
    out.push({ start: span.start, end: span.end, technique: top.technique, score, evidence: `model: span ${span.score.toFixed(2)}, ${top.technique} ${top.probability.toFixed(2)} (${explanation})` });
  }
  return out;
}

/** Rule hits by technique, in text order (they are sorted by start, and dedupeHits leaves their ends increasing too). */
function byTechnique(hits: readonly TechniqueHit[]): Map<string, TechniqueHit[]> {
  const out = new Map<string, TechniqueHit[]>();
  for (const hit of hits) {
    const list = out.get(hit.technique);
    if (list) list.push(hit);
    else out.set(hit.technique, [hit]);
  }
  return out;
}

/**
 * True when a hit of the list overlaps the span. The hits starting before the span's end are a prefix of the list, and
 * the last of them ends farthest: one binary search instead of comparing every span with every rule hit.
 */
function overlapsAny(hits: readonly TechniqueHit[] | undefined, span: { start: number; end: number }): boolean {
  if (!hits) return false;
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.start < span.end) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && hits[lo - 1]!.end > span.start;
}
