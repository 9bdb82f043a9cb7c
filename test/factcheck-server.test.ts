import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createMatcherOver } from '../src/factchecks/match/store-match.js';
import { loadReranker } from '../src/engine/predict/match.js';
import { ARTICLE, CHECKS, CHECKS_JSONL, checkUrl, claimReview, OSTRAND, OSTRAND_URL } from './factcheck-fixtures.js';
import { json, testApp } from './server-helpers.js';

const TOKEN = 'a-test-token-of-at-least-thirty-two-characters';
const auth = { authorization: `Bearer ${TOKEN}` };

const post = (app: Awaited<ReturnType<typeof testApp>>['app'], payload: string | object, headers: Record<string, string> = {}, url = '/api/factchecks') =>
  app.inject({ method: 'POST', url, payload, headers: { 'content-type': typeof payload === 'string' ? 'application/x-ndjson' : 'application/json', ...headers } });

test('POST /api/factchecks stores ClaimReview JSON-LD and lists each unusable record with its place and code', async () => {
  const t = await testApp();
  try {
    const body = { '@graph': [claimReview(0), claimReview(1), { '@type': 'ClaimReview', claimReviewed: 'No link at all', reviewRating: { alternateName: 'False' } }] };
    const res = await post(t.app, body);
    assert.equal(res.statusCode, 200, res.payload);
    const out = json(res);
    assert.deepEqual([out.format, out.inserted, out.updated, out.unchanged, out.skipped], ['claimreview-json', 2, 0, 0, 1]);
    assert.equal(out.problems[0].code, 'E_FACTCHECK_INVALID');
    assert.equal(out.problems[0].record, '$["@graph"][2]');
    assert.deepEqual((await t.store.listFactChecks()).items.map((f) => f.url).sort(), [checkUrl(0), checkUrl(1)].sort());
    const again = json(await post(t.app, body));
    assert.deepEqual([again.inserted, again.unchanged], [0, 2]);
  } finally {
    await t.close();
  }
});

test('POST /api/factchecks reads a Google claims:search response, a DataFeed, JSON Lines and CSV by media type', async () => {
  const t = await testApp();
  try {
    const google = { claims: [{ text: CHECKS[2]![0], claimant: 'A blog', claimReview: [{ publisher: { name: 'Coast Facts', site: 'coastfacts.example' }, url: checkUrl(2), title: CHECKS[2]![1], reviewDate: '2024-05-09T10:00:00Z', textualRating: 'Half true', languageCode: 'en' }] }] };
    assert.deepEqual(json(await post(t.app, google)).format, 'google-claims');
    const lines = json(await post(t.app, CHECKS_JSONL));
    assert.deepEqual([lines.format, lines.inserted, lines.updated], ['claimreview-json', 7, 1], 'the Google record of the same claim and link is updated');
    const csv = `Claim,Verdict,URL\n"Ferries to Vellmar run twice a day, all year",False,https://coastfacts.example/checks/99\n`;
    const res = await t.app.inject({ method: 'POST', url: '/api/factchecks?columns=rating%3DVerdict', payload: csv, headers: { 'content-type': 'text/csv' } });
    assert.deepEqual([json(res).format, json(res).inserted], ['csv', 1], res.payload);
    const feed = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'src', 'factchecks', 'import', 'fixtures', 'datacommons-feed.json'), 'utf8'));
    const fed = json(await post(t.app, feed));
    assert.equal(fed.format, 'datacommons-feed');
    assert.ok(fed.inserted > 0, JSON.stringify(fed));
    assert.equal((await t.store.listFactChecks()).total, 9 + fed.inserted);
  } finally {
    await t.close();
  }
});

test('POST /api/factchecks answers 400 with a code for a body in no format it reads, and 413 past the body limit', async () => {
  const t = await testApp({ bodyLimit: 4096 });
  try {
    const res = await post(t.app, 'just some words without any structure');
    assert.equal(res.statusCode, 400);
    assert.equal(json(res).error.code, 'E_FACTCHECK_FORMAT');
    const none = await post(t.app, { '@type': 'WebPage', name: 'nothing here' });
    assert.deepEqual([none.statusCode, json(none).error.code], [400, 'E_FACTCHECK_NONE']);
    const big = await post(t.app, `${JSON.stringify(claimReview(0))}\n`.repeat(40));
    assert.deepEqual([big.statusCode, json(big).error.code], [413, 'E_BODY_TOO_LARGE']);
    const bad = await t.app.inject({ method: 'POST', url: '/api/factchecks?columns=nonsense', payload: 'a,b\n1,2\n', headers: { 'content-type': 'text/csv' } });
    assert.deepEqual([bad.statusCode, json(bad).error.code], [400, 'E_OPTION_INVALID']);
  } finally {
    await t.close();
  }
});

test('with a token, POST /api/factchecks needs it (401 E_UNAUTHORIZED, nothing stored) and the match endpoint does not', async () => {
  const t = await testApp({ host: '0.0.0.0', token: TOKEN });
  try {
    const refused = await post(t.app, CHECKS_JSONL);
    assert.deepEqual([refused.statusCode, json(refused).error.code], [401, 'E_UNAUTHORIZED']);
    assert.equal((await t.store.listFactChecks()).total, 0);
    const ok = await post(t.app, CHECKS_JSONL, auth);
    assert.equal(json(ok).inserted, CHECKS.length, ok.payload);
    const match = await t.app.inject({ method: 'GET', url: `/api/factchecks/match?q=${encodeURIComponent("Ostrand's mayor took a private jet costing 80,000 euros")}` });
    assert.equal(match.statusCode, 200, match.payload);
    assert.equal(json(match).matches[0].url, OSTRAND_URL);
  } finally {
    await t.close();
  }
});

test('GET /api/factchecks/match gives the report item shape, the same ranking as a matcher over the same fact-checks, and validates its query', async () => {
  const t = await testApp();
  try {
    const empty = json(await t.app.inject({ method: 'GET', url: '/api/factchecks/match?q=lemon%20water' }));
    assert.deepEqual(empty, { factChecks: 0, threshold: null, matches: [] });
    await post(t.app, CHECKS_JSONL);
    const q = "Ostrand's mayor took a private jet costing 80,000 euros";
    const out = json(await t.app.inject({ method: 'GET', url: `/api/factchecks/match?q=${encodeURIComponent(q)}&limit=3` }));
    assert.equal(out.factChecks, CHECKS.length);
    const best = out.matches[0];
    assert.deepEqual(Object.keys(best), ['factCheckId', 'score', 'claimReviewed', 'rating', 'publisher', 'date', 'url', 'why']);
    assert.deepEqual([best.claimReviewed, best.rating, best.publisher, best.date, best.why.sameFigures], [CHECKS[OSTRAND]![0], { name: 'Mostly false', value: null }, 'Island Ledger Fact Desk', '2023-12-12', ['80,000']]);
    const direct = createMatcherOver((await t.store.listFactChecks({ limit: 200 })).items, loadReranker()).match(q, { limit: 3 });
    assert.deepEqual(out.matches.map((m: { factCheckId: number }) => m.factCheckId), direct.map((m) => m.factCheck.id));
    for (const [query, why] of [['', 'empty'], ['limit=5', 'no q'], ['q=x&limit=0', 'limit 0'], ['q=x&limit=51', 'limit 51'], ['q=x&limit=two', 'limit text'], ['q=%20%20', 'blank q'], [`q=${'a'.repeat(5001)}`, 'too long'], ['q=x&extra=1', 'unknown parameter']]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/factchecks/match?${query}` });
      assert.deepEqual([res.statusCode, json(res).error.code], [400, 'E_REQUEST_INVALID'], `${why}: ${res.payload}`);
    }
  } finally {
    await t.close();
  }
});

test('POST /api/analyze lists the matches under the check-worthy claim after an import through this instance; without fact-checks the report has none', async () => {
  const t = await testApp();
  try {
    const before = json(await t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: ARTICLE } }));
    assert.ok(before.report.claims.every((c: object) => !('factChecks' in c)));
    assert.ok(!before.report.findings.some((f: { rule: string }) => f.rule === 'already-fact-checked'));
    await post(t.app, CHECKS_JSONL);
    const after = json(await t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: ARTICLE } }));
    const claim = after.report.claims.find((c: { text: string }) => c.text.startsWith('The mayor of Ostrand'));
    assert.equal(claim.factChecks[0].url, OSTRAND_URL);
    const finding = after.report.findings.find((f: { rule: string }) => f.rule === 'already-fact-checked');
    assert.deepEqual([finding.severity, finding.start, finding.end, finding.annotationIds], ['info', claim.start, claim.end, [claim.id]]);
    assert.deepEqual(after.report.claims.filter((c: { checkworthiness: number }) => c.checkworthiness < 0.5).filter((c: object) => 'factChecks' in c), []);
  } finally {
    await t.close();
  }
});

test('the OpenAPI document lists both fact-check routes with their schemas, and the import as a write needing the token', async () => {
  const t = await testApp({ host: '0.0.0.0', token: TOKEN });
  try {
    const doc = json(await t.app.inject({ method: 'GET', url: '/api/openapi.json' }));
    const imp = doc.paths['/api/factchecks'].post;
    const match = doc.paths['/api/factchecks/match'].get;
    assert.deepEqual(imp.security, [{ bearer: [] }]);
    assert.ok(imp.responses['200'].content['application/json'].schema.properties.problems);
    assert.deepEqual(match.parameters.map((p: { name: string }) => p.name).sort(), ['limit', 'q']);
    assert.ok(match.responses['200'].content['application/json'].schema.properties.matches.items.properties.why);
  } finally {
    await t.close();
  }
});
