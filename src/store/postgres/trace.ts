import type pg from 'pg';
import { ClaimtraceError } from '../../core/errors.js';
import type { TraceClaim, TraceQuery, TraceResult } from '../types.js';

/** `trace` and `getClaim` of the PostgreSQL store (placeholder: the pg-trace helper replaces this file). */
export interface PostgresTrace {
  trace(query: TraceQuery): Promise<TraceResult>;
  getClaim(documentId: number, claimId: string): Promise<TraceClaim | undefined>;
}

/** Placeholder until trace on PostgreSQL lands: both methods fail with E_STORE_UNREADABLE. */
export function createPostgresTrace(_pool: pg.Pool): PostgresTrace {
  const building = () => Promise.reject(new ClaimtraceError('E_STORE_UNREADABLE', { path: 'postgres', reason: 'trace on PostgreSQL is being built' }));
  return { trace: building, getClaim: building };
}
