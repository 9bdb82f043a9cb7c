import type { Database } from 'better-sqlite3';
import type { SourceGrade } from '../core/annotations.js';
import { groupBy } from '../core/group.js';
import {
  DEFAULT_SIMILARITY, attributionMasks, contentWords, figureMutations, fingerprint, isAmount, minQueryCoverage, nameConflict, queryCoverageBound, regularForm, sourceMask, stem, traceScore,
  type ClaimFingerprint, type Span, type TraceFigure,
} from '../trace/index.js';
import { DEFAULT_TRACE_LIMIT, DEFAULT_TRACE_THRESHOLD } from './defaults.js';
import type { TraceAttribution, TraceClaim, TraceMatch, TraceQuantity, TraceQuery, TraceResult } from './types.js';

export { DEFAULT_TRACE_LIMIT, DEFAULT_TRACE_THRESHOLD };

/** Candidates screened on their words: those naming the query's names first, then by shared rare words and figures. */
const CANDIDATES = 300;
/** Claims counted per word for its weight: a word in more claims than this weighs as if it were in exactly this many. */
const DF_CAP = 50_000;
/** Word counts remembered per store (see dfOf). */
const DF_CACHE_MAX = 10_000;
/** Postings read per word or figure that candidates are drawn from, newest first (reached only when every word is common). */
const POSTINGS_MAX = 20_000;

interface ClaimRow {
  id: number;
  document_id: number;
  ann_id: string;
  start_offset: number;
  end_offset: number;
  text: string;
  attribution_ids: string;
  url: string | null;
  title: string | null;
  site: string | null;
  published: string | null;
}

interface QuantityRow {
  claim_id: number;
  ann_id: string;
  start_offset: number;
  end_offset: number;
  text: string;
  value: number;
  low: number | null;
  high: number | null;
  bound: string;
  unit: string | null;
  kind: string;
}

const toQuantity = (q: QuantityRow): TraceQuantity => ({ id: q.ann_id, start: q.start_offset, end: q.end_offset, text: q.text, value: q.value, low: q.low, high: q.high, bound: q.bound, unit: q.unit, kind: q.kind });
/** A stored figure with offsets made relative to its claim. */
const relative = (q: QuantityRow, claimStart: number): TraceFigure => ({ ...toQuantity(q), start: q.start_offset - claimStart, end: q.end_offset - claimStart });

/**
 * One FTS5 query per stem of the query's content words: the words with that stem, and the regular form of an
 * irregular one ("fled" OR "flee").
 */
function ftsTerms(text: string, masks: readonly Span[]): { query: string; stem: string }[] {
  const byStem = new Map<string, Set<string>>();
  for (const word of contentWords(text, masks)) {
    const forms = byStem.get(stem(word)) ?? new Set<string>();
    forms.add(word);
    const regular = regularForm(word);
    if (regular !== undefined) forms.add(regular);
    byStem.set(stem(word), forms);
  }
  return [...byStem].map(([s, forms]) => ({ stem: s, query: [...forms].map((w) => `"${w.replaceAll('"', '""')}"`).join(' OR ') }));
}

/** Claims worth scoring, the weight of each query stem, and how many of the query's figures a candidate may share (all, until a figure's postings are read). */
interface Candidates {
  readonly ids: number[];
  readonly idf: Map<string, number>;
  readonly figuresPossible: (claimId: number) => number;
}

/**
 * Something candidates can be drawn from: a word (by stem) or a figure of the query, with the number of claims it is
 * in (capped at DF_CAP), its weight, and how to read its claims.
 */
interface Evidence {
  readonly df: number;
  readonly weight: number;
  /** A name the query gives mid-sentence (a place, a person). */
  readonly name: boolean;
  readonly read: () => number[];
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

interface MaskRow {
  claim_id: number;
  source_start: number | null;
  source_end: number | null;
  cue_start: number;
  cue_end: number;
}

/** The attribution sources and cues inside a claim, relative to the claim's start (see attributionMasks). */
function masksIn(rows: readonly MaskRow[], start: number, end: number, text: string): Span[] {
  const inside = rows.filter((r) => r.cue_start >= start && r.cue_end <= end).map((r) => ({
    source: r.source_start !== null && r.source_end !== null && r.source_start >= start && r.source_end <= end ? { start: r.source_start - start, end: r.source_end - start } : null,
    cue: { start: r.cue_start - start, end: r.cue_end - start },
  }));
  const sourcesOnly = rows.filter((r) => !(r.cue_start >= start && r.cue_end <= end) && r.source_start !== null && r.source_end !== null && r.source_start >= start && r.source_end <= end);
  return [...attributionMasks(text, inside), ...sourcesOnly.map((r) => sourceMask(text, r.source_start! - start, r.source_end! - start))];
}

/** Prepares the statements of `trace` and `getClaim` once per store. */
export function createSqliteTrace(db: Database): { trace: (query: TraceQuery) => TraceResult; getClaim: (documentId: number, claimId: string) => TraceClaim | undefined } {
  const dfQuery = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM claims_fts WHERE claims_fts MATCH ? LIMIT ${DF_CAP})`).pluck();
  // Claim counts per word, remembered while the number of claims moves by less than 1% (a long-lived store, the server).
  const dfCache = new Map<string, number>();
  let dfCachedAt = 0;
  const dfOf = (ftsQuery: string, claims: number): number => {
    if (Math.abs(claims - dfCachedAt) > dfCachedAt / 100) {
      dfCache.clear();
      dfCachedAt = claims;
    }
    let df = dfCache.get(ftsQuery);
    if (df === undefined) {
      df = dfQuery.get(ftsQuery) as number;
      if (dfCache.size >= DF_CACHE_MAX) dfCache.delete(dfCache.keys().next().value!);
      dfCache.set(ftsQuery, df);
    }
    return df;
  };
  const byTerm = db.prepare(`SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT ${POSTINGS_MAX}`).pluck();
  const figureDf = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM quantities WHERE kind = @kind AND value BETWEEN @low AND @high LIMIT ${DF_CAP})`).pluck();
  const byFigure = db.prepare(`SELECT claim_id FROM quantities WHERE kind = @kind AND value BETWEEN @low AND @high AND claim_id IS NOT NULL ORDER BY claim_id DESC LIMIT ${POSTINGS_MAX}`).pluck();
  const textsIn = db.prepare('SELECT id, text FROM claims WHERE id IN (SELECT value FROM json_each(?))');
  const claimsIn = db.prepare(`SELECT c.id, c.document_id, c.ann_id, c.start_offset, c.end_offset, c.text, c.attribution_ids, d.url, d.title, d.site, d.published
    FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id IN (SELECT value FROM json_each(?))`);
  const quantitiesIn = db.prepare(`SELECT c.id AS claim_id, q.ann_id, q.start_offset, q.end_offset, q.text, q.value, q.low, q.high, q.bound, q.unit, q.kind
    FROM claims c JOIN quantities q ON q.document_id = c.document_id AND q.start_offset >= c.start_offset AND q.end_offset <= c.end_offset
    WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY q.document_id, q.seq`);
  // Only the attributions whose cue or source lies inside a candidate claim (a document has dozens of attributions).
  const masksOf = db.prepare(`SELECT c.id AS claim_id, a.source_start, a.source_end, a.cue_start, a.cue_end FROM claims c JOIN attributions a ON a.document_id = c.document_id
    AND ((a.cue_start >= c.start_offset AND a.cue_end <= c.end_offset) OR (a.source_start >= c.start_offset AND a.source_end <= c.end_offset))
    WHERE c.id IN (SELECT value FROM json_each(?))`);
  const claimCount = db.prepare('SELECT coalesce(max(id), 0) AS n FROM claims');
  const attributionsOf = db.prepare('SELECT ann_id, source_text, grade, hedged, resolves_text FROM attributions WHERE document_id = ? ORDER BY seq');
  const claimByAnn = db.prepare('SELECT id, document_id, ann_id, start_offset, end_offset, text FROM claims WHERE document_id = ? AND ann_id = ?');

  /**
   * The claims sharing the most weight of rare words and figures with the query, drawn from the postings of its rarest
   * items only (see prefixItems), and the weight of each query stem: its inverse document frequency among claims.
   */
  const candidates = (query: TraceQuery, target: ClaimFingerprint, threshold: number): Candidates => {
    const total = (claimCount.get() as { n: number }).n + 1;
    const idfOf = (df: number) => Math.max(0.1, Math.log(total / (df + 1)));
    const idf = new Map<string, number>();
    const names = new Set(target.names);
    const items: Evidence[] = [];
    for (const term of ftsTerms(query.text, [...query.figures, ...(query.masks ?? [])])) {
      const df = dfOf(term.query, total);
      idf.set(term.stem, idfOf(df));
      items.push({ df, weight: idfOf(df), name: names.has(term.stem), read: () => byTerm.all(term.query) as number[] });
    }
    const meanWeight = items.length === 0 ? 1 : items.reduce((n, it) => n + it.weight, 0) / items.length;
    /** For each figure of the query, the claims holding it, once its postings are read. */
    const holders: (Set<number> | undefined)[] = target.figures.map(() => undefined);
    target.figures.forEach((f, i) => {
      const spread = isAmount(f) ? DEFAULT_SIMILARITY.tolerance * Math.abs(f.value) : 0;
      const range = { low: f.value - spread, high: f.value + spread, kind: f.kind };
      const read = () => {
        holders[i] = new Set(byFigure.all(range) as number[]);
        return [...holders[i]];
      };
      const df = figureDf.get(range) as number;
      items.push({ df, weight: DEFAULT_SIMILARITY.figureWeight * meanWeight, name: false, read });
    });
    // The prefix items, and the query's names (places, people) unless very common: a claim naming the query's place comes
    // before claims that share more words but may name another place (ruled out later as a conflict).
    const prefix = new Set(prefixItems(items, minQueryCoverage(threshold)));
    const evidence = new Map<number, number>();
    const named = new Set<number>();
    for (const item of items.filter((it) => prefix.has(it) || (it.name && it.df <= POSTINGS_MAX))) {
      for (const id of new Set(item.read())) {
        evidence.set(id, (evidence.get(id) ?? 0) + item.weight);
        if (item.name) named.add(id);
      }
    }
    const rank = (id: number) => (named.has(id) ? 1 : 0);
    return {
      ids: [...evidence].sort((a, b) => rank(b[0]) - rank(a[0]) || b[1] - a[1] || b[0] - a[0]).slice(0, CANDIDATES).map(([id]) => id),
      idf,
      figuresPossible: (id) => holders.reduce((n, set) => n + (set === undefined || set.has(id) ? 1 : 0), 0),
    };
  };

  /** Attribution sources and cues inside the given claims, by claim. */
  const masksByClaim = (ids: readonly number[]): Map<number, MaskRow[]> => groupBy(masksOf.all(JSON.stringify(ids)) as MaskRow[], (r) => r.claim_id);
  /** Figures inside the given claims, by claim, in text order. */
  const figuresOf = (ids: readonly number[]): Map<number, QuantityRow[]> => groupBy(quantitiesIn.all(JSON.stringify(ids)) as QuantityRow[], (q) => q.claim_id);

  const attributions = (row: ClaimRow): TraceAttribution[] => {
    const wanted = new Set(JSON.parse(row.attribution_ids) as string[]);
    if (wanted.size === 0) return [];
    const rows = attributionsOf.all(row.document_id) as { ann_id: string; source_text: string | null; grade: SourceGrade; hedged: number; resolves_text: string | null }[];
    return rows.filter((a) => wanted.has(a.ann_id)).map((a) => ({ id: a.ann_id, source: a.source_text, grade: a.grade, hedged: a.hedged === 1, resolvesTo: a.resolves_text }));
  };

  const trace = (query: TraceQuery): TraceResult => {
    const threshold = query.threshold ?? DEFAULT_TRACE_THRESHOLD;
    const target = fingerprint(query.text, query.figures, query.masks ?? []);
    const { ids, idf, figuresPossible } = candidates(query, target, threshold);
    const weight = (term: string) => idf.get(term) ?? 1;
    // Two steps. The candidates' words rule most of them out: too little of the query's weight even with every figure
    // not yet ruled out, or other places and people named (a candidate whose only names are in its attribution counts as
    // naming them). Figures and attribution are read for the rest.
    const minCoverage = minQueryCoverage(threshold);
    const likely = (textsIn.all(JSON.stringify(ids)) as { id: number; text: string }[]).filter((r) => {
      const words = fingerprint(r.text, []);
      return !nameConflict(target, words) && queryCoverageBound(target, words.terms, weight, figuresPossible(r.id)) >= minCoverage;
    }).map((r) => r.id);
    const figures = figuresOf(likely);
    const rows = claimsIn.all(JSON.stringify(likely)) as ClaimRow[];
    const masks = masksByClaim(likely);
    const best = new Map<number, { row: ClaimRow; score: number }>();
    for (const row of rows) {
      const own = (figures.get(row.id) ?? []).map((q) => relative(q, row.start_offset));
      const hidden = masksIn(masks.get(row.id) ?? [], row.start_offset, row.end_offset, row.text);
      const score = traceScore(target, fingerprint(row.text, own, hidden), weight);
      const kept = best.get(row.document_id);
      if (score >= threshold && (!kept || score > kept.score)) best.set(row.document_id, { row, score });
    }
    const ordered = [...best.values()].sort((a, b) => byDate(a.row, b.row)).slice(0, query.limit ?? DEFAULT_TRACE_LIMIT);
    const matches = ordered.map(({ row, score }) => toMatch(row, score, attributions(row), (figures.get(row.id) ?? []).map(toQuantity)));
    const mutations = figureMutations(matches.map((m) => ({ documentId: m.documentId, published: m.published, figures: m.quantities })), target.figures);
    return { query: query.text, matches, earliest: matches.find((m) => m.published !== null) ?? matches[0] ?? null, mutations };
  };

  const getClaim = (documentId: number, claimId: string): TraceClaim | undefined => {
    const row = claimByAnn.get(documentId, claimId) as (Omit<ClaimRow, 'attribution_ids' | 'url' | 'title' | 'site' | 'published'>) | undefined;
    if (!row) return undefined;
    const own = (figuresOf([row.id]).get(row.id) ?? []).map((q) => relative(q, row.start_offset));
    const masks = masksIn(masksByClaim([row.id]).get(row.id) ?? [], row.start_offset, row.end_offset, row.text);
    return { documentId, id: row.ann_id, start: row.start_offset, end: row.end_offset, text: row.text, figures: own, masks };
  };
  return { trace, getClaim };
}

/** Publication order: dated first, by date; then by document id. */
function byDate(a: ClaimRow, b: ClaimRow): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? -1 : 1;
  }
  return a.document_id - b.document_id;
}

function toMatch(row: ClaimRow, score: number, attribution: TraceAttribution[], quantities: TraceQuantity[]): TraceMatch {
  return {
    documentId: row.document_id, url: row.url, title: row.title, site: row.site, published: row.published, claimId: row.ann_id,
    start: row.start_offset, end: row.end_offset, text: row.text, similarity: Math.round(score * 1000) / 1000, attribution, quantities,
  };
}
