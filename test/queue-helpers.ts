/**
 * Helpers of the queue tests: a queue of its own per test (a unique name, obliterated after), articles written by the
 * project, and `claimtrace worker` processes whose NDJSON events can be awaited. Needs Redis on 127.0.0.1:6379.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { obliterateQueue, parseQueueUrl, queueStatus, type QueueTarget } from '../src/queue/index.js';
import { openStore } from '../src/store/open.js';
import { cli } from './cli-helpers.js';

/** The Redis server of the tests. */
export const REDIS_URL = 'redis://127.0.0.1:6379';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A fresh queue name and temp folder; `cleanup` obliterates the queue and removes the folder. */
export function testQueue(): { name: string; target: QueueTarget; dir: string; cleanup: () => Promise<void> } {
  const name = `test-${process.pid}-${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-queue-'));
  const target = parseQueueUrl(REDIS_URL, name);
  return {
    name,
    target,
    dir,
    cleanup: async () => {
      await obliterateQueue(target);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A short news article, different for each `i` (the project's own text). */
export function article(i: number): string {
  return [
    `The harbour board of Port ${i} said on Monday that ${i + 12} fishing boats were damaged in the storm.`,
    `"We counted ${i + 3} boats that sank outright," said Mara Quill, the board's chief engineer.`,
    `Repairs will cost about ${i + 2} million pounds, according to an estimate published by the council.`,
    `Critics say the sea wall, built in ${1950 + i}, should have been raised years ago.`,
  ].join('\n\n');
}

/** Writes `n` articles as text files into `dir`; returns their paths. */
export function writeArticles(dir: string, n: number, first = 0): string[] {
  return Array.from({ length: n }, (_, k) => {
    const path = join(dir, `article-${String(first + k).padStart(3, '0')}.txt`);
    writeFileSync(path, article(first + k));
    return path;
  });
}

/** A `claimtrace worker` process with its events (parsed NDJSON lines of stdout). */
export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly events: Record<string, unknown>[];
  /** Resolves with the first event (past or future) that matches; rejects after `timeoutMs`. */
  waitFor(match: (event: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  readonly exited: Promise<number | string>;
  stderr(): string;
}

/** Starts `node --import tsx src/cli/main.ts worker --format json ...args` from the repository. */
export function spawnWorker(args: readonly string[], env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--format', 'json', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const events: Record<string, unknown>[] = [];
  const waiters: { match: (event: Record<string, unknown>) => boolean; resolve: (event: Record<string, unknown>) => void }[] = [];
  let buffer = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.trim() === '') continue;
      const event = JSON.parse(line) as Record<string, unknown>;
      events.push(event);
      for (const waiter of [...waiters]) {
        if (waiter.match(event)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(event);
        }
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    child,
    events,
    exited,
    stderr: () => stderr,
    waitFor(match, timeoutMs = 30_000) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching worker event in ${timeoutMs} ms; events: ${JSON.stringify(events)}; stderr: ${stderr}`)), timeoutMs);
        waiters.push({ match, resolve: (event) => (clearTimeout(timer), resolve(event)) });
      });
    },
  };
}

/** Short locks, so that a killed worker's job is delivered again within a few seconds. */
export const FAST_STALL = ['--lock-duration', '2000', '--stalled-interval', '1000'];

/**
 * Enqueues 8 articles, runs two workers on the store `db` (a SQLite path or a PostgreSQL URL), one made slow and killed
 * with SIGKILL while it holds a job, and checks that the other takes that job up again, that every article is stored
 * exactly once (`rows`: documents and distinct text hashes in the store's table) and that nothing is lost or failed.
 */
export async function killOneOfTwoWorkers(q: ReturnType<typeof testQueue>, db: string, spawn: typeof spawnWorker, rows: () => Promise<{ n: number; texts: number }>): Promise<void> {
  const N = 8;
  const inputs = writeArticles(q.dir, N);
  await (await openStore(db)).close(); // migrated before two processes open it
  const enqueued = await cli(['ingest', ...inputs, '--queue', REDIS_URL, '--queue-name', q.name, '--format', 'json']);
  assert.equal(enqueued.code, 0, enqueued.stderr);
  assert.equal(JSON.parse(enqueued.stdout).enqueued, N);

  // Rule-based annotators only (--no-models): the workers start sooner, and the queue behaves the same.
  const args = ['--queue', REDIS_URL, '--queue-name', q.name, '--db', db, '--no-models', ...FAST_STALL];
  // The slow worker takes one job and sleeps on it; the other works normally.
  const slow = spawn([...args, '--concurrency', '1'], { CLAIMTRACE_QUEUE_TEST_DELAY_MS: '600000' });
  const taken = await slow.waitFor((e) => e.event === 'active', 45_000);
  const steady = spawn([...args, '--until-empty']);
  await steady.waitFor((e) => e.event === 'completed', 45_000);
  slow.child.kill('SIGKILL');
  assert.equal(await slow.exited, 'SIGKILL');

  // The killed worker's job is taken up again by the other once its lock expires; then the queue is empty.
  const redelivered = await steady.waitFor((e) => e.event === 'completed' && e.jobId === taken.jobId, 30_000);
  assert.equal(redelivered.input, taken.input);
  assert.ok(steady.events.some((e) => e.event === 'stalled' && e.jobId === taken.jobId), 'found stalled by the live worker');
  assert.equal(await steady.exited, 0, steady.stderr());
  const summary = steady.events.at(-1)!;
  assert.equal(summary.schema, 'claimtrace/worker-summary@1');
  assert.equal(summary.completed, N);
  assert.equal(summary.failed, 0);

  const store = await openStore(db);
  try {
    assert.equal(await store.countDocuments(), N);
    assert.deepEqual(await store.failures(), []);
  } finally {
    await store.close();
  }
  assert.deepEqual(await rows(), { n: N, texts: N });
  const status = await queueStatus(q.target);
  assert.deepEqual(status.counts, { waiting: 0, active: 0, completed: N, failed: 0, delayed: 0 });
  assert.equal(status.throughput.completed, N);
}
