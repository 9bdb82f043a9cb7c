import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../src/core/report-schema.js';
import { HARBOUR_TEXT, MINISTRY_TEXT, json, testApp } from './server-helpers.js';

const VERDICT = { claimId: 'c2', rating: 'mostly-true', explanation: 'The authority counts 4,400 crossings a day in its 2023 report.', evidenceUrls: ['https://transport.example/report-2023'], reviewer: 'K. Varga' };

describe('documents, reviews and exports', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  before(async () => {
    t = await testApp({ publisher: { name: 'Bay Fact Desk', url: 'https://factdesk.example' }, publicUrl: 'http://review.example:8080/' });
    const store = async (payload: object) => t.app.inject({ method: 'POST', url: '/api/analyze?store=true', payload });
    await store({ text: HARBOUR_TEXT, site: 'baycourier.example', published: '2024-05-06' });
    await store({ text: MINISTRY_TEXT, site: 'capital-news.example', published: '2024-06-11' });
  });
  after(async () => t.close());

  test('lists documents newest first with their review progress', async () => {
    const res = await t.app.inject('/api/documents');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(json(res), {
      total: 2,
      items: [
        { documentId: 2, url: null, title: 'Ministry Delays School Repairs', site: 'capital-news.example', published: '2024-06-11', words: 31, claims: 2, reviewed: 0 },
        { documentId: 1, url: null, title: 'Ferry Fares in Ostrava Bay Rise Again', site: 'baycourier.example', published: '2024-05-06', words: 85, claims: 5, reviewed: 0 },
      ],
    });
  });

  test('filters the listing by site and pages it', async () => {
    const bySite = json(await t.app.inject('/api/documents?site=baycourier.example'));
    const page = json(await t.app.inject('/api/documents?limit=1&offset=1'));
    assert.deepEqual(bySite.items.map((d: { documentId: number }) => d.documentId), [1]);
    assert.deepEqual([page.total, page.items.map((d: { documentId: number }) => d.documentId)], [2, [1]]);
  });

  test('searches with q and answers hits', async () => {
    const body = json(await t.app.inject('/api/documents?q=ferry'));
    assert.equal(body.query, 'ferry');
    assert.deepEqual([...new Set(body.hits.map((h: { documentId: number }) => h.documentId))], [1]);
  });

  test('refuses grade without q', async () => {
    const res = await t.app.inject('/api/documents?grade=vague');
    assert.equal(res.statusCode, 400);
    assert.deepEqual(json(res), { error: { code: 'E_REQUEST_INVALID', message: 'Invalid request: grade filters search hits: give q as well' } });
  });

  test('refuses a limit above 200', async () => {
    const res = await t.app.inject('/api/documents?limit=1000');
    assert.equal(res.statusCode, 400);
    assert.equal(json(res).error.message, 'Invalid request: querystring limit must be <= 200');
  });

  test('answers a stored document with its report and reviews', async () => {
    const res = await t.app.inject('/api/documents/1');
    const body = json<{ documentId: number; report: Report; reviews: unknown[] }>(res);
    assert.equal(res.statusCode, 200);
    assert.deepEqual([body.documentId, body.report.document.title, body.report.claims.length, body.reviews], [1, 'Ferry Fares in Ostrava Bay Rise Again', 5, []]);
  });

  test('answers 404 E_NOT_FOUND for an unknown document', async () => {
    const res = await t.app.inject('/api/documents/99');
    assert.equal(res.statusCode, 404);
    assert.deepEqual(json(res), { error: { code: 'E_NOT_FOUND', message: 'No document 99' } });
  });

  test('records a review with 201 and lists it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/documents/1/reviews', payload: VERDICT });
    assert.equal(res.statusCode, 201);
    const review = json(res);
    assert.deepEqual({ ...review, createdAt: typeof review.createdAt }, { id: 1, documentId: 1, ...VERDICT, createdAt: 'string' });
    assert.deepEqual(json(await t.app.inject('/api/documents/1/reviews')), { reviews: [review] });
  });

  test('answers 404 for a review of an unknown claim', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/documents/1/reviews', payload: { ...VERDICT, claimId: 'c99' } });
    assert.equal(res.statusCode, 404);
    assert.deepEqual(json(res), { error: { code: 'E_NOT_FOUND', message: 'No claim c99 in document 1' } });
  });

  test('answers 404 for a review of an unknown document', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/documents/42/reviews', payload: VERDICT });
    assert.equal(res.statusCode, 404);
    assert.equal(json(res).error.code, 'E_NOT_FOUND');
  });

  test('refuses a rating off the scale', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/documents/1/reviews', payload: { ...VERDICT, rating: 'pants-on-fire' } });
    assert.equal(res.statusCode, 400);
    assert.equal(json(res).error.message, 'Invalid request: body rating must be equal to one of the allowed values');
  });

  test('refuses a javascript: evidence link', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/documents/1/reviews', payload: { ...VERDICT, evidenceUrls: ['javascript:alert(1)'] } });
    assert.equal(res.statusCode, 400);
    assert.match(json(res).error.message, /^Invalid request: body evidenceUrls\/0 must match pattern/);
  });

  test('answers 404 for the reviews of an unknown document', async () => {
    assert.equal((await t.app.inject('/api/documents/42/reviews')).statusCode, 404);
  });

  test('exports the reviewed claim as ClaimReview JSON-LD', async () => {
    const res = await t.app.inject('/api/documents/1/claimreview');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/ld+json; charset=utf-8');
    const [review, ...rest] = json(res);
    assert.equal(rest.length, 0);
    assert.equal(review['@type'], 'ClaimReview');
    assert.deepEqual(review.reviewRating, { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1, name: 'Mostly true', alternateName: 'Mostly true' });
    assert.deepEqual([review.author, review.creator], [{ '@type': 'Organization', name: 'Bay Fact Desk', url: 'https://factdesk.example/' }, { '@type': 'Person', name: 'K. Varga' }]);
  });

  test('exports Web Annotations targeting the document at the public URL when it has no URL', async () => {
    const res = await t.app.inject({ url: '/api/documents/2/annotations', headers: { host: 'review.example:8080' } });
    const body = json(res);
    assert.equal(res.headers['content-type'], 'application/ld+json; charset=utf-8');
    assert.equal(body['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(body.type, 'AnnotationCollection');
    assert.match(JSON.stringify(body), /"source":"http:\/\/review\.example:8080\/api\/documents\/2"/);
  });

  test('exports the reviews as a CSV download', async () => {
    const res = await t.app.inject('/api/documents/1/export?format=csv');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="claimtrace-document-1-reviews.csv"');
    const rows = res.payload.split('\r\n').filter(Boolean);
    assert.deepEqual([rows.length, rows[0]!.split(',')[0], rows.filter((r) => r.includes(',mostly-true,Mostly true,')).map((r) => r.split(',')[0])], [6, 'claim_id', ['c2']]);
  });

  test('exports the reviews as a Markdown download', async () => {
    const res = await t.app.inject('/api/documents/1/export?format=markdown');
    assert.equal(res.headers['content-type'], 'text/markdown; charset=utf-8');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="claimtrace-document-1-reviews.md"');
    assert.match(res.payload, /K\. Varga/);
  });

  test('refuses an unknown export format', async () => {
    const res = await t.app.inject('/api/documents/1/export?format=pdf');
    assert.equal(res.statusCode, 400);
    assert.equal(json(res).error.code, 'E_REQUEST_INVALID');
  });

  test('answers 404 for the exports of an unknown document', async () => {
    const statuses = await Promise.all(['claimreview', 'annotations', 'export?format=csv'].map(async (p) => (await t.app.inject(`/api/documents/7/${p}`)).statusCode));
    assert.deepEqual(statuses, [404, 404, 404]);
  });
});
