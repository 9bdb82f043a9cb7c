/**
 * A worker entry for tests of the pool's deadline: the real worker, except that an article whose text holds
 * {@link HANG} never finishes (an endless loop, as the 65-byte page of issue 12 once did in Readability), and one
 * holding {@link CRASH} makes the thread exit. Not part of the build.
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './pool.js';

/** Text that makes the test worker loop forever once it starts on the article. */
export const HANG = 'claimtrace-test-hang';
/** Text that makes the test worker's thread exit. */
export const CRASH = 'claimtrace-test-crash';
/** This module, to give the pool as its worker entry. */
export const TEST_WORKER = new URL(import.meta.url);

if (!isMainThread && parentPort) {
  const port = parentPort;
  const { handle } = await import('./worker.js');
  // Takes the real worker's place on the port (which delivers no message before this task ends) and wraps it.
  port.off('message', handle);
  port.on('message', (message: ToWorker) => {
    const text = message.type === 'prepare' ? new TextDecoder().decode(message.source.bytes) : '';
    if (!text.includes(HANG) && !text.includes(CRASH)) return handle(message);
    port.postMessage({ type: 'started', id: message.id } satisfies FromWorker);
    // Works a little first, as a worker running out of memory would, so that `started` reaches the pool before the exit.
    const until = Date.now() + (text.includes(CRASH) ? 300 : Infinity);
    while (Date.now() < until);
    process.exit(3);
  });
}
