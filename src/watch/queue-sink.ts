import { ClaimtraceError } from '../core/errors.js';
import { checkReachable, parseQueueUrl, redisOptions } from '../queue/connection.js';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, KEEP_COMPLETED } from '../queue/enqueue.js';
import { jobIdFor, toJobData } from '../queue/job-data.js';
import type { ItemSink } from './sink.js';

/**
 * Hands new items to the ingest queue (`claimtrace worker` analyses them): one job per item with the queue's
 * deterministic id and retry settings, as `claimtrace queue add` makes them. Resolves once Redis has the job.
 * E_QUEUE_URL_INVALID / E_QUEUE_UNREACHABLE when the queue cannot be used.
 */
export async function createQueueSink(url: string, name?: string): Promise<ItemSink> {
  const target = parseQueueUrl(url, name);
  await checkReachable(target);
  const { Queue } = await import('bullmq');
  const queue = new Queue(target.name, { connection: redisOptions(target, true), prefix: target.prefix });
  const jobOptions = { attempts: DEFAULT_ATTEMPTS, backoff: { type: 'exponential', delay: DEFAULT_BACKOFF_MS }, removeOnComplete: KEEP_COMPLETED, removeOnFail: false };
  return {
    async deliver(source) {
      const data = toJobData(source);
      const jobId = jobIdFor(data);
      try {
        // An id already taken makes BullMQ ignore the add; the state read before tells which it was.
        const state = await queue.getJobState(jobId);
        await queue.add(data.kind, data, { ...jobOptions, jobId });
        return state === 'unknown' ? 'enqueued' : 'already-queued';
      } catch (err) {
        if (err instanceof ClaimtraceError) throw err;
        throw new ClaimtraceError('E_QUEUE_UNREACHABLE', { url: target.display, reason: err instanceof Error ? err.message : String(err) }, { cause: err });
      }
    },
    close: () => queue.close(),
  };
}
