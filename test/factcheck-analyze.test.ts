import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { openSqliteStore } from '../src/store/index.js';
import { cli, tempFiles } from './cli-helpers.js';
import { ARTICLE, CHECKS, CHECKS_JSONL, claimReview, HOSTILE_OSTRAND, OSTRAND, OSTRAND_URL } from './factcheck-fixtures.js';
import { loadedModules } from './module-log.js';

let files: Record<string, string> & { dir: string };
let db = '';
let empty = '';
let hostile = '';
before(async () => {
  const others = CHECKS.map((_, i) => i).filter((i) => i !== OSTRAND).map((i) => JSON.stringify(claimReview(i)));
  files = tempFiles({ 'article.txt': ARTICLE, 'checks.jsonl': CHECKS_JSONL, 'hostile.jsonl': `${[...others, JSON.stringify(HOSTILE_OSTRAND)].join('\n')}\n` });
  db = join(files.dir, 'checks.db');
  hostile = join(files.dir, 'hostile.db');
  assert.equal((await cli(['factchecks', 'import', files['checks.jsonl']!, '--db', db])).code, 0);
  assert.equal((await cli(['factchecks', 'import', files['hostile.jsonl']!, '--db', hostile])).code, 0);
  empty = join(files.dir, 'empty.db');
  await (await openSqliteStore(empty)).close();
});

const analyze = async (...args: string[]) => {
  const res = await cli(['analyze', files['article.txt']!, ...args]);
  assert.equal(res.code, 0, res.stderr);
  return res.stdout;
};

test('analyze --db lists the matching fact-check under the check-worthy claim and reports it as already-fact-checked', async () => {
  const report = JSON.parse(await analyze('--db', db, '--format', 'json'));
  const claim = report.claims.find((c: { text: string }) => c.text.startsWith('The mayor of Ostrand spent 80,000 euros'));
  assert.ok(claim.checkworthiness >= 0.5);
  assert.equal(claim.factChecks.length, 1);
  const [m] = claim.factChecks;
  assert.deepEqual({ ...m, score: undefined, factCheckId: undefined }, {
    score: undefined, factCheckId: undefined, claimReviewed: CHECKS[OSTRAND]![0], rating: { name: 'Mostly false', value: null }, publisher: 'Island Ledger Fact Desk', date: '2023-12-12', url: OSTRAND_URL,
    why: { sharedTerms: m.why.sharedTerms, sameFigures: ['80,000'], sameEntities: ['Ostrand'] },
  });
  assert.ok(m.score >= 0.35 && m.score <= 1);
  assert.ok(['mayor', 'Ostrand', 'jet'].every((w) => m.why.sharedTerms.includes(w)), m.why.sharedTerms.join());
  const findings = report.findings.filter((f: { rule: string }) => f.rule === 'already-fact-checked');
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0], {
    line: 3, col: 1, rule: 'already-fact-checked', severity: 'info', start: claim.start, end: claim.end, annotationIds: [claim.id],
    message: `Already fact-checked: Island Ledger Fact Desk rated it "Mostly false" on 2023-12-12 (match ${m.score.toFixed(2)}): ${OSTRAND_URL}`,
  });
  for (const c of report.claims) assert.equal('factChecks' in c, c.checkworthiness >= 0.5, `${c.id} ${c.checkworthiness}`);
});

test('the claims under the threshold get no factChecks: --threshold moves which claims are matched', async () => {
  const report = JSON.parse(await analyze('--db', db, '--format', 'json', '--threshold', '0.95'));
  assert.ok(report.claims.every((c: object) => !('factChecks' in c)));
  assert.ok(!report.findings.some((f: { rule: string }) => f.rule === 'already-fact-checked'));
});

test('without --db, and with a store holding no fact-checks, the report is byte-identical in every format', async () => {
  for (const format of ['json', 'text', 'html']) {
    const plain = await analyze('--format', format);
    assert.equal(await analyze('--format', format, '--db', empty), plain, format);
  }
  assert.doesNotMatch(await analyze('--format', 'json'), /factChecks|already-fact-checked/);
});

test('the terminal report shows the fact-check under the claim with rating, publisher, date, score and link', async () => {
  const text = await analyze('--db', db);
  const lines = text.split('\n');
  const at = lines.indexOf('Already fact-checked (1 claim)');
  assert.ok(at > 0, text);
  assert.match(lines[at + 1]!, /^ {2}3:1 {2}“The mayor of Ostrand spent 80,000 euros/);
  assert.match(lines[at + 2]!, /^ {7}↳ Mostly false · Island Ledger Fact Desk, 2023-12-12 · match (?:0\.\d\d|1\.00)$/);
  assert.equal(lines[at + 3], `         ${OSTRAND_URL}`);
  assert.match(text, /info {5}already-fact-checked {2}Already fact-checked: Island Ledger/);
});

test('the HTML report links the fact-check out safely and escapes hostile fact-check text', async () => {
  const html = await analyze('--db', hostile, '--format', 'html');
  const list = /<ul class="ct-factchecks">.*?<\/ul>/s.exec(html)?.[0] ?? '';
  assert.ok(list !== '', 'the claim lists its fact-check');
  assert.match(list, /<a href="https:\/\/evil\.example\/checks\/7\?a=%22%3E%3Cscript%3Ealert\(1\)%3C\/script%3E" rel="noopener noreferrer">/);
  assert.match(list, /&#60;b onmouseover=alert\(3\)&#62;False&#60;\/b&#62; · &#60;img src=x onerror=alert\(2\)&#62;Evil Desk, 2023-12-12<\/a>/);
  const outsideData = html.replace(/<script type="application\/json" id="ct-data">.*?<\/script>/s, '');
  assert.doesNotMatch(outsideData, /<script>alert|<img src=x|<b onmouseover/);
  assert.doesNotMatch(html.match(/<script type="application\/json" id="ct-data">(.*?)<\/script>/s)![1]!, /<|>/);
});

test('analyze --db of a missing database fails with E_INPUT_NOT_FOUND before analysing', async () => {
  const res = await cli(['analyze', files['article.txt']!, '--db', join(files.dir, 'missing.db')]);
  assert.equal(res.code, 1);
  assert.match(res.stderr, /E_INPUT_NOT_FOUND/);
});

test('analyze --db loads the re-ranker only when the store holds fact-checks', async () => {
  const model = /\/src\/engine\/predict\/match\.ts$/;
  const none = await loadedModules(['analyze', files['article.txt']!, '--db', empty, '--format', 'json']);
  assert.equal(none.code, 0, none.stderr);
  assert.deepEqual(none.modules.filter((m) => model.test(m)), []);
  const some = await loadedModules(['analyze', files['article.txt']!, '--db', db, '--format', 'json']);
  assert.equal(some.code, 0, some.stderr);
  assert.ok(some.modules.some((m) => model.test(m)), 'the module log works');
});
