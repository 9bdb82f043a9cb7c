// The searchable form of a collection of fact-checked claims: each claim and its fact-check's title analysed once
// (terms, numbers, names) and indexed for BM25 per field and over both fields together.
import { addBackgroundGrams, background, backgroundDocuments } from './background.js';
import { indexField, type FieldIndex } from './bm25.js';
import { cleanClaim } from './clean.js';
import type { DocumentFeatures } from './features.js';
import { addGramDocument, newGramFrequencies, type GramFrequencies } from './meaning.js';
import { matchNames, matchNumbers, matchTerms, splitJoinedWords } from './terms.js';

/** A fact-checked claim as matching sees it: an id, the claim as reviewed, and the title of the fact-check. */
export interface CheckedClaim {
  readonly id: string;
  readonly claim: string;
  readonly title: string;
}

/** A text analysed for matching. */
export interface AnalysedText {
  readonly terms: readonly string[];
  readonly numbers: readonly string[];
  readonly names: readonly string[];
}

/** Analyses a text: its terms, numbers and mid-sentence names. */
export function analyseText(text: string): AnalysedText {
  return { terms: matchTerms(text), numbers: matchNumbers(text), names: matchNames(text) };
}

/** A pasted claim analysed: its text's terms, numbers and names, and the terms of the author and the year a trailer gives. */
export interface AnalysedQuery extends AnalysedText {
  /** The cleaned text, joined words split (what the soft coverage and the 4-gram cosine compare). */
  readonly text: string;
  readonly authorTerms: readonly string[];
  readonly year?: string;
  readonly month?: string;
}

/** Analyses a pasted claim: cleaned first (links, author trailer, hashtags' "#"; @handles made their words), joined words split. */
export function analyseQuery(text: string): AnalysedQuery {
  const cleaned = cleanClaim(text);
  const split = splitJoinedWords(cleaned.text);
  const analysed = analyseText(split);
  const authorTerms = cleaned.author ? matchTerms(splitJoinedWords(cleaned.author)) : [];
  return { ...analysed, text: split, authorTerms, ...(cleaned.year ? { year: cleaned.year } : {}), ...(cleaned.month ? { month: cleaned.month } : {}) };
}

/** A collection indexed for matching. */
export interface MatchIndex {
  readonly claims: readonly CheckedClaim[];
  readonly claimText: readonly AnalysedText[];
  readonly titleText: readonly AnalysedText[];
  readonly claimField: FieldIndex;
  readonly titleField: FieldIndex;
  /** Claim and title as one field, the classic single-field BM25 baseline. */
  readonly bothField: FieldIndex;
  /** Document frequencies of the 4-grams of claim + title (meaning.ts). */
  readonly grams: GramFrequencies;
  /** What the features read of a fact-check beyond the query (features.ts), kept as fact-checks become candidates. */
  readonly meaning: Map<number, DocumentFeatures>;
}

/** The text of a fact-check the 4-gram and word features read: claim and title. */
export const documentText = (claim: CheckedClaim) => `${claim.claim} ${claim.title}`;

/** Indexes a collection (order kept: the position of a claim is its document number). */
export function buildMatchIndex(claims: readonly CheckedClaim[]): MatchIndex {
  const grams = newGramFrequencies();
  for (const c of claims) addGramDocument(grams, documentText(c));
  return indexAnalysed(claims, claims.map((c) => analyseText(c.claim)), claims.map((c) => analyseText(c.title)), grams);
}

/**
 * {@link buildMatchIndex}, giving the event loop back every `chunk` claims while it analyses them (a server building
 * the index of 100,000 fact-checks keeps answering its health checks and other requests); the same index.
 */
export async function buildMatchIndexInSteps(claims: readonly CheckedClaim[], chunk = 1_000): Promise<MatchIndex> {
  const claimText: AnalysedText[] = [];
  const titleText: AnalysedText[] = [];
  const grams = newGramFrequencies();
  for (let i = 0; i < claims.length; i++) {
    claimText.push(analyseText(claims[i]!.claim));
    titleText.push(analyseText(claims[i]!.title));
    addGramDocument(grams, documentText(claims[i]!));
    if ((i + 1) % chunk === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return indexAnalysed(claims, claimText, titleText, grams);
}

/**
 * The index of analysed claims. A collection of fewer than BACKGROUND_FLOOR claims (a small store) is counted with
 * background documents in its idf and 4-gram weights (background.ts); a larger one by its own counts alone.
 */
function indexAnalysed(claims: readonly CheckedClaim[], claimText: readonly AnalysedText[], titleText: readonly AnalysedText[], grams: GramFrequencies): MatchIndex {
  const documents = backgroundDocuments(claims.length);
  const shares = documents > 0 ? background() : undefined;
  const extra = shares ? { documents, termShare: shares.termShare } : undefined;
  if (shares) addBackgroundGrams(grams, documents, shares.gramShare);
  return {
    claims,
    grams,
    meaning: new Map(),
    claimText,
    titleText,
    claimField: indexField(claimText.map((a) => a.terms), extra),
    titleField: indexField(titleText.map((a) => a.terms), extra),
    bothField: indexField(claimText.map((a, d) => [...a.terms, ...titleText[d]!.terms]), extra),
  };
}
