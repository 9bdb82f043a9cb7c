import type { Command } from 'commander';
import type { QueueStatus } from '../queue/index.js';
import type { CliIo } from './analyze-command.js';
import { EXIT } from './exit-codes.js';
import { oneOf, positiveInteger } from './ingest-command.js';

const FORMATS = ['text', 'json'] as const;

interface QueueFlags {
  queue: string;
  queueName: string;
  format: string;
}

/** Registers `claimtrace queue status|retry-failed|clean`: the state of the ingest queue and its dead letters. */
export function registerQueue(program: Command, io: CliIo): void {
  const queue = program.command('queue').description('the ingest queue of `ingest --queue` and `worker`: status, dead letters, retry, clean');
  const common = (command: Command) =>
    command
      .requiredOption('--queue <url>', 'the queue: redis://host[:port][/db] (rediss:// for TLS)')
      .option('--queue-name <name>', 'name of the queue', 'ingest')
      .option('-f, --format <format>', `output: ${FORMATS.join(', ')}`, 'text');
  common(queue.command('status').description('job counts, throughput (completed per minute) and dead letters (jobs failed for good)'))
    .option('--minutes <n>', 'minutes over which throughput is averaged', '5')
    .option('--limit <n>', 'dead letters listed, newest first', '20')
    .action(async (flags: QueueFlags & { minutes: string; limit: string }) => {
      const format = oneOf(flags.format, FORMATS, '--format');
      const minutes = positiveInteger(flags.minutes, '--minutes');
      const limit = positiveInteger(flags.limit, '--limit');
      const { parseQueueUrl, queueStatus } = await import('../queue/index.js');
      const status = await queueStatus(parseQueueUrl(flags.queue, flags.queueName), { minutes, limit });
      io.stdout.write(format === 'json' ? `${JSON.stringify(status)}\n` : statusText(status));
      io.setExitCode(EXIT.ok);
    });
  common(queue.command('retry-failed').description('put every dead letter back in the queue, its attempts reset')).action(async (flags: QueueFlags) => {
    const format = oneOf(flags.format, FORMATS, '--format');
    const { parseQueueUrl, retryFailed } = await import('../queue/index.js');
    const retried = await retryFailed(parseQueueUrl(flags.queue, flags.queueName));
    io.stdout.write(format === 'json' ? `${JSON.stringify({ retried })}\n` : `claimtrace queue: ${retried} failed jobs put back in the queue\n`);
    io.setExitCode(EXIT.ok);
  });
  common(queue.command('clean').description('remove completed jobs (and dead letters with --failed) older than --grace; their ids can then be enqueued again'))
    .option('--grace <ms>', 'keep jobs finished less than this long ago', '0')
    .option('--failed', 'remove dead letters too')
    .action(async (flags: QueueFlags & { grace: string; failed?: boolean }) => {
      const format = oneOf(flags.format, FORMATS, '--format');
      const graceMs = flags.grace === '0' ? 0 : positiveInteger(flags.grace, '--grace');
      const { cleanQueue, parseQueueUrl } = await import('../queue/index.js');
      const removed = await cleanQueue(parseQueueUrl(flags.queue, flags.queueName), { graceMs, failed: flags.failed === true });
      io.stdout.write(format === 'json' ? `${JSON.stringify({ removed })}\n` : `claimtrace queue: removed ${removed.completed} completed and ${removed.failed} failed jobs\n`);
      io.setExitCode(EXIT.ok);
    });
}

/** The status as a few lines of text. */
function statusText(status: QueueStatus): string {
  const c = status.counts;
  const lines = [
    `queue ${status.queue}: ${c.waiting} waiting, ${c.active} active, ${c.delayed} delayed (retrying), ${c.completed} completed, ${c.failed} failed; ${status.workers ?? '?'} workers connected`,
    `throughput: ${status.throughput.perMinute} completed/min over the last ${status.throughput.minutes} min (${status.throughput.completed} jobs; ${status.completedTotal} completed since the queue was made)`,
  ];
  if (status.deadLetters.length > 0) lines.push('dead letters (newest first):');
  for (const dead of status.deadLetters) lines.push(`  ${dead.input}: ${dead.code}: ${dead.message} (${dead.attempts} attempts, job ${dead.jobId})`);
  if (status.moreDeadLetters > 0) lines.push(`  … and ${status.moreDeadLetters} more (--limit)`);
  return `${lines.join('\n')}\n`;
}
