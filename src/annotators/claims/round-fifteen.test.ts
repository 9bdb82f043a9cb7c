// Issue 13, round 15 (the lead), from articles written apart from the tool (t241–t256): court dates ("is due before
// magistrates"), notices ("were told to expect"), calls to ring a line, and a poll's interviews after the poll are
// service notes or the poll's method, not claims to source. Sentences are the project's own; each has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePure } from '../../engine/analyze.js';

const flagged = (text: string) => analyzePure({ text }).findings.some((f) => f.rule === 'unsourced-claim' || f.rule === 'unsourced-statistic');

test('a court date is a schedule', () => {
  assert.ok(!flagged('The 22-year-old, who has not been named, is due before Harlow magistrates on Tuesday.'));
  assert.ok(!flagged('He is due to appear at Marlow Crown Court on 4 May.'));
  // Contrast: "due to" a cause states a claim.
  assert.ok(flagged('The delays were due to a strike by 300 signal workers.'));
});

test('a notice of what comes next and a call to ring a line are service notes', () => {
  assert.ok(!flagged('Drivers were told to expect delays on the ring road from March.'));
  assert.ok(!flagged('Patients with minor injuries are asked to ring the advice line on 0800 555 0123 before setting out.'));
  // Contrast: what drivers were told of a past event is a claim.
  assert.ok(flagged('Drivers were stuck for up to six hours on the ring road after 14 lorries collided.'));
});

test("a poll's interviews after the poll are its method", () => {
  const poll = 'A poll by Civica for the Courier found 52 percent of residents in favour of the ban. The mayor did not respond to requests for comment. ';
  const findings = analyzePure({ text: poll + 'Interviews were carried out online and by phone between May 2 and May 6.' }).findings;
  assert.ok(!findings.some((f) => (f.rule === 'unsourced-claim' || f.rule === 'unsourced-statistic') && f.start > poll.length - 2));
  // Contrast: interviews with no poll before them are a claim of their own.
  assert.ok(flagged('Interviews were carried out with 40 staff, and 12 were dismissed.'));
});

test('a breakdown after a body that announced the figure is a new claim; after a table of figures it is the table\'s', () => {
  const body = 'Measles has now been confirmed in 86 people in the valley, the district health board said on Monday. ';
  const breakdown = 'Of those cases, 47 are children of primary-school age and 21 are teenagers.';
  const flags = (text: string) => analyzePure({ text }).findings.filter((f) => (f.rule === 'unsourced-claim' || f.rule === 'unsourced-statistic') && f.start >= text.indexOf('Of those'));
  assert.equal(flags(body + breakdown).length, 1);
  // Contrast: the same breakdown after figures published by the board is the figures' breakdown.
  assert.equal(flags('Measles has now been confirmed in 86 people in the valley, according to figures published by the health board. ' + breakdown).length, 0);
});

test("a study's result with its baseline year after a comparison is still the study's", () => {
  const study = 'Hedgehog numbers in the county have fallen by a third since 2010, according to a study published on Monday in the Journal of Field Ecology.\n\n';
  const result = 'Volunteers counted 1,840 hedgehogs along 40 routes last summer, compared with 2,760 on the same routes in 2010.';
  const flagged = (text: string) => analyzePure({ text }).findings.some((f) => (f.rule === 'unsourced-claim' || f.rule === 'unsourced-statistic') && f.start >= text.indexOf('Volunteers'));
  assert.ok(!flagged(study + result));
  // Contrast: a figure set in another time in the main clause is the writer's comparison, not the study's result.
  assert.ok(flagged(study + 'Volunteers counted 2,760 hedgehogs along the same routes in 2010.'));
});
