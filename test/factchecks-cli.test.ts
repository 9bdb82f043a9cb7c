import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { importFactChecks } from '../src/factchecks/index.js';
import { openSqliteStore } from '../src/store/index.js';
import { cli, tempFiles } from './cli-helpers.js';
import { HEAVY_MODULES, loadedModules } from './module-log.js';

const FIXTURES = join(import.meta.dirname, '..', 'src', 'factchecks', 'import', 'fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const TSV_COLUMNS = 'claim=Claim text,rating=Verdict,url=Link,publisher=Checked by,date=Published';

/** A folder with one input of each format, copied from the fixtures, and a database path. */
function inputs(): { dir: string; db: string; files: string[] } {
  const names = ['claimreview-page.html', 'google-claims.json', 'datacommons-feed.json', 'checks.tsv'];
  const files = tempFiles({});
  for (const name of names) copyFileSync(join(FIXTURES, name), join(files.dir, name));
  return { dir: files.dir, db: join(files.dir, 'checks.db'), files: names.map((n) => join(files.dir, n)) };
}

function rows(db: string, sql: string): unknown[] {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare(sql).all();
  } finally {
    conn.close();
  }
}

test('factchecks import reads every format into the store and reports skipped records with their codes', async () => {
  const { db, files } = inputs();
  const res = await cli(['factchecks', 'import', ...files, '--columns', TSV_COLUMNS, '--db', db, '--format', 'json']);
  assert.equal(res.code, 1, 'skipped records make the exit code 1, as failed inputs do in ingest');
  const summary = JSON.parse(res.stdout);
  assert.deepEqual([summary.inserted, summary.updated, summary.unchanged, summary.skipped, summary.failed], [6, 1, 0, 3, 0]);
  assert.deepEqual(summary.formats, { 'claimreview-html': 1, 'google-claims': 1, 'datacommons-feed': 1, tsv: 1 });
  assert.deepEqual(summary.problems.map((p: { record: string; code: string }) => [p.record, p.code]), [
    ['$.claims[1].claimReview[0]', 'E_FACTCHECK_INVALID'], ['$.dataFeedElement[1].item[0]', 'E_FACTCHECK_INVALID'], ['line 3', 'E_FACTCHECK_INVALID'],
  ]);
  assert.deepEqual(rows(db, 'SELECT COUNT(*) AS n FROM factchecks'), [{ n: 6 }]);
});

test('importing the same files again changes nothing and duplicates nothing', async () => {
  const { db, files } = inputs();
  await cli(['factchecks', 'import', ...files.slice(0, 3), '--db', db]);
  const again = JSON.parse((await cli(['factchecks', 'import', ...files.slice(0, 3), '--db', db, '--format', 'json'])).stdout);
  assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 5]);
  assert.deepEqual(rows(db, 'SELECT COUNT(*) AS n FROM factchecks'), [{ n: 5 }]);
});

test('the text summary counts each outcome and names the codes, with one stderr line per problem', async () => {
  const { db, files } = inputs();
  const res = await cli(['factchecks', 'import', files[1]!, join(files[0]!, '..', 'missing.json'), '--db', db]);
  assert.match(res.stdout, /^claimtrace: 2 imported, 0 updated, 0 unchanged, 1 skipped \(E_FACTCHECK_INVALID ×1\), 1 input failed \(E_INPUT_NOT_FOUND ×1\) in \d+\.\d s into /);
  assert.deepEqual(res.stderr.split('\n').filter(Boolean).map((line) => line.split(':')[1]!.trim()), ['E_FACTCHECK_INVALID', 'E_INPUT_NOT_FOUND']);
});

test('a file of no known format, a binary file and a page without ClaimReview are failed inputs with their codes; the good one is stored', async () => {
  const files = tempFiles({
    'notes.txt': 'Remember to check the ferry story.\n',
    'photo.json': new Uint8Array([0x7b, 0, 0, 1]),
    'article.html': '<html><body><p>The pier reopened.</p></body></html>',
    'checks.json.gz': gzipSync(fixture('datacommons-feed.json')),
  });
  const db = join(files.dir, 'c.db');
  const res = await cli(['factchecks', 'import', files['notes.txt']!, files['photo.json']!, files['article.html']!, files['checks.json.gz']!, '--db', db, '--format', 'json']);
  const summary = JSON.parse(res.stdout);
  assert.deepEqual(summary.problems.filter((p: { record?: string }) => p.record === undefined).map((p: { code: string }) => p.code), ['E_FACTCHECK_FORMAT', 'E_INPUT_BINARY', 'E_FACTCHECK_NONE']);
  assert.deepEqual([summary.failed, summary.inserted], [3, 2]);
});

test('an input over --max-bytes is refused with E_INPUT_TOO_LARGE', async () => {
  const { db, files } = inputs();
  const summary = JSON.parse((await cli(['factchecks', 'import', files[1]!, '--max-bytes', '100', '--db', db, '--format', 'json'])).stdout);
  assert.deepEqual(summary.problems.map((p: { code: string }) => p.code), ['E_INPUT_TOO_LARGE']);
});

test('a malformed --columns is a usage error (exit 2) before any input is read', async () => {
  const { db, files } = inputs();
  const res = await cli(['factchecks', 'import', files[3]!, '--columns', 'verdict=Verdict', '--db', db]);
  assert.equal(res.code, 2);
  assert.match(res.stderr, /E_OPTION_INVALID: Invalid option --columns: unknown field "verdict"/);
});

test('a URL on a private or loopback address is refused by the fetch policy', async () => {
  const { db } = inputs();
  const summary = JSON.parse((await cli(['factchecks', 'import', 'http://127.0.0.1:9/checks.json', '--db', db, '--format', 'json'])).stdout);
  assert.deepEqual(summary.problems.map((p: { code: string }) => p.code), ['E_URL_FORBIDDEN']);
});

test('factchecks list shows the newest first, with the total, as text and JSON', async () => {
  const { db, files } = inputs();
  await cli(['factchecks', 'import', files[0]!, files[2]!, '--db', db]);
  const json = JSON.parse((await cli(['factchecks', 'list', '--db', db, '--limit', '2', '--format', 'json'])).stdout);
  assert.deepEqual([json.total, json.items.map((f: { date: string }) => f.date)], [3, ['2024-05-06', '2024-04-09']]);
  const text = (await cli(['factchecks', 'list', '--db', db, '--limit', '1'])).stdout;
  assert.equal(text, '3 fact-checks (1 shown)\n#1  2024-05-06  Harbour Check  Mostly false\n    Ferry fares to Vellmar Island doubled in 2024.\n    https://harbourcheck.example/checks/ferry-fares-double\n');
});

test('factchecks list of a database that does not exist says so and creates none', async () => {
  const files = tempFiles({});
  const res = await cli(['factchecks', 'list', '--db', join(files.dir, 'none.db')]);
  assert.deepEqual([res.code, /E_INPUT_NOT_FOUND/.test(res.stderr)], [1, true]);
});

test('factchecks import loads neither the NLP model, the analyser nor the server; --help loads no parser or store', async () => {
  const { db, files } = inputs();
  const run = await loadedModules(['factchecks', 'import', files[0]!, '--db', db]);
  assert.equal(run.code, 0, run.stderr);
  assert.ok(run.modules.some((m) => m.includes('/src/factchecks/import/html.ts')), 'the module log works');
  assert.deepEqual(run.modules.filter((m) => HEAVY_MODULES.test(m)), []);
  const help = await loadedModules(['factchecks', 'import', '--help']);
  assert.deepEqual(help.modules.filter((m) => /node_modules\/(csv-parse|better-sqlite3|zod)\/|\/src\/factchecks\//.test(m)), []);
});

describeUrlImport();

/** Fact-checks fetched over HTTP from a local server (allowed by the test's address policy), JSON and CSV by media type. */
function describeUrlImport(): void {
  let server: Server;
  let base = '';
  before(async () => {
    server = createServer((req, res) => {
      if (req.url === '/claims.json') res.writeHead(200, { 'content-type': 'application/json' }).end(fixture('google-claims.json'));
      else if (req.url === '/checks.csv') res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }).end('claim,url,rating\nThe quay is 200 m long.,https://coastfacts.example/quay-length,True\n');
      else if (req.url === '/page') res.writeHead(200, { 'content-type': 'text/html' }).end(fixture('claimreview-page.html').replace(/<link rel="canonical"[^>]*>/, ''));
      else res.writeHead(200, { 'content-type': 'image/png' }).end('png');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('URLs are fetched with the fetch policy and limits, JSON and CSV accepted, other media types refused', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      const summary = await importFactChecks([`${base}/claims.json`, `${base}/checks.csv`, `${base}/page`, `${base}/photo.png`], store, { isAllowedAddress: (address) => address === '127.0.0.1' });
      assert.deepEqual([summary.inserted, summary.skipped, summary.failed], [4, 1, 1]);
      assert.deepEqual(summary.problems.at(-1)?.code, 'E_URL_CONTENT_TYPE');
      const urls = (await store.listFactChecks({ limit: 10 })).items.map((f) => f.url);
      assert.ok(urls.includes(`${base}/page`), 'a page without a url or canonical link is linked by the address it was fetched from');
    } finally {
      await store.close();
    }
  });
}
