import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { ClaimtraceError } from '../core/errors.js';
import { countWords, normalisedTextHash, pipelineSignature } from './keys.js';
import { migrate } from './migrate.js';
import { prepareWriters, readReport, writeAnnotations } from './rows.js';
import { guardStore } from './sqlite-errors.js';
import { createSqliteFactChecks } from './sqlite-factchecks.js';
import { createSqliteMatchDecisions } from './sqlite-match-decisions.js';
import { createSqliteFeeds } from './sqlite-feeds.js';
import { createSqliteOutlets } from './sqlite-outlets.js';
import { createSqliteReviews } from './sqlite-reviews.js';
import { createSqliteSearch } from './sqlite-search.js';
import { createSqliteTrace } from './sqlite-trace.js';
import { createTurnQueue } from './turns.js';
import type { ArticleInput, DocumentKey, IngestFailure, Store, StoredDocumentRef, UpsertResult } from './types.js';

export { DEFAULT_DB_PATH } from './defaults.js';

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** Refuse to create a new file (search and other readers): E_INPUT_NOT_FOUND instead. */
  readonly mustExist?: boolean;
}

/**
 * Opens the SQLite store in one file (created and migrated to the latest schema when needed), in WAL mode with foreign
 * keys on. `synchronous = NORMAL`: a committed article survives the process being killed; only an operating-system
 * crash or power loss can lose the last few commits.
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<Store> {
  if (options.mustExist && path !== ':memory:' && !existsSync(path)) throw new ClaimtraceError('E_INPUT_NOT_FOUND', { path });
  const db = openDatabase(path);
  try {
    migrate(db, path);
    return guardStore(createSqliteStore(db, path));
  } catch (err) {
    db.close();
    if (err instanceof ClaimtraceError) throw err;
    throw new ClaimtraceError('E_STORE_UNREADABLE', { path, reason: (err as Error).message }, { cause: err });
  }
}

function openDatabase(path: string): Database.Database {
  try {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (err) {
    throw new ClaimtraceError('E_STORE_UNREADABLE', { path, reason: (err as Error).message }, { cause: err });
  }
}

function createSqliteStore(db: Database.Database, location: string): Store {
  const writers = prepareWriters(db);
  const search = createSqliteSearch(db);
  const tracer = createSqliteTrace(db);
  const outlets = createSqliteOutlets(db);
  const reviews = createSqliteReviews(db);
  const factChecks = createSqliteFactChecks(db);
  const decisions = createSqliteMatchDecisions(db);
  const feeds = createSqliteFeeds(db);
  const byUrl = db.prepare('SELECT id, text_hash AS textHash, pipeline FROM documents WHERE url = ?');
  const byHash = db.prepare('SELECT id, text_hash AS textHash, pipeline FROM documents WHERE url IS NULL AND text_hash = ?');
  const lookup = (key: DocumentKey) => (key.url !== null ? byUrl.get(key.url) : byHash.get(key.textHash)) as StoredDocumentRef | undefined;
  const columns = ['url', 'title', 'byline', 'published', 'site', 'language', 'guid', 'text', 'text_hash', 'word_count', 'generator', 'pipeline', 'sentences', 'input', 'updated_at'];
  const insertDoc = db.prepare(`INSERT INTO documents (${columns.join(', ')}, created_at) VALUES (${columns.map((c) => `@${c}`).join(', ')}, @updated_at)`);
  const updateDoc = db.prepare(`UPDATE documents SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
  const clearFailure = db.prepare('DELETE FROM ingest_failures WHERE input = ?');
  const upsertOne = (article: ArticleInput): UpsertResult => {
    const row = documentRow(article);
    const existing = lookup({ url: row.url, textHash: row.text_hash });
    let documentId: number;
    if (existing) {
      documentId = existing.id;
      updateDoc.run({ ...row, id: documentId });
      for (const clear of writers.clear) clear.run(documentId);
      writeAnnotations(writers, documentId, article.report);
      reviews.relink(documentId);
      decisions.relink(documentId);
    } else {
      documentId = Number(insertDoc.run(row).lastInsertRowid);
      writeAnnotations(writers, documentId, article.report);
    }
    if (article.input !== undefined) clearFailure.run(article.input);
    return { documentId, status: existing ? 'updated' : 'inserted' };
  };
  const upsert = db.transaction(upsertOne);
  const upsertMany = db.transaction((articles: readonly ArticleInput[]): UpsertResult[] => articles.map(upsertOne));
  const recordFailure = db.prepare('INSERT INTO ingest_failures (input, code, message, at) VALUES (@input, @code, @message, @at) ON CONFLICT (input) DO UPDATE SET code = excluded.code, message = excluded.message, at = excluded.at');
  const listFailures = db.prepare('SELECT input, code, message FROM ingest_failures ORDER BY at, input');
  const count = db.prepare('SELECT COUNT(*) AS n FROM documents');
  // Reads that can take milliseconds run one per event-loop turn: a server answers other requests between them.
  const reads = createTurnQueue();
  return {
    location,
    lookup: async (key) => lookup(key),
    upsert: async (article) => upsert.immediate(article),
    upsertMany: async (articles) => upsertMany.immediate(articles),
    getReport: async (documentId) => readReport(db, documentId),
    countDocuments: async () => (count.get() as { n: number }).n,
    search: (query) => reads.run(() => search(query)),
    getClaim: async (documentId, claimId) => tracer.getClaim(documentId, claimId),
    trace: (query) => reads.run(() => tracer.trace(query)),
    outlets: () => reads.run(() => outlets()),
    addReview: async (input) => reviews.addReview(input),
    reviews: async (documentId) => reviews.reviews(documentId),
    listDocuments: (query) => reads.run(() => reviews.listDocuments(query)),
    addMatchDecision: async (input) => decisions.addMatchDecision(input),
    matchDecisions: async (documentId) => decisions.matchDecisions(documentId),
    upsertFactChecks: async (items) => factChecks.upsertFactChecks.immediate(items),
    getFactCheck: async (id) => factChecks.getFactCheck(id),
    listFactChecks: (query) => reads.run(() => factChecks.listFactChecks(query)),
    recordFailure: async (failure: IngestFailure) => void recordFailure.run({ ...failure, at: new Date().toISOString() }),
    failures: async () => listFailures.all() as IngestFailure[],
    getFeedState: async (url) => feeds.getFeedState(url),
    saveFeedState: async (state) => feeds.saveFeedState(state),
    listFeedStates: async () => feeds.listFeedStates(),
    claimFeedItems: async (feedUrl, keys) => feeds.claimFeedItems(feedUrl, keys),
    unseenFeedItems: async (feedUrl, keys) => feeds.unseenFeedItems(feedUrl, keys),
    close: async () => void db.close(),
  };
}

/** The `documents` row of a report. */
function documentRow(article: ArticleInput): Record<string, string | number | null> & { url: string | null; text_hash: string } {
  const { report } = article;
  const doc = report.document;
  return {
    url: doc.url, title: doc.title, byline: doc.byline, published: doc.published, site: doc.site, language: doc.language, guid: doc.guid ?? null,
    text: doc.text,
    text_hash: normalisedTextHash(doc.text),
    word_count: countWords(doc.text),
    generator: JSON.stringify(report.generator),
    pipeline: pipelineSignature(report.generator, article.settings),
    sentences: JSON.stringify(report.sentences.map((s) => [s.id, s.start, s.end])),
    input: article.input ?? null,
    updated_at: new Date().toISOString(),
  };
}
