import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { generateCorpus } from '../../../bench/corpus/generate.js';
import type { Report } from '../../core/report-schema.js';
import { analyzePure } from '../../engine/analyze.js';
import { openSqliteStore } from '../sqlite.js';
import type { Store, TraceQuery, TraceResult } from '../types.js';
import { createTermStats } from './term-stats.js';
import { COMMON_TERM_POSTINGS_SQL, TERM_POSTINGS_SQL, readNewestFirst } from './trace.js';
import { TEST_PG_URL, testSchemas } from './test-database.js';

const schemas = testSchemas('trace');
const dir = mkdtempSync(join(tmpdir(), 'claimtrace-pg-trace-'));
let reports: Report[] = [];
let sqlite: Store;
let schema: string;

/**
 * One small generated corpus (the corpus benchmark's generator: planted stories retold in other words and figure
 * formats, distractors sharing a story's figure or wording), analysed once and stored in both stores.
 */
before(async () => {
  const records = [...generateCorpus({ articles: 60, seed: 7, plantRate: 0.9, sentences: 6 })].map((a) => a.record);
  reports = records.map((r) => analyzePure({ text: r.text, meta: { url: r.url, title: r.title, site: r.site, published: r.published } }, { models: false }));
  sqlite = await openSqliteStore(join(dir, 'corpus.db'));
  schema = schemas.next();
  const postgres = await schemas.open({}, schema);
  try {
    await sqlite.upsertMany(reports.map((report) => ({ report })));
    await postgres.upsertMany(reports.map((report) => ({ report })));
  } finally {
    await postgres.close();
  }
});

after(async () => {
  await sqlite?.close();
  await schemas.dropAll();
  rmSync(dir, { recursive: true, force: true });
});

/** A trace result with each document named by its URL (ids are each store's own). */
function byUrl(result: TraceResult, urls: ReadonlyMap<number, string | null>) {
  return {
    ...result,
    matches: result.matches.map(({ documentId, ...m }) => ({ ...m, document: urls.get(documentId) })),
    earliest: result.earliest?.url ?? null,
    mutations: result.mutations.map((m) => ({ ...m, from: { ...m.from, documentId: urls.get(m.from.documentId) }, to: { ...m.to, documentId: urls.get(m.to.documentId) } })),
  };
}

/** Every claim with a figure in the SQLite store, as trace queries built by getClaim. */
async function figureClaims(): Promise<{ documentId: number; claimId: string; query: TraceQuery }[]> {
  const out = [];
  for (const [i, report] of reports.entries()) {
    for (const claim of report.claims.filter((c) => report.quantities.some((q) => q.start >= c.start && q.end <= c.end))) {
      const stored = (await sqlite.getClaim(i + 1, claim.id))!;
      out.push({ documentId: i + 1, claimId: claim.id, query: { text: stored.text, figures: stored.figures, masks: stored.masks } });
    }
  }
  return out;
}

/** Compares getClaim and trace of every figure claim between the two stores; returns how many traces found another article. */
async function compareStores(postgres: Store): Promise<number> {
  const [sqliteDocs, pgDocs] = await Promise.all([sqlite.listDocuments({ limit: 200 }), postgres.listDocuments({ limit: 200 })]);
  const sqliteUrls = new Map(sqliteDocs.items.map((d) => [d.documentId, d.url]));
  const pgIds = new Map(pgDocs.items.map((d) => [d.url, d.documentId]));
  const pgUrls = new Map(pgDocs.items.map((d) => [d.documentId, d.url]));
  const claims = await figureClaims();
  assert.ok(claims.length >= 40, `${claims.length} figure claims`);
  let spread = 0;
  for (const { documentId, claimId, query } of claims) {
    const pgClaim = await postgres.getClaim(pgIds.get(sqliteUrls.get(documentId)!)!, claimId);
    assert.deepEqual(pgClaim && { ...pgClaim, documentId }, await sqlite.getClaim(documentId, claimId));
    const expected = byUrl(await sqlite.trace(query), sqliteUrls);
    assert.deepEqual(byUrl(await postgres.trace(query), pgUrls), expected, query.text);
    if (expected.matches.length > 1) spread++;
  }
  return spread;
}

test('getClaim and trace on PostgreSQL give the SQLite store\'s results on a generated corpus, match for match and score for score', async () => {
  const postgres = await schemas.open({}, schema);
  try {
    const spread = await compareStores(postgres);
    // Not a vacuous comparison: many traces follow a story into other articles.
    assert.ok(spread >= 10, `${spread} traces found other articles`);
  } finally {
    await postgres.close();
  }
});

test('after ANALYZE the counts of common words come from the statistics, and trace still gives the SQLite store\'s results', async () => {
  const client = new pg.Client({ connectionString: TEST_PG_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await client.query('ANALYZE claims');
    const stats = createTermStats(client);
    const said = (await stats.lexemesOf(['said']))[0]![0];
    const exact = (await client.query("SELECT count(*)::int AS n FROM claims WHERE search @@ websearch_to_tsquery('claimtrace', '\"said\"')")).rows[0].n;
    assert.ok(exact > 20, `'said' in ${exact} claims`);
    assert.equal(await stats.estimate(said!), exact);
    assert.equal(await stats.estimate('zzzunseen'), undefined);
    // Stems as the claims' search column has them; a word of no letters has none (and so no claims).
    assert.deepEqual(await stats.lexemesOf(['flooded', '-']), [['flood'], []]);
  } finally {
    await client.end();
  }
  const postgres = await schemas.open({}, schema);
  try {
    await compareStores(postgres);
  } finally {
    await postgres.close();
  }
});

test('a word\'s newest postings read newest first (very common words) are the rows the GIN bitmap form reads', async () => {
  const client = new pg.Client({ connectionString: TEST_PG_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    const words = ['"jobs"', '"ferry" OR "fares"', '"patients"', '"said"', '"nothing-like-this"'];
    const read = async (sql: string) => (await client.query<{ i: number; ids: string[] }>(sql, [words])).rows.sort((a, b) => a.i - b.i).map((r) => r.ids.map(Number));
    const bitmap = await read(TERM_POSTINGS_SQL);
    assert.deepEqual(await read(COMMON_TERM_POSTINGS_SQL), bitmap);
    assert.ok(bitmap.some((ids) => ids.length > 5), 'some word has postings to compare');
    assert.deepEqual(bitmap.map((ids) => [...ids].sort((a, b) => b - a)), bitmap, 'newest first');
  } finally {
    await client.end();
  }
  // Newest first only where the bitmap would fetch more rows than the ordered scan reads: half a million matches among
  // 4.8 million claims, not 50,000, nor any word of a small store.
  assert.equal(readNewestFirst(543_914, 4_844_785), true);
  assert.equal(readNewestFirst(50_000, 4_844_785), false);
  assert.equal(readNewestFirst(40, 60), false);
});
