import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report, ReportFactCheckMatch } from '../core/report-schema.js';
import type { MatchDecision } from '../review/match-decisions.js';
import { acceptedFactCheckUrls } from './accepted-matches.js';
import { claimReviewJsonLd } from './claimreview.js';
import { reviewsCsv } from './csv.js';
import { HARBOUR, reviewOf } from './export-fixture.js';

const match = (factCheckId: number, url: string): ReportFactCheckMatch => ({
  factCheckId, score: 0.8, claimReviewed: 'Some 4,000 boats paid the harbour levy.', rating: { name: 'False', value: 1 }, publisher: 'Coast Facts', date: '2024-02-01', url,
  why: { sharedTerms: ['boats', 'levy'], sameFigures: ['4,000'], sameEntities: [] },
});

/** HARBOUR whose claim c2 lists three matches (one with a javascript: address) and c3 one. */
const MATCHED: Report = {
  ...HARBOUR,
  claims: HARBOUR.claims.map((c) => {
    if (c.id === 'c2') return { ...c, factChecks: [match(11, 'HTTPS://Coastfacts.example/levy'), match(12, 'https://bayfacts.example/boats'), match(13, 'javascript:alert(1)')] };
    if (c.id === 'c3') return { ...c, factChecks: [match(21, 'https://coastfacts.example/total')] };
    return c;
  }),
};

let nextId = 1;
const decide = (claimId: string, factCheckId: number, decision: MatchDecision['decision']): MatchDecision => ({
  id: nextId++, documentId: 7, claimId, factCheckId, decision, reviewer: 'Ines Varga', createdAt: '2024-03-06T09:00:00.000Z',
});

const DECISIONS = [
  decide('c2', 11, 'accepted'),
  decide('c2', 12, 'accepted'),
  decide('c2', 12, 'rejected'),
  decide('c2', 13, 'accepted'),
  decide('c3', 21, 'accepted'),
  decide('c5', 99, 'accepted'),
];

test('accepted matches are those whose newest decision is accepted, http(s) only, normalised, per claim in report order', () => {
  assert.deepEqual([...acceptedFactCheckUrls(MATCHED, DECISIONS)], [['c2', ['https://coastfacts.example/levy']], ['c3', ['https://coastfacts.example/total']]]);
});

test('a decision on a match the report does not list, or no decisions at all, accepts nothing', () => {
  assert.deepEqual([acceptedFactCheckUrls(HARBOUR, DECISIONS).size, acceptedFactCheckUrls(MATCHED, []).size], [0, 0]);
});

test('a reviewed claim\'s ClaimReview cites its accepted fact-checks after its evidence links, each once', () => {
  const review = reviewOf(1, 'c2', { evidenceUrls: ['https://port.example/records', 'https://coastfacts.example/levy'] });
  const [item] = claimReviewJsonLd(MATCHED, [review], { matchDecisions: DECISIONS }) as { citation: string[] }[];
  assert.deepEqual(item!.citation, ['https://port.example/records', 'https://coastfacts.example/levy']);
  const [bare] = claimReviewJsonLd(MATCHED, [reviewOf(2, 'c3')], { matchDecisions: DECISIONS }) as { citation: string[] }[];
  assert.deepEqual(bare!.citation, ['https://coastfacts.example/total']);
});

test('an accepted match alone makes no ClaimReview: only a reviewer\'s verdict does', () => {
  assert.deepEqual(claimReviewJsonLd(MATCHED, [], { matchDecisions: DECISIONS }), []);
});

test('the CSV lists accepted fact-checks in its last column, for reviewed and unreviewed claims', () => {
  const rows = reviewsCsv(MATCHED, [reviewOf(1, 'c2')], DECISIONS).split('\r\n');
  assert.deepEqual([rows[2]!.split(',').at(-1), rows[3]!.split(',').at(-1), rows[1]!.split(',').at(-1)], ['https://coastfacts.example/levy', 'https://coastfacts.example/total', '']);
});
