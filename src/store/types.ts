import type { SourceGrade } from '../core/annotations.js';
import type { Report } from '../core/report-schema.js';
import type { FactCheck } from '../factchecks/import/schema.js';
import type { MatchDecision, MatchDecisionInput } from '../review/match-decisions.js';
import type { Review, ReviewInput } from '../review/types.js';
import type { FigureMutation } from '../trace/mutations.js';
import type { TraceFigure } from '../trace/similarity.js';
import type { Span } from '../trace/terms.js';

/**
 * The corpus store: analysed articles as rows (documents, claims, attributions, quantities, entities, techniques,
 * findings), each annotation with UTF-16 offsets into its document's text, plus full-text search.
 *
 * Every method returns a Promise, even where the SQLite implementation works synchronously: a PostgreSQL store (kysely
 * over node-postgres) is asynchronous by nature, and callers written with `await` then need no change.
 */
export interface Store {
  /** Where the store lives, for messages (a file path, a connection name). */
  readonly location: string;
  /** The stored document with this URL or, for documents without a URL, this normalised-text hash. */
  lookup(key: DocumentKey): Promise<StoredDocumentRef | undefined>;
  /** Inserts a report, or replaces every row of the same article (same URL; or no URL and same normalised text). One transaction. */
  upsert(article: ArticleInput): Promise<UpsertResult>;
  /** Upserts several articles in one transaction (all or none), each as {@link upsert} would; results in the same order. */
  upsertMany(articles: readonly ArticleInput[]): Promise<UpsertResult[]>;
  /** The report rebuilt from the rows of a document. */
  getReport(documentId: number): Promise<Report | undefined>;
  /** How many documents are stored. */
  countDocuments(): Promise<number>;
  /** Full-text search over document titles and texts and over claims, ranked by bm25 (best first). */
  search(query: SearchQuery): Promise<SearchResult>;
  /** A stored claim by its document id and annotation id ("c3"), with its figures; undefined when there is none. */
  getClaim(documentId: number, claimId: string): Promise<TraceClaim | undefined>;
  /** The same claim or figure across the corpus, reworded or reformatted, in publication order. */
  trace(query: TraceQuery): Promise<TraceResult>;
  /** Per outlet (site) and per month: claims by source grade, unsourced-statistic rate, technique rates. */
  outlets(): Promise<OutletProfile[]>;
  /**
   * Records a reviewer's verdict on a claim of a stored document (validated as `validateReviewInput` does:
   * E_REQUEST_INVALID; E_NOT_FOUND when the document or the claim id does not exist).
   */
  addReview(input: ReviewInput): Promise<Review>;
  /**
   * The reviews of a document, oldest first: every review whose claim is still in the document with the wording it
   * was reviewed on. After a re-ingest, a review follows its wording to a new claim id; a review whose wording is gone
   * stays stored but is not listed.
   */
  reviews(documentId: number): Promise<Review[]>;
  /** Stored documents, newest published first (undated last, then newest stored first), with the site/from/to filters of search. */
  listDocuments(query: DocumentListQuery): Promise<DocumentList>;
  /** Records an input that could not be ingested (replacing an earlier record for the same input). */
  recordFailure(failure: IngestFailure): Promise<void>;
  /** Recorded failures, oldest first. */
  failures(): Promise<IngestFailure[]>;
  /**
   * Stores published fact-checks in one transaction (all or none): a fact-check with the review URL and claim of a
   * stored one (both normalised, see `factCheckKey`) updates it, never duplicates it. Results in the same order.
   * Each is validated by `FactCheckSchema` (E_REQUEST_INVALID).
   */
  upsertFactChecks(factChecks: readonly FactCheck[]): Promise<FactCheckUpsertResult[]>;
  /** A stored fact-check by its id; undefined when there is none. */
  getFactCheck(id: number): Promise<StoredFactCheck | undefined>;
  /**
   * Stored fact-checks, newest review first (undated last, then newest stored first); with `afterId`, those with a larger
   * id in id order instead (keyset paging: the matcher reads every fact-check this way). `limit` default 20, at most 200.
   * `total` counts every stored fact-check; without `afterId`, `lastUpdatedAt` is the newest `updatedAt` of any.
   */
  listFactChecks(query?: FactCheckListQuery): Promise<FactCheckList>;
  /** The polling state of a watched feed; undefined when it was never saved. */
  getFeedState(url: string): Promise<FeedState | undefined>;
  /** Inserts or replaces the polling state of a feed (validated: E_REQUEST_INVALID). */
  saveFeedState(state: FeedState): Promise<void>;
  /** Every saved feed state, by URL. */
  listFeedStates(): Promise<FeedState[]>;
  /**
   * Records item keys (GUID, else link) of a feed as seen; returns the keys not seen before, in input order, each once.
   * Atomic: when two callers claim the same key, exactly one gets it back.
   */
  claimFeedItems(feedUrl: string, keys: readonly string[]): Promise<string[]>;
  /** The keys of a feed not recorded as seen yet, in input order, each once; records nothing (a read). */
  unseenFeedItems(feedUrl: string, keys: readonly string[]): Promise<string[]>;
  /**
   * Records a reviewer's decision (accepted / rejected) on a fact-check matched to a claim of a stored document,
   * validated as `validateMatchDecisionInput` does (E_REQUEST_INVALID); E_NOT_FOUND when the document, the claim id or
   * the fact-check does not exist. Decisions are history: each call adds one.
   */
  addMatchDecision(input: MatchDecisionInput): Promise<MatchDecision>;
  /**
   * The match decisions of a document, oldest first; the newest per (claimId, factCheckId) is current. Like reviews,
   * a decision follows its claim's wording to a new claim id after a re-ingest, and is not listed while the wording is gone.
   */
  matchDecisions(documentId: number): Promise<MatchDecision[]>;
  /** Releases the store; further calls fail. */
  close(): Promise<void>;
}

/** Polling state of one watched feed (ISO 8601 instants). */
export interface FeedState {
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastPolledAt: string | null;
  readonly nextPollAt: string | null;
  readonly lastStatus: number | null;
  /** An error code of the last poll, e.g. E_URL_TIMEOUT; null when it succeeded. */
  readonly lastError: string | null;
}

export type { MatchDecision, MatchDecisionInput } from '../review/match-decisions.js';

/** How an article is identified: its URL when it has one, otherwise the hash of its normalised text. */
export interface DocumentKey {
  readonly url: string | null;
  readonly textHash: string;
}

/** What the store knows about a stored document without loading it. */
export interface StoredDocumentRef {
  readonly id: number;
  readonly textHash: string;
  /** The pipeline signature it was analysed with (see `pipelineSignature`). */
  readonly pipeline: string;
}

/** A report to store, with how it was produced. */
export interface ArticleInput {
  readonly report: Report;
  /** Options that change the analysis (threshold, models); part of the pipeline signature. */
  readonly settings?: string;
  /** Where it came from (a path, `file.jsonl:12`); kept for messages. */
  readonly input?: string;
}

/** The outcome of an upsert. */
export interface UpsertResult {
  readonly documentId: number;
  readonly status: 'inserted' | 'updated';
}

/** A search request. Dates are ISO 8601 (`2024`, `2024-03`, `2024-03-14`); `to` is inclusive. */
export interface SearchQuery {
  readonly text: string;
  readonly site?: string;
  readonly from?: string;
  readonly to?: string;
  /** Claims whose best attribution has this grade; document hits are left out when set. */
  readonly grade?: SourceGrade;
  /** Most hits returned (default 20). */
  readonly limit?: number;
}

/** A search hit: a document (title/text match) or a claim. */
export interface SearchHit {
  readonly kind: 'document' | 'claim';
  readonly documentId: number;
  readonly url: string | null;
  readonly title: string | null;
  readonly site: string | null;
  readonly published: string | null;
  /** A few words around the matches. */
  readonly snippet: string;
  /** Where the matched terms are in `snippet` (UTF-16, end exclusive). */
  readonly highlights: readonly (readonly [number, number])[];
  /** bm25 score; lower is better, as SQLite reports it. */
  readonly score: number;
  /** For claim hits: the claim, with offsets into the document text. */
  readonly claim?: { readonly id: string; readonly start: number; readonly end: number; readonly grade: SourceGrade; readonly checkworthiness: number };
}

/** The hits of a search, best first. */
export interface SearchResult {
  readonly query: string;
  /** How many articles and claims match in all (with the filters): `hits` holds the best `limit` of them. */
  readonly total: number;
  readonly hits: readonly SearchHit[];
}

/** A page of the document listing. Dates as in {@link SearchQuery}; `limit` default 20, at most 200; `offset` default 0. */
export interface DocumentListQuery {
  readonly site?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** A stored document without its text: metadata and review progress. */
export interface DocumentSummary {
  readonly documentId: number;
  readonly url: string | null;
  readonly title: string | null;
  readonly site: string | null;
  readonly published: string | null;
  readonly words: number;
  readonly claims: number;
  /** Claims with a current review. */
  readonly reviewed: number;
}

/** How many documents match the filters, and one page of them. */
export interface DocumentList {
  readonly total: number;
  readonly items: readonly DocumentSummary[];
}

/** An input that failed to ingest. */
export interface IngestFailure {
  readonly input: string;
  readonly code: string;
  readonly message: string;
}

/** Opens (creating and migrating when needed) a store; the conformance suite takes one of these. */
export type StoreFactory = () => Promise<Store>;

/** A claim to trace: its text and its figures (offsets relative to `text`, as the quantities annotator found them). */
export interface TraceQuery {
  readonly text: string;
  readonly figures: readonly TraceFigure[];
  /** Spans of `text` left out of the comparison: the sources and cues of its attributions. */
  readonly masks?: readonly Span[];
  /** Least similarity (0–1) a match needs; default {@link DEFAULT_TRACE_THRESHOLD} of sqlite-trace. */
  readonly threshold?: number;
  /** Most matches returned (default 100). */
  readonly limit?: number;
}

/** A stored claim with its document and figures (figure offsets relative to the claim text). */
export interface TraceClaim {
  readonly documentId: number;
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly figures: readonly TraceFigure[];
  /** Sources and cues of the attributions inside the claim (offsets relative to the claim text). */
  readonly masks: readonly Span[];
}

/** Who an article attributes a matched claim to. */
export interface TraceAttribution {
  readonly id: string;
  /** The source as written, or null when the cue names none. */
  readonly source: string | null;
  readonly grade: SourceGrade;
  readonly hedged: boolean;
  /** What an anaphoric source ("the ministry") resolves to, when known. */
  readonly resolvesTo: string | null;
}

/** A figure of a matched claim, with offsets into its document's text (and its annotation id). */
export interface TraceQuantity extends TraceFigure {
  readonly id: string;
}

/** One article's appearance of the traced claim (its best-matching claim). */
export interface TraceMatch {
  readonly documentId: number;
  readonly url: string | null;
  readonly title: string | null;
  readonly site: string | null;
  readonly published: string | null;
  readonly claimId: string;
  /** The claim's range in the document text (UTF-16, end exclusive). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly similarity: number;
  readonly attribution: readonly TraceAttribution[];
  readonly quantities: readonly TraceQuantity[];
}

/** Matches in publication order (undated last), the earliest dated one, and how the figures changed on the way. */
export interface TraceResult {
  readonly query: string;
  readonly matches: readonly TraceMatch[];
  readonly earliest: TraceMatch | null;
  readonly mutations: readonly FigureMutation[];
}

/** Counts and rates of one outlet over one period (or over all time). */
export interface OutletFigures {
  readonly articles: number;
  readonly words: number;
  readonly claims: number;
  /** Claims by the grade of their source, with their share of all claims (0–1). */
  readonly grades: Readonly<Record<SourceGrade, { readonly count: number; readonly share: number }>>;
  /** Claims that contain a figure. */
  readonly claimsWithFigures: number;
  /** `unsourced-statistic` findings. */
  readonly unsourcedStatistics: number;
  /** unsourcedStatistics / claimsWithFigures (0 when there are none). */
  readonly unsourcedStatisticRate: number;
  /** Technique spans per 1,000 words, all techniques together. */
  readonly techniquesPer1000Words: number;
  /** Per technique: count and rate per 1,000 words. */
  readonly techniques: Readonly<Record<string, { readonly count: number; readonly per1000Words: number }>>;
}

/** One outlet's profile: overall and by month (YYYY-MM of publication; null for undated articles). */
export interface OutletProfile extends OutletFigures {
  readonly site: string | null;
  readonly months: readonly (OutletFigures & { readonly month: string | null })[];
}

/** A stored fact-check: the record, its id, and when it was first stored and last changed (ISO 8601 instants). */
export interface StoredFactCheck extends FactCheck {
  readonly id: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The outcome of storing one fact-check: new, changed, or the same as stored. */
export interface FactCheckUpsertResult {
  readonly id: number;
  readonly status: 'inserted' | 'updated' | 'unchanged';
}

/** A page of the fact-check listing. */
export interface FactCheckListQuery {
  readonly limit?: number;
  readonly offset?: number;
  /** Keyset paging in id order: only fact-checks whose id is larger, smallest id first (`offset` is then ignored). */
  readonly afterId?: number;
}

/** How many fact-checks are stored, and one page of them. */
export interface FactCheckList {
  readonly total: number;
  readonly items: readonly StoredFactCheck[];
  /**
   * The newest `updatedAt` of any stored fact-check, null when none: with `total`, tells a cached matcher that they
   * changed. Given by listings without `afterId` only (it costs a scan of the table, too much for every page).
   */
  readonly lastUpdatedAt?: string | null;
}
