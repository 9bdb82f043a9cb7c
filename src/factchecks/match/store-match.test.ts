import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { loadReranker } from '../../engine/predict/match.js';
import { calibrated } from './calibrate.js';
import { firstStage } from './candidates.js';
import { analyseQuery, buildMatchIndex, buildMatchIndexInSteps } from './index.js';
import { matchClaim } from './match.js';
import { createFactCheckMatcher, MATCH_CALIBRATION, selectTop, storeFirstStage } from './store-match.js';

const CLAIMS = [
  ['a', 'The harbour board sold 12 ferries to a private buyer.', 'False: the board sold two ferries'],
  ['b', 'Ferry fares doubled on the island route this spring.', 'Half true: fares rose by a third'],
  ['c', 'The island hospital closed its maternity ward.', 'True: the ward closed in March'],
  ['d', 'The harbour board banned fishing boats from the inner harbour.', 'False: no ban was made'],
  ['e', 'Ferry crews went on strike for 12 days.', 'Mostly true: the strike lasted 11 days'],
  ['f', 'The harbour board sold 12 ferries to a private buyer.', 'False: the board sold two ferries'],
].map(([id, claim, title]) => ({ id: id!, claim: claim!, title: title! }));

test('selectTop keeps topK\'s order: highest positive scores first, ties to the lower document, zeros left out', () => {
  const scores = Float64Array.from([0, 2, 5, 2, 0, 7, 2, -1]);
  assert.deepEqual(selectTop(scores, 4), [5, 2, 1, 3]);
  assert.deepEqual(selectTop(scores, 10), [5, 2, 1, 3, 6]);
  assert.deepEqual(selectTop(scores, 0), []);
});

test('the store first stage gives the same candidates, ranks and scores as firstStage, duplicates and ties included', () => {
  const index = buildMatchIndex(CLAIMS);
  for (const text of ['the harbour board sold ferries', 'ferry strike 12 days', 'maternity ward closed', 'nothing in common here']) {
    const query = analyseQuery(text);
    for (const k of [1, 3, 100]) assert.deepEqual(storeFirstStage(index, query, k), firstStage(index, query, k), `${text} @${k}`);
  }
});

test('a store matcher ranks as matchClaim does over the same fact-checks, with calibrated scores and reasons', () => {
  const db = new Database(':memory:');
  db.exec("CREATE TABLE factchecks (id INTEGER PRIMARY KEY, claim TEXT NOT NULL, url TEXT NOT NULL, rating_name TEXT, rating_alternate_name TEXT, rating_value REAL, best_rating REAL, worst_rating REAL, publisher_name TEXT, publisher_url TEXT, review_date TEXT, language TEXT, claimant TEXT, claim_date TEXT, title TEXT, created_at TEXT, updated_at TEXT)");
  const insert = db.prepare("INSERT INTO factchecks (id, claim, url, title, created_at, updated_at) VALUES (?, ?, ?, ?, '', '')");
  CLAIMS.forEach((c, i) => insert.run(i + 1, c.claim, `https://checks.example/${c.id}`, c.title));
  const model = loadReranker();
  const everything = { ...MATCH_CALIBRATION, threshold: 0 };
  const matcher = createFactCheckMatcher(db, model, everything);
  const text = 'Harbour board sells 12 ferries to private owner';
  const expected = matchClaim(buildMatchIndex(CLAIMS), text, model).slice(0, 10);
  const got = matcher.match(text, { limit: 10 });
  assert.ok(got.length >= 3);
  assert.deepEqual(got.map((m) => m.factCheck.url), expected.map((m) => `https://checks.example/${CLAIMS[m.doc]!.id}`));
  assert.deepEqual(got[0]!.reasons.sameFigures, ['12']);
  assert.deepEqual(got.map((m) => m.score), expected.map((m) => calibrated(MATCH_CALIBRATION, m.score)));
  assert.ok(['harbour', 'board', 'sold', 'ferries', 'private'].every((w) => got[0]!.reasons.sharedWords.includes(w)), got[0]!.reasons.sharedWords.join());
});

test('the index built in steps (giving the event loop back) is the index built at once', async () => {
  assert.deepEqual(await buildMatchIndexInSteps(CLAIMS, 2), buildMatchIndex(CLAIMS));
});
