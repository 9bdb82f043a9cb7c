import type pg from 'pg';

/** A deadlock (40P01) or serialization failure (40001): PostgreSQL rolled the transaction back and it may be retried. */
const RETRYABLE = new Set(['40P01', '40001']);
/** Attempts of a transaction that keeps meeting deadlocks (two workers writing the same articles in other orders). */
const ATTEMPTS = 5;

/**
 * Runs `body` in one transaction on one pooled connection: COMMIT when it resolves, ROLLBACK when it throws. A
 * transaction that PostgreSQL aborted as a deadlock victim is run again from the start (the body must not keep state
 * between attempts). A connection whose rollback fails is discarded, not returned to the pool.
 */
export async function inTransaction<T>(pool: pg.Pool, body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await body(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch((rollbackErr: Error) => (broken = rollbackErr));
      const code = (err as { code?: string }).code;
      if (attempt >= ATTEMPTS || code === undefined || !RETRYABLE.has(code) || broken) throw err;
      // Apart by a random pause, so the two victims of one deadlock do not meet again at once.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    } finally {
      client.release(broken);
    }
  }
}
