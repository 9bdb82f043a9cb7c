export { figureMutations, type FigureAppearance, type FigureMutation } from './mutations.js';
export { DEFAULT_HEAD_FLOOR, DEFAULT_NEAR, DEFAULT_SIMILARITY, anchored, closeValues, oppositeDirections, coverage, conflicting, fingerprint, minQueryCoverage, nameConflict, queryCoverageBound, traceScore, isAmount, sameFigure, type ClaimFingerprint, type FigureKey, type NearOptions, type SimilarityOptions, type TraceFigure } from './similarity.js';
export { createNearness, getNearness, type WordNearness } from './nearness.js';
export { align, alignedCoverage, sameRoot, type AlignedWord, type WordMeaning } from './alignment.js';
export { createWordMeaning, getWordMeaning } from './meaning.js';
export { DEFAULT_CONTRAST, compoundKin, minimalContrast, type ContrastOptions, type EventContrastOptions } from './contrast.js';
export { countedPhrase, directionOf, outsideNames } from './direction.js';
export { contentTerms, contentWords, isStopword, midSentenceNames, regularForm, stem, type Span } from './terms.js';
export { attributionMasks, sourceMask, subjectMask } from './masks.js';
export {
  TRACE_CANDIDATES, TRACE_DF_CAP, TRACE_NAME_CHECKS, TRACE_NEAR_PER_TERM, TRACE_NEAR_POSTINGS_MAX, TRACE_POSTINGS_MAX, bestPerDocument, byClaim, drawnIds, figureRange, itemWords, masksIn, namedAmong, nearItems, planTrace, prefixItems, queryTerms, rankCandidates, relativeFigure, screenCandidates,
  type FigureRange, type QueryTerm, type TraceCandidates, type TraceClaimRow, type TraceItem, type TraceMaskRow, type TracePlan, type TraceQuantityRow,
} from './retrieval.js';
