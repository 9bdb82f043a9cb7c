// Issue 13, rounds 17 to 20 (the lead), from articles written apart from the tool (t273–t336): how readers report a
// fault or book a place is a service note, and a poll's question ("Asked about speeds, ...") or measure
// ("Satisfaction was higher ...") opens its results. Sentences are the project's own; each has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePure } from '../../engine/analyze.js';

const unsourced = (f: { rule: string }) => f.rule === 'unsourced-claim' || f.rule === 'unsourced-statistic';
const flagged = (text: string) => analyzePure({ text }).findings.some(unsourced);

test('how readers report a fault or book a place is a service note', () => {
  assert.ok(!flagged('Blocked drains can be reported online or on 01632 555 210.'));
  assert.ok(!flagged('Places can be booked on the council website.'));
  // Contrast: what was reported is a claim.
  assert.ok(flagged('More than 4,000 blocked drains were reported last winter.'));
});

test("a poll's question and its measure open its results", () => {
  const poll = 'A survey of 1,200 households by Northline for the Gazette found 61 percent unhappy with their broadband. ';
  for (const next of ['Asked about speeds, 54 percent said they often got less than they paid for.', 'Satisfaction was higher in towns, where 48 percent were content.']) {
    const findings = analyzePure({ text: poll + next }).findings;
    assert.ok(!findings.some((f) => unsourced(f) && f.start >= poll.length - 1), next);
  }
  // Contrast: with no poll before it, the same answers are a claim without a source.
  assert.ok(flagged('Asked about speeds, 54 percent said they often got less than they paid for.'));
});
