import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli } from '../../test/cli-helpers.js';
import { POLICE } from '../store/conformance-fixtures.js';
import { openSqliteStore } from '../store/sqlite.js';
import { hitsHeader } from './search-command.js';

/** A store holding the invented police report: one document and four claims with "said". */
async function policeStore(): Promise<string> {
  const db = join(mkdtempSync(join(tmpdir(), 'claimtrace-search-cli-')), 'corpus.db');
  const store = await openSqliteStore(db);
  await store.upsert({ report: POLICE });
  await store.close();
  return db;
}

test('the header gives the total when the limit shows fewer hits than match', () => {
  assert.equal(hitsHeader('said', 20, 42), 'showing 20 of 42 hits for "said"');
  assert.equal(hitsHeader('said', 42, 42), '42 hits for "said"');
  assert.equal(hitsHeader('pier', 1, 1), '1 hit for "pier"');
});

test('search lists each claim with its own sentence and says how many match in all', async () => {
  const db = await policeStore();
  const res = await cli(['search', 'said', '--db', db, '--limit', '3']);
  assert.equal(res.code, 0, res.stderr);
  const lines = res.stdout.split('\n');
  assert.equal(lines[0], 'showing 3 of 5 hits for "said"');
  const snippets = lines.filter((l) => l.startsWith('   ') && !l.includes('://')).map((l) => l.trim());
  assert.equal(new Set(snippets).size, 3, res.stdout);
  for (const snippet of snippets.filter((s) => !s.includes('Night of the Storm'))) assert.ok(POLICE.document.text.includes(snippet.replace(/\[|\]/g, '')), snippet);
});

test('search --format json carries the total beside the hits', async () => {
  const db = await policeStore();
  const res = await cli(['search', 'said', '--db', db, '--format', 'json', '--limit', '2']);
  const out = JSON.parse(res.stdout);
  assert.deepEqual([out.total, out.hits.length], [5, 2]);
  assert.deepEqual(new Set(out.hits.filter((h: { kind: string }) => h.kind === 'claim').map((h: { snippet: string }) => h.snippet)).size, out.hits.filter((h: { kind: string }) => h.kind === 'claim').length);
});
