import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { POLICE } from '../src/store/conformance-fixtures.js';
import { json, testApp } from './server-helpers.js';

describe('search through the API', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  before(async () => {
    t = await testApp();
    await t.store.upsert({ report: POLICE });
  });
  after(async () => t.close());

  test('each claim hit carries its own sentence, and the answer gives the total beside the hits kept', async () => {
    const res = await t.app.inject('/api/documents?q=said&limit=3');
    assert.equal(res.statusCode, 200);
    const body = json(res);
    assert.deepEqual([body.total, body.hits.length], [5, 3]);
    for (const hit of body.hits.filter((h: { kind: string }) => h.kind === 'claim')) {
      const claim = POLICE.claims.find((c) => c.id === hit.claim.id)!;
      assert.equal(hit.snippet, POLICE.document.text.slice(claim.start, claim.end));
    }
  });

  test('/healthz answers while searches are queued, after at most a few of them', async () => {
    let searchesDone = 0;
    const searches = Array.from({ length: 30 }, () => t.app.inject('/api/documents?q=said').then(() => searchesDone++));
    const health = await t.app.inject('/healthz');
    const doneWhenHealthy = searchesDone;
    await Promise.all(searches);
    assert.equal(health.statusCode, 200);
    assert.ok(doneWhenHealthy <= 5, `/healthz waited for ${doneWhenHealthy} of 30 searches`);
  });
});
