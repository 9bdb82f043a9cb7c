import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { runStoreConformance } from '../conformance.js';
import { feedTests } from '../conformance-feeds.js';
import { DREDGING, FERRIES, fixtureReport, KEEPER, QUOTAS } from '../conformance-fixtures.js';
import { openSqliteStore } from '../sqlite.js';
import { matchDecisionTests } from '../conformance-match-decisions.js';
import { openStore } from '../open.js';
import { applicationName } from './connect.js';
import { openPostgresStore } from './store.js';
import { PG_MIGRATIONS } from './migrations/all.js';
import { migratePostgres } from './migrate.js';
import { TEST_PG_URL, testSchemas } from './test-database.js';

const schemas = testSchemas('store');
after(() => schemas.dropAll());

runStoreConformance('PostgreSQL', schemas.factory);
describe('Store conformance: PostgreSQL feed state', () => feedTests(schemas.factory));
describe('Store conformance: PostgreSQL match decisions', () => matchDecisionTests(schemas.factory));

/** Runs SQL in the schema of a test (a separate client, as another process would). */
async function sql<T extends pg.QueryResultRow>(schema: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

test('openStore takes a postgres:// URL with ?schema= and opens the PostgreSQL store there', async () => {
  const schema = schemas.next();
  const store = await openStore(`${TEST_PG_URL}?schema=${schema}`);
  try {
    await store.upsert({ report: DREDGING });
    assert.match(store.location, new RegExp(`schema ${schema}`));
  } finally {
    await store.close();
  }
  assert.deepEqual(await sql(schema, 'SELECT url FROM documents'), [{ url: DREDGING.document.url }]);
});

test('two pools upserting the same article at once leave one document with one set of rows', async () => {
  const schema = schemas.next();
  const [a, b] = await Promise.all([schemas.open({}, schema), schemas.open({}, schema)]);
  try {
    const rounds = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? a : b).upsert({ report: DREDGING })));
    assert.equal(new Set(rounds.map((r) => r.documentId)).size, 1);
    assert.equal(rounds.filter((r) => r.status === 'inserted').length, 1);
    const counts = await sql<{ docs: number; claims: number; quantities: number; attributions: number }>(schema, `SELECT
      (SELECT count(*)::int FROM documents) AS docs, (SELECT count(*)::int FROM claims) AS claims,
      (SELECT count(*)::int FROM quantities) AS quantities, (SELECT count(*)::int FROM attributions) AS attributions`);
    assert.deepEqual(counts, [{ docs: 1, claims: DREDGING.claims.length, quantities: DREDGING.quantities.length, attributions: DREDGING.attributions.length }]);
    assert.deepEqual(await a.getReport(rounds[0]!.documentId), DREDGING);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test('two pools writing overlapping batches in opposite orders both succeed (a deadlock is retried)', async () => {
  const schema = schemas.next();
  const [a, b] = await Promise.all([schemas.open({}, schema), schemas.open({}, schema)]);
  const batch = [DREDGING, FERRIES, QUOTAS].map((report) => ({ report }));
  try {
    await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? a.upsertMany(batch) : b.upsertMany([...batch].reverse()))));
    assert.equal(await a.countDocuments(), 3);
    assert.deepEqual(await sql(schema, 'SELECT count(*)::int AS n FROM claims'), [{ n: 4 }]);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test('two processes migrating one new schema at once apply each step once', async () => {
  const schema = schemas.next();
  const stores = await Promise.all([schemas.open({}, schema), schemas.open({}, schema), schemas.open({}, schema)]);
  await Promise.all(stores.map((s) => s.close()));
  const steps = await sql<{ version: number }>(schema, 'SELECT version FROM schema_migrations ORDER BY version');
  assert.deepEqual(steps.map((s) => s.version), PG_MIGRATIONS.map((m) => m.version));
});

test('opening a migrated schema again applies nothing and keeps its rows', async () => {
  const schema = schemas.next();
  const first = await schemas.open({}, schema);
  await first.upsert({ report: DREDGING });
  await first.close();
  const pool = new pg.Pool({ connectionString: TEST_PG_URL, options: `-c search_path=${schema}` });
  try {
    assert.deepEqual(await migratePostgres(pool, { schema, location: 'test' }), []);
  } finally {
    await pool.end();
  }
  const again = await schemas.open({}, schema);
  try {
    assert.equal(await again.countDocuments(), 1);
  } finally {
    await again.close();
  }
});

test('a schema at an older version gets only the missing steps', async () => {
  const schema = schemas.next();
  const pool = new pg.Pool({ connectionString: TEST_PG_URL, options: `-c search_path=${schema}` });
  try {
    assert.deepEqual(await migratePostgres(pool, { schema, location: 'test', target: 1 }), [1]);
    assert.deepEqual(await migratePostgres(pool, { schema, location: 'test' }), PG_MIGRATIONS.map((m) => m.version).filter((v) => v > 1));
  } finally {
    await pool.end();
  }
});

test('a schema with a step this claimtrace does not know is refused with E_STORE_SCHEMA', async () => {
  const schema = schemas.next();
  await (await schemas.open({}, schema)).close();
  await sql(schema, "INSERT INTO schema_migrations (version, name) VALUES (999, 'future')");
  await assert.rejects(schemas.open({}, schema), { code: 'E_STORE_SCHEMA' });
});

test('with mustExist, a schema claimtrace never set up is E_INPUT_NOT_FOUND and is not created', async () => {
  const schema = schemas.next();
  await assert.rejects(schemas.open({ mustExist: true }, schema), { code: 'E_INPUT_NOT_FOUND' });
  assert.deepEqual(await sql(schema, 'SELECT nspname FROM pg_namespace WHERE nspname = $1', [schema]), []);
});

test('a refused connection is E_STORE_UNREADABLE and the message does not carry the password', async () => {
  const err = await openPostgresStore('postgres://harbour:s3cret-Pa55@127.0.0.1:1/test').then(() => null, (e: unknown) => e as Error & { code: string });
  assert.equal(err?.code, 'E_STORE_UNREADABLE');
  assert.doesNotMatch(`${err?.message} ${JSON.stringify((err as { params?: unknown }).params)}`, /s3cret/);
  assert.match(err!.message, /postgres:\/\/harbour@127\.0\.0\.1:1\/test/);
});

test('a missing database is E_STORE_UNREADABLE naming it, without the password', async () => {
  const err = await openPostgresStore('postgres://postgres:hunter2@127.0.0.1:5432/no_such_db_claimtrace').then(() => null, (e: unknown) => e as Error & { code: string });
  assert.equal(err?.code, 'E_STORE_UNREADABLE');
  assert.match(err!.message, /no_such_db_claimtrace/);
  assert.doesNotMatch(err!.message, /hunter2/);
});

test('a URL that cannot be parsed, or a schema name that is not an identifier, is E_STORE_UNREADABLE', async () => {
  await assert.rejects(openPostgresStore('postgres://user:pw@[bad/db'), (e: Error & { code?: string }) => e.code === 'E_STORE_UNREADABLE' && !e.message.includes('pw'));
  await assert.rejects(openPostgresStore(`${TEST_PG_URL}?schema=a;drop`), { code: 'E_STORE_UNREADABLE' });
});

test('a long article is stored in batches and reads back unchanged', async () => {
  const sentences = Array.from({ length: 300 }, (_, i) => `Harbour note ${i} says ${i * 3} boats docked.`);
  const report = fixtureReport({
    text: sentences.join(' '), url: 'https://notes.example/long',
    claims: sentences.slice(0, 200).map((text) => ({ text, grade: 'none' as const })),
    quantities: sentences.slice(0, 100).map((text, i) => ({ text: `${i * 3} boats`, value: i * 3, unit: 'boats' })).filter((q, i, all) => all.findIndex((o) => o.text === q.text) === i),
  });
  const store = await schemas.factory();
  try {
    const { documentId } = await store.upsert({ report });
    assert.deepEqual(await store.getReport(documentId), report);
  } finally {
    await store.close();
  }
});

test('search matches a word in half of the articles by rank, and past the rank cap lists newest first with score 0', async () => {
  const store = await schemas.factory();
  try {
    const reports = Array.from({ length: 30 }, (_, i) => fixtureReport({ text: `Harbour note ${i}: the harbour ${i % 3 === 0 ? 'lighthouse ' : ''}was busy today.`, url: `https://notes.example/${i}` }));
    await store.upsertMany(reports.map((report) => ({ report })));
    const rare = await store.search({ text: 'lighthouse' });
    assert.equal(rare.total, 10);
    assert.ok(rare.hits.every((h) => h.score < 0), 'ts_rank_cd scores, negated: lower is better');
    assert.deepEqual(rare.hits[0]?.highlights.map(([s, e]) => rare.hits[0]!.snippet.slice(s, e)), ['lighthouse']);
  } finally {
    await store.close();
  }
});

test('an article whose text holds a NUL character is refused with E_STORE_VALUE and its batch stores nothing', async () => {
  const store = await schemas.factory();
  try {
    const nul = fixtureReport({ text: 'Harbour log\u0000 entry: the pier was closed.', url: 'https://notes.example/nul' });
    await assert.rejects(store.upsert({ report: nul, input: 'log.txt' }), { code: 'E_STORE_VALUE', message: /log\.txt: its text contains a NUL character/ });
    await assert.rejects(store.upsertMany([{ report: DREDGING }, { report: nul }]), { code: 'E_STORE_VALUE' });
    assert.equal(await store.countDocuments(), 0);
  } finally {
    await store.close();
  }
});

test('a connection the server ends is replaced: the next call is answered (one caught by the end fails with E_STORE_UNREADABLE)', async () => {
  const schema = schemas.next();
  const store = await schemas.open({ maxConnections: 1 }, schema);
  try {
    await store.upsert({ report: DREDGING });
    const ended = await sql<{ ok: boolean }>(schema, 'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1', [applicationName({ schema })]);
    assert.deepEqual(ended, [{ ok: true }]);
    const first = await store.countDocuments().then(() => 'answered', (e: { code?: string }) => e.code);
    assert.ok(first === 'E_STORE_UNREADABLE' || first === 'answered', String(first));
    assert.equal(await store.countDocuments(), 1);
  } finally {
    await store.close();
  }
});

test("a feed item's GUID is stored with its document and read back; a document from no feed has none", async () => {
  const store = await schemas.factory();
  try {
    const fromFeed = { ...FERRIES, document: { ...FERRIES.document, guid: 'tag:coastpost.example,2024:ferries' } };
    const withGuid = await store.upsert({ report: fromFeed });
    assert.deepEqual(await store.getReport(withGuid.documentId), fromFeed);
    const plain = await store.getReport((await store.upsert({ report: QUOTAS })).documentId);
    assert.equal(Object.hasOwn(plain!.document, 'guid'), false);
  } finally {
    await store.close();
  }
});

test('a report read back from PostgreSQL is byte for byte the JSON the SQLite store gives for it', async () => {
  const reports = [DREDGING, KEEPER, { ...FERRIES, document: { ...FERRIES.document, guid: 'tag:coastpost.example,2024:ferries' } }];
  const sqlite = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'claimtrace-pg-')), 'same.db'));
  const store = await schemas.factory();
  try {
    for (const report of reports) {
      const fromSqlite = await sqlite.getReport((await sqlite.upsert({ report })).documentId);
      const fromPostgres = await store.getReport((await store.upsert({ report })).documentId);
      assert.equal(JSON.stringify(fromPostgres), JSON.stringify(fromSqlite));
    }
  } finally {
    await Promise.all([store.close(), sqlite.close()]);
  }
});

test('two pools claiming the same feed items at once get each item exactly once between them', async () => {
  const schema = schemas.next();
  const [a, b] = await Promise.all([schemas.open({}, schema), schemas.open({}, schema)]);
  const feed = 'https://harbourpost.example/feed.xml';
  const keys = Array.from({ length: 40 }, (_, i) => `guid-${i}`);
  try {
    const claims = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? a : b).claimFeedItems(feed, i % 2 === 0 ? keys : [...keys].reverse())));
    const all = claims.flat();
    assert.equal(all.length, keys.length);
    assert.deepEqual(new Set(all), new Set(keys));
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test('two pools importing the same fact-checks in opposite orders at once store each once', async () => {
  const schema = schemas.next();
  const [a, b] = await Promise.all([schemas.open({}, schema), schemas.open({}, schema)]);
  const checks = Array.from({ length: 12 }, (_, i) => ({
    claim: `The harbour toll rose by ${i + 2} per cent in 2024.`, url: `https://harbourcheck.example/checks/${i}`,
    rating: { name: 'False', alternateName: null, value: 1, best: 5, worst: 1 }, publisher: { name: 'Harbour Check', url: null },
    date: '2024-05-06', language: 'en', claimant: null, claimDate: null, title: null,
  }));
  try {
    await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? a : b).upsertFactChecks(i % 2 === 0 ? checks : [...checks].reverse())));
    assert.equal((await a.listFactChecks()).total, checks.length);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test('a read-only role opens an up-to-date schema and searches it; its writes are E_STORE_UNWRITABLE', async () => {
  const schema = schemas.next();
  const role = `${schema}_reader`;
  const writer = await schemas.open({}, schema);
  await writer.upsert({ report: DREDGING });
  await writer.close();
  await sql(schema, `CREATE ROLE ${role} LOGIN; GRANT USAGE ON SCHEMA ${schema} TO ${role}; GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${role}`);
  try {
    const reader = await openPostgresStore(TEST_PG_URL.replace('//postgres@', `//${role}@`), { schema, mustExist: true });
    try {
      assert.equal((await reader.search({ text: 'tenders' })).total, 2);
      await assert.rejects(reader.upsert({ report: QUOTAS }), { code: 'E_STORE_UNWRITABLE' });
    } finally {
      await reader.close();
    }
  } finally {
    await sql(schema, `DROP OWNED BY ${role}; DROP ROLE ${role}`);
  }
});
