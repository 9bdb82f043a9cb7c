/**
 * Runs synchronous tasks one per turn of the event loop, in order (setImmediate): between two tasks Node reads the
 * sockets, so a server that queues fifty searches still answers /healthz after at most one of them, not after all
 * fifty. A task waits for the ones queued before it; none runs inside the caller's own turn.
 */
export interface TurnQueue {
  /** Tasks queued and not yet run. */
  readonly waiting: number;
  run<T>(task: () => T): Promise<T>;
}

/** A {@link TurnQueue}. */
export function createTurnQueue(): TurnQueue {
  const tasks: (() => void)[] = [];
  let scheduled = false;
  const next = () => {
    scheduled = false;
    tasks.shift()?.();
    if (tasks.length > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(next);
  };
  return {
    get waiting() {
      return tasks.length;
    },
    run<T>(task: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        tasks.push(() => {
          try {
            resolve(task());
          } catch (err) {
            reject(err);
          }
        });
        schedule();
      });
    },
  };
}
