import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HARBOUR_TEXT, json, testApp } from './server-helpers.js';

const PUBLIC = 'https://claims.example/desk/';
const HOSTILE_TITLE = 'Ferry fares </script><script>alert(1)</script> & more';

describe('exports build their URLs from the configured public URL and are safe in a page', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let id = 0;
  let claimId = '';
  before(async () => {
    t = await testApp({ publicUrl: PUBLIC, analyze: { threshold: 0.99 } });
    const stored = json(await t.app.inject({ method: 'POST', url: '/api/analyze?store=true', payload: { text: HARBOUR_TEXT, title: HOSTILE_TITLE } }));
    id = stored.documentId;
    claimId = stored.report.claims[0].id;
    const review = { claimId, rating: 'half-true', explanation: 'Closing tag </script> in the reasoning.', evidenceUrls: [], reviewer: 'K. Varga' };
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/documents/${id}/reviews`, payload: review })).statusCode, 201);
  });
  after(async () => t.close());

  test('the ClaimReview url is the article\'s page under the public URL, whatever Host the request names', async () => {
    const res = await t.app.inject({ url: `/api/documents/${id}/claimreview`, headers: { host: 'localhost:9999' } });
    assert.equal(res.statusCode, 200);
    assert.equal(json(res)[0].url, `${PUBLIC}documents/${id}`);
  });

  test('a reviewer-given fact-check page is the ClaimReview url', async () => {
    const page = 'https://factdesk.example/2024/ferry-fares';
    const res = await t.app.inject(`/api/documents/${id}/claimreview?url=${encodeURIComponent(page)}`);
    assert.equal(json(res)[0].url, page);
  });

  test('a fact-check page that is not an http(s) URL is refused', async () => {
    const res = await t.app.inject(`/api/documents/${id}/claimreview?url=${encodeURIComponent('javascript:alert(1)')}`);
    assert.deepEqual([res.statusCode, json(res).error.code], [400, 'E_REQUEST_INVALID']);
  });

  test('the ClaimReview body has no <, > or & and reads back to the article and review text', async () => {
    const res = await t.app.inject(`/api/documents/${id}/claimreview`);
    assert.equal(/[<>&]/.test(res.payload), false);
    const [review] = json(res);
    assert.deepEqual([review.itemReviewed.appearance.headline, review.reviewBody], [HOSTILE_TITLE, 'Closing tag </script> in the reasoning.']);
  });

  test('annotation IRIs come from the public URL, whatever Host the request names', async () => {
    const res = await t.app.inject({ url: `/api/documents/${id}/annotations`, headers: { host: 'localhost:9999' } });
    const body = json(res);
    const own = `${PUBLIC}api/documents/${id}`;
    assert.deepEqual([body.id, body.first.items[0].id.startsWith(`${own}/annotations#`), body.first.items[0].target.source], [`${own}/annotations`, true, own]);
    assert.equal(res.payload.includes('localhost'), false);
  });

  test('the annotations call a claim check-worthy only at the configured threshold', async () => {
    const body = json(await t.app.inject(`/api/documents/${id}/annotations`));
    const claims = body.first.items.filter((a: { body: { value: string }[] }) => a.body[0]?.value === 'claim');
    const described = claims.map((a: { body: { value: string }[] }) => a.body.at(-1)!.value);
    assert.ok(claims.length > 0);
    assert.deepEqual(described.filter((d: string) => !/ claim, not check-worthy \(check-worthiness [\d.]+, below the threshold of 0\.99\);/.test(d)), []);
  });
});
