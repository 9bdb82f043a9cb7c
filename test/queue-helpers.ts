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
import { obliterateQueue, parseQueueUrl, type QueueTarget } from '../src/queue/index.js';

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
