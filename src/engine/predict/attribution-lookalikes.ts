// The look-alikes of reporting that the news policy refuses on purpose (policy.json: intentions, wishes, withheld
// statements, impersonal passives, ...) but PolNeAR annotates as attributions, and the poll shares it does not take as
// sources. predict attribution writes those of the classes PolNeAR marks often into its brat output; `claimtrace
// analyze` never sees them. The candidates are found again from the analysed Document with the annotator's own finders
// (rules, then the tagger over the rules' accepted roles), so the report's attributions and the tagger's inputs are
// exactly those of the analysis.
import type { Document } from '../../core/document.js';
import type { Report } from '../../core/report-schema.js';
import { overlapIndex, overlaps, type Range } from '../../core/range.js';
import { isWhitespaceToken, textAnalysisOf, type TextAnalysis, type Token } from '../../nlp/tokens.js';
import { charRange, reportedSplit } from '../../annotators/attributions/clause.js';
import { findInSentences, type RefusedRaw } from '../../annotators/attributions/find.js';
import { defaultLexicon, type Lexicon } from '../../annotators/attributions/lexicon.js';
import { ruleRolesOf, taggedRaws } from '../../annotators/attributions/tagged.js';
import { defaultAttributionTagger, tagAttributions, type AttributionTagger } from '../../annotators/attributions/tagger/tagger.js';
import { pollOpenings } from './attribution-polls.js';
import { speakerLines } from './attribution-speakers.js';
import { withParticipleObjects, withParticipleSubjects, withSourcesAfterQuotes } from './attribution-subjects.js';
import type { BratAttribution } from './brat.js';

/**
 * The refusal classes written to PolNeAR's brat output, by the rule of bench/quality/attribution-lookalikes.ts: PolNeAR
 * train's training side marks at least half of the class's 5 or more refused cues, and writing the class alone does not
 * lower the mean strict F1 on the tagger's validation split (models/attribution-tagger.validation-ids.txt); the
 * tagger's vetoes (the writer or reader, nobody or everybody as source; tagger/vetoes.json) are judged alike. Since the
 * third round (2026-12-06) also a class marked less often when writing it raises the strict F1 of every role on both
 * the training side and the validation split: displays (15 of 33 written cues marked) and orders (4 of 4); together
 * validation strict +0.0009 / +0.0015 / +0.0022, training side +0.0004 / +0.0003 / +0.0004. Not written: deeds and
 * pleas ('act', 42 of 67: training side up, validation Source −0.0003), emotions (31 of 37: validation −0.0005 /
 * −0.0004 / −0.0004), prescriptions (6 of 17: no gain beside displays), labels (1 of 5), participles with their agent
 * (13 of 32), the writer's voice, function words, compounds.
 */
export const POLNEAR_MARKED: ReadonlySet<LookalikeClass> = new Set<LookalikeClass>([
  'commitment',
  'directive',
  'display',
  'intention-adjective',
  'intention-verb',
  'legal-state',
  'measured-share',
  'mood',
  'nobody-or-everybody',
  'order',
  'passive',
  'relative-clause',
  'share-source',
  'topic',
  'wish',
  'withheld',
  'writer-or-reader',
]);

/**
 * A refused candidate's class: the policy's refusal, with one split of its own: a participle with its agent after it
 * ('supported by the unions', 'responded by blocking') is `passive-agent`, apart from the impersonal passives ('is
 * expected to') PolNeAR marks. `share-source` is no refused cue but a poll's share the policy took from an accepted
 * attribution as its source ({@link withShareSources}).
 */
export type LookalikeClass = RefusedRaw['refusal'] | 'passive-agent';

/** The class of a refused candidate (see {@link LookalikeClass}). */
export function classOf(tokens: readonly Token[], candidate: RefusedRaw): LookalikeClass {
  if (candidate.refusal !== 'passive') return candidate.refusal;
  let i = candidate.raw.cue.end;
  while (i < tokens.length && isWhitespaceToken(tokens[i]!)) i++;
  return tokens[i]?.lower === 'by' ? 'passive-agent' : 'passive';
}

/** Options of {@link refusedAttributions}. */
export interface LookalikeOptions {
  /** The refusal classes to write. */
  readonly classes: ReadonlySet<LookalikeClass>;
  /** The tagger the analysis ran with (`null`: the rules alone); defaults to the committed model. */
  readonly tagger?: AttributionTagger | null;
  /** The cue and source lexicon; defaults to the committed one. */
  readonly lexicon?: Lexicon;
}

/** A refused candidate of the chosen classes as PolNeAR would mark it, with the class that refused it. */
export interface Lookalike extends BratAttribution {
  readonly refusal: LookalikeClass;
}

/**
 * The candidates of an analysed Document (with its sentences and attributions) that the cue and source policy refused
 * for one of `options.classes`, as attributions for the brat output: none whose cue overlaps a cue or source the report
 * has, whose source overlaps a reported cue, or that overlaps an earlier look-alike's cue.
 */
export function refusedAttributions(doc: Document, options: LookalikeOptions): Lookalike[] {
  if (options.classes.size === 0) return [];
  const analysis = textAnalysisOf(doc.text, new Map());
  return lookalikesOf(doc, analysis.tokens, refusedCandidates(doc, analysis, options), options.classes);
}

/** What predict attribution adds for PolNeAR beyond the classes of look-alikes. */
export interface PolnearOptions extends LookalikeOptions {
  /** Whether a sourceless participle cue takes its sentence's subject as its source (attribution-subjects.ts). */
  readonly participleSubjects?: boolean;
  /** Whether lines that open with a speaker's name and a colon are written (attribution-speakers.ts). */
  readonly speakerLines?: boolean;
  /** Whether sentences that open with "In <a poll>," are written as the poll's attributions (attribution-polls.ts). */
  readonly pollOpenings?: boolean;
}

/**
 * What predict attribution writes for PolNeAR beyond the analysis: the report with the poll shares given back as
 * sources (and participle cues given their subjects), and the attributions the report does not have: the look-alikes of
 * `options.classes` and the speaker lines.
 */
export function polnearAttributions(doc: Document, report: Report, options: PolnearOptions): { report: Report; added: BratAttribution[] } {
  if (options.classes.size === 0 && !options.participleSubjects && !options.speakerLines && !options.pollOpenings) return { report, added: [] };
  const analysis = textAnalysisOf(doc.text, new Map());
  const candidates = options.classes.size === 0 ? [] : refusedCandidates(doc, analysis, options);
  const shared = withShareSources(report, analysis.tokens, candidates, options.classes);
  const written = options.participleSubjects ? withSourcesAfterQuotes(withParticipleSubjects(withParticipleObjects(shared, doc, analysis.tokens), doc, analysis.tokens), doc) : shared;
  const lookalikes: BratAttribution[] = lookalikesOf(doc, analysis.tokens, candidates, options.classes);
  const taken = [...written.attributions, ...lookalikes].flatMap((a) => [a.cue, ...(a.source ? [a.source] : [])]);
  const speakers = options.speakerLines ? speakerLines(doc.text, taken) : [];
  const polls = options.pollOpenings ? pollOpenings(doc.text, doc.all('sentence'), [...taken, ...speakers.flatMap((a) => [a.cue, ...(a.source ? [a.source] : [])])]) : [];
  return { report: written, added: [...lookalikes, ...speakers, ...polls] };
}

/**
 * The refused candidates of `classes` as attributions for the brat output, overlapping no reported cue nor each other; a
 * cue on a reported source is left out too, but a source may be a reported one ("The mayor announced … and vowed to
 * rebuild it": PolNeAR train, training side: of the 35 cues so written, 26 are gold).
 */
export function lookalikesOf(doc: Document, tokens: readonly Token[], candidates: readonly RefusedRaw[], classes: ReadonlySet<LookalikeClass>): Lookalike[] {
  // The report's cues and sources, indexed once; the cues written here, few, are checked one by one.
  const reported = overlapIndex(doc.all('attribution').flatMap((a) => [a.cue, ...(a.sourceSpan ? [a.sourceSpan] : [])]));
  // A look-alike may share its source with a reported attribution ("He announced … and vowed to focus on …").
  const reportedCues = overlapIndex(doc.all('attribution').map((a) => a.cue));
  const taken: Range[] = [];
  const out: Lookalike[] = [];
  for (const candidate of candidates) {
    const { raw } = candidate;
    const refusal = classOf(tokens, candidate);
    if (refusal === 'share-source' || !classes.has(refusal)) continue;
    // The finders' content ends: the content-end ranker applied to these moved validation strict F1 by +0.0000 / -0.0004 / +0.0007.
    const split = reportedSplit(tokens, raw.cue, raw.content);
    const cue = charRange(tokens, split.cue.first, split.cue.end);
    if (!cue || split.content.end <= split.content.start) continue;
    const source = raw.source ? charRange(tokens, raw.source.first, raw.source.end) : undefined;
    if (reported(cue) || (source !== undefined && reportedCues(source)) || taken.some((r) => overlaps(r, cue) || (source !== undefined && overlaps(r, source)))) continue;
    taken.push(cue);
    out.push({ source: source ?? null, cue, content: split.content, grade: 'none', hedged: raw.hedged, refusal });
  }
  return out;
}

/**
 * The report with the poll shares the policy did not take as sources given back to their attributions ("41 percent of
 * respondents said"), as PolNeAR marks them, when `share-source` is among `classes`.
 */
export function withShareSources(report: Report, tokens: readonly Token[], candidates: readonly RefusedRaw[], classes: ReadonlySet<LookalikeClass>): Report {
  if (!classes.has('share-source')) return report;
  const shares = candidates.filter((c) => c.refusal === 'share-source' && c.raw.source).map((c) => ({ cue: charRange(tokens, c.raw.cue.first, c.raw.cue.end)!, source: charRange(tokens, c.raw.source!.first, c.raw.source!.end)! }));
  if (shares.length === 0) return report;
  const attributions = report.attributions.map((a) => {
    const share = a.source ? undefined : shares.find((s) => overlaps(s.cue, a.cue));
    return share ? { ...a, source: { ...share.source, text: report.document.text.slice(share.source.start, share.source.end), type: 'vague' as const } } : a;
  });
  return { ...report, attributions };
}

/** Every refused candidate of the Document: the rules' first, then the tagger's, in text order within each. */
export function refusedCandidates(doc: Document, analysis: TextAnalysis, options: Omit<LookalikeOptions, 'classes'>): RefusedRaw[] {
  const { tokens } = analysis;
  const lex = options.lexicon ?? defaultLexicon();
  const sentences = doc.all('sentence');
  const refused: RefusedRaw[] = [];
  const accepted = findInSentences(tokens, sentences, lex, (r) => refused.push(r));
  const tagger = options.tagger === undefined ? defaultAttributionTagger() : options.tagger;
  if (tagger) {
    const tagging = tagAttributions(tagger, { tokens, paragraphs: analysis.paragraphs, sentences, ruleRoles: ruleRolesOf(tokens, accepted) });
    taggedRaws(tagging, { tokens, sentences, lex }, accepted, (r) => refused.push(r));
  }
  return refused;
}

