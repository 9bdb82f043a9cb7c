// Time linear in the input for the store: the SQLite store's search snippets (FTS5's snippet() scores a window for
// every match by reading every match of the row again, so an article of one sentence repeated, searched for a word of
// it, took time quadratic in its length: 800 KB 22 s), and outlet profiles (a site's list of months was copied for
// every month added: 40,000 months of one site 11 s). Ratios of CPU time, not absolute times.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { doublingRatio, doublingRatioAsync } from '../nlp/test-helpers.js';
import { fixtureReport } from './conformance-fixtures.js';
import { MARK_CLOSE, MARK_OPEN, parseSnippet, toFts5AnyQuery } from './fts-query.js';
import { profilesFromCounts, type OutletCounts } from './outlet-profiles.js';
import { openSqliteStore } from './sqlite.js';
import { createMatchCounter, SNIPPET_MATCH_CAP, varintSum } from './sqlite-snippet.js';
import type { Store } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'claimtrace-store-scaling-'));
const stores: Store[] = [];
after(async () => {
  for (const store of stores) await store.close();
});

/** A store of one article: `unit` repeated to about `chars` characters. */
async function storeOf(name: string, unit: string, chars: number): Promise<Store> {
  const store = await openSqliteStore(join(dir, `${name}.db`));
  stores.push(store);
  const text = unit.repeat(Math.ceil(chars / unit.length));
  await store.upsert({ report: fixtureReport({ text, title: 'Harbour news', url: `https://gazette.example/${name}` }), settings: 'test', input: name });
  return store;
}

test('an article of one sentence repeated, searched for a word of it: the snippet is made in linear time', async () => {
  const sizes = new Map<number, Store>();
  for (const n of [40_000, 80_000]) sizes.set(n, await storeOf(`repeated-${n}`, 'The port closed. ', n));
  let snippet = '';
  const ratio = await doublingRatioAsync((n) => sizes.get(n)!, async (store) => {
    snippet = (await store.search({ text: 'port', limit: 5 })).hits[0]!.snippet;
  }, 40_000);
  assert.equal(snippet, `${'The port closed. '.repeat(5)}The…`);
  assert.ok(ratio < 3, `doubling the article took ${ratio.toFixed(2)}× the time`);
});

test('a long article with few matches keeps the snippet FTS5 makes of it', async () => {
  const filler = 'Boats came and went along the quay all day. ';
  // More words than the cap, so that the store looks for the matches before it asks FTS5 for the snippet.
  const half = filler.repeat(Math.ceil(SNIPPET_MATCH_CAP / 9) + 1);
  const text = `${half}The ferry fares were frozen by the council. ${half}`;
  const store = await storeOf('long-few', text, text.length);
  const hit = (await store.search({ text: 'fares frozen', limit: 5 })).hits[0]!;
  const db = new Database(join(dir, 'long-few.db'), { readonly: true });
  try {
    const marked = db.prepare(`SELECT snippet(documents_fts, -1, ?, ?, '…', 16) FROM documents_fts WHERE documents_fts MATCH '"fares" "frozen"'`).pluck().get(MARK_OPEN, MARK_CLOSE) as string;
    assert.deepEqual({ snippet: hit.snippet, highlights: hit.highlights }, parseSnippet(marked));
  } finally {
    db.close();
  }
});

test('the matches a snippet would read are counted as FTS5 stems the words, a repeated term each time', () => {
  const db = new Database(':memory:');
  try {
    const count = createMatchCounter(db);
    const texts = ['Ports reopen', 'A port, two ports and the harbours of Vellmar; the harbour board.'];
    assert.deepEqual([count(texts, 'port'), count(texts, 'port port'), count(texts, 'harb*'), count(texts, '"harbour board" ferry')], [3, 6, 2, 3]);
  } finally {
    db.close();
  }
});

test('words per column are read from FTS5 varints', () => {
  assert.deepEqual([varintSum(Uint8Array.of(0x09, 0x82, 0x76)), varintSum(Uint8Array.of()), varintSum(Uint8Array.of(0x81, 0x80, 0x00))], [9 + 374, 0, 16_384]);
});

test('any one term is enough for the query that finds the part of a long text to show', () => {
  assert.equal(toFts5AnyQuery('"ferry fares" frozen dredg*'), '"ferry fares" OR "frozen" OR "dredg"*');
  assert.equal(toFts5AnyQuery(' - '), null);
});

test('outlet profiles of a site with very many months are made in linear time', () => {
  // Months as the stores group them: any "dddd-dd" the published dates start with.
  const counts = (n: number): OutletCounts => ({
    docs: Array.from({ length: n }, (_, i) => ({ site: 'gazette.example', month: `${String(Math.floor(i / 100)).padStart(4, '0')}-${String(i % 100).padStart(2, '0')}`, n: 1, words: 10 })),
    grades: [], withFigures: [], unsourced: [], techniques: [],
  });
  let months = 0;
  const ratio = doublingRatio(counts, (c) => void (months = profilesFromCounts(c)[0]!.months.length), 8_000);
  assert.equal(months, 8_000);
  assert.ok(ratio < 3, `doubling the months took ${ratio.toFixed(2)}× the time`);
});
