import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { openSqliteStore } from '../src/store/index.js';
import { cli, tempFiles } from './cli-helpers.js';
import { CHECKS, OSTRAND_URL, claimReview } from './factcheck-fixtures.js';
import { HEAVY_MODULES, loadedModules } from './module-log.js';

/** The fact-checks of the already-fact-checked tests, each with its publisher's home page (shown by --format json). */
const withPublisherUrl = (i: number) => {
  const publisher = CHECKS[i]![3];
  return JSON.stringify(claimReview(i, { author: { '@type': 'Organization', name: publisher, url: `https://${publisher.toLowerCase().replaceAll(' ', '')}.example/` } }));
};
const OSTRAND = OSTRAND_URL;

let db = '';
let empty = '';
before(async () => {
  const files = tempFiles({ 'checks.jsonl': `${CHECKS.map((_, i) => withPublisherUrl(i)).join('\n')}\n` });
  db = join(files.dir, 'checks.db');
  assert.equal((await cli(['factchecks', 'import', files['checks.jsonl']!, '--db', db])).code, 0);
  empty = join(files.dir, 'empty.db');
  await (await openSqliteStore(empty)).close();
});

const matchJson = async (claim: string, ...more: string[]) => {
  const res = await cli(['match', claim, '--db', db, '--format', 'json', ...more]);
  assert.equal(res.code, 0, res.stderr);
  return JSON.parse(res.stdout);
};

test('a claim in other words finds its fact-check first, with the words, figure and name it shares', async () => {
  const out = await matchJson("Ostrand's mayor took a private jet costing 80,000 euros");
  const best = out.matches[0];
  assert.equal(best.url, OSTRAND);
  assert.ok(best.score >= out.threshold, `score ${best.score} under the threshold ${out.threshold}`);
  assert.deepEqual(best.reasons.sameFigures, ['80,000']);
  assert.deepEqual(best.reasons.sameEntities, ['Ostrand']);
  assert.ok(['jet', 'mayor', 'private', 'euros'].every((w) => best.reasons.sharedWords.includes(w)), best.reasons.sharedWords.join());
});

test('the text format gives the score, rating, publisher, date, claim, link and why', async () => {
  const res = await cli(['match', 'Lemon water will cure your flu in two days, doctors say', '--db', db]);
  assert.equal(res.code, 0, res.stderr);
  const lines = res.stdout.split('\n');
  assert.match(lines[0]!, /^1 fact-check matches \(8 fact-checks stored; threshold 0\.\d+\)$/);
  assert.match(lines[1]!, /^1\. (?:0\.\d\d|1\.00) {2}False {2}North Shore Verify, 2024-01-20$/);
  assert.equal(lines[2], '   Drinking lemon water cures seasonal flu within two days.');
  assert.equal(lines[3], '   https://northshoreverify.example/checks/1');
  assert.match(lines[4]!, /^ {3}why: shared words: .*lemon/);
});

test('an unrelated claim matches no fact-check above the threshold', async () => {
  assert.deepEqual((await matchJson('The city zoo welcomed a baby giraffe on Tuesday morning')).matches, []);
  const res = await cli(['match', 'The city zoo welcomed a baby giraffe on Tuesday morning', '--db', db]);
  assert.equal(res.stdout, 'No fact-check matches this claim (8 fact-checks stored; threshold ' + (await matchJson('giraffe')).threshold + ').\n');
});

test('the JSON names its schema, the store size and threshold, and each match in full', async () => {
  const out = await matchJson('Cats kill fewer birds than wind turbines', '--limit', '1');
  assert.deepEqual(Object.keys(out), ['schema', 'claim', 'db', 'factChecks', 'threshold', 'matches']);
  assert.equal(out.schema, 'claimtrace/match@1');
  assert.equal(out.factChecks, CHECKS.length);
  assert.equal(out.matches.length, 1);
  assert.deepEqual(Object.keys(out.matches[0]), ['id', 'score', 'rankerScore', 'verdict', 'rating', 'publisher', 'date', 'url', 'claim', 'title', 'claimant', 'language', 'reasons']);
  assert.deepEqual(out.matches[0].publisher, { name: 'Island Ledger Fact Desk', url: 'https://islandledgerfactdesk.example/' });
  assert.equal(out.matches[0].verdict, 'False');
  assert.deepEqual(Object.keys(out.matches[0].reasons), ['sharedWords', 'sameFigures', 'sameEntities']);
});

test('an empty claim is a usage error; a missing database and one without fact-checks are input errors with their codes', async () => {
  const blank = await cli(['match', '  ', '--db', db]);
  assert.equal(blank.code, 2);
  assert.match(blank.stderr, /E_OPTION_INVALID: Invalid option <claim>: the claim is empty/);
  const missing = await cli(['match', 'lemon water', '--db', join(db, '..', 'missing.db')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /E_INPUT_NOT_FOUND/);
  const none = await cli(['match', 'lemon water', '--db', empty]);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /E_NOT_FOUND: No fact-checks are stored in .*empty\.db; import some with claimtrace factchecks import/);
  assert.equal((await cli(['match', 'lemon water', '--db', db, '--limit', '0'])).code, 2);
});

test('match loads neither the analyser nor the NLP model, and its help loads not even the store', async () => {
  const run = await loadedModules(['match', 'lemon water cures flu', '--db', db]);
  assert.equal(run.code, 0, run.stderr);
  assert.ok(run.modules.some((m) => m.includes('/src/factchecks/match/store-match.ts')), 'the module log works');
  assert.deepEqual(run.modules.filter((m) => HEAVY_MODULES.test(m)), []);
  const help = await loadedModules(['match', '--help']);
  assert.deepEqual(help.modules.filter((m) => /node_modules\/better-sqlite3\/|\/src\/(factchecks\/|store\/(?!defaults\.ts))/.test(m)), []);
});
