import { Worker } from 'node:worker_threads';
import { ClaimtraceError } from '../core/errors.js';
import type { Report } from '../core/report-schema.js';
import type { AnalyzeOptions } from '../engine/options.js';
import type { DocumentKey } from '../store/types.js';
import { errorFromData, type ErrorData } from './error-data.js';
import { analysisDeadlineMs } from './deadline.js';
import type { ArticleSource } from './source.js';

/** A message from the main thread to a worker. */
export type ToWorker = { type: 'prepare'; id: number; source: ArticleSource } | { type: 'analyse' | 'drop'; id: number };
/** A message from a worker to the main thread: `started` comes before each piece of work, `ready` once loaded. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'started'; id: number }
  | { type: 'prepared'; id: number; key: DocumentKey; extractMs: number }
  | { type: 'done'; id: number; report: Report; analyzeMs: number }
  | { type: 'failed'; id: number; error: ErrorData };

/** What a worker made of one article: analysed, or left alone because `check` said so. */
export type WorkerOutcome = { kind: 'analysed'; key: DocumentKey; report: Report; extractMs: number; analyzeMs: number } | { kind: 'skipped'; key: DocumentKey; extractMs: number };

/** Decides, from the extracted article's key, whether it needs analysing (false: already stored as it is). */
export type KeyCheck = (key: DocumentKey) => Promise<boolean>;

/** Options of one {@link WorkerPool.run}. */
export interface RunOptions {
  /** Cancels the article: taken out of the queue, or its worker terminated and replaced when it is being worked on. */
  readonly signal?: AbortSignal;
}

/** The pool's state for a health check. */
export interface PoolHealth {
  /** Worker threads the pool keeps (0: the calling thread does the work). */
  readonly workers: number;
  /** Workers loaded and taking articles. */
  readonly ready: number;
  /** Why the pool cannot be trusted to finish its work, if it cannot (empty when healthy). */
  readonly problems: readonly string[];
}

/** Worker threads that extract and analyse articles; the caller keeps the store. */
export interface WorkerPool {
  /** Articles sent and not yet answered. */
  readonly inFlight: number;
  /**
   * Extracts the article in a worker, asks `check`, and analyses it when `check` says so; rejects with a
   * ClaimtraceError: E_TIMEOUT when the work passes its deadline (see deadline.ts), whose worker is then terminated
   * and replaced, the articles waiting on it being sent again.
   */
  run(source: ArticleSource, check: KeyCheck, options?: RunOptions): Promise<WorkerOutcome>;
  /** Whether the workers are alive and none is stuck past a deadline. */
  health(): PoolHealth;
  /** Stops every worker; articles not yet answered are refused. */
  close(): Promise<void>;
}

/** Options of {@link createWorkerPool}. */
export interface PoolOptions {
  /** The worker's entry module (default: worker.ts beside this file; tests give one that can be made to hang). */
  readonly entry?: URL;
  /** Heap limit of each worker, in MB: an analysis that needs more fails alone instead of the process. */
  readonly maxHeapMb?: number;
}

interface Job {
  readonly source: ArticleSource;
  readonly check: KeyCheck;
  readonly resolve: (outcome: WorkerOutcome) => void;
  readonly reject: (error: ClaimtraceError) => void;
  /** Worker time the article may take, in ms, and what it has taken in earlier steps. */
  readonly budgetMs: number;
  usedMs: number;
  /** Message id of the current dispatch: a new one each time the article is sent to a worker. */
  id: number;
  /** Times the article has been sent to a worker. */
  sent: number;
  slot?: Slot;
  key?: DocumentKey;
  extractMs?: number;
  /** Cancelled by its signal: its answer is dropped, but the work still counts against its worker's deadline. */
  cancelled: boolean;
  readonly unlisten: () => void;
}

interface Slot {
  readonly worker: Worker;
  readonly jobs: Map<number, Job>;
  state: 'starting' | 'ready' | 'stopping';
  running?: { readonly job: Job; readonly since: number; readonly timer: NodeJS.Timeout };
}

/** Consecutive workers that die before they are loaded, after which a slot is given up. */
const MAX_START_FAILURES = 3;
/** Times an article is sent to a worker before it fails, should its workers keep stopping under it. */
const MAX_SENDS = 4;
/** A terminated worker that has not exited after this long is reported stuck. */
const TERMINATE_GRACE_MS = 5_000;
/**
 * Default old-generation limit of a worker's heap. A 5 MB input needs well under it; V8 sizes a heap's growth by its
 * limit, and with Node's default (several GB) two busy workers let garbage pile up (server RSS +43 MB per 20 s of load
 * at 8 requests/s, against +12-16 MB at 28 requests/s with 512 MB; bench:api). An analysis that needs more fails alone
 * (its worker is replaced), not the process.
 */
const DEFAULT_MAX_HEAP_MB = 512;

/** How to start a worker: a file, or (from source) a few lines that register tsx and then import the `.ts` entry. */
interface WorkerEntry {
  readonly spec: URL | string;
  readonly eval: boolean;
}

/**
 * `worker.js` beside this file in the compiled package. From source (tsx), Node 20 does not apply `--import tsx` to a
 * worker's own entry, so the worker registers tsx's loader itself before importing `worker.ts`.
 */
function workerEntry(module?: URL): WorkerEntry {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = module ?? new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url);
  if (!url.pathname.endsWith('.ts')) return { spec: url, eval: false };
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return { spec: `import(${api}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, eval: true };
}

/** Starts `size` workers (at least one), each loading the pipeline once; every article has a hard deadline. */
export function createWorkerPool(size: number, analyze: AnalyzeOptions, poolOptions: PoolOptions = {}): WorkerPool {
  const entry = workerEntry(poolOptions.entry);
  const maxHeapMb = poolOptions.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
  const slots: (Slot | null)[] = [];
  /** Terminated workers not yet exited, with when they were told to stop. */
  const stopping = new Map<Worker, number>();
  let startFailures = 0;
  let nextId = 0;
  let closed = false;

  const start = (index: number): Slot => {
    const worker = new Worker(entry.spec, { eval: entry.eval, workerData: { analyze }, resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    const slot: Slot = { worker, jobs: new Map(), state: 'starting' };
    let error: string | undefined;
    worker.on('message', (message: FromWorker) => onMessage(slot, message));
    worker.on('error', (err) => (error = err.message));
    worker.on('exit', (code) => {
      stopping.delete(worker);
      if (slot.state !== 'stopping') lost(index, slot, error ?? `exit code ${code}`);
    });
    slots[index] = slot;
    return slot;
  };

  /** A worker that stopped by itself: the article it was working on fails, the others go to the other workers. */
  const lost = (index: number, slot: Slot, reason: string) => {
    if (slot.state === 'starting') startFailures++;
    const running = slot.running?.job;
    retire(slot, false);
    if (running) slot.jobs.delete(running.id);
    if (running) finish(running);
    if (running && !running.cancelled) running.reject(new ClaimtraceError('E_INTERNAL', { reason: `analysis worker stopped: ${reason}` }));
    replace(index, slot);
  };

  /** Terminates a worker and starts another in its place; the articles waiting on it are sent again. */
  const replace = (index: number, slot: Slot) => {
    if (slots[index] !== slot || closed) return;
    const giveUp = startFailures >= MAX_START_FAILURES;
    if (giveUp) slots[index] = null;
    else start(index);
    const waiting = [...slot.jobs.values()];
    slot.jobs.clear();
    for (const job of waiting) if (!job.cancelled) dispatch(job);
  };

  /** Takes a worker out of service, terminating it unless it has exited already. */
  const retire = (slot: Slot, terminate = true) => {
    if (slot.running) clearTimeout(slot.running.timer);
    slot.running = undefined;
    if (slot.state === 'stopping') return;
    slot.state = 'stopping';
    if (!terminate) return;
    stopping.set(slot.worker, performance.now());
    void slot.worker.terminate();
  };

  /** The article being worked on passed its deadline: it fails with E_TIMEOUT and its worker is replaced. */
  const expire = (slot: Slot, job: Job) => {
    slot.jobs.delete(job.id);
    finish(job);
    if (!job.cancelled) job.reject(new ClaimtraceError('E_TIMEOUT', { task: `Analysing ${job.source.label}`, ms: job.budgetMs }));
    retire(slot);
    replace(slots.indexOf(slot), slot);
  };

  const dispatch = (job: Job) => {
    const slot = leastBusy(slots);
    if (!slot) {
      finish(job);
      job.reject(new ClaimtraceError('E_INTERNAL', { reason: closed ? 'the analysis pool is closed' : 'every analysis worker has stopped and none could be restarted' }));
      return;
    }
    if (job.sent >= MAX_SENDS) {
      finish(job);
      job.reject(new ClaimtraceError('E_INTERNAL', { reason: `${MAX_SENDS} analysis workers stopped while ${job.source.label} was waiting on them` }));
      return;
    }
    job.sent++;
    job.id = nextId++;
    job.slot = slot;
    job.usedMs = 0;
    job.key = undefined;
    slot.jobs.set(job.id, job);
    slot.worker.postMessage({ type: 'prepare', id: job.id, source: job.source } satisfies ToWorker);
  };

  const finish = (job: Job) => job.unlisten();

  const onMessage = (slot: Slot, message: FromWorker) => {
    if (message.type === 'ready') {
      slot.state = slot.state === 'starting' ? 'ready' : slot.state;
      startFailures = 0;
      return;
    }
    const job = slot.jobs.get(message.id);
    if (!job) {
      // An article prepared for a dispatch that no longer exists: the worker lets it go.
      if (message.type === 'prepared') slot.worker.postMessage({ type: 'drop', id: message.id } satisfies ToWorker);
      return;
    }
    if (message.type === 'started') {
      const timer = setTimeout(() => expire(slot, job), Math.max(0, job.budgetMs - job.usedMs));
      slot.running = { job, since: performance.now(), timer };
      return;
    }
    if (slot.running?.job === job) {
      clearTimeout(slot.running.timer);
      job.usedMs += performance.now() - slot.running.since;
      slot.running = undefined;
    }
    if (message.type === 'prepared') {
      job.key = message.key;
      job.extractMs = message.extractMs;
      void decide(slot, job, message.id);
      return;
    }
    slot.jobs.delete(message.id);
    finish(job);
    if (job.cancelled) return;
    if (message.type === 'failed') job.reject(errorFromData(message.error));
    else job.resolve({ kind: 'analysed', key: job.key!, report: message.report, extractMs: job.extractMs ?? 0, analyzeMs: message.analyzeMs });
  };

  const decide = async (slot: Slot, job: Job, id: number) => {
    let analyse = false;
    let failure: ClaimtraceError | undefined;
    try {
      analyse = !job.cancelled && (await job.check(job.key!));
    } catch (err) {
      failure = err instanceof ClaimtraceError ? err : new ClaimtraceError('E_INTERNAL', { reason: String(err) });
    }
    // The worker may have been replaced meanwhile: the article was then sent again, under another id.
    if (slot.jobs.get(id) !== job) return;
    slot.worker.postMessage({ type: analyse ? 'analyse' : 'drop', id } satisfies ToWorker);
    if (analyse) return;
    slot.jobs.delete(id);
    finish(job);
    if (job.cancelled) return;
    if (failure) job.reject(failure);
    else job.resolve({ kind: 'skipped', key: job.key!, extractMs: job.extractMs ?? 0 });
  };

  /** Cancelled while waiting: forgotten. While being worked on: its worker is terminated and replaced. */
  const cancel = (job: Job, reason: unknown) => {
    if (job.cancelled) return;
    job.cancelled = true;
    finish(job);
    job.reject(abortError(reason, job.source.label, job.budgetMs));
    const slot = job.slot;
    if (!slot || slot.jobs.get(job.id) !== job) return;
    if (slot.running?.job === job) {
      slot.jobs.delete(job.id);
      retire(slot);
      replace(slots.indexOf(slot), slot);
    } else if (job.key !== undefined) {
      // Prepared and waiting for the check: decide() drops it.
    } else {
      // Still in the worker's inbox: it will announce it with `started`, and its deadline still applies there.
    }
  };

  for (let i = 0; i < Math.max(1, size); i++) start(i);

  return {
    get inFlight() {
      return slots.reduce((n, slot) => n + (slot ? [...slot.jobs.values()].filter((job) => !job.cancelled).length : 0), 0);
    },
    run(source, check, options = {}) {
      return new Promise<WorkerOutcome>((resolve, reject) => {
        const signal = options.signal;
        const onAbort = () => cancel(job, signal?.reason);
        const job: Job = {
          source,
          check,
          resolve,
          reject,
          budgetMs: analysisDeadlineMs(source.bytes.byteLength, analyze),
          usedMs: 0,
          id: -1,
          sent: 0,
          cancelled: false,
          unlisten: () => signal?.removeEventListener('abort', onAbort),
        };
        if (signal?.aborted) return reject(abortError(signal.reason, source.label, job.budgetMs));
        signal?.addEventListener('abort', onAbort, { once: true });
        dispatch(job);
      });
    },
    health() {
      const now = performance.now();
      const problems: string[] = [];
      const given = slots.filter((slot) => slot === null).length;
      if (given > 0) problems.push(`${given} of ${slots.length} analysis workers could not be restarted (${MAX_START_FAILURES} failed starts in a row)`);
      for (const since of stopping.values()) {
        if (now - since > TERMINATE_GRACE_MS) problems.push(`an analysis worker told to stop (past a deadline or cancelled) has not exited after ${Math.round((now - since) / 1000)} s`);
      }
      for (const slot of slots) {
        const running = slot?.running;
        if (running && now - running.since > running.job.budgetMs - running.job.usedMs + TERMINATE_GRACE_MS) {
          problems.push(`an analysis has run ${Math.round((now - running.since) / 1000)} s, past its deadline of ${Math.round(running.job.budgetMs / 1000)} s, and was not stopped`);
        }
      }
      return { workers: slots.length, ready: slots.filter((slot) => slot?.state === 'ready').length, problems };
    },
    async close() {
      closed = true;
      const live = slots.filter((slot): slot is Slot => slot !== null);
      for (const slot of live) {
        slot.state = 'stopping';
        if (slot.running) clearTimeout(slot.running.timer);
      }
      await Promise.all(live.map((slot) => slot.worker.terminate()));
      for (const slot of live) {
        for (const job of slot.jobs.values()) {
          finish(job);
          if (!job.cancelled) job.reject(new ClaimtraceError('E_INTERNAL', { reason: 'the analysis pool was closed before the article was analysed' }));
        }
        slot.jobs.clear();
      }
    },
  };
}

/** The signal's reason when it is a ClaimtraceError (the server's E_TIMEOUT), else E_TIMEOUT for the article. */
function abortError(reason: unknown, label: string, budgetMs: number): ClaimtraceError {
  return reason instanceof ClaimtraceError ? reason : new ClaimtraceError('E_TIMEOUT', { task: `Analysing ${label}`, ms: budgetMs });
}

/** The worker with the fewest articles, a loaded one before one still starting. */
function leastBusy(slots: readonly (Slot | null)[]): Slot | undefined {
  let best: Slot | undefined;
  const load = (slot: Slot) => slot.jobs.size + (slot.state === 'starting' ? 0.5 : 0);
  for (const slot of slots) if (slot && slot.state !== 'stopping' && (!best || load(slot) < load(best))) best = slot;
  return best;
}
