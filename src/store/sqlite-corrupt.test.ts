import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { cli } from '../../test/cli-helpers.js';
import { seededRandom } from '../learn/hashing.js';
import { DREDGING, FERRIES, POLICE, QUOTAS } from './conformance-fixtures.js';
import { openSqliteStore } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'claimtrace-corrupt-'));
let n = 0;

/** Bytes from a seeded generator (mulberry32), so a failure can be replayed. */
function randomBytes(length: number, seed: number): Buffer {
  const next = seededRandom(seed);
  return Buffer.from(Array.from({ length }, () => Math.floor(next() * 256)));
}

/** A file of random bytes named like a database. */
function randomFile(): string {
  const path = join(dir, `random-${++n}.db`);
  writeFileSync(path, randomBytes(64 * 1024, n));
  return path;
}

/**
 * A valid store whose tables of documents and claims (and their indexes) had their first pages overwritten with random
 * bytes: the file header and schema are intact, so it opens, and the damage is met only when a query reads them.
 */
async function damagedStore(): Promise<string> {
  const path = join(dir, `damaged-${++n}.db`);
  const store = await openSqliteStore(path);
  for (const report of [DREDGING, FERRIES, QUOTAS, POLICE]) await store.upsert({ report });
  await store.close();
  const db = new Database(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = (db.prepare("SELECT rootpage FROM sqlite_master WHERE tbl_name IN ('documents', 'claims') AND rootpage > 0").pluck().all() as number[]);
  db.close();
  const fd = openSync(path, 'r+');
  for (const page of pages) writeSync(fd, randomBytes(pageSize, page), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
  return path;
}

test('opening a file of random bytes is E_STORE_UNREADABLE', async () => {
  await assert.rejects(openSqliteStore(randomFile()), { code: 'E_STORE_UNREADABLE' });
  await assert.rejects(openSqliteStore(randomFile(), { mustExist: true }), { code: 'E_STORE_UNREADABLE' });
});

test('corruption met in a query, after the file opened, is E_STORE_UNREADABLE for every kind of read and write', async () => {
  const store = await openSqliteStore(await damagedStore());
  try {
    await assert.rejects(store.countDocuments(), { code: 'E_STORE_UNREADABLE' });
    await assert.rejects(store.lookup({ url: 'https://gazette.example/dredging', textHash: 'x' }), { code: 'E_STORE_UNREADABLE' });
    await assert.rejects(store.search({ text: 'said' }), { code: 'E_STORE_UNREADABLE' });
    await assert.rejects(store.outlets(), { code: 'E_STORE_UNREADABLE' });
    await assert.rejects(store.getReport(1), { code: 'E_STORE_UNREADABLE' });
    await assert.rejects(store.listDocuments({}), { code: 'E_STORE_UNREADABLE' });
    await assert.rejects(store.upsert({ report: DREDGING }), { code: 'E_STORE_UNREADABLE' });
  } finally {
    await store.close();
  }
});

test('errors that are not about the file stay as they were', async () => {
  const store = await openSqliteStore(join(dir, `fine-${++n}.db`));
  try {
    const broken = { ...QUOTAS, claims: [{ ...QUOTAS.claims[0]!, text: null as unknown as string }] };
    await assert.rejects(store.upsert({ report: broken }), (err: Error & { code?: string }) => err.code === 'SQLITE_CONSTRAINT_NOTNULL');
  } finally {
    await store.close();
  }
});

for (const [name, make] of [['random bytes', async () => randomFile()], ['overwritten pages', damagedStore]] as const) {
  for (const args of [['outlets'], ['search', 'said'], ['trace', '1:c1']]) {
    test(`claimtrace ${args[0]} on a file of ${name} says E_STORE_UNREADABLE and exits 1`, async () => {
      const res = await cli([...args, '--db', await make()]);
      assert.equal(res.code, 1, res.stderr);
      assert.match(res.stderr, /E_STORE_UNREADABLE/);
    });
  }
}
