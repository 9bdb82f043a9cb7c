/**
 * A queue worker matches each article against the store's fact-checks before storing it, as in-process ingest does
 * (real Redis on 127.0.0.1:6379, worker in this process).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { resolveOptions } from '../src/engine/options.js';
import { enqueueInputs, startConsumer } from '../src/queue/index.js';
import { openStore } from '../src/store/open.js';
import { cli } from './cli-helpers.js';
import { ARTICLE, CHECKS_JSONL, OSTRAND_URL } from './factcheck-fixtures.js';
import { testQueue } from './queue-helpers.js';

test('a queue worker stores the claim matches and the already-fact-checked finding of a store holding fact-checks', { timeout: 120_000 }, async () => {
  const q = testQueue();
  try {
    const db = join(q.dir, 'corpus.db');
    const checks = join(q.dir, 'checks.jsonl');
    const input = join(q.dir, 'article.txt');
    writeFileSync(checks, CHECKS_JSONL);
    writeFileSync(input, ARTICLE);
    assert.equal((await cli(['factchecks', 'import', checks, '--db', db])).code, 0);
    assert.equal((await enqueueInputs([input], q.target, { maxBytes: 1_000_000 })).enqueued, 1);
    const store = await openStore(db);
    try {
      const consumer = await startConsumer(q.target, store, { analyze: resolveOptions({}), untilEmpty: true });
      await consumer.done;
      const report = await store.getReport(1);
      const claim = report!.claims.find((c) => c.text.startsWith('The mayor of Ostrand'))!;
      assert.equal(claim.factChecks?.[0]?.url, OSTRAND_URL);
      const finding = report!.findings.find((f) => f.rule === 'already-fact-checked');
      assert.deepEqual(finding?.annotationIds, [claim.id]);
    } finally {
      await store.close();
    }
  } finally {
    await q.cleanup();
  }
});
