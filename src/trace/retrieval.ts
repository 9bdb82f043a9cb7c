import { groupBy } from '../core/group.js';
import { attributionMasks, sourceMask } from './masks.js';
import { alignedCoverage } from './alignment.js';
import { DEFAULT_SIMILARITY, anchored, fingerprint, isAmount, minQueryCoverage, nameConflict, queryCoverageBound, traceScore, type ClaimFingerprint, type FigureKey, type NearOptions, type TraceFigure } from './similarity.js';
import { contentWords, regularForm, stem, type Span } from './terms.js';
import { withoutContrastsOf } from './contrast-set.js';

// The store-independent steps of tracing a claim through a corpus: which words and figures of the query to look up,
// how to weigh them, which postings to read (prefix filtering), how to rank and screen candidates, and how to score the
// claims read back. Each store (SQLite FTS5, PostgreSQL) only says how to count and read postings and rows.

/** Candidates screened on their words: those naming the query's names first, then by shared rare words and figures. */
export const TRACE_CANDIDATES = 300;
/**
 * The most candidates screened when claims tied with the last of TRACE_CANDIDATES (the same names and weight read) run
 * past it: a cut inside a tie would keep the newest and drop the oldest, the earliest appearance a trace is for (a
 * claim repeated word for word in a place too common to read, among hundreds of claims sharing its rare words and figure).
 */
export const TRACE_TIED_CANDIDATES = 600;
/** Claims counted per word for its weight: a word in more claims than this weighs as if it were in exactly this many. */
export const TRACE_DF_CAP = 50_000;
/** Postings read per word or figure that candidates are drawn from, newest first (reached only when every word is common). */
export const TRACE_POSTINGS_MAX = 20_000;
/** Near words looked up per query word that candidates are drawn from (the nearest, at or above the near threshold). */
export const TRACE_NEAR_PER_TERM = 4;
/**
 * A near word in more claims than this is too common to draw candidates from (its claims are read with this limit plus
 * one and dropped when they reach it): reading it would cost more than it tells, at 100,000 articles most of all.
 */
export const TRACE_NEAR_POSTINGS_MAX = 5_000;

/** A stem of the query's content words, with the words that have it and the regular form of an irregular one ("fled", "flee"). */
export interface QueryTerm {
  readonly stem: string;
  readonly forms: readonly string[];
}

/** The query's content words grouped by stem, in order of first appearance (masked spans left out). */
export function queryTerms(text: string, masks: readonly Span[]): QueryTerm[] {
  const byStem = new Map<string, Set<string>>();
  for (const word of contentWords(text, masks)) {
    const forms = byStem.get(stem(word)) ?? new Set<string>();
    forms.add(word);
    const regular = regularForm(word);
    if (regular !== undefined) forms.add(regular);
    byStem.set(stem(word), forms);
  }
  return [...byStem].map(([s, forms]) => ({ stem: s, forms: [...forms] }));
}

/** The value range of stored figures that count as a query figure: its kind, and within the tolerance for amounts. */
export interface FigureRange {
  readonly kind: string;
  readonly low: number;
  readonly high: number;
}

/** The stored figures a query figure can match (see {@link FigureRange}). */
export function figureRange(figure: FigureKey): FigureRange {
  const spread = isAmount(figure) ? DEFAULT_SIMILARITY.tolerance * Math.abs(figure.value) : 0;
  return { low: figure.value - spread, high: figure.value + spread, kind: figure.kind };
}

/**
 * Prefix filtering (as in set-similarity joins): a claim can reach `minCoverage` of the query's weight only if it shares
 * one of the items that remain after leaving out items worth less than `minCoverage` in all. The items left out are the
 * commonest (the longest postings), so only short postings are read.
 */
export function prefixItems<T extends { readonly df: number; readonly weight: number }>(items: readonly T[], minCoverage: number): T[] {
  const total = items.reduce((n, it) => n + it.weight, 0);
  const byRarity = [...items].sort((a, b) => a.df - b.df);
  let rest = total;
  const prefix: T[] = [];
  for (const item of byRarity) {
    if (rest < minCoverage * total) break;
    prefix.push(item);
    rest -= item.weight;
  }
  return prefix;
}

/**
 * Something candidates can be drawn from: a word (by its index in the query terms) or a figure (by its index in the
 * fingerprint's figures), with the number of claims it is in (capped at TRACE_DF_CAP) and its weight.
 */
export interface TraceItem {
  readonly df: number;
  readonly weight: number;
  /** A name the query gives mid-sentence (a place, a person). */
  readonly name: boolean;
  readonly term?: number;
  readonly figure?: number;
  /** A near word of the term (see planTrace): its postings are read instead of the term's. */
  readonly near?: string;
}

/** The words whose postings a word item reads: its near word, or the query term's forms. */
export function itemWords(item: TraceItem, terms: readonly QueryTerm[]): readonly string[] {
  return item.near !== undefined ? [item.near] : terms[item.term!]!.forms;
}

/** The weighed items of a query and the weight of each query stem (its inverse document frequency among claims). */
export interface TracePlan {
  readonly items: readonly TraceItem[];
  readonly idf: ReadonlyMap<string, number>;
  /** The items whose postings are read: the prefix items, and the query's names (places, people) unless very common. */
  readonly toRead: readonly TraceItem[];
  /**
   * The query's names too common to read whole (more than TRACE_POSTINGS_MAX claims: the town a corpus is about): each
   * is looked up among the claims the read postings drew instead (see namedAmong), so that a claim giving the query's
   * figure in its place still comes first.
   */
  readonly checkNames: readonly TraceItem[];
}

/**
 * How many of the claims drawn are looked up for a too common name: the first by the weight of what they share
 * (rankCandidates' order), so that the look-up costs a bounded number of claim texts (about 10 µs each).
 */
export const TRACE_NAME_CHECKS = 4_000;

/** The claims the read postings drew, in rankCandidates' order without names (weight shared, then newest), the first `limit`. */
export function drawnIds(read: readonly { readonly item: TraceItem; readonly ids: readonly number[] }[], limit = TRACE_NAME_CHECKS): number[] {
  return [...evidenceOf(read)].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, limit).map(([id]) => id);
}

/**
 * Entries for rankCandidates of the plan's too common names (checkNames): for each, the claims among `rows` (the texts
 * of drawnIds) that hold one of its forms as a word.
 */
export function namedAmong(rows: readonly { readonly id: number; readonly text: string }[], names: readonly TraceItem[], terms: readonly QueryTerm[]): { item: TraceItem; ids: number[] }[] {
  return names.map((item) => {
    const word = new RegExp(`(?<![\\p{L}\\p{N}])(?:${itemWords(item, terms).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    return { item, ids: rows.filter((r) => word.test(r.text)).map((r) => r.id) };
  });
}

/** The weight of what each claim shares with the query, over the read postings (a near word's overlong postings left out). */
function evidenceOf(read: readonly { readonly item: TraceItem; readonly ids: readonly number[] }[]): Map<number, number> {
  const evidence = new Map<number, number>();
  for (const { item, ids } of read) {
    if (item.near !== undefined && ids.length > TRACE_NEAR_POSTINGS_MAX) continue;
    for (const id of new Set(ids)) evidence.set(id, (evidence.get(id) ?? 0) + item.weight);
  }
  return evidence;
}

/**
 * Weighs the query's terms and figures given their claim counts (`claims`: the number of claims, or the largest claim
 * id, plus one) and picks the postings to read: a claim naming the query's place comes before claims that share more
 * words but may name another place (ruled out later as a conflict). With `near`, and when no name or figure of the
 * query is read, each word read brings its near words (see nearItems), so that a claim saying it in other words is
 * drawn too.
 */
export function planTrace(terms: readonly QueryTerm[], termDf: readonly number[], figureDf: readonly number[], claims: number, target: ClaimFingerprint, threshold: number, near?: NearOptions): TracePlan {
  const idfOf = (df: number) => Math.max(0.1, Math.log(claims / (df + 1)));
  const names = new Set(target.names);
  const idf = new Map<string, number>();
  const items: TraceItem[] = terms.map((term, i) => {
    idf.set(term.stem, idfOf(termDf[i]!));
    return { df: termDf[i]!, weight: idfOf(termDf[i]!), name: names.has(term.stem), term: i };
  });
  const meanWeight = items.length === 0 ? 1 : items.reduce((n, it) => n + it.weight, 0) / items.length;
  figureDf.forEach((df, i) => items.push({ df, weight: DEFAULT_SIMILARITY.figureWeight * meanWeight, name: false, figure: i }));
  const prefix = new Set(prefixItems(items, minQueryCoverage(threshold)));
  const toRead = items.filter((it) => prefix.has(it) || (it.name && it.df <= TRACE_POSTINGS_MAX));
  const checkNames = items.filter((it) => it.name && !toRead.includes(it));
  // A claim naming a place or person, or giving a figure, that is read draws its retellings through them: they must
  // agree anyway. Near words are read only for a claim with neither (they cost as much again as the words: bench:corpus).
  const anchored = toRead.some((it) => it.name || it.figure !== undefined);
  return { items, idf, toRead: near && !anchored ? [...toRead, ...nearItems(toRead, terms, near)] : toRead, checkNames };
}

/**
 * The near words of the words read (not names): up to TRACE_NEAR_PER_TERM per word, at or above the near threshold,
 * each weighing the word's weight times its credit. A claim that says the word otherwise reaches the threshold only if
 * it has one of them, as prefix filtering requires, as far as the neighbour table reaches (its nearest 8 words).
 */
export function nearItems(read: readonly TraceItem[], terms: readonly QueryTerm[], near: NearOptions): TraceItem[] {
  const queryStems = new Set(terms.map((t) => t.stem));
  const best = new Map<string, TraceItem>();
  for (const item of read) {
    if (item.term === undefined || item.name) continue;
    const found = terms[item.term]!.forms.flatMap((form) => near.near.neighbours(form)).filter((n) => n.cosine >= near.threshold && !queryStems.has(stem(n.word)));
    for (const n of found.sort((a, b) => b.cosine - a.cosine).slice(0, TRACE_NEAR_PER_TERM)) {
      const weight = item.weight * near.credit * n.cosine;
      if ((best.get(n.word)?.weight ?? 0) < weight) best.set(n.word, { df: 0, weight, name: false, term: item.term, near: n.word });
    }
  }
  return [...best.values()];
}

/** Claims worth screening, and how many of the query's figures a candidate may share (all, until a figure's postings are read). */
export interface TraceCandidates {
  readonly ids: number[];
  readonly figuresPossible: (claimId: number) => number;
}

/**
 * Ranks the claims of the postings read (in the plan's `toRead` order): naming a query name first, then by the weight
 * of what they share, newest first; claims tied with the last kept are kept too, up to TRACE_TIED_CANDIDATES. A near word's postings longer than TRACE_NEAR_POSTINGS_MAX are left out.
 */
export function rankCandidates(read: readonly { readonly item: TraceItem; readonly ids: readonly number[] }[], figureCount: number): TraceCandidates {
  const holders: (Set<number> | undefined)[] = Array.from({ length: figureCount }, () => undefined);
  const evidence = evidenceOf(read);
  const named = new Set<number>();
  for (const { item, ids } of read) {
    if (item.figure !== undefined) holders[item.figure] = new Set(ids);
    if (item.name) for (const id of ids) named.add(id);
  }
  const rank = (id: number) => (named.has(id) ? 1 : 0);
  const sorted = [...evidence].sort((a, b) => rank(b[0]) - rank(a[0]) || b[1] - a[1] || b[0] - a[0]);
  let cut = Math.min(TRACE_CANDIDATES, sorted.length);
  const last = sorted[cut - 1];
  if (last) while (cut < Math.min(sorted.length, TRACE_TIED_CANDIDATES) && rank(sorted[cut]![0]) === rank(last[0]) && sorted[cut]![1] === last[1]) cut++;
  return {
    ids: sorted.slice(0, cut).map(([id]) => id),
    figuresPossible: (id) => holders.reduce((n, set) => n + (set === undefined || set.has(id) ? 1 : 0), 0),
  };
}

/**
 * The candidates worth reading in full, judged on their words: no other places and people named (a candidate whose
 * only names are in its attribution counts as naming them), and not too little of the query's weight even with every
 * figure not yet ruled out, or, with word meaning, anchored (the query's name and possibly its figure) and covering
 * the query's words by meaning to the threshold (see anchored in similarity.ts). Leaving out the candidate's
 * attribution only removes words, so neither bound is ever lower than the score.
 */
export function screenCandidates(rows: readonly { readonly id: number; readonly text: string }[], target: ClaimFingerprint, weight: (term: string) => number, figuresPossible: (claimId: number) => number, threshold: number, near?: NearOptions): number[] {
  const minCoverage = minQueryCoverage(threshold);
  return rows.filter((r) => {
    const words = fingerprint(r.text, [], [], { frame: false });
    if (nameConflict(target, words)) return false;
    if (queryCoverageBound(target, words, weight, figuresPossible(r.id), DEFAULT_SIMILARITY, near) >= minCoverage) return true;
    return near?.meaning !== undefined && anchored(target, words, figuresPossible(r.id)) && alignedCoverage(target, words, near.meaning) >= threshold;
  }).map((r) => r.id);
}

/** A stored claim as read for scoring (offsets into its document's text). */
export interface TraceClaimRow {
  readonly id: number;
  readonly document_id: number;
  readonly start_offset: number;
  readonly end_offset: number;
  readonly text: string;
}

/** A stored figure of a claim (offsets into its document's text). */
export interface TraceQuantityRow {
  readonly claim_id: number;
  readonly ann_id: string;
  readonly start_offset: number;
  readonly end_offset: number;
  readonly text: string;
  readonly value: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly bound: string;
  readonly unit: string | null;
  readonly kind: string;
}

/** An attribution's source and cue as stored, beside a claim it may lie in. */
export interface TraceMaskRow {
  readonly claim_id: number;
  readonly source_start: number | null;
  readonly source_end: number | null;
  readonly cue_start: number;
  readonly cue_end: number;
}

/** A stored figure with offsets made relative to its claim. */
export function relativeFigure(q: TraceQuantityRow, claimStart: number): TraceFigure {
  return { start: q.start_offset - claimStart, end: q.end_offset - claimStart, text: q.text, value: q.value, low: q.low, high: q.high, bound: q.bound, unit: q.unit, kind: q.kind };
}

/** The attribution sources and cues inside a claim, relative to the claim's start (see attributionMasks). */
export function masksIn(rows: readonly TraceMaskRow[], start: number, end: number, text: string): Span[] {
  const inside = rows.filter((r) => r.cue_start >= start && r.cue_end <= end).map((r) => ({
    source: r.source_start !== null && r.source_end !== null && r.source_start >= start && r.source_end <= end ? { start: r.source_start - start, end: r.source_end - start } : null,
    cue: { start: r.cue_start - start, end: r.cue_end - start },
  }));
  const sourcesOnly = rows.filter((r) => !(r.cue_start >= start && r.cue_end <= end) && r.source_start !== null && r.source_end !== null && r.source_start >= start && r.source_end <= end);
  return [...attributionMasks(text, inside), ...sourcesOnly.map((r) => sourceMask(text, r.source_start! - start, r.source_end! - start))];
}

/** Each document's best-scoring claim at or above the threshold, with its score (with `near`, word meaning counts: see traceScore). */
export function bestPerDocument<R extends TraceClaimRow>(rows: readonly R[], figures: ReadonlyMap<number, readonly TraceQuantityRow[]>, masks: ReadonlyMap<number, readonly TraceMaskRow[]>, target: ClaimFingerprint, weight: (term: string) => number, threshold: number, near?: NearOptions): { row: R; score: number }[] {
  const best = new Map<number, { row: R; score: number; fingerprint: ClaimFingerprint }>();
  for (const row of rows) {
    const own = (figures.get(row.id) ?? []).map((q) => relativeFigure(q, row.start_offset));
    const hidden = masksIn(masks.get(row.id) ?? [], row.start_offset, row.end_offset, row.text);
    const candidate = fingerprint(row.text, own, hidden);
    const score = traceScore(target, candidate, weight, DEFAULT_SIMILARITY, near, threshold);
    const kept = best.get(row.document_id);
    if (score >= threshold && (!kept || score > kept.score)) best.set(row.document_id, { row, score, fingerprint: candidate });
  }
  // A match that copies a stronger match and swaps one word reports another claim (contrast-set.ts).
  return withoutContrastsOf([...best.values()], target, near).map(({ row, score }) => ({ row, score }));
}

/** Rows grouped by the claim they belong to. */
export function byClaim<T extends { readonly claim_id: number }>(rows: readonly T[]): Map<number, T[]> {
  return groupBy(rows, (r) => r.claim_id);
}
