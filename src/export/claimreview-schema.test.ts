// Validates the ClaimReview export against schema.org's vocabulary and Google's fact-check structured data, with the
// property lists written down here (a validator of our own: no network, no third-party schema files).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from '../core/report-schema.js';
import { RATING_IDS } from '../review/types.js';
import { claimReviewJsonLd, type ClaimReviewOptions } from './claimreview.js';
import { HARBOUR, reviewOf } from './export-fixture.js';

type Node = Record<string, unknown>;

/**
 * Properties schema.org defines for each type we emit, own and inherited, limited to the ones a fact-check could use.
 * From https://schema.org/ClaimReview (ClaimReview: claimReviewed; Review: itemReviewed, reviewBody, reviewRating;
 * CreativeWork: author, citation, creator, datePublished, headline, publisher; Thing: alternateName, name, url),
 * https://schema.org/Claim (appearance, claimInterpreter, firstAppearance; CreativeWork and Thing as above),
 * https://schema.org/Rating (bestRating, ratingExplanation, ratingValue, worstRating; Thing), https://schema.org/Person
 * and https://schema.org/Organization (Thing: name, url, sameAs).
 */
const SCHEMA_ORG: Readonly<Record<string, readonly string[]>> = {
  ClaimReview: ['claimReviewed', 'itemReviewed', 'reviewBody', 'reviewRating', 'author', 'citation', 'creator', 'datePublished', 'headline', 'publisher', 'alternateName', 'name', 'url'],
  Claim: ['appearance', 'claimInterpreter', 'firstAppearance', 'author', 'datePublished', 'name', 'url'],
  CreativeWork: ['author', 'citation', 'creator', 'datePublished', 'headline', 'publisher', 'alternateName', 'name', 'url'],
  Rating: ['bestRating', 'ratingExplanation', 'ratingValue', 'worstRating', 'alternateName', 'name'],
  Person: ['name', 'url', 'sameAs'],
  Organization: ['name', 'url', 'sameAs'],
};

/**
 * Google's fact-check structured data, "Structured data type definitions":
 * https://developers.google.com/search/docs/appearance/structured-data/factcheck — ClaimReview requires
 * claimReviewed, reviewRating and url, and recommends author, datePublished and itemReviewed; a Claim recommends
 * appearance, author, datePublished and firstAppearance; a Rating requires alternateName and recommends bestRating,
 * name, ratingValue and worstRating; the ClaimReview's author (Organization or Person) recommends name and url.
 */
const GOOGLE: Readonly<Record<string, { readonly required: readonly string[]; readonly recommended: readonly string[] }>> = {
  ClaimReview: { required: ['claimReviewed', 'reviewRating', 'url'], recommended: ['author', 'datePublished', 'itemReviewed'] },
  Claim: { required: [], recommended: ['appearance', 'author', 'datePublished', 'firstAppearance'] },
  Rating: { required: ['alternateName'], recommended: ['bestRating', 'name', 'ratingValue', 'worstRating'] },
};

/** Recommended properties left out on purpose, with why. */
const LEFT_OUT: Readonly<Record<string, string>> = {
  'Claim.firstAppearance': 'claimtrace sees one article and cannot know where a claim first appeared; appearance names the article',
};

/** The Text, URL, Date and Number values schema.org expects for the properties we emit. */
const VALUE: Readonly<Record<string, (value: unknown) => boolean>> = {
  url: (v) => typeof v === 'string' && /^https?:\/\//.test(v) && URL.canParse(v),
  citation: (v) => Array.isArray(v) && v.every((u) => typeof u === 'string' && /^https?:\/\//.test(u)),
  datePublished: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(v),
  ratingValue: (v) => Number.isInteger(v),
  bestRating: (v) => Number.isInteger(v),
  worstRating: (v) => Number.isInteger(v),
  author: (v) => isNodeOf(v, ['Person', 'Organization']),
  creator: (v) => isNodeOf(v, ['Person', 'Organization']),
  publisher: (v) => isNodeOf(v, ['Organization']),
  itemReviewed: (v) => isNodeOf(v, ['Claim']),
  reviewRating: (v) => isNodeOf(v, ['Rating']),
  appearance: (v) => isNodeOf(v, ['CreativeWork']),
};
const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '' && !/[\n\r]/.test(v);
const isNodeOf = (v: unknown, types: readonly string[]) => typeof v === 'object' && v !== null && types.includes((v as Node)['@type'] as string);

/** Every problem of one node and the nodes inside it: unknown type, property schema.org does not define, wrong value. */
function schemaOrgProblems(node: Node, path: string): string[] {
  const type = node['@type'] as string;
  const allowed = SCHEMA_ORG[type];
  if (!allowed) return [`${path}: unknown @type ${type}`];
  return Object.entries(node).flatMap(([key, value]) => {
    if (key === '@type' || (key === '@context' && value === 'https://schema.org')) return [];
    if (!allowed.includes(key)) return [`${path}.${key}: not a property of schema.org/${type}`];
    const valid = VALUE[key] ?? isText;
    const own = valid(value) ? [] : [`${path}.${key}: unexpected value ${JSON.stringify(value)}`];
    const inner = typeof value === 'object' && value !== null && !Array.isArray(value) ? schemaOrgProblems(value as Node, `${path}.${key}`) : [];
    return [...own, ...inner];
  });
}

/** Google's required properties missing anywhere in a ClaimReview, and its recommended ones missing without a reason in LEFT_OUT. */
function googleProblems(node: Node, path: string): string[] {
  const type = node['@type'] as string;
  const rules = GOOGLE[type];
  const own = rules
    ? [
        ...rules.required.filter((p) => node[p] === undefined).map((p) => `${path}: Google requires ${type}.${p}`),
        ...rules.recommended.filter((p) => node[p] === undefined && !LEFT_OUT[`${type}.${p}`]).map((p) => `${path}: Google recommends ${type}.${p}`),
      ]
    : [];
  const inner = Object.entries(node).flatMap(([key, value]) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? googleProblems(value as Node, `${path}.${key}`) : []));
  return [...own, ...inner];
}

const PUBLISHED: ClaimReviewOptions = { factCheckUrl: 'https://checks.example/documents/7', publisher: { name: 'Skerry Checks', url: 'https://checks.example/' } };

test('the Google lists name only properties schema.org defines on those types', () => {
  const undefinedThere = Object.entries(GOOGLE).flatMap(([type, rules]) => [...rules.required, ...rules.recommended].filter((p) => !SCHEMA_ORG[type]!.includes(p)).map((p) => `${type}.${p}`));
  assert.deepEqual(undefinedThere, []);
});

for (const rating of RATING_IDS) {
  test(`a "${rating}" verdict gives a ClaimReview that is valid schema.org and has what Google requires`, () => {
    const [review] = claimReviewJsonLd(HARBOUR, [reviewOf(1, 'c1', { rating, explanation: 'Board minutes.', evidenceUrls: ['https://port.example/minutes'] })], PUBLISHED) as Node[];
    assert.deepEqual([...schemaOrgProblems(review!, 'ClaimReview'), ...googleProblems(review!, 'ClaimReview').filter((p) => p.includes('requires'))], []);
  });
}

test('a verdict on the true/false axis has every property Google recommends, bar the first appearance', () => {
  const [review] = claimReviewJsonLd(HARBOUR, [reviewOf(1, 'c1', { rating: 'half-true' })], PUBLISHED) as Node[];
  assert.deepEqual(googleProblems(review!, 'ClaimReview'), []);
});

test('a verdict off the true/false axis misses only the numeric rating Google recommends', () => {
  const [review] = claimReviewJsonLd(HARBOUR, [reviewOf(1, 'c1', { rating: 'misleading' })], PUBLISHED) as Node[];
  assert.deepEqual(googleProblems(review!, 'ClaimReview'), [
    'ClaimReview.reviewRating: Google recommends Rating.bestRating',
    'ClaimReview.reviewRating: Google recommends Rating.ratingValue',
    'ClaimReview.reviewRating: Google recommends Rating.worstRating',
  ]);
});

test('a claim whose author the article does not give misses only the Claim author', () => {
  const [review] = claimReviewJsonLd(HARBOUR, [reviewOf(1, 'c2', { rating: 'true' })], PUBLISHED) as Node[];
  assert.deepEqual(googleProblems(review!, 'ClaimReview'), ['ClaimReview.itemReviewed: Google recommends Claim.author']);
});

test('every claim of an article with sparse metadata still gives valid schema.org with what Google requires', () => {
  const sparse: Report = { ...HARBOUR, document: { ...HARBOUR.document, title: null, byline: null, site: null, url: null, published: null } };
  const all = claimReviewJsonLd(sparse, HARBOUR.claims.map((c, i) => reviewOf(i + 1, c.id, { rating: 'false' })), { factCheckUrl: 'http://127.0.0.1:8080/documents/7' }) as Node[];
  assert.equal(all.length, HARBOUR.claims.length);
  assert.deepEqual(all.flatMap((r, i) => [...schemaOrgProblems(r, `#${i}`), ...googleProblems(r, `#${i}`).filter((p) => p.includes('requires'))]), []);
});

test('the validator catches a missing url, a property schema.org lacks and a bad value', () => {
  const [review] = claimReviewJsonLd(HARBOUR, [reviewOf(1, 'c1', { rating: 'true' })]) as Node[];
  const broken = { ...review, ratingScore: 3, datePublished: 'yesterday' };
  assert.deepEqual([...schemaOrgProblems(broken, 'ClaimReview'), ...googleProblems(broken, 'ClaimReview')], [
    'ClaimReview.datePublished: unexpected value "yesterday"',
    'ClaimReview.ratingScore: not a property of schema.org/ClaimReview',
    'ClaimReview: Google requires ClaimReview.url',
  ]);
});
