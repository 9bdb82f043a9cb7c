// One matcher per process over the store's fact-checks, for analyze, ingest and the server. Built on first use and
// only when the store holds fact-checks (the re-ranker model is loaded then, not before); kept while the store's
// stamp (how many fact-checks, newest change) stays the same. The stamp is read again at most every `maxAgeMs`
// (never for a CLI run: Infinity), so a server sees imports made by other instances within that time, and at once
// after `invalidate()` (this instance imported). While a rebuild runs, the previous matcher goes on answering.
import type { Report } from '../../core/report-schema.js';
import type { Store } from '../../store/types.js';
import type { Reranker } from '../match/reranker.js';
import { createMatcherOverInSteps, type FactCheckMatcher } from '../match/store-match.js';
import { factCheckStamp, readAllFactChecks, sameStamp, type FactCheckStamp } from '../match/store-load.js';
import { addFactChecks, auditClaimMatcher } from './already-checked.js';

/** Options of {@link createFactCheckAudit}. */
export interface FactCheckAuditOptions {
  /** How long a stamp is trusted before the store is asked again, in ms (default Infinity: read once). */
  readonly maxAgeMs?: number;
  /** Loads the re-ranker (default: the committed model, loaded on first need). */
  readonly loadModel?: () => Reranker | Promise<Reranker>;
  /** The clock, in ms (tests). */
  readonly now?: () => number;
}

/** The fact-check side of an analysis: a matcher kept up to date with a store, and the report step that uses it. */
export interface FactCheckAudit {
  /** The matcher over the store's fact-checks, or undefined when none are stored. */
  matcher(): Promise<FactCheckMatcher | undefined>;
  /** Forgets the stamp: the next use reads it again (and rebuilds when it changed). */
  invalidate(): void;
  /** The report with its check-worthy claims matched; the same report, untouched, when no fact-checks are stored. */
  annotate(report: Report, threshold: number): Promise<Report>;
}

async function committedModel(): Promise<Reranker> {
  const { loadReranker } = await import('../../engine/predict/match.js');
  return loadReranker();
}

/** A {@link FactCheckAudit} over a store. */
export function createFactCheckAudit(store: Store, options: FactCheckAuditOptions = {}): FactCheckAudit {
  const maxAgeMs = options.maxAgeMs ?? Number.POSITIVE_INFINITY;
  const now = options.now ?? Date.now;
  let model: Promise<Reranker> | undefined;
  let current: { matcher: FactCheckMatcher | undefined; stamp: FactCheckStamp } | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  /** Bumped by invalidate(): this instance changed the fact-checks, so uses after it wait for a matcher read since. */
  let generation = 0;
  /** The generation the current matcher's stamp was read in. */
  let readIn = -1;
  let refreshing: { generation: number; promise: Promise<FactCheckMatcher | undefined> } | undefined;

  const build = async (stamp: FactCheckStamp): Promise<FactCheckMatcher | undefined> => {
    if (stamp.total === 0) return undefined;
    model ??= Promise.resolve((options.loadModel ?? committedModel)());
    // Read after the stamp: a change while reading shows as a newer stamp at the next check.
    return createMatcherOverInSteps(await readAllFactChecks(store), await model);
  };
  const refresh = async (gen: number): Promise<FactCheckMatcher | undefined> => {
    const stamp = await factCheckStamp(store);
    const sameAsCurrent = current !== undefined && sameStamp(current.stamp, stamp);
    const matcher = sameAsCurrent ? current!.matcher : await build(stamp);
    if (gen >= readIn) {
      current = { matcher, stamp };
      readIn = gen;
      checkedAt = now();
    }
    return matcher;
  };
  const matcher = async (): Promise<FactCheckMatcher | undefined> => {
    if (current && readIn === generation && now() - checkedAt < maxAgeMs) return current.matcher;
    if (refreshing?.generation !== generation) {
      const gen = generation;
      const promise = refresh(gen).finally(() => {
        if (refreshing?.promise === promise) refreshing = undefined;
      });
      refreshing = { generation: gen, promise };
    }
    if (!current || readIn !== generation) return refreshing.promise;
    // Only the stamp's age ran out (another instance may have changed them): the previous matcher answers while the
    // store is read again; a failed read is tried again at the next use.
    refreshing.promise.catch(() => {});
    return current.matcher;
  };
  return {
    matcher,
    invalidate() {
      generation++;
    },
    async annotate(report, threshold) {
      const m = await matcher();
      return m ? addFactChecks(report, auditClaimMatcher(m), threshold) : report;
    },
  };
}
