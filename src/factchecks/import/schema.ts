import { z } from 'zod';

/** Longest claim kept, in characters: fact-checked claims are a sentence or two; longer is a page body, not a claim. */
export const MAX_CLAIM_CHARS = 5_000;
/** Longest short field (names, ratings, titles, dates, language tags), in characters. */
export const MAX_FIELD_CHARS = 1_000;
/** Longest URL, in characters. */
export const MAX_URL_CHARS = 2_048;

const short = z.string().min(1).max(MAX_FIELD_CHARS).nullable();
const httpUrl = z.string().max(MAX_URL_CHARS).regex(/^https?:\/\/\S+$/i, 'an absolute http(s) URL');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').nullable();

/** A fact-checker's verdict: its words (`name`, `alternateName`) and, where given, its place on a numeric scale. */
export const RatingSchema = z
  .object({
    name: short,
    alternateName: short,
    value: z.number().finite().nullable(),
    best: z.number().finite().nullable(),
    worst: z.number().finite().nullable(),
  })
  .strict();

/** Who published the fact-check. */
export const PublisherSchema = z.object({ name: short, url: httpUrl.nullable() }).strict();

/**
 * One published fact-check, whatever format it came in (ClaimReview JSON-LD, Google Fact Check Tools, Data Commons,
 * CSV): the claim reviewed, the verdict, who published it and when, its link, and who made the claim when it says.
 */
export const FactCheckSchema = z
  .object({
    /** The claim as the fact-checker wrote it down (`claimReviewed`). */
    claim: z.string().min(1).max(MAX_CLAIM_CHARS),
    /** The fact-check's own page (`url`). */
    url: httpUrl,
    rating: RatingSchema,
    publisher: PublisherSchema,
    /** When the fact-check was published (`datePublished`, `reviewDate`), YYYY-MM-DD. */
    date: day,
    /** Its language (`inLanguage`, `languageCode`), as a BCP 47 tag. */
    language: short,
    /** Who made the claim (`itemReviewed.author.name`, `claimant`). */
    claimant: short,
    /** When the claim was made (`itemReviewed.datePublished`, `claimDate`), YYYY-MM-DD. */
    claimDate: day,
    /** The fact-check's headline (`name`, `headline`, `title`). */
    title: short,
  })
  .strict();

/** One published fact-check (see {@link FactCheckSchema}). */
export type FactCheck = z.infer<typeof FactCheckSchema>;
/** A verdict (see {@link RatingSchema}). */
export type Rating = z.infer<typeof RatingSchema>;

/** The formats `factchecks import` reads, as detected from the content. */
export const FACTCHECK_FORMATS = ['claimreview-html', 'claimreview-json', 'google-claims', 'datacommons-feed', 'csv', 'tsv'] as const;
/** A format of {@link FACTCHECK_FORMATS}. */
export type FactCheckFormat = (typeof FACTCHECK_FORMATS)[number];

/** A record that could not be read as a fact-check: where it is in its input, and why. */
export interface SkippedRecord {
  /** Where in the input: a JSON path (`$.claims[3].claimReview[0]`) or a CSV line (`line 12`). */
  readonly record: string;
  readonly code: 'E_FACTCHECK_INVALID';
  readonly reason: string;
}

/** What a parser found in one input: the fact-checks in order, and the records it skipped. */
export interface ParsedFactChecks {
  readonly format: FactCheckFormat;
  readonly factChecks: readonly FactCheck[];
  readonly skipped: readonly SkippedRecord[];
}
