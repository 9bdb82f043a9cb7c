import { Worker } from 'node:worker_threads';
import { ClaimtraceError } from '../core/errors.js';
import type { Report } from '../core/report-schema.js';
import type { AnalyzeOptions } from '../engine/options.js';
import type { DocumentKey } from '../store/types.js';
import { errorFromData, type ErrorData } from './article.js';
import type { ArticleSource } from './source.js';

/** A message from the main thread to a worker. */
export type ToWorker = { type: 'prepare'; id: number; source: ArticleSource } | { type: 'analyse' | 'drop'; id: number };
/** A message from a worker to the main thread. */
export type FromWorker =
  | { type: 'prepared'; id: number; key: DocumentKey; extractMs: number }
  | { type: 'done'; id: number; report: Report; analyzeMs: number }
  | { type: 'failed'; id: number; error: ErrorData };

/** What a worker made of one article: analysed, or left alone because `check` said so. */
export type WorkerOutcome = { kind: 'analysed'; key: DocumentKey; report: Report; extractMs: number; analyzeMs: number } | { kind: 'skipped'; key: DocumentKey; extractMs: number };

/** Decides, from the extracted article's key, whether it needs analysing (false: already stored as it is). */
export type KeyCheck = (key: DocumentKey) => Promise<boolean>;

/** Worker threads that extract and analyse articles; the caller keeps the store. */
export interface WorkerPool {
  /** Articles sent and not yet answered. */
  readonly inFlight: number;
  /** Extracts the article in a worker, asks `check`, and analyses it when `check` says so; rejects with a ClaimtraceError. */
  run(source: ArticleSource, check: KeyCheck): Promise<WorkerOutcome>;
  /** Stops every worker. */
  close(): Promise<void>;
}

interface Job {
  readonly check: KeyCheck;
  readonly resolve: (outcome: WorkerOutcome) => void;
  readonly reject: (error: ClaimtraceError) => void;
  key?: DocumentKey;
  extractMs?: number;
}

interface Slot {
  readonly worker: Worker;
  readonly jobs: Map<number, Job>;
  dead: boolean;
}

/** How to start a worker: a file, or (from source) a few lines that register tsx and then import the `.ts` entry. */
interface WorkerEntry {
  readonly spec: URL | string;
  readonly eval: boolean;
}

/**
 * `worker.js` beside this file in the compiled package. From source (tsx), Node 20 does not apply `--import tsx` to a
 * worker's own entry, so the worker registers tsx's loader itself before importing `worker.ts`.
 */
function workerEntry(): WorkerEntry {
  if (!import.meta.url.endsWith('.ts')) return { spec: new URL('./worker.js', import.meta.url), eval: false };
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  return { spec: `import(${api}).then((tsx) => { tsx.register(); return import(${entry}); });`, eval: true };
}

/** Starts `size` workers (at least one), each loading the pipeline once. */
export function createWorkerPool(size: number, analyze: AnalyzeOptions): WorkerPool {
  const entry = workerEntry();
  const slots: Slot[] = Array.from({ length: Math.max(1, size) }, () => startSlot(entry, analyze));
  let nextId = 0;
  return {
    get inFlight() {
      return slots.reduce((n, slot) => n + slot.jobs.size, 0);
    },
    run(source, check) {
      const slot = leastBusy(slots);
      if (!slot) return Promise.reject(new ClaimtraceError('E_INTERNAL', { reason: 'every ingest worker has stopped' }));
      const id = nextId++;
      return new Promise<WorkerOutcome>((resolve, reject) => {
        slot.jobs.set(id, { check, resolve, reject });
        slot.worker.postMessage({ type: 'prepare', id, source } satisfies ToWorker);
      });
    },
    async close() {
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

function leastBusy(slots: readonly Slot[]): Slot | undefined {
  let best: Slot | undefined;
  for (const slot of slots) if (!slot.dead && (!best || slot.jobs.size < best.jobs.size)) best = slot;
  return best;
}

function startSlot(entry: WorkerEntry, analyze: AnalyzeOptions): Slot {
  const worker = new Worker(entry.spec, { eval: entry.eval, workerData: { analyze } });
  const slot: Slot = { worker, jobs: new Map(), dead: false };
  worker.on('message', (message: FromWorker) => void onMessage(slot, message));
  const fail = (reason: string) => {
    slot.dead = true;
    for (const job of slot.jobs.values()) job.reject(new ClaimtraceError('E_INTERNAL', { reason: `ingest worker stopped: ${reason}` }));
    slot.jobs.clear();
  };
  worker.on('error', (err) => fail(err.message));
  worker.on('exit', (code) => fail(`exit code ${code}`));
  return slot;
}

async function onMessage(slot: Slot, message: FromWorker): Promise<void> {
  const job = slot.jobs.get(message.id);
  if (!job) return;
  if (message.type === 'failed') {
    slot.jobs.delete(message.id);
    job.reject(errorFromData(message.error));
  } else if (message.type === 'done') {
    slot.jobs.delete(message.id);
    job.resolve({ kind: 'analysed', key: job.key!, report: message.report, extractMs: job.extractMs ?? 0, analyzeMs: message.analyzeMs });
  } else {
    job.key = message.key;
    job.extractMs = message.extractMs;
    await decide(slot, job, message.id);
  }
}

async function decide(slot: Slot, job: Job, id: number): Promise<void> {
  let analyse: boolean;
  try {
    analyse = await job.check(job.key!);
  } catch (err) {
    slot.worker.postMessage({ type: 'drop', id } satisfies ToWorker);
    slot.jobs.delete(id);
    job.reject(err instanceof ClaimtraceError ? err : new ClaimtraceError('E_INTERNAL', { reason: String(err) }));
    return;
  }
  slot.worker.postMessage({ type: analyse ? 'analyse' : 'drop', id } satisfies ToWorker);
  if (!analyse) {
    slot.jobs.delete(id);
    job.resolve({ kind: 'skipped', key: job.key!, extractMs: job.extractMs ?? 0 });
  }
}
