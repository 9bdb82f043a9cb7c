// `predict match`: verified-claim retrieval in the CLEF CheckThat! 2020 task 2 formats. Claims TSV (id, claim,
// title; a header line) and queries TSV (id, text; a header line) in, a TREC run (`qid Q0 claim_id rank score tag`)
// out. Files are read with a CSV parser in tab mode, since quoted fields may span lines.
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { ClaimtraceError } from '../../core/errors.js';
import { FEATURES } from '../../factchecks/match/features.js';
import { buildMatchIndex, type CheckedClaim } from '../../factchecks/match/index.js';
import { matchClaim } from '../../factchecks/match/match.js';
import { decodeReranker, type Reranker } from '../../factchecks/match/reranker.js';

/** The committed re-ranker. */
export const DEFAULT_MATCH_MODEL_URL = new URL('../../../models/match-reranker.bin', import.meta.url);

/** Loads a re-ranker file (the committed one by default); a model trained on other features than this code computes is refused. */
export function loadReranker(file: string | URL = DEFAULT_MATCH_MODEL_URL): Reranker {
  const { model } = decodeReranker(readFileSync(file));
  if (model.features.join() !== FEATURES.join()) throw new ClaimtraceError('E_INTERNAL', { reason: `the re-ranker ${String(file)} was trained on features ${model.features.join(', ')}, not on those computed now; retrain it with npm run train:match` });
  return model;
}

/** The rows of a tab-separated file after its header line (CSV quoting: quoted fields may hold tabs and line breaks). */
export function readTsvRows(text: string, label: string, width: number): string[][] {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/u, ''), { delimiter: '\t', relax_quotes: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new ClaimtraceError('E_INPUT_UNREADABLE', { path: label, reason: (error as Error).message });
  }
  const short = rows.findIndex((r, i) => i > 0 && r.length < width);
  if (short > 0) throw new ClaimtraceError('E_INPUT_UNREADABLE', { path: label, reason: `record ${short + 1} has ${rows[short]!.length} fields, expected ${width}` });
  return rows.slice(1);
}

/** Fact-checked claims from a `id<TAB>claim<TAB>title` TSV text. */
export function readCheckedClaims(text: string, label = 'claims'): CheckedClaim[] {
  return readTsvRows(text, label, 3).map((r) => ({ id: r[0]!.trim(), claim: r[1]!, title: r[2]! }));
}

/** Queries from a `id<TAB>text` TSV text. */
export function readQueries(text: string, label = 'queries'): { id: string; text: string }[] {
  return readTsvRows(text, label, 2).map((r) => ({ id: r[0]!.trim(), text: r[1]! }));
}

/** Options of the match predict mode. */
export interface MatchPredictOptions {
  /** The re-ranker; the committed one when left out, none (BM25 order) when null. */
  readonly model?: Reranker | null;
  /** Lines per query: at most the first stage's depth (100 with the committed model) and 1,000 (the task's limit). */
  readonly limit?: number;
  /** The run's tag (last column). */
  readonly tag?: string;
}

/** The TREC run of queries against claims, as text. */
export function matchRun(claims: readonly CheckedClaim[], queries: readonly { id: string; text: string }[], options: MatchPredictOptions = {}): string {
  const model = options.model === undefined ? loadReranker() : options.model ?? undefined;
  const limit = Math.min(1000, options.limit ?? 1000);
  const tag = options.tag ?? (model ? 'claimtrace-rerank' : 'claimtrace-bm25');
  const index = buildMatchIndex(claims);
  const lines: string[] = [];
  for (const q of queries) {
    const matches = matchClaim(index, q.text, model, { limit });
    matches.forEach((m, i) => lines.push(`${q.id}\tQ0\t${claims[m.doc]!.id}\t${i + 1}\t${m.score.toFixed(6)}\t${tag}`));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

async function readInput(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new ClaimtraceError('E_INPUT_NOT_FOUND', { path });
  }
}

/** Reads the claims and queries TSVs, writes the run; returns the counts. */
export async function predictMatch(claimsTsv: string, queriesTsv: string, outRun: string, options: MatchPredictOptions = {}): Promise<{ claims: number; queries: number; lines: number }> {
  const claims = readCheckedClaims(await readInput(claimsTsv), claimsTsv);
  const queries = readQueries(await readInput(queriesTsv), queriesTsv);
  const run = matchRun(claims, queries, options);
  await writeFile(outRun, run);
  return { claims: claims.length, queries: queries.length, lines: run === '' ? 0 : run.split('\n').length - 1 };
}
