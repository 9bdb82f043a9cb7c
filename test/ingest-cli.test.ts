import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { cli, tempFiles } from './cli-helpers.js';

const GAZETTE = 'According to the Vellmar Gazette, the port spent 12 million euros on dredging last year.\nThe mayor has quietly sold the old pier to a developer.\n';
const PIER = '<!doctype html><html lang="en"><head><title>Pier sold</title></head><body><nav>Home | News</nav><article><h1>Pier sold</h1><p>The council says the pier was sold for 3 million euros in 2022.</p><p>Residents say nobody was asked.</p></article></body></html>';
const FEED = [
  JSON.stringify({ url: 'https://coast.example/fares', text: 'Critics say the ferry fares will double by 2026.', title: 'Fares to double', site: 'Coast Post', published: '2024-05-02' }),
  'not json at all',
  JSON.stringify({ title: 'A record with no body' }),
  '',
  JSON.stringify({ url: 'https://coast.example/quay', html: '<html><body><p>The new quay opened on Monday, the harbour board said.</p></body></html>', site: 'Coast Post', published: '2024-06-10' }),
].join('\n');

/** A folder with every input kind: text, HTML, gzipped text and HTML in a subfolder, and JSON Lines. */
function corpus(): { dir: string; db: string } {
  const files = tempFiles({ 'gazette.txt': GAZETTE, 'pier.html': PIER, 'feed.jsonl': FEED, 'skipped.pdf': 'not an article' });
  mkdirSync(join(files.dir, 'archive'));
  writeFileSync(join(files.dir, 'archive', 'lighthouse.txt.gz'), gzipSync('The old lighthouse will be restored, the heritage trust announced on Friday.'));
  writeFileSync(join(files.dir, 'archive', 'market.htm.gz'), gzipSync('<html><body><p>The fish market moved to the north quay in April.</p></body></html>'));
  return { dir: files.dir, db: join(files.dir, 'corpus.db') };
}

function count(db: string, sql = 'SELECT COUNT(*) AS n FROM documents'): number {
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.prepare(sql).get() as { n: number }).n;
  } finally {
    conn.close();
  }
}

test('ingest stores every article of a folder, walking subfolders and .gz files', async () => {
  const { dir, db } = corpus();
  const res = await cli(['ingest', dir, '--db', db, '--format', 'json']);
  const summary = JSON.parse(res.stdout);
  assert.deepEqual([summary.inserted, summary.updated, summary.unchanged, summary.failed], [6, 0, 0, 2]);
  assert.equal(count(db), 6);
});

test('malformed JSON Lines records are reported by line with their code and the run goes on', async () => {
  const { dir, db } = corpus();
  const res = await cli(['ingest', join(dir, 'feed.jsonl'), '--db', db, '--format', 'json']);
  assert.equal(res.code, 1);
  const summary = JSON.parse(res.stdout);
  assert.deepEqual(summary.failures.map((f: { input: string; code: string }) => [f.input.slice(dir.length + 1), f.code]), [['feed.jsonl:2', 'E_RECORD_INVALID'], ['feed.jsonl:3', 'E_RECORD_INVALID']]);
  assert.equal(summary.inserted, 2);
});

test('a JSON Lines record keeps its URL, title, site and date', async () => {
  const { dir, db } = corpus();
  await cli(['ingest', join(dir, 'feed.jsonl'), '--db', db]);
  const conn = new Database(db, { readonly: true });
  const row = conn.prepare("SELECT title, site, published FROM documents WHERE url = 'https://coast.example/fares'").get();
  conn.close();
  assert.deepEqual(row, { title: 'Fares to double', site: 'Coast Post', published: '2024-05-02' });
});

test('missing, empty and binary inputs are recorded with their codes and the others are stored', async () => {
  const files = tempFiles({ 'empty.txt': ' \n', 'photo.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), 'gazette.txt': GAZETTE });
  const db = join(files.dir, 'c.db');
  const res = await cli(['ingest', join(files.dir, 'missing.txt'), files['empty.txt']!, files['photo.txt']!, files['gazette.txt']!, '--db', db, '--format', 'json']);
  const summary = JSON.parse(res.stdout);
  assert.deepEqual(summary.failures.map((f: { code: string }) => f.code), ['E_INPUT_NOT_FOUND', 'E_INPUT_EMPTY', 'E_INPUT_BINARY']);
  assert.deepEqual([summary.inserted, count(db, 'SELECT COUNT(*) AS n FROM ingest_failures')], [1, 3]);
});

test('ingesting the same folder again changes nothing and duplicates nothing', async () => {
  const { dir, db } = corpus();
  await cli(['ingest', dir, '--db', db]);
  const again = JSON.parse((await cli(['ingest', dir, '--db', db, '--format', 'json'])).stdout);
  assert.deepEqual([again.inserted, again.updated, again.unchanged, count(db)], [0, 0, 6, 6]);
});

test('--force analyses stored articles again and updates them in place', async () => {
  const { dir, db } = corpus();
  await cli(['ingest', dir, '--db', db]);
  const forced = JSON.parse((await cli(['ingest', dir, '--db', db, '--force', '--format', 'json'])).stdout);
  assert.deepEqual([forced.inserted, forced.updated, count(db)], [0, 6, 6]);
});

test('off a terminal, progress comes as NDJSON events on stderr and the summary as a line on stdout', async () => {
  const { dir, db } = corpus();
  const res = await cli(['ingest', join(dir, 'archive'), '--db', db, '--progress-every', '1']);
  const events = res.stderr.trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(events.map((e) => [e.event, e.done]), [['progress', 1], ['progress', 2], ['end', 2]]);
  // The two files are counted beside the run: the total is known by the end at the latest.
  assert.deepEqual([events[2].total, events[1].total ?? 2, events[1].percent ?? 100], [2, 2, 100]);
  assert.match(res.stdout, /^claimtrace: 2 ingested, 0 updated, 0 unchanged, 0 failed in [\d.]+ s \([\d.]+ articles\/s\) into .*corpus\.db\n$/);
});

test('search --format json gives claim hits with offsets, grade and document metadata', async () => {
  const { dir, db } = corpus();
  await cli(['ingest', dir, '--db', db]);
  const res = await cli(['search', 'ferry', '--db', db, '--format', 'json', '--grade', 'vague']);
  assert.equal(res.code, 0, res.stderr);
  const [hit, ...rest] = JSON.parse(res.stdout).hits;
  assert.deepEqual(rest, []);
  assert.deepEqual({ ...hit, score: typeof hit.score }, {
    kind: 'claim', documentId: hit.documentId, url: 'https://coast.example/fares', title: 'Fares to double', site: 'Coast Post', published: '2024-05-02',
    snippet: 'Critics say the ferry fares will double by 2026.', highlights: [[16, 21]], score: 'number',
    claim: { id: 'c1', start: 0, end: 48, grade: 'vague', checkworthiness: hit.claim.checkworthiness },
  });
});

test('search filters by site and date', async () => {
  const { dir, db } = corpus();
  await cli(['ingest', dir, '--db', db]);
  const urls = async (...args: string[]) => JSON.parse((await cli(['search', 'quay', '--db', db, '--format', 'json', ...args])).stdout).hits.map((h: { url: string | null }) => h.url);
  assert.deepEqual(await urls('--site', 'coast post', '--from', '2024-06'), ['https://coast.example/quay', 'https://coast.example/quay']);
  assert.deepEqual(await urls('--to', '2024-05-31'), []);
});

test('search prints matches in brackets off a terminal', async () => {
  const { dir, db } = corpus();
  await cli(['ingest', dir, '--db', db]);
  const res = await cli(['search', 'lighthouse', '--db', db, '--grade', 'named', '--limit', '5']);
  assert.match(res.stdout, /^1 hit for "lighthouse"\n1\. claim c1 \[0, 76\) · source named · document \d+ · \(untitled\)\n {3}The old \[lighthouse\] will be restored, the heritage trust announced on Friday\.\n$/);
});

test('a search of a database that does not exist is E_INPUT_NOT_FOUND', async () => {
  const files = tempFiles({});
  const res = await cli(['search', 'harbour', '--db', join(files.dir, 'none.db')]);
  assert.equal(res.code, 1);
  assert.match(res.stderr, /E_INPUT_NOT_FOUND/);
});

test('an unknown --grade is a usage error', async () => {
  const { db } = corpus();
  const res = await cli(['search', 'harbour', '--db', db, '--grade', 'famous']);
  assert.equal(res.code, 2);
  assert.match(res.stderr, /E_OPTION_INVALID/);
});

/** ~100-word invented articles, each different, so every file is its own document. */
function smallArticle(i: number): string {
  const sentence = (k: number) => `Officials in harbour district ${i} said that ${100 + i * 7 + k} boats were inspected in week ${k + 1}, according to the port authority.`;
  return Array.from({ length: 30 }, (_, k) => sentence(k)).join(' ');
}

test('killed with SIGKILL mid-run and run again, ingest loses no committed article and duplicates none', async () => {
  const files = tempFiles(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`a${String(i).padStart(2, '0')}.txt`, smallArticle(i)])));
  const db = join(files.dir, 'corpus.db');
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'ingest', files.dir, '--db', db, '--progress-every', '1'];
  const child = spawn(process.execPath, args, { cwd: join(import.meta.dirname, '..'), stdio: ['ignore', 'ignore', 'pipe'] });
  let reported = 0;
  const exit = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) reported = Math.max(reported, JSON.parse(line).done ?? 0);
    if (reported >= 5) child.kill('SIGKILL');
  });
  assert.equal(await exit, 'SIGKILL');
  const afterKill = count(db);
  assert.ok(afterKill >= reported && afterKill < 30, `${afterKill} stored after the kill, ${reported} reported`);
  const rerun = JSON.parse((await cli(['ingest', files.dir, '--db', db, '--format', 'json'])).stdout);
  assert.deepEqual([rerun.unchanged, rerun.inserted + rerun.unchanged, count(db)], [afterKill, 30, 30]);
  const conn = new Database(db, { readonly: true });
  assert.equal(conn.pragma('integrity_check', { simple: true }), 'ok');
  conn.close();
});

/** A JSON Lines feed of `n` short articles with, as its second line, one record a byte over `limit`. */
function feedWithHugeLine(n: number, limit: number): string {
  const record = (i: number) => JSON.stringify({ url: `https://coast.example/${i}`, text: `The ferry board said ${100 + i} sailings were cancelled in May.` });
  const huge = JSON.stringify({ text: 'w'.repeat(limit - 10) });
  assert.equal(huge.length, limit + 1);
  return [record(0), huge, ...Array.from({ length: n - 1 }, (_, i) => record(i + 1))].join('\n');
}

test('a gzipped JSON line over --max-bytes is recorded E_RECORD_TOO_LARGE and every record after it is stored', async () => {
  const files = tempFiles({ 'feed.jsonl.gz': gzipSync(feedWithHugeLine(8, 4000)) });
  const db = join(files.dir, 'c.db');
  const res = await cli(['ingest', files['feed.jsonl.gz']!, '--db', db, '--max-bytes', '4000', '--format', 'json', '--workers', '0', '--no-models']);
  const summary = JSON.parse(res.stdout);
  assert.deepEqual(summary.failures.map((f: { input: string; code: string }) => [f.input.slice(files.dir.length + 1), f.code]), [['feed.jsonl.gz:2', 'E_RECORD_TOO_LARGE']]);
  assert.deepEqual([summary.inserted, count(db)], [8, 8]);
});

test('a folder with a FIFO and a link to /dev/zero is ingested at once, those two recorded as not regular files', { timeout: 30_000 }, async () => {
  const files = tempFiles({ 'gazette.txt': GAZETTE });
  execFileSync('mkfifo', [join(files.dir, 'pipe.txt')]);
  symlinkSync('/dev/zero', join(files.dir, 'zero.html'));
  const db = join(files.dir, 'c.db');
  const res = await cli(['ingest', files.dir, '--db', db, '--format', 'json', '--workers', '0', '--no-models']);
  const summary = JSON.parse(res.stdout);
  assert.deepEqual(summary.failures.map((f: { message: string }) => f.message.slice(f.message.indexOf('('))), ['(not a regular file but a FIFO)', '(not a regular file but a symbolic link to a character device)']);
  assert.deepEqual([res.code, summary.inserted], [1, 1]);
});

test('a database damaged inside is E_STORE_UNREADABLE, not an article recorded as failed', async () => {
  const files = tempFiles({ 'gazette.txt': GAZETTE, 'other.txt': 'The fish market moved to the north quay in April.\n' });
  const db = join(files.dir, 'c.db');
  await cli(['ingest', files['gazette.txt']!, '--db', db, '--workers', '0', '--no-models']);
  const conn = new Database(db);
  const { rootpage } = conn.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'documents_by_hash'").get() as { rootpage: number };
  const pageSize = conn.pragma('page_size', { simple: true }) as number;
  conn.close();
  const garbage = Buffer.alloc(pageSize, 0x5a);
  const fd = openSync(db, 'r+');
  writeSync(fd, garbage, 0, pageSize, (rootpage - 1) * pageSize);
  closeSync(fd);
  for (const workers of ['0', '1']) {
    const res = await cli(['ingest', files['other.txt']!, files['gazette.txt']!, '--db', db, '--format', 'json', '--workers', workers, '--no-models']);
    assert.deepEqual([res.code, res.stdout], [1, ''], res.stdout);
    assert.match(res.stderr, /^claimtrace: E_STORE_UNREADABLE: Database .*c\.db cannot be read: database disk image is malformed\n$/);
  }
});

test('a database file of random bytes is E_STORE_UNREADABLE', async () => {
  const files = tempFiles({ 'gazette.txt': GAZETTE, 'random.db': randomBytes(64 * 1024) });
  const res = await cli(['ingest', files['gazette.txt']!, '--db', files['random.db']!, '--workers', '0', '--no-models']);
  assert.equal(res.code, 1);
  assert.match(res.stderr, /E_STORE_UNREADABLE/);
});

test('ingest records an article past --deadline as E_TIMEOUT and stores the others', { timeout: 120_000 }, async () => {
  const places = ['Kessel', 'Saltmere', 'Ostrava Bay'];
  const long = Array.from({ length: 56_000 }, (_, i) => `The ferry board of ${places[i % 3]} said ${i + 12} sailings were cancelled in May after the storm.${i % 5 === 4 ? '\n\n' : ' '}`).join('');
  const files = tempFiles({ 'a-long.txt': long, 'b-gazette.txt': GAZETTE });
  const db = join(files.dir, 'c.db');
  const res = await cli(['ingest', files.dir, '--db', db, '--format', 'json', '--workers', '1', '--max-bytes', '10000000', '--deadline', '2000', '--deadline-per-mb', '0', '--no-models']);
  const summary = JSON.parse(res.stdout);
  assert.deepEqual(summary.failures.map((f: { input: string; code: string }) => [f.input.slice(files.dir.length + 1), f.code]), [['a-long.txt', 'E_TIMEOUT']]);
  assert.deepEqual([res.code, summary.inserted, count(db)], [1, 1, 1]);
});
