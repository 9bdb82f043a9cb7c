// Matching a claim against the fact-checks in the store: the stored claims and titles are indexed once per matcher
// (the in-memory BM25 core of index.ts, whose corpus statistics are then exactly those the re-ranker's features were
// trained with), the committed re-ranker orders the first stage's candidates as match.ts does, its score is calibrated to a
// probability-like value (calibrate.json, fitted on the CLEF validation split) and the candidates at or above the
// threshold are reported, each with why it matched: the words, figures and names it shares with the claim.
// The store's FTS5 index was measured as the first stage instead (bench/match-store.ts, 100,000 generated fact-checks):
// bm25 over the query's words ORed, top 100, took 251 ms at the median against 5 ms for a whole in-memory match, and
// its porter tokens are not the terms the features count. The price is building the index once per process.
import type { Database } from 'better-sqlite3';
import { readFactChecksByIds, readFactCheckTexts } from '../../store/sqlite-factchecks.js';
import type { StoredFactCheck } from '../../store/types.js';
import calibrationFile from './calibrate.json' with { type: 'json' };
import { calibrated, type Calibration } from './calibrate.js';
import { BM25_DEFAULTS, idf, scoreIndexed } from './bm25.js';
import { prepareTopBm25, topBm25 } from './bm25-top.js';
import type { Candidate } from './candidates.js';
import { candidateFeatures, documentFeatures } from './features.js';
import { analyseQuery, buildMatchIndex, buildMatchIndexInSteps, type AnalysedQuery, type MatchIndex } from './index.js';
import { collapseCopies, copyKeyOf } from './match.js';
import { rerankScore, type Reranker } from './reranker.js';
import { foldText, matchTerms } from './terms.js';

/** The committed calibration: Platt's curve over the re-ranker's score and the reporting threshold. */
export const MATCH_CALIBRATION: Calibration = Object.freeze({ slope: calibrationFile.slope, intercept: calibrationFile.intercept, threshold: calibrationFile.threshold });

/** The default number of matches reported. */
export const DEFAULT_MATCH_LIMIT = 5;
/** Shared words listed per match at most (the rarest first). */
const SHOWN_WORDS = 8;

/** Why a fact-check matched: the words (as the fact-check writes them, rarest first), figures and names it shares with the claim. */
export interface MatchReasons {
  readonly sharedWords: readonly string[];
  readonly sameFigures: readonly string[];
  readonly sameEntities: readonly string[];
}

/** A stored fact-check matched to a claim. */
export interface FactCheckMatch {
  /** Calibrated probability-like value in [0, 1]: how likely the fact-check addresses the claim. */
  readonly score: number;
  /** The re-ranker's raw score (for ordering and diagnosis). */
  readonly rankerScore: number;
  readonly factCheck: StoredFactCheck;
  readonly reasons: MatchReasons;
}

/** A matcher over the fact-checks stored when it was made. */
export interface FactCheckMatcher {
  /** Fact-checks indexed. */
  readonly size: number;
  readonly calibration: Calibration;
  /**
   * The fact-checks at or above the threshold for a claim, best first (at most `limit`, DEFAULT_MATCH_LIMIT by
   * default), among the first stage's `depth` best (the model's depth, 100, by default; the audit of an analysis
   * re-ranks fewer, see AUDIT_DEPTH in ../audit/already-checked.ts).
   */
  match(text: string, options?: { readonly limit?: number; readonly depth?: number }): FactCheckMatch[];
}

/** True when fact-check `a` (score `sa`) ranks below `b`: a lower score, or the same score and a later document. */
const worse = (sa: number, a: number, sb: number, b: number) => sa < sb || (sa === sb && a > b);

/** The `k` documents with the highest positive scores, best first, ties to the lower document: topK's order, by a bounded heap. */
export function selectTop(scores: Float64Array, k: number): number[] {
  const heap: number[] = [];
  const down = (i: number) => {
    for (;;) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let w = i;
      if (l < heap.length && worse(scores[heap[l]!]!, heap[l]!, scores[heap[w]!]!, heap[w]!)) w = l;
      if (r < heap.length && worse(scores[heap[r]!]!, heap[r]!, scores[heap[w]!]!, heap[w]!)) w = r;
      if (w === i) return;
      [heap[i], heap[w]] = [heap[w]!, heap[i]!];
      i = w;
    }
  };
  for (let d = 0; d < scores.length && k > 0; d++) {
    const s = scores[d]!;
    if (!(s > 0)) continue;
    if (heap.length < k) {
      heap.push(d);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(scores[heap[i]!]!, heap[i]!, scores[heap[parent]!]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (worse(scores[heap[0]!]!, heap[0]!, s, d)) {
      heap[0] = d;
      down(0);
    }
  }
  return heap.sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/**
 * The first stage of candidates.ts (`firstStage`) for a large store, with the same candidates, ranks and scores: BM25
 * over claim + title scored once over the fact-checks that share a word (bm25-top.ts), the top `k` chosen by a bounded
 * heap rather than by sorting them, and the per-field scores computed for those `k` alone (at 100,000 fact-checks the
 * sort and the two other full passes took most of a query's time).
 */
export function storeFirstStage(index: MatchIndex, query: AnalysedQuery, k: number): Candidate[] {
  const terms = [...query.terms, ...query.authorTerms];
  const unique = [...new Set(terms)];
  return topBm25(index.bothField, terms, k).map(({ doc, score }, rank) => ({
    doc, rank, both: score,
    claim: scoreIndexed(index.claimField, unique, doc, BM25_DEFAULTS),
    title: scoreIndexed(index.titleField, unique, doc, BM25_DEFAULTS),
  }));
}

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;

/** Words (and tokens) seen in reported fact-checks, kept per process: most reported fact-checks share most of their words. */
const MEMO_MAX = 50_000;
function memoised<T>(f: (word: string) => T): (word: string) => T {
  const memo = new Map<string, T>();
  return (word) => {
    let v = memo.get(word);
    if (v === undefined && !memo.has(word)) {
      v = f(word);
      if (memo.size >= MEMO_MAX) memo.clear();
      memo.set(word, v);
    }
    return v as T;
  };
}
/** The term of a word as written (matchTerms' first), or undefined for a function word. */
const termOf = memoised((word: string): string | undefined => matchTerms(word)[0]);
const foldToken = memoised(foldText);

/**
 * What the reasons read of a reported fact-check's text (claim and title), made once per fact-check (while kept): its
 * words as written with their term and idf, the first of each term in text order, and the written form of each folded
 * token (figures and names as the fact-check writes them).
 */
interface WrittenForms {
  readonly words: readonly { readonly term: string; readonly word: string; readonly weight: number }[];
  readonly written: ReadonlyMap<string, string>;
}

/** Reported fact-checks whose written forms are kept per matcher. */
const WRITTEN_CACHE_MAX = 20_000;

function writtenForms(index: MatchIndex, text: string): WrittenForms {
  const words: { term: string; word: string; weight: number }[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const term = termOf(m[0]);
    if (term === undefined || seen.has(term)) continue;
    seen.add(term);
    words.push({ term, word: m[0], weight: idf(index.bothField, term) });
  }
  const written = new Map<string, string>();
  for (const m of text.matchAll(/\p{N}[\p{N},]*(?:\.\p{N}+)?|[\p{L}\p{N}]+/gu)) {
    const key = foldToken(m[0]);
    if (!written.has(key)) written.set(key, m[0]);
  }
  return { words, written };
}

/** The words of a fact-check whose term the query shares (figures aside), as written, unique, the rarest first. */
function sharedWords(query: AnalysedQuery, forms: WrittenForms): string[] {
  const terms = new Set(query.terms);
  const numbers = new Set(query.numbers);
  return forms.words.filter((w) => !numbers.has(w.term) && terms.has(w.term)).sort((a, b) => b.weight - a.weight).slice(0, SHOWN_WORDS).map((w) => w.word);
}

/** The figures and names the fact-check shares with the query, as the fact-check writes them. */
function sharedFiguresAndNames(index: MatchIndex, query: AnalysedQuery, doc: number, forms: WrittenForms): { figures: string[]; names: string[] } {
  const data = documentFeatures(index, doc);
  const queryNumbers = new Set(query.numbers);
  const queryNames = new Set(query.names);
  const queryTerms = new Set(query.terms);
  const figures = [...data.numbers].filter((n) => queryNumbers.has(n));
  const names = data.names.filter((n, i) => queryNames.has(n) || queryTerms.has(data.nameStems[i]!));
  return { figures: figures.map((n) => forms.written.get(n) ?? n), names: names.map((n) => forms.written.get(n) ?? n) };
}

/** A matcher over the fact-checks of an open SQLite store database, with the committed re-ranker and calibration. */
export function createFactCheckMatcher(db: Database, model: Reranker, calibration: Calibration = MATCH_CALIBRATION): FactCheckMatcher {
  const rows = readFactCheckTexts(db);
  return matcherOver(rows, buildMatchIndex(rows.map(checkedClaim)), (ids) => readFactChecksByIds(db, ids), model, calibration);
}

/**
 * A matcher over fact-checks in hand (read through any Store, see store-load.ts): indexed in id order, as
 * {@link createFactCheckMatcher} indexes a database, so both rank the same fact-checks alike.
 */
export function createMatcherOver(factChecks: readonly StoredFactCheck[], model: Reranker, calibration: Calibration = MATCH_CALIBRATION): FactCheckMatcher {
  const { rows, readByIds } = inIdOrder(factChecks);
  return matcherOver(rows, buildMatchIndex(rows.map(checkedClaim)), readByIds, model, calibration);
}

/** {@link createMatcherOver}, analysing the fact-checks in steps that give the event loop back (a server's build). */
export async function createMatcherOverInSteps(factChecks: readonly StoredFactCheck[], model: Reranker, calibration: Calibration = MATCH_CALIBRATION): Promise<FactCheckMatcher> {
  const { rows, readByIds } = inIdOrder(factChecks);
  return matcherOver(rows, await buildMatchIndexInSteps(rows.map(checkedClaim)), readByIds, model, calibration);
}

type IndexedRow = { id: number; claim: string; title: string };
const checkedClaim = (r: IndexedRow) => ({ id: String(r.id), claim: r.claim, title: r.title });

function inIdOrder(factChecks: readonly StoredFactCheck[]): { rows: IndexedRow[]; readByIds: (ids: readonly number[]) => StoredFactCheck[] } {
  const sorted = [...factChecks].sort((a, b) => a.id - b.id);
  const byId = new Map(sorted.map((f) => [f.id, f]));
  return { rows: sorted.map((f) => ({ id: f.id, claim: f.claim, title: f.title ?? '' })), readByIds: (ids) => ids.flatMap((id) => byId.get(id) ?? []) };
}

/** The matcher over indexed rows (id, claim, title; the row order is the index's document order) and a reader of whole fact-checks by id. */
function matcherOver(
  rows: readonly IndexedRow[],
  index: MatchIndex,
  readByIds: (ids: readonly number[]) => StoredFactCheck[],
  model: Reranker,
  calibration: Calibration,
): FactCheckMatcher {
  prepareTopBm25(index.bothField);
  const forms = new Map<number, WrittenForms>();
  const formsOf = (doc: number, text: string): WrittenForms => {
    let f = forms.get(doc);
    if (!f) {
      if (forms.size >= WRITTEN_CACHE_MAX) forms.clear();
      forms.set(doc, (f = writtenForms(index, text)));
    }
    return f;
  };
  return {
    size: rows.length,
    calibration,
    match(text, options = {}) {
      const limit = options.limit ?? DEFAULT_MATCH_LIMIT;
      const query = analyseQuery(text);
      const candidates = storeFirstStage(index, query, options.depth ?? model.depth);
      const vectors = candidateFeatures(index, query, candidates);
      const ranked = candidates
        .map((c, i) => ({ m: { doc: c.doc, rank: c.rank, score: rerankScore(model, vectors[i]!) }, p: 0 }))
        .sort((a, b) => b.m.score - a.m.score || a.m.rank - b.m.rank);
      const above = collapseCopies(ranked, (x) => copyKeyOf(rows, x.m.doc))
        .map(({ m }) => ({ m, p: calibrated(calibration, m.score) }))
        .filter((x) => x.p >= calibration.threshold)
        .slice(0, limit);
      const stored = new Map(readByIds(above.map((x) => rows[x.m.doc]!.id)).map((f) => [f.id, f]));
      return above.flatMap((x) => {
        const row = rows[x.m.doc]!;
        const factCheck = stored.get(row.id);
        if (!factCheck) return [];
        const written = formsOf(x.m.doc, `${row.claim}\n${row.title}`);
        const { figures, names } = sharedFiguresAndNames(index, query, x.m.doc, written);
        return { score: x.p, rankerScore: x.m.score, factCheck, reasons: { sharedWords: sharedWords(query, written), sameFigures: figures, sameEntities: names } };
      });
    },
  };
}
