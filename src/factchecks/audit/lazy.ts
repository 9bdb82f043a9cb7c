import type { Report } from '../../core/report-schema.js';
import type { Store } from '../../store/types.js';
import type { FactCheckAudit } from './provider.js';

/** What a long-running writer (ingest, a queue worker, watch) asks of the fact-check audit before it stores a report. */
export type ReportFactChecker = (report: Report, threshold: number) => Promise<Report>;

/**
 * Matches reports against the store's fact-checks before they are stored, with the matcher (and its model) loaded only
 * on first use and only when fact-checks are stored. `given`: a shared audit, false for none, undefined for one over
 * `store` made here. `maxAgeMs`: how long the store's fact-check stamp is trusted before it is read again, so that a
 * process that runs for hours (a worker, watch) sees fact-checks imported meanwhile (default: read once).
 */
export function lazyFactChecker(store: Store, given?: FactCheckAudit | false, maxAgeMs?: number): ReportFactChecker {
  let audit: Promise<FactCheckAudit> | undefined;
  return async (report, threshold) => {
    if (given === false) return report;
    audit ??= given
      ? Promise.resolve(given)
      : import('./provider.js').then((m) => m.createFactCheckAudit(store, maxAgeMs === undefined ? {} : { maxAgeMs }));
    return (await audit).annotate(report, threshold);
  };
}
