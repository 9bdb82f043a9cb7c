import { ClaimtraceError } from '../../core/errors.js';
import type { StoreOptions } from '../open.js';
import type { Store } from '../types.js';

/** Opens the PostgreSQL store (being built: issue 16). */
export async function openPostgresStore(url: string, _options: StoreOptions = {}): Promise<Store> {
  throw new ClaimtraceError('E_STORE_UNREADABLE', { path: url.replace(/\/\/[^@/]*@/, '//'), reason: 'the PostgreSQL store is not built yet' });
}
