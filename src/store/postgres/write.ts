import type pg from 'pg';
import { ClaimtraceError } from '../../core/errors.js';
import type { Report } from '../../core/report-schema.js';
import { countWords, normalisedTextHash, pipelineSignature } from '../keys.js';
import { claimHolder } from '../report-rows.js';
import { LIVE_REVIEW } from '../review-rows.js';
import type { ArticleInput, UpsertResult } from '../types.js';
import { RELINK_DECISIONS_SQL } from './match-decisions.js';

const DOCUMENT_COLUMNS = ['url', 'title', 'byline', 'published', 'site', 'language', 'text', 'text_hash', 'word_count', 'generator', 'pipeline', 'sentences', 'input', 'updated_at', 'guid'] as const;

/** The `documents` row of an article, in DOCUMENT_COLUMNS order. */
function documentValues(article: ArticleInput, now: string): unknown[] {
  const { report } = article;
  const doc = report.document;
  return [
    doc.url, doc.title, doc.byline, doc.published, doc.site, doc.language, doc.text, normalisedTextHash(doc.text), countWords(doc.text),
    JSON.stringify(report.generator), pipelineSignature(report.generator, article.settings), JSON.stringify(report.sentences.map((s) => [s.id, s.start, s.end])),
    article.input ?? null, now, doc.guid ?? null,
  ];
}

/**
 * Inserts the document or, when one with its key exists (same URL; or no URL and the same normalised text), updates
 * it in place: one statement, so two workers upserting the same article at once meet on the unique index and the
 * second waits for the first and updates its row (never a second document). `xmax = 0` tells a fresh row.
 */
function upsertDocumentSql(hasUrl: boolean): string {
  const values = DOCUMENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
  const target = hasUrl ? '(url) WHERE url IS NOT NULL' : '(text_hash) WHERE url IS NULL';
  // The input's recorded failure goes in the same statement (input is parameter 13; NULL deletes nothing); created_at is
  // the update time (parameter 14).
  return `WITH cleared AS (DELETE FROM ingest_failures WHERE input = $13)
    INSERT INTO documents (${DOCUMENT_COLUMNS.join(', ')}, created_at) VALUES (${values}, $14)
    ON CONFLICT ${target} DO UPDATE SET ${DOCUMENT_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
    RETURNING id, (xmax = 0) AS inserted`;
}
const UPSERT_WITH_URL = upsertDocumentSql(true);
const UPSERT_WITHOUT_URL = upsertDocumentSql(false);

/** Every annotation row of a document gone, in one statement (its reviews stay: they follow wording, see relink). */
const CLEAR_SQL = `WITH e AS (DELETE FROM entities WHERE document_id = $1), q AS (DELETE FROM quantities WHERE document_id = $1),
  a AS (DELETE FROM attributions WHERE document_id = $1), t AS (DELETE FROM techniques WHERE document_id = $1),
  f AS (DELETE FROM findings WHERE document_id = $1), c AS (DELETE FROM claims WHERE document_id = $1) SELECT 1`;

/**
 * Every annotation and finding of a report in one statement: one array parameter per column, unnested per table.
 * Claims go first so that each figure row names the claim holding it (by the claim's seq, joined to the new ids).
 */
const INSERT_SQL = `WITH c AS (
    INSERT INTO claims (document_id, seq, ann_id, start_offset, end_offset, text, checkworthiness, kind, grade, attribution_ids, fact_checks)
    SELECT $1, * FROM unnest($2::int[], $3::text[], $4::int[], $5::int[], $6::text[], $7::float8[], $8::text[], $9::text[], $10::text[], $65::text[])
    RETURNING id, seq
  ), e AS (
    INSERT INTO entities (document_id, seq, ann_id, start_offset, end_offset, text, type, entity_key)
    SELECT $1, * FROM unnest($11::int[], $12::text[], $13::int[], $14::int[], $15::text[], $16::text[], $17::text[])
  ), q AS (
    INSERT INTO quantities (document_id, seq, ann_id, start_offset, end_offset, text, value, low, high, bound, kind, unit, claim_id)
    SELECT $1, u.seq, u.ann_id, u.s, u.e, u.text, u.value, u.low, u.high, u.bound, u.kind, u.unit, c.id
    FROM unnest($18::int[], $19::text[], $20::int[], $21::int[], $22::text[], $23::float8[], $24::float8[], $25::float8[], $26::text[], $27::text[], $28::text[], $29::int[])
      AS u(seq, ann_id, s, e, text, value, low, high, bound, kind, unit, claim_seq)
    LEFT JOIN c ON c.seq = u.claim_seq
  ), a AS (
    INSERT INTO attributions (document_id, seq, ann_id, grade, hedged, source_start, source_end, source_text, cue_start, cue_end, cue_text,
      content_start, content_end, resolves_start, resolves_end, resolves_text, resolves_id, parent_id, entity_ids)
    SELECT $1, * FROM unnest($30::int[], $31::text[], $32::text[], $33::bool[], $34::int[], $35::int[], $36::text[], $37::int[], $38::int[], $39::text[],
      $40::int[], $41::int[], $42::int[], $43::int[], $44::text[], $45::text[], $46::text[], $47::text[])
  ), t AS (
    INSERT INTO techniques (document_id, seq, ann_id, start_offset, end_offset, text, technique, score, evidence)
    SELECT $1, * FROM unnest($48::int[], $49::text[], $50::int[], $51::int[], $52::text[], $53::text[], $54::float8[], $55::text[])
  ), f AS (
    INSERT INTO findings (document_id, seq, rule, severity, message, start_offset, end_offset, line, col, annotation_ids)
    SELECT $1, * FROM unnest($56::int[], $57::text[], $58::text[], $59::text[], $60::int[], $61::int[], $62::int[], $63::int[], $64::text[])
  ) SELECT 1`;

/** Columns of rows as arrays (one per column), the shape unnest takes. */
function columns<T>(items: readonly T[], ...pick: ((item: T, i: number) => unknown)[]): unknown[][] {
  return pick.map((f) => items.map((item, i) => f(item, i)));
}

/** The parameters of INSERT_SQL for a report. */
function annotationParams(documentId: number, report: Report): unknown[] {
  const seq = (_: unknown, i: number) => i;
  const holding = claimHolder(report.claims);
  return [
    documentId,
    ...columns(report.claims, seq, (c) => c.id, (c) => c.start, (c) => c.end, (c) => c.text, (c) => c.checkworthiness, (c) => c.kind, (c) => c.grade, (c) => JSON.stringify(c.attributionIds)),
    ...columns(report.entities, seq, (e) => e.id, (e) => e.start, (e) => e.end, (e) => e.text, (e) => e.type, (e) => e.entity ?? null),
    ...columns(report.quantities, seq, (q) => q.id, (q) => q.start, (q) => q.end, (q) => q.text, (q) => q.value, (q) => q.low, (q) => q.high, (q) => q.bound, (q) => q.kind, (q) => q.unit,
      (q) => { const c = holding(q); return c < 0 ? null : c; }),
    ...columns(report.attributions, seq, (a) => a.id, (a) => a.grade, (a) => a.hedged, (a) => a.source?.start ?? null, (a) => a.source?.end ?? null, (a) => a.source?.text ?? null,
      (a) => a.cue.start, (a) => a.cue.end, (a) => a.cue.text, (a) => a.content.start, (a) => a.content.end,
      (a) => a.resolvesTo?.start ?? null, (a) => a.resolvesTo?.end ?? null, (a) => a.resolvesTo?.text ?? null, (a) => a.resolvesTo?.id ?? null, (a) => a.parent, (a) => JSON.stringify(a.entityIds)),
    ...columns(report.techniques, seq, (t) => t.id, (t) => t.start, (t) => t.end, (t) => t.text, (t) => t.technique, (t) => t.score, (t) => t.evidence),
    ...columns(report.findings, seq, (f) => f.rule, (f) => f.severity, (f) => f.message, (f) => f.start, (f) => f.end, (f) => f.line, (f) => f.col, (f) => JSON.stringify(f.annotationIds)),
    report.claims.map((c) => (c.factChecks === undefined ? null : JSON.stringify(c.factChecks))),
  ];
}

/**
 * After an upsert: a review or match decision whose wording moved to another claim id follows it (the first claim with
 * that text). One statement for both tables.
 */
const RELINK_SQL = `WITH r AS (UPDATE reviews AS r SET claim_id = (SELECT c.ann_id FROM claims c WHERE c.document_id = r.document_id AND c.text = r.claim_text ORDER BY c.seq LIMIT 1)
    WHERE r.document_id = $1 AND NOT ${LIVE_REVIEW} AND EXISTS (SELECT 1 FROM claims c WHERE c.document_id = r.document_id AND c.text = r.claim_text)),
  m AS (${RELINK_DECISIONS_SQL})
  SELECT 1`;

/** Document fields (every annotation's text is a slice of the document text, so these cover all article text). */
const TEXT_FIELDS = ['text', 'title', 'byline', 'published', 'site', 'url', 'language', 'guid'] as const;

/**
 * PostgreSQL text cannot hold U+0000 (SQLite can), and the text must not change (every offset points into it): an
 * article carrying one is refused with E_STORE_VALUE before anything is written, as a failure of that article alone.
 */
function refuseNul(article: ArticleInput): void {
  const doc = article.report.document;
  const field = TEXT_FIELDS.find((f) => doc[f]?.includes('\u0000'));
  if (field === undefined) return;
  throw new ClaimtraceError('E_STORE_VALUE', { path: 'PostgreSQL', input: article.input ?? doc.url ?? 'an article', reason: `its ${field} contains a NUL character (U+0000), which PostgreSQL text cannot hold` });
}

/**
 * Takes the transaction-level advisory lock of each article's key (its URL, else its normalised-text hash) in one
 * sorted order, before any row is written: two workers storing overlapping batches in different orders then wait for
 * each other instead of deadlocking on the document rows. Keys are hashed to 64 bits within the current schema.
 */
export async function lockArticles(client: pg.ClientBase, articles: readonly ArticleInput[]): Promise<void> {
  const keys = [...new Set(articles.map(({ report }) => report.document.url ?? `#${normalisedTextHash(report.document.text)}`))];
  // One article holds one document row lock and waits for no other row: it cannot be part of a deadlock.
  if (keys.length < 2) return;
  await client.query(`SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(current_schema() || ' ' || key, 0) AS k FROM unnest($1::text[]) AS key ORDER BY 1) AS sorted`, [keys]);
}

/**
 * Stores one article inside the caller's transaction: the document row (inserted or updated under its row lock) and
 * its recorded failure cleared, then every annotation row in one statement; two round trips for a new article. An
 * update first clears the old annotation rows (a statement of its own: it must see rows a concurrent writer committed
 * while this one waited for the row lock) and then relinks reviews and match decisions.
 */
export async function writeArticle(client: pg.ClientBase, article: ArticleInput, now: string): Promise<UpsertResult> {
  refuseNul(article);
  const values = documentValues(article, now);
  const { rows } = await client.query<{ id: number; inserted: boolean }>(article.report.document.url === null ? UPSERT_WITHOUT_URL : UPSERT_WITH_URL, values);
  const { id: documentId, inserted } = rows[0]!;
  if (!inserted) await client.query(CLEAR_SQL, [documentId]);
  await client.query(INSERT_SQL, annotationParams(documentId, article.report));
  if (!inserted) await client.query(RELINK_SQL, [documentId]);
  return { documentId, status: inserted ? 'inserted' : 'updated' };
}
