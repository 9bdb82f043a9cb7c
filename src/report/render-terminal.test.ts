import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReportSchema } from '../core/report-schema.js';
import { renderTerminal } from './render-terminal.js';
import { emptyReport, findingOn, harbourReport, keeperReport } from './report-fixture.js';
import { displayLength } from './terminal-text.js';

const ANSI = /\u001b/;
const plain = (width?: number) => renderTerminal(harbourReport(), { color: false, width });
const lines = (out: string) => out.split('\n');

test('the header gives title, byline, date, site, url and the counts', () => {
  assert.deepEqual(lines(plain()).slice(0, 6), [
    'Harbour levy doubles, council says',
    'by Maren Holt · 2024-03-02 · The Skerry Ledger',
    'https://ledger.example/harbour-levy',
    'language en · 57 words · 6 sentences · 6 claims · 4 figures · 5 attributions',
    '2 entities · 2 techniques',
    '5 findings: 2 errors, 2 warnings, 1 info',
  ]);
});

test('the sourcing profile counts claims per grade with bars scaled to all claims', () => {
  const out = lines(plain());
  const at = out.indexOf('Sourcing of 6 claims (5 check-worthy at ≥ 0.5)');
  assert.deepEqual(out.slice(at + 1, at + 8), [
    '  named     ███▍                    1  17%  1 check-worthy',
    '  vague     ██████▋                 2  33%  2 check-worthy',
    '  anaphoric ███▍                    1  17%  1 check-worthy',
    '  none      ██████▋                 2  33%  1 check-worthy',
    '  1 of 5 check-worthy claims have no source',
    '  named sources: the Port Authority',
    '  vague sources: experts; Officials',
  ]);
});

test('a higher threshold counts fewer claims as check-worthy', () => {
  const out = renderTerminal(harbourReport(), { color: false, threshold: 0.75 });
  assert.match(out, /Sourcing of 6 claims \(2 check-worthy at ≥ 0\.75\)/);
  assert.match(out, / {2}0 of 2 check-worthy claims have no source/);
});

test('numeric findings list the figures they point at with their bounds, the total first', () => {
  const out = lines(plain());
  const at = out.indexOf('Figures that do not add up (3)');
  assert.deepEqual(out.slice(at + 1, at + 10), [
    '  1:26   error    percentage-over-100  The share "120%" is over 100%.',
    '         • 120%  = 120%',
    '  1:151  warning  total-unsupported  The total "some 9,000 boats" (≥ 8,100) is',
    '         not supported: its parts guarantee only 4,000.',
    '         • some 9,000 boats  ≈ 9,000 boats (8,100–9,900)',
    '         • at least 4,000 boats  ≥ 4,000 boats',
    '  3:57   error    range-inverted  The range "between 50 and 20" runs from high',
    '         to low.',
    '         • between 50 and 20 berths  50–20 berths',
  ]);
});

test('every finding is listed in text order as line:col, severity, rule, message and the quoted words', () => {
  const out = lines(plain());
  const at = out.indexOf('Findings (5, in text order)');
  assert.deepEqual(out.slice(at + 1), [
    '  1:26   error    percentage-over-100  The share "120%" is over 100%.',
    '         “120%”',
    '  1:82   info     vague-source  The source "Officials" is not named.',
    '         “Officials”',
    '  1:151  warning  total-unsupported  The total "some 9,000 boats" (≥ 8,100) is',
    '         not supported: its parts guarantee only 4,000.',
    '         “some 9,000 boats”',
    '  3:57   error    range-inverted  The range "between 50 and 20" runs from high',
    '         to low.',
    '         “between 50 and 20 berths”',
    '  3:90   warning  unsourced-claim  A check-worthy claim with no source.',
    '         “Critics reportedly fear ruin.”',
    '',
  ]);
});

test('quoted words longer than the width are cut with an ellipsis', () => {
  const text = 'Short start.\nThe ferry company said that every single crossing of the strait ran late on each day of the long winter.';
  const report = ReportSchema.parse({
    ...emptyReport(text),
    findings: [findingOn(text, text.slice(13), 'unsourced-claim', 'warning', 'No source.')],
  });
  const out = lines(renderTerminal(report, { color: false, width: 50 }));
  assert.equal(out.at(-2), '       “The ferry company said that every single…”');
});

test('no line is wider than the requested width', () => {
  for (const width of [48, 60, 80]) {
    const wide = lines(plain(width)).filter((line) => displayLength(line) > width);
    assert.deepEqual(wide, [], `width ${width}`);
  }
});

test('without colour the output contains no ANSI escapes', () => {
  assert.doesNotMatch(plain(), ANSI);
});

test('with colour the output is styled with ANSI escapes', () => {
  assert.match(renderTerminal(harbourReport(), { color: true }), /\u001b\[31merror/);
});

test('control characters from the article or a message are neutralised, so hostile text cannot emit escapes', () => {
  const text = 'The pier \u001b[2J\u001b]0;owned\u0007 was sold.';
  const report = ReportSchema.parse({
    ...emptyReport(text, { title: 'Pier \u001b[31msold' }),
    findings: [findingOn(text, text, 'unsourced-claim', 'warning', 'Bad \u009b1m message')],
  });
  const out = renderTerminal(report, { color: false });
  assert.doesNotMatch(out, /[\u001b\u0007\u009b]/);
  assert.match(out, /“The pier \uFFFD\[2J\uFFFD\]0;owned\uFFFD was sold\.”/);
});

test('a report with nothing found says so', () => {
  const out = renderTerminal(emptyReport('Nothing here.'), { color: false });
  assert.deepEqual(lines(out), [
    '(untitled)',
    'language unknown · 2 words · 0 sentences · 0 claims · 0 figures · 0 attributions',
    '0 entities · 0 techniques',
    'no findings',
    '',
    'Sourcing of 0 claims (0 check-worthy at ≥ 0.5)',
    '  no claims found',
    '',
    'Findings (0, in text order)',
    '  none',
    '',
  ]);
});

test('the header counts distinct entities and their mentions: one name with and without its accent is one entity', () => {
  assert.equal(lines(renderTerminal(keeperReport(), { color: false }))[2], '3 attributions · 2 entities (3 mentions) · 0 techniques');
});

test('the named sources list a person cited under two spellings once, as first cited, with the count', () => {
  const out = lines(renderTerminal(keeperReport(), { color: false }));
  assert.deepEqual(out.filter((line) => line.startsWith('  named sources:')), ['  named sources: Jean Périer ×2; Ana Lund']);
});

test('a report made before entity keys counts every mention as an entity and tells sources apart by their words', () => {
  const out = lines(renderTerminal(keeperReport(false), { color: false }));
  assert.equal(out[2], '3 attributions · 3 entities · 0 techniques');
  assert.deepEqual(out.filter((line) => line.startsWith('  named sources:')), ['  named sources: Ana Lund; Jean Perier; Jean Périer']);
});

test('the persuasion techniques are listed in text order with their score, words and evidence', () => {
  const out = lines(plain());
  const at = out.indexOf('Persuasion techniques (2, in text order)');
  assert.ok(at > out.findIndex((l) => l.startsWith('Figures that do not add up')), 'after the figures');
  assert.ok(at < out.findIndex((l) => l.startsWith('Findings (')), 'before the findings');
  assert.match(out[at + 1]!, /^ {2}\d+:\d+ +Loaded language {2}0\.70 {2}“disgrace”$/);
  assert.equal(out[at + 2]!.trim(), 'loaded-language: "disgrace" (moral outrage word)');
  assert.match(out[at + 3]!, /^ {2}\d+:\d+ +Appeal to fear-prejudice {2}0\.60 {2}“fear ruin”$/);
  assert.equal(out[at + 4]!.trim(), 'fear: "ruin" (harm noun)');
});

test('no techniques section when none was found', () => {
  assert.doesNotMatch(renderTerminal(emptyReport('Quiet day.'), { color: false }), /Persuasion techniques/);
});

test('technique names read as words: underscores and commas of the SemEval labels', async () => {
  const { techniqueName } = await import('./render-terminal.js');
  assert.equal(techniqueName('Name_Calling,Labeling'), 'Name calling, labeling');
  assert.equal(techniqueName('Whataboutism,Straw_Men,Red_Herring'), 'Whataboutism, straw men, red herring');
  assert.equal(techniqueName('Black-and-White_Fallacy'), 'Black-and-white fallacy');
});

test('a technique\'s evidence and words hold no terminal escape codes, and every line fits the width', () => {
  const report = harbourReport();
  const hostile = { ...report, techniques: [{ ...report.techniques[0]!, evidence: 'rule \u001b[31mred\u001b[0m and a very long explanation that must wrap over several lines of the narrow terminal' }] };
  const out = renderTerminal(ReportSchema.parse(hostile), { color: false, width: 48 });
  assert.doesNotMatch(out, ANSI);
  for (const line of lines(out)) assert.ok(displayLength(line) <= 48, `too wide: ${line}`);
});
