import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { VERSION } from '../src/engine/version.js';
import { RATING_SCALE } from '../src/review/types.js';
import { HARBOUR_TEXT, MINISTRY_TEXT, json, testApp } from './server-helpers.js';

/** The ferry figure again, a week later and reworded, in another outlet. */
const FOLLOW_UP = 'Ferry Crossings Under Strain\n\nAccording to the Regional Transport Authority, more than 4,500 islanders cross Ostrava Bay each day.';

describe('trace, outlets, ratings and health', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  before(async () => {
    t = await testApp();
    const store = async (payload: object) => t.app.inject({ method: 'POST', url: '/api/analyze?store=true', payload });
    await store({ text: HARBOUR_TEXT, site: 'baycourier.example', published: '2024-05-06' });
    await store({ text: MINISTRY_TEXT, site: 'capital-news.example', published: '2024-06-11' });
    await store({ text: FOLLOW_UP, site: 'islands-daily.example', published: '2024-05-13' });
  });
  after(async () => t.close());

  test('traces a stored claim across documents in publication order', async () => {
    const res = await t.app.inject('/api/trace?claim=1:c2');
    const body = json(res);
    assert.equal(res.statusCode, 200);
    assert.equal(body.query, 'According to the Regional Transport Authority, at least 4,500 islanders cross the bay every day.');
    assert.deepEqual(body.matches.map((m: { documentId: number; claimId: string }) => `${m.documentId}:${m.claimId}`), ['1:c2', '3:c1']);
    assert.equal(body.earliest.documentId, 1);
  });

  test('traces typed claim text', async () => {
    const body = json(await t.app.inject(`/api/trace?q=${encodeURIComponent('4,500 islanders cross the bay every day')}`));
    assert.deepEqual(body.matches.map((m: { documentId: number }) => m.documentId), [1, 3]);
  });

  test('answers 404 for an unknown stored claim', async () => {
    const res = await t.app.inject('/api/trace?claim=1:c40');
    assert.equal(res.statusCode, 404);
    assert.deepEqual(json(res), { error: { code: 'E_NOT_FOUND', message: 'No claim 1:c40' } });
  });

  test('refuses q and claim together', async () => {
    const res = await t.app.inject('/api/trace?q=ferry&claim=1:c2');
    assert.equal(res.statusCode, 400);
    assert.deepEqual(json(res), { error: { code: 'E_REQUEST_INVALID', message: 'Invalid request: give exactly one of q (claim text) or claim (DOCUMENT:CLAIM)' } });
  });

  test('refuses a threshold above 1', async () => {
    const res = await t.app.inject('/api/trace?q=ferry&threshold=2');
    assert.equal(res.statusCode, 400);
    assert.equal(json(res).error.message, 'Invalid request: querystring threshold must be <= 1');
  });

  test('profiles each outlet', async () => {
    const body = json(await t.app.inject('/api/outlets'));
    const sites = body.outlets.map((o: { site: string; articles: number; claims: number }) => `${o.site} ${o.articles} ${o.claims}`).sort();
    assert.deepEqual(sites, ['baycourier.example 1 5', 'capital-news.example 1 2', 'islands-daily.example 1 1']);
    assert.equal(body.outlets[0].grades.named.count + body.outlets[0].grades.none.count + body.outlets[0].grades.vague.count + body.outlets[0].grades.anaphoric.count, body.outlets[0].claims);
  });

  test('answers the rating scale', async () => {
    assert.deepEqual(json(await t.app.inject('/api/ratings')), { scale: RATING_SCALE });
  });

  test('answers the health check with the version and the number of documents', async () => {
    const { status, version, documents } = json(await t.app.inject('/healthz'));
    assert.deepEqual({ status, version, documents }, { status: 'ok', version: VERSION, documents: 3 });
  });
});
