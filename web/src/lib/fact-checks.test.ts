import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MatchDecision, ReportClaim, ReportFactCheckMatch } from '../api/types.js';
import { badgeText, badgeTitle, claimMatches, currentMatchDecisions, hasMatches, matchKey, matchSummary, ratingText, scoreText, whyLines } from './fact-checks.js';

const match = (factCheckId: number, overrides: Partial<ReportFactCheckMatch> = {}): ReportFactCheckMatch => ({
  factCheckId, score: 0.87, claimReviewed: 'The port spent 12 million euros on dredging.', rating: { name: 'True', value: 5 }, publisher: 'Harbour Check',
  date: '2024-03-20', url: 'https://harbourcheck.example/dredging', why: { sharedTerms: ['dredging'], sameFigures: ['12 million euros'], sameEntities: [] }, ...overrides,
});

const claim = (id: string, factChecks?: ReportFactCheckMatch[]): ReportClaim => ({
  id, start: 0, end: 10, text: 'The port spent 12 million euros.', checkworthiness: 0.8, kind: 'statistic', attributionIds: [], grade: 'none', ...(factChecks ? { factChecks } : {}),
});

let nextId = 1;
const decision = (claimId: string, factCheckId: number, kind: MatchDecision['decision']): MatchDecision => ({
  id: nextId++, documentId: 1, claimId, factCheckId, decision: kind, reviewer: 'K. Varga', createdAt: '2024-03-21T10:00:00Z',
});

test('a claim without the factChecks field has no matches, and a report of such claims shows no section', () => {
  assert.deepEqual(claimMatches(claim('c1')), []);
  assert.equal(hasMatches([claim('c1'), claim('c2', [])]), false);
  assert.equal(hasMatches([claim('c1'), claim('c2', [match(4)])]), true);
});

test('the newest decision per claim and fact-check is current', () => {
  const older = decision('c1', 4, 'accepted');
  const newer = decision('c1', 4, 'rejected');
  const other = decision('c2', 4, 'accepted');
  const current = currentMatchDecisions([newer, other, older].sort((a, b) => b.id - a.id));
  assert.deepEqual([current.size, current.get(matchKey('c1', 4))?.decision, current.get(matchKey('c2', 4))?.decision], [2, 'rejected', 'accepted']);
});

test('a claim with an accepted match is fact-checked, one with only rejected matches is not, others wait for a decision', () => {
  const c = claim('c1', [match(4), match(7)]);
  const none = new Map<string, MatchDecision>();
  assert.equal(matchSummary(claim('c2'), none), null);
  assert.deepEqual(matchSummary(c, none), { state: 'pending', total: 2, accepted: 0, rejected: 0 });
  const oneRejected = currentMatchDecisions([decision('c1', 4, 'rejected')]);
  assert.deepEqual(matchSummary(c, oneRejected), { state: 'pending', total: 2, accepted: 0, rejected: 1 });
  const bothRejected = currentMatchDecisions([decision('c1', 4, 'rejected'), decision('c1', 7, 'rejected')]);
  assert.equal(matchSummary(c, bothRejected)?.state, 'rejected');
  const accepted = currentMatchDecisions([decision('c1', 4, 'rejected'), decision('c1', 7, 'accepted')]);
  assert.equal(matchSummary(c, accepted)?.state, 'accepted');
});

test('a decision on another claim does not count for this one', () => {
  const current = currentMatchDecisions([decision('c2', 4, 'accepted')]);
  assert.equal(matchSummary(claim('c1', [match(4)]), current)?.state, 'pending');
});

test('the badge says whether a fact-check was accepted, is to be decided, or was rejected', () => {
  assert.deepEqual([badgeText('accepted'), badgeText('pending'), badgeText('rejected')], ['fact-checked ✓', 'fact-checked?', 'fact-check rejected']);
  assert.equal(badgeTitle({ total: 3, accepted: 1, rejected: 1 }), '3 published fact-checks may address this claim; 1 accepted; 1 rejected; 1 to decide');
  assert.equal(badgeTitle({ total: 1, accepted: 0, rejected: 0 }), '1 published fact-check may address this claim; 1 to decide');
});

test('scores read as whole percentages, clamped to 0-100', () => {
  assert.deepEqual([scoreText(0.874), scoreText(1.2), scoreText(-0.1), scoreText(0.05)], ['87%', '100%', '0%', '5%']);
});

test('a rating reads as its name, else its value, else as no rating', () => {
  assert.deepEqual([ratingText({ name: ' Mostly false ', value: 2 }), ratingText({ name: null, value: 2 }), ratingText({ name: '', value: null })], ['Mostly false', 'rated 2', 'no rating']);
});

test('why lists only the kinds of evidence the match has, in a fixed order', () => {
  assert.deepEqual(whyLines({ sharedTerms: ['dredging', 'port'], sameFigures: [], sameEntities: ['Vellmar'] }), [
    { label: 'Shared words', items: ['dredging', 'port'] },
    { label: 'Same names', items: ['Vellmar'] },
  ]);
  assert.deepEqual(whyLines({ sharedTerms: [], sameFigures: [], sameEntities: [] }), []);
});
