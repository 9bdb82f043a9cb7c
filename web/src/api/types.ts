/**
 * The HTTP API's shapes as the app sees them. Report, Review and the store's result types come from the core (type
 * imports only: nothing of the server is bundled).
 */
import type { Report, ReportFactCheckMatch } from '../../../src/core/report-schema.js';
import type { MatchDecision, MatchDecisionKind } from '../../../src/review/match-decisions.js';
import type { RatingId, RatingStep, Review } from '../../../src/review/types.js';
import type { DocumentSummary, OutletFigures, OutletProfile, SearchHit, TraceMatch, TraceResult } from '../../../src/store/types.js';
import type { FigureMutation } from '../../../src/trace/mutations.js';

export type { DocumentSummary, FigureMutation, MatchDecision, MatchDecisionKind, OutletFigures, OutletProfile, RatingId, RatingStep, Report, ReportFactCheckMatch, Review, SearchHit, TraceMatch, TraceResult };

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

/** GET /api/documents/:id/match-decisions: every decision on a fact-check match, oldest first. */
export interface MatchDecisionsResponse {
  readonly decisions: readonly MatchDecision[];
}

/** What a reviewer submits on one match (POST /api/documents/:id/claims/:claimId/match-decisions). */
export interface MatchDecisionDraft {
  readonly factCheckId: number;
  readonly decision: MatchDecisionKind;
  readonly reviewer: string;
  readonly note?: string;
}
