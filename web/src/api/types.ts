/**
 * The HTTP API's shapes as the app sees them. Report, Review and the store's result types come from the core (type
 * imports only: nothing of the server is bundled).
 */
import type { Report } from '../../../src/core/report-schema.js';
import type { RatingId, RatingStep, Review } from '../../../src/review/types.js';
import type { DocumentSummary, OutletFigures, OutletProfile, SearchHit, TraceMatch, TraceResult } from '../../../src/store/types.js';
import type { FigureMutation } from '../../../src/trace/mutations.js';

export type { DocumentSummary, FigureMutation, OutletFigures, OutletProfile, RatingId, RatingStep, Report, Review, SearchHit, TraceMatch, TraceResult };

/** Source grades, best first. */
export const GRADES = ['named', 'anaphoric', 'vague', 'none'] as const;
/** One of {@link GRADES}. */
export type Grade = (typeof GRADES)[number];

/** A claim of a report. */
export type ReportClaim = Report['claims'][number];
/** An attribution of a report. */
export type ReportAttribution = Report['attributions'][number];
/** A figure of a report. */
export type ReportQuantity = Report['quantities'][number];
/** A finding of a report. */
export type ReportFinding = Report['findings'][number];
/** A technique span of a report. */
export type ReportTechnique = Report['techniques'][number];

/** POST /api/analyze. */
export interface AnalyzeResponse {
  readonly documentId: number | null;
  readonly report: Report;
}

/** GET /api/documents/:id. */
export interface DocumentResponse {
  readonly documentId: number;
  readonly report: Report;
  readonly reviews: readonly Review[];
}

/** GET /api/documents without q. */
export interface DocumentList {
  readonly total: number;
  readonly items: readonly DocumentSummary[];
}

/** GET /api/documents with q. */
export interface SearchResponse {
  readonly query: string;
  /** Articles and claims that match in all; `hits` holds the best `limit` of them. */
  readonly total: number;
  readonly hits: readonly SearchHit[];
}

/** What a reviewer submits (POST /api/documents/:id/reviews). */
export interface ReviewDraft {
  readonly claimId: string;
  readonly rating: RatingId;
  readonly explanation: string;
  readonly evidenceUrls: readonly string[];
  readonly reviewer: string;
}
