import type { Store } from './types.js';

/**
 * The store with every method's errors passed through `toError` (each store's one place where driver errors become
 * store errors); `location` is kept, other non-function fields are left out. Pure wrapper: no database access.
 */
export function guardStoreErrors(store: Store, toError: (err: unknown) => unknown): Store {
  const guarded: Record<string, unknown> = { location: store.location };
  for (const [name, value] of Object.entries(store)) {
    if (typeof value !== 'function') continue;
    guarded[name] = async (...args: unknown[]) => {
      try {
        return await (value as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (err) {
        throw toError(err);
      }
    };
  }
  return guarded as unknown as Store;
}
