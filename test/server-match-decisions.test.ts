import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../src/core/report-schema.js';
import { dredgingWithMatch } from '../src/store/conformance-match-decisions.js';
import { ARTICLE, CHECKS_JSONL, OSTRAND_URL } from './factcheck-fixtures.js';
import { json, tempStore, testApp } from './server-helpers.js';

/** A token as long as the server asks for (32 characters or more). */
const TOKEN = '3b9e1f7a5c2d8e604a1c9f7b3e5d2a8c6f0b4e9d';

const FACT_CHECK = {
  claim: 'Vellmar port spent 12 million euros on dredging in 2023.', url: 'https://harbourcheck.example/checks/dredging-bill',
  rating: { name: 'True', alternateName: 'True', value: 5, best: 5, worst: 1 }, publisher: { name: 'Harbour Check', url: 'https://harbourcheck.example/' },
  date: '2024-03-20', language: 'en', claimant: null, claimDate: null, title: 'Was the dredging bill 12 million?',
};

/** An app on a store holding one fact-check and the dredging article whose first claim lists it as a match. */
async function seededApp(options: { token?: string; host?: string } = {}) {
  const store = await tempStore();
  const [factCheck] = await store.upsertFactChecks([FACT_CHECK]);
  const { documentId } = await store.upsert({ report: dredgingWithMatch(factCheck!.id) });
  const t = await testApp({ store, ...options });
  return { ...t, documentId, factCheckId: factCheck!.id };
}

const decisionsUrl = (documentId: number, claimId = 'c1') => `/api/documents/${documentId}/claims/${claimId}/match-decisions`;

describe('match decisions over HTTP', () => {
  let t: Awaited<ReturnType<typeof seededApp>>;
  before(async () => {
    t = await seededApp();
  });
  after(async () => t.close());

  const post = (payload: object, url = decisionsUrl(t.documentId)) => t.app.inject({ method: 'POST', url, payload });

  test('a stored document carries its claims\' fact-check matches', async () => {
    const body = json<{ report: Report }>(await t.app.inject(`/api/documents/${t.documentId}`));
    assert.deepEqual(body.report.claims.map((c) => c.factChecks?.map((m) => [m.factCheckId, m.publisher, m.rating.name])), [[[t.factCheckId, 'Harbour Check', 'True']], undefined]);
  });

  test('records an accepted match with 201 and lists it; a later rejection is kept as history, oldest first', async () => {
    const accepted = await post({ factCheckId: t.factCheckId, decision: 'accepted', reviewer: 'K. Varga', note: 'Same bill, same year.' });
    assert.equal(accepted.statusCode, 201);
    const first = json(accepted);
    assert.deepEqual({ ...first, id: typeof first.id, createdAt: typeof first.createdAt }, {
      id: 'number', documentId: t.documentId, claimId: 'c1', factCheckId: t.factCheckId, decision: 'accepted', reviewer: 'K. Varga', note: 'Same bill, same year.', createdAt: 'string',
    });
    const second = json(await post({ factCheckId: t.factCheckId, decision: 'rejected', reviewer: 'I. Berg' }));
    assert.equal(Object.hasOwn(second, 'note'), false);
    assert.deepEqual(json(await t.app.inject(`/api/documents/${t.documentId}/match-decisions`)), { decisions: [first, second] });
  });

  const refused: [string, object, string][] = [
    ['a decision off the list', { decision: 'maybe' }, 'Invalid request: body decision must be equal to one of the allowed values'],
    ['a missing reviewer', { reviewer: undefined }, "Invalid request: body must have required property 'reviewer'"],
    ['an empty reviewer', { reviewer: '' }, 'Invalid request: body reviewer must NOT have fewer than 1 characters'],
    ['a blank reviewer', { reviewer: '   ' }, 'Invalid request: reviewer: a reviewer name is required'],
    ['a note over 2,000 characters', { note: 'n'.repeat(2001) }, 'Invalid request: body note must NOT have more than 2000 characters'],
    ['a fractional fact-check id', { factCheckId: 1.5 }, 'Invalid request: body factCheckId must be integer'],
    ['an unknown field', { rating: 'true' }, 'Invalid request: body must NOT have additional properties'],
  ];
  for (const [what, change, message] of refused) {
    test(`refuses ${what} with 400 E_REQUEST_INVALID`, async () => {
      const res = await post({ factCheckId: t.factCheckId, decision: 'accepted', reviewer: 'K. Varga', ...change });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(json(res), { error: { code: 'E_REQUEST_INVALID', message } });
    });
  }

  test('refuses a claim id that is not one with 400', async () => {
    const res = await post({ factCheckId: t.factCheckId, decision: 'accepted', reviewer: 'K. Varga' }, decisionsUrl(t.documentId, 'c1;drop'));
    assert.deepEqual([res.statusCode, json(res).error.code], [400, 'E_REQUEST_INVALID']);
  });

  test('answers 404 E_NOT_FOUND for an unknown claim, document or fact-check', async () => {
    const body = { factCheckId: t.factCheckId, decision: 'accepted', reviewer: 'K. Varga' };
    const claim = await post(body, decisionsUrl(t.documentId, 'c99'));
    const doc = await post(body, decisionsUrl(4242));
    const factCheck = await post({ ...body, factCheckId: 4242 });
    assert.deepEqual([claim, doc, factCheck].map((r) => [r.statusCode, json(r).error.message]), [
      [404, `No claim c99 in document ${t.documentId}`], [404, 'No document 4242'], [404, 'No fact-check 4242'],
    ]);
  });

  test('answers 404 for the decisions of an unknown document', async () => {
    const res = await t.app.inject('/api/documents/4242/match-decisions');
    assert.deepEqual([res.statusCode, json(res).error.code], [404, 'E_NOT_FOUND']);
  });

  test('the OpenAPI document describes both routes, the write under the review tag', async () => {
    const doc = json(await t.app.inject('/api/openapi.json'));
    const write = doc.paths['/api/documents/{id}/claims/{claimId}/match-decisions'].post;
    assert.deepEqual([write.tags, Object.keys(write.responses).includes('201'), write.requestBody.content['application/json'].schema.required], [['review'], true, ['factCheckId', 'decision', 'reviewer']]);
    assert.ok(doc.paths['/api/documents/{id}/match-decisions'].get);
  });
});

describe('accepted matches in the exports', () => {
  test('the ClaimReview of a reviewed claim cites its accepted fact-check, and the CSV lists it in its last column', async () => {
    const t = await seededApp();
    try {
      const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
      await post(`/api/documents/${t.documentId}/reviews`, { claimId: 'c1', rating: 'true', explanation: '', evidenceUrls: ['https://port.example/accounts'], reviewer: 'K. Varga' });
      const before = json(await t.app.inject(`/api/documents/${t.documentId}/claimreview`));
      await post(decisionsUrl(t.documentId), { factCheckId: t.factCheckId, decision: 'accepted', reviewer: 'K. Varga' });
      const after = json(await t.app.inject(`/api/documents/${t.documentId}/claimreview`));
      const csv = (await t.app.inject(`/api/documents/${t.documentId}/export?format=csv`)).payload.split('\r\n');
      assert.deepEqual(before[0].citation, ['https://port.example/accounts']);
      assert.deepEqual(after[0].citation, ['https://port.example/accounts', FACT_CHECK.url]);
      assert.deepEqual([csv[0]!.split(',').at(-1), csv[1]!.split(',').at(-1), csv[2]!.split(',').at(-1)], ['accepted_factchecks', FACT_CHECK.url, '']);
    } finally {
      await t.close();
    }
  });

  test('a rejection after an acceptance takes the fact-check out of the ClaimReview again', async () => {
    const t = await seededApp();
    try {
      const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
      await post(`/api/documents/${t.documentId}/reviews`, { claimId: 'c1', rating: 'true', explanation: '', evidenceUrls: [], reviewer: 'K. Varga' });
      await post(decisionsUrl(t.documentId), { factCheckId: t.factCheckId, decision: 'accepted', reviewer: 'K. Varga' });
      await post(decisionsUrl(t.documentId), { factCheckId: t.factCheckId, decision: 'rejected', reviewer: 'I. Berg' });
      const [item] = json(await t.app.inject(`/api/documents/${t.documentId}/claimreview`));
      assert.equal(Object.hasOwn(item, 'citation'), false);
    } finally {
      await t.close();
    }
  });
});

describe('match decisions and the write token', () => {
  test('a decision needs the token when the server has one; reading them does not', async () => {
    const t = await seededApp({ host: '0.0.0.0', token: TOKEN });
    try {
      const payload = { factCheckId: t.factCheckId, decision: 'accepted', reviewer: 'K. Varga' };
      const without = await t.app.inject({ method: 'POST', url: decisionsUrl(t.documentId), payload });
      const wrong = await t.app.inject({ method: 'POST', url: decisionsUrl(t.documentId), payload, headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}x` } });
      const right = await t.app.inject({ method: 'POST', url: decisionsUrl(t.documentId), payload, headers: { authorization: `Bearer ${TOKEN}` } });
      const read = await t.app.inject(`/api/documents/${t.documentId}/match-decisions`);
      assert.deepEqual([without.statusCode, json(without).error.code, wrong.statusCode, right.statusCode, read.statusCode], [401, 'E_UNAUTHORIZED', 401, 201, 200]);
      assert.equal(json(read).decisions.length, 1);
    } finally {
      await t.close();
    }
  });
});

describe('match decisions on an analysed article', () => {
  test('an article analysed and stored after a fact-check import keeps its matches, and a match is accepted and listed', async () => {
    const t = await testApp();
    try {
      const imported = await t.app.inject({ method: 'POST', url: '/api/factchecks', payload: CHECKS_JSONL, headers: { 'content-type': 'application/x-ndjson' } });
      assert.equal(imported.statusCode, 200, imported.payload);
      const { documentId } = json(await t.app.inject({ method: 'POST', url: '/api/analyze?store=true', payload: { text: ARTICLE } }));
      const { report } = json<{ report: Report }>(await t.app.inject(`/api/documents/${documentId}`));
      const claim = report.claims.find((c) => c.factChecks?.some((m) => m.url === OSTRAND_URL));
      assert.ok(claim, 'the stored report lost the Ostrand match');
      const match = claim.factChecks!.find((m) => m.url === OSTRAND_URL)!;
      const res = await t.app.inject({ method: 'POST', url: decisionsUrl(documentId, claim.id), payload: { factCheckId: match.factCheckId, decision: 'accepted', reviewer: 'K. Varga' } });
      assert.equal(res.statusCode, 201, res.payload);
      const listed = json(await t.app.inject(`/api/documents/${documentId}/match-decisions`)).decisions;
      assert.deepEqual(listed.map((d: { claimId: string; factCheckId: number; decision: string }) => [d.claimId, d.factCheckId, d.decision]), [[claim.id, match.factCheckId, 'accepted']]);
    } finally {
      await t.close();
    }
  });
});
