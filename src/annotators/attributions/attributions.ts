import type { AttributionAnnotation, EntityAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import { idMaker } from '../../core/ids.js';
import { provenance, type RunContext, type Stage } from '../../core/pipeline.js';
import type { Range } from '../../core/range.js';
import { isWhitespaceToken, textAnalysisOf, tokenAt, type TextAnalysis, type Token } from '../../nlp/tokens.js';
import { charRange, reportedSplit, type RawAttribution } from './clause.js';
import { endCandidates, startCounts, type EndContext } from './content-end/candidates.js';
import { defaultContentEndRanker, type EndChooser } from './content-end/ranker.js';
import { findInSentences, frameOf } from './find.js';
import { gradeSource, type GradedSource } from './grade.js';
import { defaultLexicon, type Lexicon } from './lexicon.js';
import { assignParents, nestInSentence, type Draft } from './nest.js';
import { partsOf, type Span } from './noun-phrase.js';
import { entityAntecedents, fullFormOf, genderOf, introducedMention, namedBodyBefore, notOnlyOwner, pronounMayPointAt, resolveAnaphor, resolveMention, type Antecedent } from './resolve.js';
import { ruleRolesOf, taggedRaws } from './tagged.js';
import { defaultAttributionTagger, tagAttributions, type AttributionTagger } from './tagger/tagger.js';

/** Options of the attribution annotator. */
export interface AttributionOptions {
  /** Compiled cue and source word lists; defaults to cues.json and sources.json. */
  readonly lexicon?: Lexicon;
  /** The trained tagger that adds what the rules miss; defaults to the committed model, `null` runs the rules alone. */
  readonly tagger?: AttributionTagger | null;
  /** Decides where a content after its cue ends; defaults to the committed ranker, `null` keeps the finders' ends. */
  readonly contentEnds?: EndChooser | null;
  /**
   * Whether a "that" the finders read with the verb ("said that") is reported as the content's first word, as PolNeAR
   * marks it (default); `false` reports the finders' own parts, as the tagger's stacked roles read them.
   */
  readonly thatOpensContent?: boolean;
}

interface Found extends Draft {
  readonly raw: RawAttribution;
  readonly sentence: number;
  /** Whether the rules found it or the tagger. */
  readonly origin: 'rule' | 'tagger';
  readonly source?: Range;
  readonly graded?: GradedSource;
  resolvesTo?: Antecedent;
  /** The grade after resolution: a description that finds no earlier mention is graded as a first mention. */
  grade?: GradedSource['grade'];
}

/** Finds who a statement is attributed to: source, cue and content, graded named/vague/anaphoric/none. */
export function createAttributionAnnotator(options: AttributionOptions = {}): Stage {
  const lex = options.lexicon ?? defaultLexicon();
  // The model loads on first use, so building a pipeline costs nothing until it runs.
  const tagger = () => (options.tagger === undefined ? defaultAttributionTagger() : options.tagger);
  const contentEnds = () => (options.contentEnds === undefined ? defaultContentEndRanker() : options.contentEnds);
  const stage: Stage = {
    name: 'attributions',
    version: 2,
    requires: ['sentence', 'entity'],
    assigns: ['attribution'],
    run(doc, ctx) {
      const analysis = textAnalysisOf(doc.text, ctx.cache);
      const entities = doc.all('entity');
      const found = collect(doc, ctx, { lex, tagger: tagger() }, entities);
      const groups = bySentence(found);
      for (const group of groups) nestInSentence(group, analysis.tokens);
      const chooser = contentEnds();
      if (chooser && found.length > 0) {
        decideEnds(found, { tokens: analysis.tokens, sentences: doc.all('sentence'), starts: startCounts(analysis.tokens, found.flatMap((f) => [cueRange(f, analysis.tokens), f.source])) }, chooser);
        for (const group of groups) assignParents(group);
      }
      resolveAll(found, entities, analysis, lex);
      const source = provenance(stage);
      const split = options.thatOpensContent ?? true;
      return { annotations: found.map((f) => toAnnotation(f, analysis.tokens, source, split)) };
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
  const raws: { raw: RawAttribution; sentence: number; origin?: 'tagger' }[] = findInSentences(tokens, sentences, lex);
  if (finders.tagger) {
    const tagging = tagAttributions(finders.tagger, { tokens, paragraphs: analysis.paragraphs, sentences, ruleRoles: ruleRolesOf(tokens, raws) });
    for (const tagged of taggedRaws(tagging, { tokens, sentences, lex }, raws)) raws.push({ ...tagged, origin: 'tagger' });
  }
  const drafts: Omit<Found, 'id'>[] = raws.map(({ raw, sentence, origin }) => {
    const source = raw.source && charRange(tokens, raw.source.first, raw.source.end);
    const graded = raw.source && gradeSource({ tokens, entities, lex }, raw.source);
    return { raw, sentence, origin: origin ?? 'rule', source, graded, range: frameOf(tokens, raw), content: raw.content };
  });
  drafts.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const nextId = idMaker('attribution');
  return drafts.map((d) => ({ ...d, id: nextId() }));
}

const cueRange = (f: Found, tokens: readonly Token[]) => charRange(tokens, f.raw.cue.first, f.raw.cue.end);

/** Moves the end of each content that follows its cue to the candidate the chooser picks (content-end/, issue 15). */
function decideEnds(found: readonly Found[], ctx: EndContext, chooser: EndChooser): void {
  for (const f of found) {
    const cue = cueRange(f, ctx.tokens);
    if (!cue) continue;
    const set = endCandidates(ctx, { cue, ...(f.source ? { source: f.source } : {}), content: f.content, origin: f.origin });
    if (!set || set.ends.length < 2) continue;
    const end = set.ends[chooser.choose(set)];
    // The ranker chooses among words: a content the finders closed with a mark ('The pier is gone.') keeps it.
    if (end === undefined || end === f.content.end || onlyMarksBetween(ctx.tokens, end, f.content.end)) continue;
    f.content = { start: f.content.start, end };
    f.range = frameOf(ctx.tokens, { ...f.raw, content: f.content });
  }
}

/** True when only punctuation and spaces lie between two offsets. */
function onlyMarksBetween(tokens: readonly Token[], from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = tokenAt(tokens, from); i < tokens.length && tokens[i]!.start < to; i++) if (tokens[i]!.start >= from && tokens[i]!.pos !== 'PUNCT' && !isWhitespaceToken(tokens[i]!)) return false;
  return true;
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
function resolveAll(found: readonly Found[], entities: readonly EntityAnnotation[], analysis: TextAnalysis, lex: Lexicon): void {
  const entityList = entityAntecedents(entities);
  const sources: Antecedent[] = [];
  // Pronouns may also point at an unnamed source of their number ("A nurse said ... she said"); descriptions may not.
  const withVague: Antecedent[] = [];
  const ordered = found.filter((f) => f.source && f.graded).sort((a, b) => a.source!.start - b.source!.start);
  // Unnamed groups introduced as sources with a count or an indefinite word ("Two officials", "Several residents").
  const groups: { head: string; antecedent: Antecedent }[] = [];
  for (const f of ordered) {
    const graded = f.graded!;
    if (graded.anaphor) {
      const anaphor = charRange(analysis.tokens, graded.anaphor.first, graded.anaphor.end)!;
      const pronoun = graded.anaphor.end - graded.anaphor.first === 1 && analysis.tokens[graded.anaphor.first]!.pos === 'PRON';
      const floor = pronoun ? previousParagraphStart(analysis, anaphor.start) : 0;
      f.resolvesTo = graded.mention
        ? resolveMention(anaphor, graded.mention, graded.pointsAt, analysis.tokens, entityList, sources)
        : pronoun
          ? resolveAnaphor(anaphor, graded.pointsAt, entityList, withVague, floor, undefined, pronounMayPointAt(analysis.tokens[graded.anaphor.first]!.lower))
          : (introducedOrNearest(anaphor, describedAntecedent(anaphor, f, entityList, sources, floor, analysis.tokens, lex), f, analysis.tokens, lex) ??
            (graded.pointsAt.includes('agency') || graded.pointsAt.includes('outlet') ? namedBodyBefore(analysis.tokens, anaphor, graded.anaphor, entityList, previousParagraphStart(analysis, anaphor.start)) : undefined));
      // "It said" after "The ministry said" after "the Health Ministry": the ministry itself, not its second mention.
      if (f.resolvesTo?.root) f.resolvesTo = f.resolvesTo.root;
      // "the regulator" after "the National Civil Aviation Authority (NCAA)": the full name, not its abbreviation.
      if (f.resolvesTo) f.resolvesTo = fullFormOf(f.resolvesTo, entityList, analysis.tokens) ?? f.resolvesTo;
    }
    f.grade = f.resolvesTo ? graded.grade : (graded.unresolved ?? graded.grade);
    // "Two officials who asked not to be named said ... The officials said": a bare definite plural repeats a group
    // introduced as a source before, and points back at it.
    const group = f.grade === 'vague' ? groupHead(analysis.tokens, f.raw.source!, lex) : undefined;
    const repeated = group?.definite ? groups.findLast((g) => g.head === group.head) : undefined;
    if (repeated) {
      f.resolvesTo = repeated.antecedent;
      f.grade = 'anaphoric';
    }
    // A resolved pronoun is whatever it points at ("she" -> a person), so later anaphors match on that.
    const is = f.resolvesTo && graded.is.length === 0 ? f.resolvesTo.is : graded.is;
    // A source that is what it points at ("the ministry") stands for it; one that only names its owner or body
    // ("the ministry's report", "a spokesperson for the ministry") is an antecedent of its own.
    const same = graded.anaphor?.first === f.raw.source?.first && graded.anaphor?.end === f.raw.source?.end;
    const gender = genderOf(analysis.tokens, f.raw.source!, partsOf(analysis.tokens, f.raw.source!, lex).head);
    const antecedent: Antecedent = { ...f.source!, id: f.id, is, ...(f.resolvesTo && same ? { root: f.resolvesTo } : {}), ...(gender ? { gender } : {}) };
    if (f.grade === 'named' || f.resolvesTo) {
      sources.push(antecedent);
      withVague.push(antecedent);
      // "Norska Air ... The airline's spokesman said ... He said ... It said": the spokesman is a person, so the body
      // found in the text for him (no entity, no source) becomes an antecedent of its own, which "it" points at.
      const body = f.resolvesTo;
      if (body && !same && body.id === undefined && is.includes('person') && !body.is.includes('person')) {
        insertByStart(sources, body);
        insertByStart(withVague, body);
      }
    } else if (f.grade === 'vague') {
      withVague.push({ ...antecedent, vague: numberOf(analysis.tokens, f.raw.source!, lex) });
      if (group?.introduced) groups.push({ head: group.head, antecedent });
    }
  }
}

/** Inserts an antecedent into a list kept sorted by start (the searches of resolve.ts bisect it). */
function insertByStart(list: Antecedent[], a: Antecedent): void {
  let i = list.length;
  while (i > 0 && list[i - 1]!.start > a.start) i--;
  if (!list.some((b) => b.start === a.start && b.end === a.end)) list.splice(i, 0, a);
}

/** What a bare description ("the union") resolves to among entities and sources that are not only its owner's. */
function describedAntecedent(anaphor: Range, f: Found, entities: readonly Antecedent[], sources: readonly Antecedent[], floor: number, tokens: readonly Token[], lex: Lexicon): Antecedent | undefined {
  const graded = f.graded!;
  const accept = notOnlyOwner(tokens, tokens[partsOf(tokens, graded.anaphor!, lex).head]!.lower);
  return resolveAnaphor(anaphor, graded.pointsAt, entities, sources, floor, accept, accept);
}

/**
 * A bare description as a source ("the filing", "the person") stands for the nearer of what it resolves to and its own
 * indefinite first mention ("a court filing"), which need not be a source or an entity.
 */
function introducedOrNearest(anaphor: Range, resolved: Antecedent | undefined, f: Found, tokens: readonly Token[], lex: Lexicon): Antecedent | undefined {
  const span = f.graded!.anaphor!;
  // Only a description that is the whole source: "a spokeswoman for the alarm company" after "an alarm company" is
  // still an unnamed person of an unnamed body.
  if (span.first !== f.raw.source?.first || span.end !== f.raw.source.end) return resolved;
  const head = tokens[partsOf(tokens, span, lex).head]!;
  const introduced = introducedMention(tokens, anaphor, head.lower, f.graded!.is);
  if (!introduced || !resolved) return introduced ?? resolved;
  // The nearer wins, unless only the introduced one has the description's own head ("a 42-page judgment ... the leaked
  // files ... the judgment": the judgment, not the files).
  const sameHead = (a: Antecedent) => tokens.some((t) => t.start >= a.start && t.end <= a.end && (t.lower === head.lower || t.lemma === head.lemma));
  if (!sameHead(resolved)) return introduced;
  return introduced.start > resolved.start ? introduced : resolved;
}

/** Words that introduce an unnamed group a later "the" + its head points back at ("Two officials", "Several residents"). */
const GROUP_INTRODUCERS = new Set(['several', 'some', 'many', 'few', 'a', 'an']);

/**
 * The head of a plural source with nothing but a determiner or count before it: definite for "The officials",
 * introduced for "Two officials" or "Several residents" (post-modifiers after the head are allowed there only).
 */
function groupHead(tokens: readonly Token[], source: Span, lex: Lexicon): { head: string; definite: boolean; introduced: boolean } | undefined {
  const head = partsOf(tokens, source, lex).head;
  const words: Token[] = [];
  for (let i = source.first; i < head; i++) if (!isWhitespaceToken(tokens[i]!)) words.push(tokens[i]!);
  const h = tokens[head]!;
  if (words.length !== 1 || h.pos !== 'NOUN' || !/[^s]s$/.test(h.lower)) return undefined;
  const first = words[0]!;
  const definite = first.lower === 'the' && head === source.end - 1;
  const introduced = first.pos === 'NUM' || GROUP_INTRODUCERS.has(first.lower);
  return definite || introduced ? { head: h.lower, definite, introduced } : undefined;
}

const PLURAL_WORDS = new Set(['people', 'staff', 'police', 'personnel', 'crew']);

/** The number of a source phrase by its head noun ("Officials" plural, "A nurse" singular). */
function numberOf(tokens: readonly Token[], source: Span, lex: Lexicon): 'singular' | 'plural' {
  const head = tokens[partsOf(tokens, source, lex).head]!.lower;
  return PLURAL_WORDS.has(head) || /[^s]s$/.test(head) ? 'plural' : 'singular';
}

/** Pronouns point no further back than the start of the previous paragraph. */
function previousParagraphStart(analysis: TextAnalysis, offset: number): number {
  const paras = analysis.paragraphs;
  let i = paras.length - 1;
  while (i > 0 && paras[i]!.start > offset) i--;
  return paras[Math.max(0, i - 1)]?.start ?? 0;
}

function toAnnotation(f: Found, tokens: readonly Token[], source: string, thatOpensContent: boolean): AttributionAnnotation {
  const split = thatOpensContent ? reportedSplit(tokens, f.raw.cue, f.content) : { cue: f.raw.cue, content: f.content };
  const cue = charRange(tokens, split.cue.first, split.cue.end)!;
  const content = split.content;
  const resolvesTo = f.resolvesTo && { start: f.resolvesTo.start, end: f.resolvesTo.end, ...(f.resolvesTo.id ? { id: f.resolvesTo.id } : {}) };
  const parts = [cue, content, ...(f.source ? [f.source] : []), ...(f.raw.lead !== undefined ? [tokens[f.raw.lead]!] : [])];
  return {
    kind: 'attribution',
    id: f.id,
    source,
    start: Math.min(...parts.map((r) => r.start)),
    end: Math.max(...parts.map((r) => r.end)),
    ...(f.source ? { sourceSpan: f.source } : {}),
    cue,
    content,
    grade: f.grade ?? f.graded?.grade ?? 'none',
    hedged: f.raw.hedged,
    ...(resolvesTo ? { resolvesTo } : {}),
    ...(f.parent ? { parent: f.parent } : {}),
    entityIds: [...(f.graded?.entityIds ?? [])],
  };
}
