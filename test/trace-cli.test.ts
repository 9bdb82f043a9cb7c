import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { before, test } from 'node:test';
import { Command, CommanderError } from 'commander';
import { toClaimtraceError } from '../src/core/errors.js';
import { registerOutlets } from '../src/cli/outlets-command.js';
import { registerTrace } from '../src/cli/trace-command.js';
import { errorLine, exitCodeFor } from '../src/cli/exit-codes.js';
import { analyzePure } from '../src/engine/analyze.js';
import { openSqliteStore } from '../src/store/index.js';
import { HEAVY_MODULES, loadedModules } from './module-log.js';
import { CORPUS, PLANTED } from './trace-corpus.js';

const db = join(mkdtempSync(join(tmpdir(), 'claimtrace-trace-')), 'corpus.db');
const ids = new Map<string, number>();

/** Analyses and stores the invented corpus once (as ingest would), keeping each article's document id. */
before(async () => {
  const store = await openSqliteStore(db);
  for (const a of CORPUS) {
    const report = analyzePure({ text: a.text, meta: { title: a.title, site: a.site, published: a.published, url: a.url } });
    ids.set(a.key, (await store.upsert({ report })).documentId);
  }
  await store.close();
});

/** Runs `trace` / `outlets` in-process as the CLI registers them, with captured output. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  let code = 0;
  const io = { stdout: { write: (s: string) => (stdout += s), isTTY: false }, stderr: { write: (s: string) => (stderr += s) }, stdin: Readable.from([]), env: {}, setExitCode: (c: number) => (code = c) };
  const program = new Command('claimtrace').exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  registerTrace(program, io);
  registerOutlets(program, io);
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return { code: 2, stdout, stderr };
    const error = toClaimtraceError(err);
    return { code: exitCodeFor(error), stdout, stderr: stderr + errorLine(error) };
  }
  return { code, stdout, stderr };
}

const traceJson = async (claim: string) => JSON.parse((await cli(['trace', claim, '--db', db, '--format', 'json'])).stdout);
const QUERY = 'Some 20,000 residents fled the flooded Orle valley';

test('trace finds every planted rewording and number format, and no distractor', async () => {
  const result = await traceJson(QUERY);
  assert.deepEqual(result.matches.map((m: { url: string }) => m.url).sort(), PLANTED.map((a) => a.url).sort());
});

test('trace orders the matches by publication date', async () => {
  const result = await traceJson('About twenty thousand people fled the Orle valley');
  assert.deepEqual(result.matches.map((m: { published: string }) => m.published), ['2024-02-01', '2024-02-03', '2024-02-04', '2024-02-05', '2024-03-02']);
});

test('trace by a stored claim id finds the same articles as its text', async () => {
  const claimId = `${ids.get('flood-herald')}:c2`;
  const byId = await traceJson(claimId);
  assert.equal(byId.query, 'Some 20,000 residents fled the flooded Orle valley, aid workers say.');
  assert.deepEqual(byId.matches.map((m: { documentId: number }) => m.documentId), PLANTED.map((a) => ids.get(a.key)));
});

test('trace gives the earliest appearance with its offsets and attribution', async () => {
  const { earliest } = await traceJson(QUERY);
  assert.deepEqual([earliest.url, earliest.start, earliest.end, earliest.text], [PLANTED[0]!.url, 49, 122, 'The regional ministry said 23,000 residents fled the flooded Orle valley.']);
  assert.deepEqual(earliest.attribution.map((a: { source: string; grade: string }) => [a.source, a.grade]), [['The regional ministry', 'named']]);
});

test('trace shows who each article attributes the claim to', async () => {
  const { matches } = await traceJson(QUERY);
  assert.deepEqual(matches.map((m: { attribution: { source: string; grade: string }[] }) => m.attribution.map((a) => `${a.source} (${a.grade})`).join('; ')), [
    'The regional ministry (named)', 'officials (vague)', 'Mayor Anna Berg (named)', 'aid workers (vague)', 'the Red Cross (named)',
  ]);
});

test('trace lists how the figure mutated: value and bound changes in date order', async () => {
  const { mutations } = await traceJson(QUERY);
  assert.deepEqual(mutations.map((m: { from: { figure: { text: string } }; to: { figure: { text: string } }; changes: string[] }) => [m.from.figure.text, m.to.figure.text, m.changes]), [
    // "Nearly 20k" is a ceiling just under 20,000 (18,000-20,000), so it changes the bound of "About twenty thousand".
    ['23,000', 'About twenty thousand', ['value', 'bound', 'interval']], ['About twenty thousand', 'Nearly 20k', ['bound', 'interval']],
    ['Nearly 20k', 'Some 20,000', ['bound', 'interval']], ['Some 20,000', '20 000', ['bound', 'interval']],
  ]);
});

test('trace JSON has the documented shape', async () => {
  const result = await traceJson(QUERY);
  assert.deepEqual(Object.keys(result), ['schema', 'query', 'matches', 'earliest', 'mutations']);
  assert.deepEqual(Object.keys(result.matches[0]).sort(), ['attribution', 'claimId', 'documentId', 'end', 'published', 'quantities', 'similarity', 'site', 'start', 'text', 'title', 'url'].sort());
  assert.deepEqual(result.matches[1].quantities.map((q: { text: string; value: number; low: number; high: number; bound: string }) => [q.text, q.value, q.low, q.high, q.bound]), [['About twenty thousand', 20_000, 18_000, 22_000, 'approx']]);
});

test('trace text output names the earliest appearance and the changes of the figure', async () => {
  const { stdout, code } = await cli(['trace', QUERY, '--db', db]);
  assert.equal(code, 0);
  assert.match(stdout, /^5 articles carry "Some 20,000 residents fled the flooded Orle valley"\nearliest: document \d+ · 2024-02-01 · Vellmar Gazette · Valley evacuated as river bursts its banks/);
  assert.match(stdout, /\n {2}"Some 20,000" \(approx 20000, 18000–22000\) → "20 000" \(exact 20000\): bound, interval/);
});

test('a claim id that is not stored is E_NOT_FOUND, exit 1', async () => {
  const { code, stderr } = await cli(['trace', '999:c1', '--db', db]);
  assert.deepEqual([code, stderr.includes('E_NOT_FOUND: No claim c1 in document 999')], [1, true]);
});

test('outlets JSON profiles each site with articles, grades and months', async () => {
  const { outlets } = JSON.parse((await cli(['outlets', '--db', db, '--format', 'json'])).stdout);
  assert.deepEqual(outlets.map((o: { site: string; articles: number }) => [o.site, o.articles]), [['Vellmar Gazette', 3], ['Coast Post', 2], ['Northern Ledger', 2], ['Harbour Herald', 1]]);
  const gazette = outlets[0];
  assert.deepEqual(gazette.months.map((m: { month: string; articles: number }) => [m.month, m.articles]), [['2024-02', 2], ['2024-03', 1]]);
  const shares = gazette.grades.named.share + gazette.grades.vague.share + gazette.grades.anaphoric.share + gazette.grades.none.share;
  assert.ok(Math.abs(shares - 1) < 1e-9, `grade shares sum to ${shares}`);
});

test('outlets text output lists each site with its months', async () => {
  const { stdout } = await cli(['outlets', '--db', db]);
  assert.match(stdout, /^4 outlets\n\nVellmar Gazette\n {2}3 articles · \d+ words · \d+ claims: named/);
  assert.match(stdout, /\n {2}2024-03 {2}1 articles/);
});

test('trace of a stored claim, outlets and search do not load the analyser or the NLP model', async () => {
  const claim = `${ids.get(PLANTED[0]!.key)}:c1`;
  for (const args of [['trace', claim], ['outlets'], ['search', 'valley']]) {
    const { code, modules, stderr } = await loadedModules([...args, '--db', db, '--format', 'json']);
    assert.equal(code, 0, stderr);
    assert.ok(modules.some((m) => m.includes('/node_modules/better-sqlite3/')), 'the store is loaded');
    assert.deepEqual(modules.filter((m) => HEAVY_MODULES.test(m)), [], args.join(' '));
  }
});

test('trace of typed claim text does load the analyser', async () => {
  const { code, modules, stderr } = await loadedModules(['trace', QUERY, '--db', db, '--format', 'json']);
  assert.equal(code, 0, stderr);
  // The module log sees what is imported: wink-nlp itself is required through src/nlp/wink.ts's private copy, its
  // language model is imported.
  assert.ok(modules.some((m) => m.includes('/node_modules/wink-eng-lite-web-model/')));
  assert.ok(modules.some((m) => m.endsWith('/src/nlp/wink.ts')));
});
