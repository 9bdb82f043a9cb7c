import { ClaimtraceError } from '../core/errors.js';
import { guardStoreErrors } from './guard.js';
import type { Store } from './types.js';

/**
 * SQLite result codes that mean the file is not a readable database: not SQLite at all (NOTADB), damaged pages or
 * indexes (CORRUPT and its extended codes such as SQLITE_CORRUPT_INDEX), or a file that cannot be read from disk.
 */
const UNREADABLE = /^SQLITE_(NOTADB|CORRUPT|IOERR_READ|IOERR_SHORT_READ|CANTOPEN)/;

/** SQLite result codes that mean nothing more can be written: other I/O errors, a full disk, a read-only file. */
const UNWRITABLE = /^SQLITE_(IOERR|FULL|READONLY|PERM)/;

/**
 * The one place where SQLite's errors become store errors: an unreadable or corrupt file is E_STORE_UNREADABLE, one
 * that cannot take writes E_STORE_UNWRITABLE. Either way every later article would fail alike, so a batch stops.
 */
export function toStoreError(err: unknown, path: string): unknown {
  if (err instanceof ClaimtraceError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return err;
  const reason = (err as Error).message;
  if (UNREADABLE.test(code)) return new ClaimtraceError('E_STORE_UNREADABLE', { path, reason }, { cause: err });
  if (UNWRITABLE.test(code)) return new ClaimtraceError('E_STORE_UNWRITABLE', { path, reason }, { cause: err });
  return err;
}

/**
 * The store with every method's errors passed through {@link toStoreError}: corruption met in any query (a damaged
 * page is found only when a query reads it, long after the file opened) says E_STORE_UNREADABLE, not E_INTERNAL.
 */
export function guardStore(store: Store): Store {
  return guardStoreErrors(store, (err) => toStoreError(err, store.location));
}
