import type { AttributionAnnotation, ClaimAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import { ClaimtraceError } from '../../core/errors.js';
import { idMaker } from '../../core/ids.js';
import { provenance, type Stage } from '../../core/pipeline.js';
import type { Range } from '../../core/range.js';
import { textAnalysisOf, tokensIn, type Token } from '../../nlp/tokens.js';
import { carryRule, continued, isListItem, pollRule, quoteOpenAfter, reportOf, type Candidate, type CarryRule, type Report } from './carry-over.js';
import { createCueFinder, type CueHit } from './cues.js';
import cueData from './cues.json' with { type: 'json' };
import { sentenceFeatures, type SentenceFeatures } from './features.js';
import { hedgeFloor } from './floor.js';
import { isComparisonStandard, isImpersonalFrame, namesHolder, namesThing } from './holder.js';
import { bucketBySentence, lastStartingAtOrBefore } from './links.js';
import { defaultCheckworthyModel, scoreSentence, type CheckworthyModel } from './model.js';
import { checkworthiness, claimKindOf, STATISTIC_KINDS } from './scoring.js';

export { carriedAttributionIds, directAttributionIds } from './links.js';
export { STATISTIC_KINDS } from './scoring.js';
export { namesHolder } from './holder.js';

/** Check-worthiness at or above which a claim counts as check-worthy, unless an option says otherwise. */
export const DEFAULT_CHECKWORTHY_THRESHOLD = 0.5;

/** Options of the claim annotator. */
export interface ClaimOptions {
  /** Check-worthiness (0..1) from which a claim is check-worthy; the sourcing check should get the same value. */
  readonly threshold?: number;
  /** The trained check-worthiness model; the committed one when left out, null for the rule-based score alone. */
  readonly model?: CheckworthyModel | null;
}

/** The claim stage, exposing the threshold it was built with. */
export interface ClaimStage extends Stage {
  readonly threshold: number;
}

/** Checks a threshold option: a number in 0..1, else E_OPTION_INVALID. */
export function validThreshold(threshold: number | undefined): number {
  const value = threshold ?? DEFAULT_CHECKWORTHY_THRESHOLD;
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new ClaimtraceError('E_OPTION_INVALID', { option: 'threshold', reason: `must be a number from 0 to 1, got ${value}` });
  }
  return value;
}

/**
 * One claim per asserting sentence, scored for check-worthiness by the trained model (or the weights in weights.json),
 * lifted to the floors of floors.json for bounded figures and totals.
 */
export function createClaimAnnotator(options: ClaimOptions = {}): ClaimStage {
  const threshold = validThreshold(options.threshold);
  const model = options.model === undefined ? defaultCheckworthyModel() : options.model;
  const cueFinder = createCueFinder();
  const statisticKinds = new Set(STATISTIC_KINDS);
  const stage: ClaimStage = {
    name: 'claims',
    // 1 and 2: rules and model; 3 and 4: the same, with carry-over only into continuing sentences and the floors;
    // 5 and 6: floors without a figure (records, never-claims, penalties, changes since a date, settled framing, a bare
    // "reportedly"), the no-comment ceiling, verb-less statistic sentences, and a sourceless cue no bar to carry-over;
    // 7 and 8: existential hearsay names no holder, floors for forecasts, shares of a group as subject, absolutes,
    // harms and rankings, and the timetable ceiling; 9 and 10: the dated-past floor, and arrests, killings, charges and
    // treatment in hospital as incidents in their past forms, the negated-event floor, and a scheduled event ("will open
    // three clinics from Monday") as a prediction capped below the threshold, figures and all; 11 and 12: the generic
    // frequency floor, ranks in a place, "it is no secret that" as settled framing, the whole of a group as subject, and
    // the scene ceiling.
    version: model ? 12 : 11,
    requires: ['sentence', 'entity', 'quantity', 'attribution'],
    assigns: ['claim'],
    threshold,
    run(doc, ctx) {
      const analysis = textAnalysisOf(doc.text, ctx.cache);
      const tokens = analysis.tokens;
      const sentences = doc.all('sentence');
      const cueBuckets = bucketBySentence(sentences, cueFinder.find(tokens), (hit: CueHit) => tokens[hit.first]!);
      const entityBuckets = bucketBySentence(sentences, doc.all('entity'), (ann) => ann);
      const quantityBuckets = bucketBySentence(sentences, doc.all('quantity'), (ann) => ann);
      const rows = sentences.map((sentence, i) => {
        const own = tokensIn(tokens, sentence);
        return {
          sentence,
          tokens: own,
          features: sentenceFeatures({
            tokens: own,
          cues: cueBuckets[i]!,
          entities: entityBuckets[i]!,
            quantities: quantityBuckets[i]!,
            statisticKinds,
          }),
        };
      });
      const score = model ? (range: Range) => scoreSentence(model, doc.text.slice(range.start, range.end)) : undefined;
      return { annotations: buildClaims(doc, provenance(stage), rows, analysis.paragraphs, score) };
    },
  };
  return stage;
}

interface Row {
  readonly sentence: Range;
  readonly features: SentenceFeatures;
  readonly tokens: readonly Token[];
}

/** A sentence with a statistic and at least this many words asserts it even when no word was tagged a verb. */
const STATISTIC_SENTENCE_WORDS = 6;
/** A sentence ending in a full stop with at least this many words asserts something even when no word was tagged a verb (shorter verb-less lines are mostly captions, service notes and fragments: "Applications open online on 3 February."). */
const STOPPED_SENTENCE_WORDS = 7;
const CLOSERS = new Set(['"', '”', '’', "'", ')', '»']);

/**
 * Headings without a verb, bylines and date lines ("Published 3 June") and fragments assert nothing. A sentence of
 * some length with a statistic asserts it although the tagger read its verb as a noun ("The plan sets aside 18 million
 * dollars", "The river supplies water to 2 million people").
 */
function asserts(features: SentenceFeatures, tokens: readonly Token[]): boolean {
  if (isCreditLine(tokens)) return false;
  if (!features.dateline && (features.counts.statistic ?? 0) > 0 && features.words >= STATISTIC_SENTENCE_WORDS) return true;
  // The tagger misses some verbs ("The river burst its banks ...", "Sales overtook diesel ..."): a sentence of some
  // length ending in a full stop is a statement, as headings and bylines have none.
  if (!features.dateline && features.words >= STOPPED_SENTENCE_WORDS && endsWithStop(tokens)) return true;
  return features.verbs > 0 && features.words >= 3;
}

const CREDIT_WORDS = new Set(cueData.creditLines.openers);

/** A wire agency's credit line in brackets (cues.json creditLines): "(Reporting by Nadia Ferrow; editing by Carl Binns)". */
function isCreditLine(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => t.pos !== 'SPACE');
  // A credit line has no full stop of its own inside its brackets.
  if (words[0]?.text !== '(' || words.at(-1)?.text !== ')' || words.some((t) => t.text === '.')) return false;
  const k = words[1]?.lower === 'additional' ? 2 : 1;
  return CREDIT_WORDS.has(words[1]?.lower ?? '') && words[k + 1]?.lower === 'by';
}

/** The last token, closing quotes and brackets aside, is a full stop or an exclamation mark. */
function endsWithStop(tokens: readonly Token[]): boolean {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!.text;
    if (CLOSERS.has(t)) continue;
    return t === '.' || t === '!';
  }
  return false;
}

/** The report a sentence without a source of its own continues, and by which rule: the previous one, or a poll given as a source earlier. */
function carriedReport(report: Report | undefined, poll: Report | undefined, candidate: Candidate): { report: Report; rule: CarryRule } | undefined {
  const rule = report && carryRule(report, candidate);
  if (report && rule) return { report, rule };
  const polled = pollRule(poll, candidate, candidate.figure ?? false);
  return poll && polled ? { report: poll, rule: polled } : undefined;
}

/**
 * A study's write-up is not ended by a sentence without a figure in a paragraph it was carried into ("Oystercatchers
 * made up the rest." between two paragraphs of counts): the report stays for the figures after it (carry-over.json,
 * study-results). Any other report ends with a sentence it is not carried into.
 */
function keptStudy(report: Report | undefined, candidate: Candidate): Report | undefined {
  return report?.poll && report.continued && !candidate.figure && report.paragraph === candidate.paragraph ? report : undefined;
}

/**
 * Builds the claims in sentence order. `attributionIds` holds the attributions whose content overlaps the
 * sentence (direct) or, when there are none, the source-naming attributions of the report the sentence continues
 * (carried: see carry-over.ts; a sentence with a new subject and a new figure is not carried into, and opinions never
 * are). Carried ids are told from direct ones by their content not overlapping the claim: see carriedAttributionIds().
 * `score`, when given (the trained model), replaces the rule-based check-worthiness; either is lifted to the sentence's
 * floor (floors.json: a bounded figure or a total is check-worthy whatever the words score).
 */
function buildClaims(doc: Document, source: string, rows: readonly Row[], paragraphs: readonly Range[], score?: (range: Range) => number): ClaimAnnotation[] {
  const nextId = idMaker('claim');
  const sentences = rows.map((row) => row.sentence);
  const direct = bucketBySentence(sentences, doc.all('attribution'), (ann: AttributionAnnotation) => ann.content);
  const claims: ClaimAnnotation[] = [];
  let report: Report | undefined;
  // The last report whose source names a poll: its results may be reported anywhere later in the article.
  let poll: Report | undefined;
  let quote = { paragraph: -1, open: false };
  let afterItemNumber = false;
  rows.forEach(({ sentence, features, tokens }, i) => {
    const paragraph = lastStartingAtOrBefore(paragraphs, sentence.start);
    const text = doc.text.slice(sentence.start, sentence.end);
    const insideQuote = quote.paragraph === paragraph && quote.open;
    quote = { paragraph, open: quoteOpenAfter(text, insideQuote) };
    const candidate = { text, tokens, paragraph, insideQuote, listItem: afterItemNumber || isListItem(text), figure: (features.counts.statistic ?? 0) > 0 };
    afterItemNumber = false;
    if (!asserts(features, tokens)) {
      // A bare item number ("1.") keeps a list going; any other fragment (a heading, a byline) ends the report.
      afterItemNumber = isListItem(text);
      if (!afterItemNumber) report = undefined;
      return;
    }
    // A participle that names a thing ("an enzyme called luciferase") reports no one, and a source after "than" holds
    // only the standard of the writer's comparison ("lower than the organisers predicted"): both are left out.
    const own = direct[i]!.filter((ann) => !namesThing(doc, ann) && !isComparisonStandard(doc, ann, sentence));
    let ids = own.map((ann) => ann.id);
    const counts = { ...features.counts, attribution: ids.length };
    // A sourceless attribution ("reportedly", a poll's "opposed") or existential hearsay ("There have been reports of")
    // names nobody: the sentence may still continue a report, and hearsay alone is check-worthy (hedgeFloor).
    const naming = own.filter((ann) => namesHolder(doc, ann));
    // An impersonal frame with no holder ("It has been revealed that") passes a claim on as hearsay does.
    const hearsay = own.map((ann) => ((ann.grade !== 'none' && !naming.includes(ann)) || isImpersonalFrame(doc, ann) ? { grade: 'none', hedged: true } : ann));
    const carried = naming.length === 0 && claimKindOf(features, false) !== 'opinion' ? carriedReport(report, poll, candidate) : undefined;
    if (carried) {
      ids = [...ids, ...carried.report.ids];
      counts.carried = 1;
    }
    const claimKind = claimKindOf(features, ids.length > 0);
    claims.push({ kind: 'claim', id: nextId(), source, start: sentence.start, end: sentence.end, checkworthiness: Math.min(features.ceiling, Math.max(features.floor, hedgeFloor(hearsay), score ? score(sentence) : checkworthiness(counts))), claimKind, attributionIds: ids });
    // The sentence's own source-naming attributions start a report (a bare "reportedly" does not); a carried report
    // goes on only as far as each next sentence continues it.
    report = naming.length > 0 ? reportOf(doc, naming, paragraph, text) : carried ? continued(carried.report, candidate, carried.rule) : keptStudy(report, candidate);
    if (report?.poll) poll = report;
  });
  return claims;
}
