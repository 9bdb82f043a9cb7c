/** Loading a JSON resource for a view: data, loading flag and reload; failures go to the app's alert. */
import { useEffect, useState } from 'preact/hooks';
import { apiGet } from '../api/client.js';
import { useErrors } from './errors.js';

/** The state of a load. */
export interface Loaded<T> {
  readonly data: T | null;
  readonly loading: boolean;
  /** Loads again (after a write). */
  reload(): void;
  /** Replaces the data locally (after a write answered with the new state). */
  set(data: T): void;
}

/** Loads `path` whenever it changes; null loads nothing. */
export function useApi<T>(path: string | null): Loaded<T> {
  const errors = useErrors();
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setLoading(true);
    apiGet<T>(path)
      .then((value) => live && setData(value))
      .catch((err: unknown) => live && errors.show(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [path, tick]);
  return { data, loading, reload: () => setTick((t) => t + 1), set: setData };
}
