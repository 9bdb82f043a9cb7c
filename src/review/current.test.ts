import assert from 'node:assert/strict';
import { test } from 'node:test';
import { currentReviews, ratingStep } from './current.js';
import type { Review } from './types.js';

const review = (id: number, claimId: string, rating: Review['rating']): Review => ({
  id, documentId: 1, claimId, rating, explanation: '', evidenceUrls: [], reviewer: 'Ines', createdAt: '2024-06-01T10:00:00.000Z',
});

test('the latest review of a claim is the one with the highest id, whatever the order given', () => {
  const current = currentReviews([review(5, 'c1', 'false'), review(2, 'c1', 'true'), review(3, 'c2', 'unproven')]);
  assert.deepEqual([...current].map(([claimId, r]) => [claimId, r.id, r.rating]), [['c1', 5, 'false'], ['c2', 3, 'unproven']]);
});

test('ratingStep gives the label and ClaimReview value of a rating', () => {
  assert.deepEqual([ratingStep('mostly-true').label, ratingStep('mostly-true').value, ratingStep('misleading').value], ['Mostly true', 4, null]);
});
