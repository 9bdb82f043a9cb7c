// Matching against a store of one, two or three fact-checks (a new user's first import): with the store's own counts
// alone every word of 2 fact-checks is equally common and every 4-gram weight is zero, and a verbatim repeat of a
// checked claim scored 0.02; background documents (background.ts) give the words and 4-grams ordinary weights.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadReranker } from '../../engine/predict/match.js';
import { openSqliteStore } from '../../store/index.js';
import { createFactCheckAudit } from '../audit/provider.js';
import { importFactChecks } from '../import/run.js';
import { BACKGROUND_FLOOR, backgroundDocuments } from './background.js';
import { idf } from './bm25.js';
import { buildMatchIndex } from './index.js';
import { MATCH_CALIBRATION } from './store-match.js';
import { matchTerms } from './terms.js';

/** Fact-checks written for this test, each with a claim that repeats it and one that says it in other words. */
const CHECKS = [
  {
    claim: 'The mayor of Dunmore spent 80,000 euros of council money on a private jet.', title: 'No, the council never bought a jet',
    repeated: 'The mayor of Dunmore spent 80,000 euros of council money on a private jet.',
    reworded: "Dunmore's mayor used 80,000 euros of council funds to buy a private jet",
  },
  {
    claim: 'Ferry fares to Inishmore doubled this spring.', title: 'Fares rose by 12 percent, not 100',
    repeated: 'Ferry fares to Inishmore have doubled this spring',
    reworded: 'Fares doubled on the Inishmore ferry this spring',
  },
  {
    claim: 'A new vaccine causes hair loss in children, a viral post claims.', title: 'Trials found no such effect',
    repeated: 'A new vaccine causes hair loss in children.',
    reworded: 'Children lose their hair after the new vaccine, a post says',
  },
];
const UNRELATED = ['Volunteers planted 300 trees along the river path on Saturday.', 'The school choir won a regional singing contest.', 'The weather was fine.'];

/** One ClaimReview page's JSON-LD, as a fact-checker publishes it. */
const claimReview = (c: (typeof CHECKS)[number], i: number) => JSON.stringify({
  '@context': 'https://schema.org', '@type': 'ClaimReview', url: `https://checkdesk.example/checks/${i}`, claimReviewed: c.claim, name: c.title,
  author: { '@type': 'Organization', name: 'Check Desk' }, datePublished: '2024-05-0' + (i + 1),
  reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' },
});

const model = loadReranker();

for (const size of [1, 2, 3]) {
  test(`with ${size} fact-check${size > 1 ? 's' : ''} imported, a repeated or reworded claim matches its fact-check above the threshold and an unrelated one matches nothing`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrace-small-store-'));
    const files = CHECKS.slice(0, size).map((c, i) => {
      const file = join(dir, `check-${i}.json`);
      writeFileSync(file, claimReview(c, i));
      return file;
    });
    const store = await openSqliteStore(join(dir, 'store.db'));
    try {
      const summary = await importFactChecks(files, store);
      assert.equal(summary.inserted, size);
      const matcher = (await createFactCheckAudit(store, { loadModel: () => model }).matcher())!;
      assert.equal(matcher.size, size);
      CHECKS.slice(0, size).forEach((c, i) => {
        for (const text of [c.repeated, c.reworded]) {
          const [best] = matcher.match(text);
          assert.equal(best?.factCheck.url, `https://checkdesk.example/checks/${i}`, text);
          assert.ok(best.score >= MATCH_CALIBRATION.threshold, `${text}: ${best.score}`);
        }
      });
      for (const text of UNRELATED) assert.deepEqual(matcher.match(text).map((m) => [m.factCheck.claim, m.score]), [], text);
    } finally {
      await store.close();
    }
  });
}

test('a small collection is counted with background documents (a common word weighs less than a name), a large one by its own counts alone', () => {
  const small = buildMatchIndex([{ id: '1', claim: 'The mayor of Dunmore spent council money on a jet.', title: '' }]);
  assert.equal(small.bothField.background?.documents, BACKGROUND_FLOOR - 1);
  assert.equal(small.grams.documents, BACKGROUND_FLOOR);
  const [spent, dunmore] = matchTerms('spent Dunmore');
  assert.ok(small.bothField.postings.has(spent!) && small.bothField.postings.has(dunmore!));
  assert.ok(idf(small.bothField, spent!) < idf(small.bothField, dunmore!) - 1, `${idf(small.bothField, spent!)} ${idf(small.bothField, dunmore!)}`);
  assert.equal(backgroundDocuments(BACKGROUND_FLOOR), 0);
  const claims = Array.from({ length: BACKGROUND_FLOOR }, (_, i) => ({ id: String(i), claim: `Claim number ${i} about the ferry ${i % 7 ? 'fares' : 'crews'}.`, title: '' }));
  const large = buildMatchIndex(claims);
  assert.equal(large.bothField.background, undefined);
  assert.equal(large.grams.documents, BACKGROUND_FLOOR);
  const [fares] = matchTerms('fares');
  const df = large.bothField.postings.get(fares!)!.docs.length;
  assert.ok(df > 1);
  assert.equal(idf(large.bothField, fares!), Math.log(1 + (BACKGROUND_FLOOR - df + 0.5) / (df + 0.5)));
});
