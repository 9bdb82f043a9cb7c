import type { AttributionAnnotation, ClaimAnnotation, Finding, QuantityAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import type { Stage } from '../../core/pipeline.js';
import { firstStartingFrom, type Range } from '../../core/range.js';
import { namesHolder, STATISTIC_KINDS, validThreshold } from '../../annotators/claims/index.js';
import rules from './rules.json' with { type: 'json' };

/** Options of the sourcing check. */
export interface SourcingOptions {
  /** Check-worthiness from which a claim must be sourced; give it the claim annotator's threshold. */
  readonly threshold?: number;
}

/** The rule ids of the sourcing check. */
export type SourcingRule = 'unsourced-statistic' | 'unsourced-claim' | 'vague-source' | 'hedged-source' | 'unresolved-anaphoric-source';

interface RuleText {
  readonly rule: SourcingRule;
  readonly severity: Finding['severity'];
  readonly message: string;
}

const RULES = new Map((rules.rules as RuleText[]).map((r) => [r.rule, r]));
const STATISTIC = new Set(STATISTIC_KINDS);
/** Quotes in messages are cut to about this many characters. */
const QUOTE_LIMIT = 90;

/**
 * Flags figures (at their first statement) and check-worthy claims with no source, and vague, hedged or dangling
 * sources.
 */
export function createSourcingCheck(options: SourcingOptions = {}): Stage {
  const threshold = validThreshold(options.threshold);
  const stage: Stage = {
    name: 'sourcing',
    // 2: a bare "reportedly" sources nothing; a figure stated again is not flagged again. 3: a figure outside what
    // the sentence's own sources say, name or cite is unsourced. 4: existential hearsay ("There have been reports of")
    // sources nothing. 5: the figures of a scheduled event below the threshold (kind 'prediction') are not flagged.
    version: 5,
    requires: ['claim', 'attribution', 'quantity'],
    assigns: [],
    run(doc) {
      const quantities = quantitiesByClaim(doc);
      const sourcing = sourcingIds(doc);
      const findings: Finding[] = [];
      const stated = new Set<string>();
      doc.all('claim').forEach((claim, i) => {
        const stats = quantities[i]!;
        const fresh = stats.filter((q) => !stated.has(figureKey(q)));
        // A statistic whose figures were all stated before is sourced, or flagged, there: no second flag.
        const restated = stats.length > 0 && fresh.length === 0 && claim.claimKind === 'statistic';
        const finding = restated ? undefined : claimFinding(doc, claim, fresh, threshold, sourcing);
        if (finding) findings.push(finding);
        for (const q of stats) stated.add(figureKey(q));
      });
      for (const ann of doc.all('attribution')) findings.push(...attributionFindings(doc, ann));
      return { findings };
    },
  };
  return stage;
}

/** Statistic quantities inside each claim (claims and quantities are both sorted: one sweep). */
function quantitiesByClaim(doc: Document): QuantityAnnotation[][] {
  const claims = doc.all('claim');
  const stats = doc.all('quantity').filter((q) => STATISTIC.has(q.quantityKind));
  const out: QuantityAnnotation[][] = claims.map(() => []);
  let q = 0;
  claims.forEach((claim, i) => {
    while (q < stats.length && stats[q]!.start < claim.start) q++;
    for (let k = q; k < stats.length && stats[k]!.start < claim.end; k++) if (stats[k]!.end <= claim.end) out[i]!.push(stats[k]!);
  });
  return out;
}

/**
 * Ids of the attributions that answer "who says so": those with a source. A sourceless attribution leaves its claim
 * unsourced, whether hedged ("reportedly", "allegedly": flagged as hedged as well) or not ("it is believed that"), and
 * so does existential hearsay ("There have been reports of ..."), whose noun is what was said, not who said it.
 */
function sourcingIds(doc: Document): ReadonlySet<string> {
  return new Set(doc.all('attribution').filter((a) => namesHolder(doc, a)).map((a) => a.id));
}

/**
 * What makes two statements of a figure the same figure: value, kind and unit. A figure stated again ("a plan worth
 * 4.2 million pounds" after "will cost 4.2 million pounds") is sourced, or flagged, where it was first stated.
 */
function figureKey(q: QuantityAnnotation): string {
  return `${q.quantityKind}|${q.value}|${q.unit?.toLowerCase() ?? ''}`;
}

function claimFinding(doc: Document, claim: ClaimAnnotation, fresh: readonly QuantityAnnotation[], threshold: number, sourcing: ReadonlySet<string>): Finding | undefined {
  // A cue inside a relative clause set off by commas ("Vacancies, which experts said would soar, are lower today")
  // reports something about a noun of the sentence, not the sentence itself.
  let relatives: readonly Range[] | undefined;
  const sources = claim.attributionIds
    .filter((id) => sourcing.has(id))
    .map((id) => doc.get(id) as AttributionAnnotation)
    .filter((ann) => !inRelativeClause((relatives ??= relativeClauses(doc, claim)), ann.cue) && !describesSource(doc, ann));
  let stats = fresh;
  if (sources.length > 0) {
    // Sourced, as a whole when a source is carried into it from the report it continues; a source of its own covers
    // the sentence's figures, except those the writer states around it (see covers()).
    if (sources.some((ann) => !overlaps(ann.content, claim))) return undefined;
    stats = fresh.filter((q) => !sources.some((ann) => covers(doc, claim, ann, q)));
    if (stats.length === 0) return undefined;
  }
  // A scheduled event below the threshold ("The authority will open three walk-in clinics from Monday": the claim
  // annotator's kind 'prediction' with figures) counts what is planned: a service note, not a statistic to source.
  if (stats.length > 0 && claim.claimKind === 'prediction' && claim.checkworthiness < threshold) return undefined;
  if (stats.length > 0) {
    const figures = stats.map((q) => `"${doc.slice(q)}"`);
    const several = figures.length > 1;
    return finding('unsourced-statistic', claim, [claim.id, ...stats.map((q) => q.id)], {
      figures: several ? `the figures ${listOf(figures)}` : `the figure ${figures[0]}`,
      claim: quote(doc.slice(claim)),
      noun: several ? 'numbers come' : 'number comes',
      pronoun: several ? 'them' : 'it',
    });
  }
  if (claim.checkworthiness < threshold || claim.claimKind === 'opinion') return undefined;
  return finding('unsourced-claim', claim, [claim.id], { claim: quote(doc.slice(claim)) });
}

/** Whether two ranges share a character. */
function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

const OPENERS = new Set(rules.writersClauseOpeners.words.map((w) => w.word));

/**
 * Whether the attribution sources a figure of its sentence. It does, unless the figure is the writer's own: in a
 * description of the source between the source and its cue ("The association, which represents about 1,900 owners,
 * dismissed the poll"), or in a clause that opens the sentence before the source ("When pay rose from 9.50 to 10.75,
 * business lobbies predicted layoffs"). Content spans are too rough to say more (a trailing "..., the director told a
 * meeting" may get the meeting as its content).
 */
function covers(doc: Document, claim: ClaimAnnotation, ann: AttributionAnnotation, q: QuantityAnnotation): boolean {
  const source = ann.sourceSpan;
  if (!source || overlaps(source, q) || overlaps(ann.cue, q)) return true;
  if (q.start >= source.end && q.end <= ann.cue.start) return describingClause(doc, source, ann.cue);
  if (inOpeningClause(doc, claim, source, q)) return false;
  return !(q.end <= source.start && ann.content.start >= ann.cue.end && !afterComma(doc, claim, source));
}

/**
 * The source phrase follows a comma (or a dash): a reporting clause after what it reports ("Divers found 40 wrecks,
 * the harbour master said"). A source inside the sentence without one ("... stands at 86 percent, below the 95 percent
 * experts consider necessary") reports only what follows its cue.
 */
function afterComma(doc: Document, claim: ClaimAnnotation, source: Range): boolean {
  const before = doc.text.slice(claim.start, source.start);
  if (/[,–—-]\s*$/.test(before)) return true;
  // A rank or role word the source phrase left out ("..., lead author Dr Haugen told reporters") (rules.json).
  const m = /[,–—-]\s*((?:[a-z][a-z-]*\s+){1,2})$/.exec(before);
  return m !== null && m[1]!.trim().split(/\s+/).every((w) => TITLE_WORDS.has(w));
}

/**
 * "Tom Hargreave, who farms 600 hectares near Milbury, said": a figure in a relative clause set off by commas between a
 * source and its cue describes the source, whose own report gives it.
 */
function describingClause(doc: Document, source: Range, cue: Range): boolean {
  return DESCRIBING.test(doc.text.slice(source.end, cue.start));
}

const DESCRIBING = new RegExp(`^,\\s+(?:${rules.relativeClauseOpeners.words.map((w) => w.word).join('|')})\\b[^,;:]*,\\s*$`, 'iu');

const TITLE_WORDS = new Set(rules.titlePremodifiers.words.map((w) => w.word));

const RELATIVE = new RegExp(`,\\s+(?:${rules.relativeClauseOpeners.words.map((w) => w.word).join('|')})\\b[^,;:]*,\\s+\\S`, 'giu');

/**
 * "Foreign experts who predicted the collapse of fish stocks have been proven wrong": a cue right after a relative
 * pronoun that follows its source describes the source; the sentence says something about them, not what they said.
 */
function describesSource(doc: Document, ann: AttributionAnnotation): boolean {
  if (!ann.sourceSpan || ann.sourceSpan.end > ann.cue.start) return false;
  return SUBJECT_RELATIVE.test(doc.text.slice(ann.sourceSpan.end, ann.cue.start));
}

const SUBJECT_RELATIVE = /^\s+(?:who|that)\s+(?:(?:had|have|has)\s+)?$/i;

/**
 * The relative clauses enclosed in commas, with the sentence going on after them, of a claim: found once per claim,
 * not once per cue (a sentence of thousands of cues made the check quadratic). Sorted and non-overlapping.
 */
function relativeClauses(doc: Document, claim: ClaimAnnotation): Range[] {
  const text = doc.text.slice(claim.start, claim.end);
  return [...text.matchAll(RELATIVE)].map((m) => ({ start: claim.start + m.index, end: claim.start + m.index + m[0].length }));
}

/**
 * The cue lies in one of the relative clauses (after its start, to its end). The clauses do not overlap, so the last
 * one starting before the cue reaches furthest of those: binary search.
 */
function inRelativeClause(relatives: readonly Range[], cue: Range): boolean {
  const clause = relatives[firstStartingFrom(relatives, cue.start) - 1];
  return clause !== undefined && cue.end <= clause.end;
}

/**
 * The figure lies in a clause that opens the sentence with a subordinator and whose comma, the only one before the
 * source, stands right before it ("As of March, 40 boats had sunk, the ministry said" has two: the 40 is the ministry's).
 */
function inOpeningClause(doc: Document, claim: ClaimAnnotation, source: Range, q: QuantityAnnotation): boolean {
  const text = doc.text.slice(claim.start, source.start);
  const first = /^\s*(\p{L}+)/u.exec(text)?.[1]?.toLowerCase();
  if (!first || !OPENERS.has(first)) return false;
  const commas = [...text.matchAll(/,(?!\d)/g)];
  if (commas.length !== 1) return false;
  const comma = commas[0]!.index;
  return q.end <= claim.start + comma && text.slice(comma + 1).trim() === '';
}

function attributionFindings(doc: Document, ann: AttributionAnnotation): Finding[] {
  const out: Finding[] = [];
  const sourceRange = ann.sourceSpan ?? ann.cue;
  const source = quote(doc.slice(sourceRange));
  if (ann.grade === 'vague') out.push(finding('vague-source', sourceRange, [ann.id], { source }));
  if (ann.hedged) out.push(finding('hedged-source', ann.cue, [ann.id], { hedge: quote(doc.slice(ann.cue)) }));
  if (ann.grade === 'anaphoric' && !ann.resolvesTo) out.push(finding('unresolved-anaphoric-source', sourceRange, [ann.id], { source }));
  return out;
}

/**
 * Recent messages, so that findings with the same words share one string: a text that repeats one attributed sentence
 * gets the same message thousands of times. Bounded, so that a long text of different messages does not keep a map of
 * them all.
 */
const recentMessages = new Map<string, string>();
const RECENT_MESSAGES = 256;

function shared(message: string): string {
  const known = recentMessages.get(message);
  if (known !== undefined) return known;
  if (recentMessages.size >= RECENT_MESSAGES) recentMessages.delete(recentMessages.keys().next().value!);
  recentMessages.set(message, message);
  return message;
}

function finding(rule: SourcingRule, range: Range, annotationIds: string[], params: Record<string, string>): Finding {
  const text = RULES.get(rule)!;
  const message = shared(text.message.replace(/\{(\w+)\}/g, (_, key: string) => params[key] ?? ''));
  return { rule, severity: text.severity, message, start: range.start, end: range.end, annotationIds };
}

/** Collapses whitespace and cuts long quotes at a word boundary. */
function quote(words: string): string {
  const flat = words.replace(/\s+/g, ' ').trim();
  if (flat.length <= QUOTE_LIMIT) return flat;
  const cut = flat.lastIndexOf(' ', QUOTE_LIMIT);
  return `${flat.slice(0, cut > QUOTE_LIMIT / 2 ? cut : QUOTE_LIMIT)}…`;
}

function listOf(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
