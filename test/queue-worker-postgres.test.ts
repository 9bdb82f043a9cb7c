/**
 * Two `claimtrace worker` processes storing into PostgreSQL (a fresh schema, dropped after) from a real Redis queue:
 * one is killed with SIGKILL in the middle of a job, and every article is still stored exactly once.
 */
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { TEST_PG_URL, testSchemas } from '../src/store/postgres/test-database.js';
import { killOneOfTwoWorkers, spawnWorker, testQueue, type WorkerProcess } from './queue-helpers.js';

describe('queue workers on PostgreSQL', { timeout: 120_000 }, () => {
  const schemas = testSchemas('queue');
  const started: WorkerProcess[] = [];
  after(async () => {
    for (const worker of started) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    await schemas.dropAll();
  });

  it('stores every article exactly once when one of two workers is killed with SIGKILL in the middle of a job', async () => {
    const q = testQueue();
    const schema = schemas.next();
    const db = `${TEST_PG_URL}?schema=${schema}`;
    try {
      await killOneOfTwoWorkers(q, db, (args, env) => {
        const worker = spawnWorker(args, env);
        started.push(worker);
        return worker;
      }, async () => {
        const client = new pg.Client({ connectionString: TEST_PG_URL });
        await client.connect();
        try {
          const { rows } = await client.query<{ n: string; texts: string }>(`SELECT COUNT(*) AS n, COUNT(DISTINCT text_hash) AS texts FROM ${schema}.documents`);
          return { n: Number(rows[0]!.n), texts: Number(rows[0]!.texts) };
        } finally {
          await client.end();
        }
      });
    } finally {
      await q.cleanup();
    }
  });
});
