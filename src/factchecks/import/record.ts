import { FactCheckSchema, MAX_CLAIM_CHARS, type FactCheck, type SkippedRecord } from './schema.js';

/** A fact-check's fields as a format reader found them, already cleaned (see clean.ts); null where absent. */
export interface FactCheckFields {
  readonly claim: string | null;
  readonly url: string | null;
  readonly ratingName: string | null;
  readonly ratingAlternateName: string | null;
  readonly ratingValue: number | null;
  readonly bestRating: number | null;
  readonly worstRating: number | null;
  readonly publisherName: string | null;
  readonly publisherUrl: string | null;
  readonly date: string | null;
  readonly language: string | null;
  readonly claimant: string | null;
  readonly claimDate: string | null;
  readonly title: string | null;
}

/** Every field absent: readers fill in what their format gives. */
export const NO_FIELDS: FactCheckFields = Object.freeze({
  claim: null, url: null, ratingName: null, ratingAlternateName: null, ratingValue: null, bestRating: null, worstRating: null,
  publisherName: null, publisherUrl: null, date: null, language: null, claimant: null, claimDate: null, title: null,
});

/** One outcome of reading a record: a fact-check, or why it was skipped. */
export type RecordOutcome = { readonly ok: true; readonly factCheck: FactCheck } | { readonly ok: false; readonly skipped: SkippedRecord };

/**
 * The fact-check of a record's fields, validated by {@link FactCheckSchema}; a record without a claim or a link, or with
 * a field over its length limit, is skipped with E_FACTCHECK_INVALID and the reason.
 */
export function buildFactCheck(fields: FactCheckFields, record: string): RecordOutcome {
  const skip = (reason: string): RecordOutcome => ({ ok: false, skipped: { record, code: 'E_FACTCHECK_INVALID', reason } });
  if (fields.claim === null) return skip('it names no claim (claimReviewed)');
  if (fields.url === null) return skip('it has no http(s) link to the fact-check (url)');
  if (fields.claim.length > MAX_CLAIM_CHARS) return skip(`its claim is ${fields.claim.length} characters long, over the limit of ${MAX_CLAIM_CHARS}`);
  const parsed = FactCheckSchema.safeParse({
    claim: fields.claim,
    url: fields.url,
    rating: { name: fields.ratingName, alternateName: fields.ratingAlternateName, value: fields.ratingValue, best: fields.bestRating, worst: fields.worstRating },
    publisher: { name: fields.publisherName, url: fields.publisherUrl },
    date: fields.date,
    language: fields.language,
    claimant: fields.claimant,
    claimDate: fields.claimDate,
    title: fields.title,
  });
  if (parsed.success) return { ok: true, factCheck: parsed.data };
  const issue = parsed.error.issues[0]!;
  return skip(`${issue.path.join('.') || 'record'}: ${issue.message}`);
}

/** Sorts outcomes into fact-checks and skipped records, keeping their order. */
export function partition(outcomes: Iterable<RecordOutcome>): { factChecks: FactCheck[]; skipped: SkippedRecord[] } {
  const factChecks: FactCheck[] = [];
  const skipped: SkippedRecord[] = [];
  for (const outcome of outcomes) {
    if (outcome.ok) factChecks.push(outcome.factCheck);
    else skipped.push(outcome.skipped);
  }
  return { factChecks, skipped };
}
