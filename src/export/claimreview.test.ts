import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimReviewJsonLd } from './claimreview.js';
import { HARBOUR, reviewOf } from './export-fixture.js';

const reviews = [
  reviewOf(1, 'c1', { rating: 'true', createdAt: '2024-03-04T09:00:00.000Z' }),
  reviewOf(2, 'c1', {
    rating: 'mostly-false', explanation: 'The levy rose to 112%, not 120%.', reviewer: 'Tomas Berg',
    evidenceUrls: ['https://port.example/levy-2024.pdf', 'https://archive.example/board-minutes'],
  }),
  reviewOf(3, 'c6', { rating: 'unproven' }),
];

test('one ClaimReview per reviewed claim from its latest review, with every field Google asks for', () => {
  const [levy] = claimReviewJsonLd(HARBOUR, reviews, { documentUrl: 'https://checks.example/documents/7', publisher: { name: 'Skerry Checks', url: 'https://checks.example/' } });
  assert.deepEqual(levy, {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: 'https://checks.example/documents/7',
    claimReviewed: 'The harbour levy rose to 120% of its old level, according to the Port Authority.',
    reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly false' },
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Organization', name: 'the Port Authority' },
      datePublished: '2024-03-02',
      appearance: { '@type': 'CreativeWork', url: 'https://ledger.example/harbour-levy', headline: 'Harbour levy doubles, council says', datePublished: '2024-03-02' },
    },
    author: { '@type': 'Person', name: 'Tomas Berg' },
    publisher: { '@type': 'Organization', name: 'Skerry Checks', url: 'https://checks.example/' },
    datePublished: '2024-03-05',
    reviewBody: 'The levy rose to 112%, not 120%.',
    citation: ['https://port.example/levy-2024.pdf', 'https://archive.example/board-minutes'],
  });
});

test('claims come out in report order and unreviewed claims are left out', () => {
  assert.deepEqual(claimReviewJsonLd(HARBOUR, [...reviews].reverse()).map((r) => (r as { claimReviewed: string }).claimReviewed), [
    'The harbour levy rose to 120% of its old level, according to the Port Authority.',
    'Critics reportedly fear ruin.',
  ]);
});

test('a verdict off the true/false axis is rated by name only, and a claim without a named source has no author', () => {
  const ruin = claimReviewJsonLd(HARBOUR, reviews)[1] as Record<string, unknown>;
  assert.deepEqual([ruin.reviewRating, ruin.itemReviewed], [
    { '@type': 'Rating', alternateName: 'Unproven' },
    { '@type': 'Claim', datePublished: '2024-03-02', appearance: { '@type': 'CreativeWork', url: 'https://ledger.example/harbour-levy', headline: 'Harbour levy doubles, council says', datePublished: '2024-03-02' } },
  ]);
});

test('without documentUrl, publisher, explanation or evidence those fields are left out', () => {
  const ruin = claimReviewJsonLd(HARBOUR, reviews)[1] as Record<string, unknown>;
  assert.deepEqual(Object.keys(ruin), ['@context', '@type', 'claimReviewed', 'reviewRating', 'itemReviewed', 'author', 'datePublished']);
});

test('a named source that the text marks as a person is a Person author', () => {
  const report = { ...HARBOUR, entities: HARBOUR.entities.map((e) => (e.id === 'e1' ? { ...e, type: 'person' as const } : e)) };
  const [levy] = claimReviewJsonLd(report, [reviewOf(1, 'c1')]) as { itemReviewed: { author: unknown } }[];
  assert.deepEqual(levy?.itemReviewed.author, { '@type': 'Person', name: 'the Port Authority' });
});

test('a review of a claim the report does not have is left out', () => {
  assert.deepEqual(claimReviewJsonLd(HARBOUR, [reviewOf(9, 'c42')]), []);
});

test('a javascript: article URL or documentUrl never reaches the JSON-LD', () => {
  const report = { ...HARBOUR, document: { ...HARBOUR.document, url: 'javascript:alert(1)' } };
  const [levy] = claimReviewJsonLd(report, [reviewOf(1, 'c1')], { documentUrl: 'javascript:alert(2)' }) as Record<string, any>[];
  assert.deepEqual([levy?.url, levy?.itemReviewed.appearance], [undefined, { '@type': 'CreativeWork', headline: 'Harbour levy doubles, council says', datePublished: '2024-03-02' }]);
});
