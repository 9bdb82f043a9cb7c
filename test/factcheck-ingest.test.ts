import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStore } from '../src/store/open.js';
import { cli, tempFiles } from './cli-helpers.js';
import { ARTICLE, CHECKS_JSONL, OSTRAND_URL } from './factcheck-fixtures.js';

test('ingest into a store holding fact-checks stores the claim matches and the already-fact-checked finding; without fact-checks, none', async () => {
  const files = tempFiles({ 'article.txt': ARTICLE, 'checks.jsonl': CHECKS_JSONL });
  const withChecks = join(files.dir, 'with.db');
  const without = join(files.dir, 'without.db');
  assert.equal((await cli(['factchecks', 'import', files['checks.jsonl']!, '--db', withChecks])).code, 0);
  for (const db of [withChecks, without]) {
    const res = await cli(['ingest', files['article.txt']!, '--db', db]);
    assert.equal(res.code, 0, res.stderr);
  }
  const [a, b] = await Promise.all([openStore(withChecks), openStore(without)]);
  try {
    const [matched, plain] = await Promise.all([a.getReport(1), b.getReport(1)]);
    const claim = matched!.claims.find((c) => c.text.startsWith('The mayor of Ostrand'))!;
    assert.equal(claim.factChecks?.[0]?.url, OSTRAND_URL);
    const finding = matched!.findings.find((f) => f.rule === 'already-fact-checked');
    assert.deepEqual([finding?.annotationIds, finding?.start], [[claim.id], claim.start]);
    assert.ok(plain!.claims.every((c) => c.factChecks === undefined));
    assert.ok(!plain!.findings.some((f) => f.rule === 'already-fact-checked'));
    assert.deepEqual({ ...plain, generator: null }, { ...matched, generator: null, claims: matched!.claims.map(({ factChecks: _f, ...c }) => c), findings: matched!.findings.filter((f) => f.rule !== 'already-fact-checked') });
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});
