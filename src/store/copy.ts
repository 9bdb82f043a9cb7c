import { FactCheckSchema, type FactCheck } from '../factchecks/import/schema.js';
import { normalisedTextHash, pipelineSignature } from './keys.js';
import type { ArticleInput, DocumentSummary, StoredDocumentRef, Store, StoredFactCheck, UpsertResult } from './types.js';

/** Options of {@link copyStore}. */
export interface CopyOptions {
  /** Articles written per transaction (default 100). */
  readonly batch?: number;
  /** Stops after the batch in hand; the summary says `interrupted`, and a second run goes on where this one stopped. */
  readonly signal?: AbortSignal;
}

/** Default articles per transaction of a copy. */
export const DEFAULT_COPY_BATCH = 100;
/** Documents listed per page of the source (the listing's largest page). */
const PAGE = 200;

/** One document copied (or found already there), for progress. */
export interface CopyEvent {
  readonly type: 'stored';
  /** The article's URL, or `document N` (its id in the source) when it has none. */
  readonly input: string;
  readonly status: 'inserted' | 'updated' | 'unchanged';
  /** Its id in the destination. */
  readonly documentId: number;
}

/** What a copy did: per kind of record, how many were written and how many were already there. */
export interface CopySummary {
  documents: { inserted: number; updated: number; unchanged: number };
  reviews: { copied: number; present: number };
  matchDecisions: { copied: number; present: number };
  factChecks: { inserted: number; updated: number; unchanged: number };
  failures: number;
  feeds: number;
  elapsedMs: number;
  interrupted: boolean;
}

/**
 * Copies a corpus from one store to another through the Store interface, so any two stores (SQLite, PostgreSQL) work:
 * fact-checks, then every document with its reviews and match decisions, then ingest failures and feed states.
 *
 * Idempotent and resumable: a document is identified by its URL (else its normalised-text hash) as upsert does, and one
 * already in the destination with the same text and pipeline is left as it is; reviews and decisions already there
 * (same claim, verdict, words and reviewer) are not added again; fact-checks, failures and feed states are upserts.
 * Running it again after an interruption (or a crash) copies what is missing and nothing twice. What the interface
 * does not carry stays behind: review and decision timestamps (the copies are dated when copied), the input each
 * article was ingested from, and which feed items were seen.
 */
export async function copyStore(from: Store, to: Store, options: CopyOptions = {}, onEvent: (event: CopyEvent) => void = () => {}): Promise<CopySummary> {
  const started = performance.now();
  const batch = options.batch ?? DEFAULT_COPY_BATCH;
  const summary: CopySummary = {
    documents: { inserted: 0, updated: 0, unchanged: 0 }, reviews: { copied: 0, present: 0 }, matchDecisions: { copied: 0, present: 0 },
    factChecks: { inserted: 0, updated: 0, unchanged: 0 }, failures: 0, feeds: 0, elapsedMs: 0, interrupted: false,
  };
  const stopped = () => options.signal?.aborted === true;
  const factCheckIds = await copyFactChecks(from, to, summary, batch);
  // Oldest stored first (the listing reversed), so the copies are stored in the source's order: their ids, and the
  // listing of undated articles (newest stored first), keep the source's order.
  const listed = await listAll(from);
  for (let i = listed.length; i > 0 && !stopped(); i -= batch) {
    await copyDocuments(from, to, listed.slice(Math.max(0, i - batch), i).reverse(), factCheckIds, summary, onEvent);
  }
  if (!stopped()) {
    const failures = await from.failures();
    for (const failure of failures) await to.recordFailure(failure);
    const feeds = await from.listFeedStates();
    for (const state of feeds) await to.saveFeedState(state);
    summary.failures = failures.length;
    summary.feeds = feeds.length;
  }
  summary.interrupted = stopped();
  summary.elapsedMs = performance.now() - started;
  return summary;
}

/** Every listed document of a store, newest first (the listing's order). */
async function listAll(store: Store): Promise<DocumentSummary[]> {
  const items: DocumentSummary[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listDocuments({ limit: PAGE, offset });
    items.push(...page.items);
    if (page.items.length < PAGE) return items;
  }
}

/** The FactCheck fields of a stored fact-check (without its id and timestamps). */
const FACT_CHECK_FIELDS = Object.keys(FactCheckSchema.shape) as (keyof FactCheck)[];
const asFactCheck = (stored: StoredFactCheck): FactCheck => Object.fromEntries(FACT_CHECK_FIELDS.filter((k) => stored[k] !== undefined).map((k) => [k, stored[k]])) as FactCheck;

/** Upserts every fact-check of the source into the destination; returns the destination id of each source id. */
async function copyFactChecks(from: Store, to: Store, summary: CopySummary, batch: number): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  let afterId = 0;
  for (;;) {
    const page = await from.listFactChecks({ afterId, limit: PAGE });
    for (let i = 0; i < page.items.length; i += batch) {
      const items = page.items.slice(i, i + batch);
      const results = await to.upsertFactChecks(items.map(asFactCheck));
      results.forEach((r, j) => {
        ids.set(items[j]!.id, r.id);
        summary.factChecks[r.status]++;
      });
    }
    if (page.items.length < PAGE) return ids;
    afterId = page.items.at(-1)!.id;
  }
}

/** The settings part of a stored pipeline signature, so that the copy is stored with the same signature. */
function settingsOf(pipeline: string, report: ArticleInput['report']): string | undefined {
  const bare = pipelineSignature(report.generator);
  return pipeline.startsWith(`${bare} `) ? pipeline.slice(bare.length + 1) : undefined;
}

/** Copies one batch of listed documents: the changed ones in one transaction, then each one's reviews and decisions. */
async function copyDocuments(from: Store, to: Store, items: readonly DocumentSummary[], factCheckIds: ReadonlyMap<number, number>, summary: CopySummary, onEvent: (event: CopyEvent) => void): Promise<void> {
  const pending: { item: DocumentSummary; article: ArticleInput }[] = [];
  const done: { item: DocumentSummary; documentId: number; status: UpsertResult['status'] | 'unchanged' }[] = [];
  for (const item of items) {
    const report = await from.getReport(item.documentId);
    if (!report) continue; // deleted from the source since it was listed
    const key = { url: report.document.url, textHash: normalisedTextHash(report.document.text) };
    const [source, there] = await Promise.all([from.lookup(key), to.lookup(key)]);
    if (there && source && sameAnalysis(there, source)) done.push({ item, documentId: there.id, status: 'unchanged' });
    else pending.push({ item, article: { report, ...(source ? { settings: settingsOf(source.pipeline, report) } : {}) } });
  }
  if (pending.length > 0) {
    const results = await to.upsertMany(pending.map((p) => p.article));
    results.forEach((r, i) => done.push({ item: pending[i]!.item, documentId: r.documentId, status: r.status }));
  }
  for (const { item, documentId, status } of done) {
    // The listing counts the claims with a current review: none means no reviews to read.
    if (item.reviewed > 0) await copyReviews(from, to, item.documentId, documentId, summary);
    await copyDecisions(from, to, item.documentId, documentId, factCheckIds, summary);
    summary.documents[status]++;
    onEvent({ type: 'stored', input: item.url ?? `document ${item.documentId}`, status, documentId });
  }
}

function sameAnalysis(a: StoredDocumentRef, b: StoredDocumentRef): boolean {
  return a.textHash === b.textHash && a.pipeline === b.pipeline;
}

/** Takes one matching entry out of a multiset of keys; true when there was one. */
function take(present: Map<string, number>, key: string): boolean {
  const n = present.get(key) ?? 0;
  if (n === 0) return false;
  present.set(key, n - 1);
  return true;
}

function multiset(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** Adds the source document's reviews that the destination's copy does not have yet, oldest first. */
async function copyReviews(from: Store, to: Store, sourceId: number, targetId: number, summary: CopySummary): Promise<void> {
  const reviews = await from.reviews(sourceId);
  if (reviews.length === 0) return;
  const key = (r: { claimId: string; rating: string; explanation: string; evidenceUrls: readonly string[]; reviewer: string }) => JSON.stringify([r.claimId, r.rating, r.explanation, r.evidenceUrls, r.reviewer]);
  const present = multiset((await to.reviews(targetId)).map(key));
  for (const r of reviews) {
    if (take(present, key(r))) summary.reviews.present++;
    else {
      await to.addReview({ documentId: targetId, claimId: r.claimId, rating: r.rating, explanation: r.explanation, evidenceUrls: r.evidenceUrls, reviewer: r.reviewer });
      summary.reviews.copied++;
    }
  }
}

/** Adds the source document's match decisions that the destination's copy does not have yet, with fact-check ids mapped. */
async function copyDecisions(from: Store, to: Store, sourceId: number, targetId: number, factCheckIds: ReadonlyMap<number, number>, summary: CopySummary): Promise<void> {
  const decisions = await from.matchDecisions(sourceId);
  if (decisions.length === 0) return;
  const key = (d: { claimId: string; factCheckId: number; decision: string; reviewer: string; note?: string }) => JSON.stringify([d.claimId, d.factCheckId, d.decision, d.reviewer, d.note ?? '']);
  const present = multiset((await to.matchDecisions(targetId)).map(key));
  for (const d of decisions) {
    const factCheckId = factCheckIds.get(d.factCheckId);
    if (factCheckId === undefined) continue; // its fact-check is gone from the source
    const copy = { documentId: targetId, claimId: d.claimId, factCheckId, decision: d.decision, reviewer: d.reviewer, ...(d.note ? { note: d.note } : {}) };
    if (take(present, key(copy))) summary.matchDecisions.present++;
    else {
      await to.addMatchDecision(copy);
      summary.matchDecisions.copied++;
    }
  }
}
