import type { AttributionAnnotation, EntityAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import { idMaker } from '../../core/ids.js';
import { provenance, type RunContext, type Stage } from '../../core/pipeline.js';
import type { Range } from '../../core/range.js';
import { textAnalysisOf, tokenSpan, type TextAnalysis, type Token } from '../../nlp/tokens.js';
import { charRange, contentAfter, isSpace, type RawAttribution } from './clause.js';
import { findInSentence, frameOf } from './find.js';
import { gradeSource, type GradedSource } from './grade.js';
import { defaultLexicon, type Lexicon } from './lexicon.js';
import { nestInSentence, type Draft } from './nest.js';
import { entityAntecedents, resolveAnaphor, type Antecedent } from './resolve.js';
import { rolesOf } from './tagger/roles.js';
import vetoes from './tagger/vetoes.json' with { type: 'json' };
import type { TaggedAttribution } from './tagger/spans.js';
import { defaultAttributionTagger, tagAttributions, type AttributionTagger } from './tagger/tagger.js';

/** Options of the attribution annotator. */
export interface AttributionOptions {
  /** Compiled cue and source word lists; defaults to cues.json and sources.json. */
  readonly lexicon?: Lexicon;
  /** The trained tagger that adds what the rules miss; defaults to the committed model, `null` runs the rules alone. */
  readonly tagger?: AttributionTagger | null;
}

interface Found extends Draft {
  readonly raw: RawAttribution;
  readonly sentence: number;
  readonly source?: Range;
  readonly graded?: GradedSource;
  resolvesTo?: Antecedent;
}

/** Finds who a statement is attributed to: source, cue and content, graded named/vague/anaphoric/none. */
export function createAttributionAnnotator(options: AttributionOptions = {}): Stage {
  const lex = options.lexicon ?? defaultLexicon();
  // The model loads on first use, so building a pipeline costs nothing until it runs.
  const tagger = () => (options.tagger === undefined ? defaultAttributionTagger() : options.tagger);
  const stage: Stage = {
    name: 'attributions',
    version: 2,
    requires: ['sentence', 'entity'],
    assigns: ['attribution'],
    run(doc, ctx) {
      const analysis = textAnalysisOf(doc.text, ctx.cache);
      const entities = doc.all('entity');
      const found = collect(doc, ctx, { lex, tagger: tagger() }, entities);
      for (const group of bySentence(found)) nestInSentence(group, analysis.tokens);
      resolveAll(found, entities, analysis);
      const source = provenance(stage);
      return { annotations: found.map((f) => toAnnotation(f, analysis.tokens, source)) };
    },
  };
  return stage;
}

/** Finds, grades and numbers every attribution in text order: the rules' first, then the tagger's other cues. */
function collect(doc: Document, ctx: RunContext, finders: { lex: Lexicon; tagger: AttributionTagger | null }, entities: readonly EntityAnnotation[]): Found[] {
  const analysis = textAnalysisOf(doc.text, ctx.cache);
  const { tokens } = analysis;
  const lex = finders.lex;
  const sentences = doc.all('sentence');
  const raws: { raw: RawAttribution; sentence: number }[] = [];
  sentences.forEach((s, sentence) => {
    const sent = tokenSpan(tokens, s);
    if (sent.end <= sent.first) return;
    for (const raw of findInSentence(tokens, sent, lex)) raws.push({ raw, sentence });
  });
  if (finders.tagger) raws.push(...taggedRaws(finders.tagger, analysis, sentences, raws));
  const drafts: Omit<Found, 'id'>[] = raws.map(({ raw, sentence }) => {
    const source = raw.source && charRange(tokens, raw.source.first, raw.source.end);
    const graded = raw.source && gradeSource({ tokens, entities, lex }, raw.source);
    return { raw, sentence, source, graded, range: frameOf(tokens, raw), content: raw.content };
  });
  drafts.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const nextId = idMaker('attribution');
  return drafts.map((d) => ({ ...d, id: nextId() }));
}

/** The tagger's attributions whose cue no rule found, as raw attributions. */
function taggedRaws(tagger: AttributionTagger, analysis: TextAnalysis, sentences: readonly Range[], rules: readonly { raw: RawAttribution }[]): { raw: RawAttribution; sentence: number }[] {
  const { tokens } = analysis;
  const ruleRoles = rolesOf(tokens, rules.map(({ raw }) => ({ sourceSpan: raw.source && charRange(tokens, raw.source.first, raw.source.end), cue: charRange(tokens, raw.cue.first, raw.cue.end)!, content: raw.content })));
  const out: { raw: RawAttribution; sentence: number }[] = [];
  for (const t of tagAttributions(tagger, { tokens, paragraphs: analysis.paragraphs, sentences, ruleRoles })) {
    if (rules.some(({ raw }) => raw.cue.first < t.cue.end && t.cue.first < raw.cue.end) || vetoed(tokens, t)) continue;
    const sentence = sentenceAt(sentences, tokens[t.cue.first]!.start);
    const content = (t.content && charRange(tokens, t.content.first, t.content.end)) ?? restOfSentence(tokens, sentences[sentence], t.cue);
    if (sentence < 0 || !content) continue;
    const source = t.source && { first: t.source.first, end: t.source.end };
    out.push({ raw: { kind: 'verb', cue: { first: t.cue.first, end: t.cue.end }, ...(source ? { source } : {}), content, hedged: false }, sentence });
  }
  return out;
}

const WRITER_OR_READER = new Set(vetoes.writerOrReader.words);
const PUNCTUATION_CUES = new Set(vetoes.punctuationCues.allowed);

/** A tagger attribution the sourcing policy refuses: the writer or reader as source, or a bare punctuation cue. */
function vetoed(tokens: readonly Token[], t: TaggedAttribution): boolean {
  if (t.source && t.source.end - t.source.first === 1 && WRITER_OR_READER.has(tokens[t.source.first]!.lower)) return true;
  const cue = tokens.slice(t.cue.first, t.cue.end).filter((x) => !isSpace(x));
  return cue.every((x) => x.pos === 'PUNCT') && !(t.source && cue.length === 1 && PUNCTUATION_CUES.has(cue[0]!.text));
}

/** Index of the sentence containing `offset` (binary search), -1 when none does. */
function sentenceAt(sentences: readonly Range[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end <= offset) lo = mid + 1;
    else if (sentences[mid]!.start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** A cue's content when the tagger gave none: the sentence after the cue, else before it. */
function restOfSentence(tokens: readonly Token[], sentence: Range | undefined, cue: { first: number; end: number }): Range | undefined {
  if (!sentence) return undefined;
  const sent = tokenSpan(tokens, sentence);
  return contentAfter(tokens, cue.end, sent) ?? charRange(tokens, sent.first, cue.first);
}

function bySentence(found: readonly Found[]): Found[][] {
  const groups = new Map<number, Found[]>();
  for (const f of found) {
    const group = groups.get(f.sentence);
    if (group) group.push(f);
    else groups.set(f.sentence, [f]);
  }
  return [...groups.values()];
}

/** Resolves anaphoric sources in the order of their anaphors; resolved and named sources become antecedents. */
function resolveAll(found: readonly Found[], entities: readonly EntityAnnotation[], analysis: TextAnalysis): void {
  const entityList = entityAntecedents(entities);
  const sources: Antecedent[] = [];
  const ordered = found.filter((f) => f.source && f.graded).sort((a, b) => a.source!.start - b.source!.start);
  for (const f of ordered) {
    const graded = f.graded!;
    if (graded.grade === 'anaphoric' && graded.anaphor) {
      const anaphor = charRange(analysis.tokens, graded.anaphor.first, graded.anaphor.end)!;
      const pronoun = graded.anaphor.end - graded.anaphor.first === 1 && analysis.tokens[graded.anaphor.first]!.pos === 'PRON';
      const floor = pronoun ? previousParagraphStart(analysis, anaphor.start) : 0;
      f.resolvesTo = resolveAnaphor(anaphor, graded.pointsAt, entityList, sources, floor);
    }
    // A resolved pronoun is whatever it points at ("she" -> a person), so later anaphors match on that.
    const is = f.resolvesTo && graded.is.length === 0 ? f.resolvesTo.is : graded.is;
    if (graded.grade === 'named' || f.resolvesTo) sources.push({ ...f.source!, id: f.id, is });
  }
}

/** Pronouns point no further back than the start of the previous paragraph. */
function previousParagraphStart(analysis: TextAnalysis, offset: number): number {
  const paras = analysis.paragraphs;
  let i = paras.length - 1;
  while (i > 0 && paras[i]!.start > offset) i--;
  return paras[Math.max(0, i - 1)]?.start ?? 0;
}

function toAnnotation(f: Found, tokens: readonly Token[], source: string): AttributionAnnotation {
  const cue = charRange(tokens, f.raw.cue.first, f.raw.cue.end)!;
  const resolvesTo = f.resolvesTo && { start: f.resolvesTo.start, end: f.resolvesTo.end, id: f.resolvesTo.id };
  const parts = [cue, f.content, ...(f.source ? [f.source] : []), ...(f.raw.lead !== undefined ? [tokens[f.raw.lead]!] : [])];
  return {
    kind: 'attribution',
    id: f.id,
    source,
    start: Math.min(...parts.map((r) => r.start)),
    end: Math.max(...parts.map((r) => r.end)),
    ...(f.source ? { sourceSpan: f.source } : {}),
    cue,
    content: f.content,
    grade: f.graded?.grade ?? 'none',
    hedged: f.raw.hedged,
    ...(resolvesTo ? { resolvesTo } : {}),
    ...(f.parent ? { parent: f.parent } : {}),
    entityIds: [...(f.graded?.entityIds ?? [])],
  };
}
