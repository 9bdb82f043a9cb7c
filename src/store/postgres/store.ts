import type pg from 'pg';
import { guardStoreErrors } from '../guard.js';
import type { StoreOptions } from '../open.js';
import type { ArticleInput, DocumentKey, IngestFailure, Store, StoredDocumentRef } from '../types.js';
import { createPool, parsePostgresTarget, toPgStoreError, type PgConnectOptions, type PgTarget } from './connect.js';
import { createPostgresFactChecks } from './factchecks.js';
import { createPostgresFeeds } from './feeds.js';
import { createPostgresMatchDecisions } from './match-decisions.js';
import { migratePostgres } from './migrate.js';
import { createPostgresOutlets } from './outlets.js';
import { readReport } from './read.js';
import { createPostgresReviews } from './reviews.js';
import { createPostgresSearch } from './search.js';
import { createPostgresTrace } from './trace.js';
import { inTransaction } from './transaction.js';
import { lockArticles, writeArticle } from './write.js';

/** Options of {@link openPostgresStore}: those of every store (`mustExist`) and the PostgreSQL ones (schema, pool size). */
export type PostgresStoreOptions = StoreOptions & PgConnectOptions;

/**
 * Opens the PostgreSQL store at a `postgres://` URL: a connection pool, the schema migrated to the latest version
 * (under an advisory lock, so processes starting together do not race), and every Store method on top. Nothing a second
 * process needs lives in this one: workers and servers can share one database. Errors reaching the server, logging in
 * or finding the database are E_STORE_UNREADABLE, with the password left out; with `mustExist`, a database where
 * claimtrace never wrote is E_INPUT_NOT_FOUND.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const target = parsePostgresTarget(url, options);
  const pool = createPool(target, options);
  try {
    await migratePostgres(pool, { schema: target.schema, location: target.location, mustExist: options.mustExist });
  } catch (err) {
    await pool.end().catch(() => {});
    throw toPgStoreError(err, target);
  }
  return guardPgStore(createPostgresStore(pool, target.location), target);
}

function createPostgresStore(pool: pg.Pool, location: string): Store {
  const search = createPostgresSearch(pool);
  const tracer = createPostgresTrace(pool);
  const outlets = createPostgresOutlets(pool);
  const reviews = createPostgresReviews(pool);
  const factChecks = createPostgresFactChecks(pool);
  const feeds = createPostgresFeeds(pool);
  const decisions = createPostgresMatchDecisions(pool);
  const lookup = async (key: DocumentKey): Promise<StoredDocumentRef | undefined> => {
    const { rows } = key.url !== null
      ? await pool.query<StoredDocumentRef>('SELECT id, text_hash AS "textHash", pipeline FROM documents WHERE url = $1', [key.url])
      : await pool.query<StoredDocumentRef>('SELECT id, text_hash AS "textHash", pipeline FROM documents WHERE url IS NULL AND text_hash = $1', [key.textHash]);
    return rows[0];
  };
  const upsertMany = (articles: readonly ArticleInput[]) => {
    if (articles.length === 0) return Promise.resolve([]);
    return inTransaction(pool, async (client) => {
      const now = new Date().toISOString();
      await lockArticles(client, articles);
      const results = [];
      for (const article of articles) results.push(await writeArticle(client, article, now));
      return results;
    });
  };
  let closed: Promise<void> | undefined;
  return {
    location,
    lookup,
    upsert: async (article) => (await upsertMany([article]))[0]!,
    upsertMany,
    getReport: (documentId) => readReport(pool, documentId),
    countDocuments: async () => (await pool.query<{ n: number }>('SELECT count(*) AS n FROM documents')).rows[0]!.n,
    search,
    getClaim: (documentId, claimId) => tracer.getClaim(documentId, claimId),
    trace: (query) => tracer.trace(query),
    outlets,
    addReview: reviews.addReview,
    reviews: reviews.reviews,
    listDocuments: reviews.listDocuments,
    upsertFactChecks: factChecks.upsertFactChecks,
    getFactCheck: factChecks.getFactCheck,
    listFactChecks: factChecks.listFactChecks,
    getFeedState: feeds.getFeedState,
    saveFeedState: feeds.saveFeedState,
    listFeedStates: feeds.listFeedStates,
    claimFeedItems: feeds.claimFeedItems,
    unseenFeedItems: feeds.unseenFeedItems,
    addMatchDecision: decisions.addMatchDecision,
    matchDecisions: decisions.matchDecisions,
    recordFailure: async (failure: IngestFailure) => {
      await pool.query(`INSERT INTO ingest_failures (input, code, message, at) VALUES ($1, $2, $3, now())
        ON CONFLICT (input) DO UPDATE SET code = EXCLUDED.code, message = EXCLUDED.message, at = EXCLUDED.at`, [failure.input, failure.code, failure.message]);
    },
    failures: async () => (await pool.query<IngestFailure>('SELECT input, code, message FROM ingest_failures ORDER BY at, input COLLATE "C"')).rows,
    close: () => (closed ??= pool.end()),
  };
}

/** The store with every method's errors passed through {@link toPgStoreError} (a server gone mid-run says E_STORE_UNREADABLE). */
function guardPgStore(store: Store, target: PgTarget): Store {
  return guardStoreErrors(store, (err) => toPgStoreError(err, target));
}
