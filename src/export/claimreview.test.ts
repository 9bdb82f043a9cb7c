import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimReviewJsonLd } from './claimreview.js';
import { HARBOUR, reviewOf } from './export-fixture.js';
import { scriptSafeJson } from './json-ld.js';

const reviews = [
  reviewOf(1, 'c1', { rating: 'true', createdAt: '2024-03-04T09:00:00.000Z' }),
  reviewOf(2, 'c1', {
    rating: 'mostly-false', explanation: 'The levy rose to 112%, not 120%.', reviewer: 'Tomas Berg',
    evidenceUrls: ['https://port.example/levy-2024.pdf', 'https://archive.example/board-minutes'],
  }),
  reviewOf(3, 'c6', { rating: 'unproven' }),
];
const PAGE = 'https://checks.example/fact-checks/harbour-levy';
const PUBLISHER = { name: 'Skerry Checks', url: 'https://checks.example/' };
const ARTICLE = {
  '@type': 'CreativeWork', url: 'https://ledger.example/harbour-levy', headline: 'Harbour levy doubles, council says', datePublished: '2024-03-02',
  author: { '@type': 'Person', name: 'Maren Holt' }, publisher: { '@type': 'Organization', name: 'The Skerry Ledger' },
};
type Item = { url?: string; itemReviewed: { author?: unknown; appearance: unknown }; author: unknown; creator?: unknown };
const byClaim = (claimId: string, options = {}) => claimReviewJsonLd(HARBOUR, [reviewOf(1, claimId)], options)[0] as Item;

test('one ClaimReview per reviewed claim from its latest review, published on the fact-check page by the organisation', () => {
  const [levy] = claimReviewJsonLd(HARBOUR, reviews, { factCheckUrl: PAGE, publisher: PUBLISHER });
  assert.deepEqual(levy, {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: PAGE,
    claimReviewed: 'The harbour levy rose to 120% of its old level, according to the Port Authority.',
    reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, name: 'Mostly false', alternateName: 'Mostly false' },
    itemReviewed: { '@type': 'Claim', author: { '@type': 'Organization', name: 'the Port Authority' }, datePublished: '2024-03-02', appearance: ARTICLE },
    author: { '@type': 'Organization', name: 'Skerry Checks', url: 'https://checks.example/' },
    creator: { '@type': 'Person', name: 'Tomas Berg' },
    publisher: { '@type': 'Organization', name: 'Skerry Checks', url: 'https://checks.example/' },
    datePublished: '2024-03-05',
    reviewBody: 'The levy rose to 112%, not 120%.',
    citation: ['https://port.example/levy-2024.pdf', 'https://archive.example/board-minutes'],
  });
});

test('without a publishing organisation the reviewer is the author', () => {
  assert.deepEqual(byClaim('c1').author, { '@type': 'Person', name: 'Ines Varga' });
});

test('claims come out in report order and unreviewed claims are left out', () => {
  assert.deepEqual(claimReviewJsonLd(HARBOUR, [...reviews].reverse()).map((r) => (r as { claimReviewed: string }).claimReviewed), [
    'The harbour levy rose to 120% of its old level, according to the Port Authority.',
    'Critics reportedly fear ruin.',
  ]);
});

test('a verdict off the true/false axis is rated by name only', () => {
  const ruin = claimReviewJsonLd(HARBOUR, reviews)[1] as Record<string, unknown>;
  assert.deepEqual(ruin.reviewRating, { '@type': 'Rating', name: 'Unproven', alternateName: 'Unproven' });
});

test('a claim the article makes itself is authored by its byline, or its outlet when it has none', () => {
  const noByline = { ...HARBOUR, document: { ...HARBOUR.document, byline: null } };
  const [outlet] = claimReviewJsonLd(noByline, [reviewOf(1, 'c6')]) as Item[];
  assert.deepEqual([byClaim('c6').itemReviewed.author, outlet?.itemReviewed.author], [
    { '@type': 'Person', name: 'Maren Holt' },
    { '@type': 'Organization', name: 'The Skerry Ledger' },
  ]);
});

test('an anaphoric source is authored by what it refers to, a person when the text marks it as one', () => {
  assert.deepEqual(byClaim('c5').itemReviewed.author, { '@type': 'Person', name: 'The mayor' });
});

test('a vague source names no author', () => {
  assert.equal(byClaim('c2').itemReviewed.author, undefined);
});

test('a named source that the text marks as a person is a Person author', () => {
  const report = { ...HARBOUR, entities: HARBOUR.entities.map((e) => (e.id === 'e1' ? { ...e, type: 'person' as const } : e)) };
  const [levy] = claimReviewJsonLd(report, [reviewOf(1, 'c1')]) as Item[];
  assert.deepEqual(levy?.itemReviewed.author, { '@type': 'Person', name: 'the Port Authority' });
});

test('without a fact-check page, publisher, explanation or evidence those fields are left out', () => {
  const ruin = claimReviewJsonLd(HARBOUR, reviews)[1] as Record<string, unknown>;
  assert.deepEqual(Object.keys(ruin), ['@context', '@type', 'claimReviewed', 'reviewRating', 'itemReviewed', 'author', 'datePublished']);
});

test('a review of a claim the report does not have is left out', () => {
  assert.deepEqual(claimReviewJsonLd(HARBOUR, [reviewOf(9, 'c42')]), []);
});

test('a javascript: article URL or fact-check page never reaches the JSON-LD', () => {
  const report = { ...HARBOUR, document: { ...HARBOUR.document, url: 'javascript:alert(1)' } };
  const [levy] = claimReviewJsonLd(report, [reviewOf(1, 'c1')], { factCheckUrl: 'javascript:alert(2)' }) as Item[];
  const { url: _dropped, ...article } = ARTICLE;
  assert.deepEqual([levy?.url, levy?.itemReviewed.appearance], [undefined, article]);
});

test('article text that closes the script element stays inside it once serialised for a page', () => {
  const hostile = '</script><script>alert(1)</script> <!-- & \u2028';
  const report = { ...HARBOUR, document: { ...HARBOUR.document, title: hostile } };
  const json = scriptSafeJson(claimReviewJsonLd(report, [reviewOf(1, 'c1', { explanation: hostile })]));
  assert.deepEqual([/[<>&\u2028\u2029]/.test(json), json.includes('\\u003c/script\\u003e')], [false, true]);
  const [levy] = JSON.parse(json) as { reviewBody: string; itemReviewed: { appearance: { headline: string } } }[];
  assert.deepEqual([levy?.reviewBody, levy?.itemReviewed.appearance.headline], [hostile, hostile.replace('\u2028', '').trim()]);
});
