import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, reviewsCsv } from './csv.js';
import { HARBOUR, reviewOf } from './export-fixture.js';

const reviews = [
  reviewOf(1, 'c2', { rating: 'true' }),
  reviewOf(2, 'c2', { rating: 'half-true', explanation: 'Port records say "about 3,800", not 4,000.\nSee the annex.', evidenceUrls: ['https://port.example/a', 'https://port.example/b'], reviewer: 'Tomas Berg' }),
];
const lines = (csv: string) => csv.split('\r\n');

test('the header names the thirteen columns', () => {
  assert.equal(lines(reviewsCsv(HARBOUR, []))[0], 'claim_id,claim,start,end,source,grade,rating,rating_label,explanation,evidence_urls,reviewer,reviewed_at,accepted_factchecks');
});

test('a reviewed claim has its latest verdict, quoted where it holds quotes or line breaks', () => {
  assert.equal(reviewsCsv(HARBOUR, reviews).split('\r\n').slice(2, 4).join('\r\n'),
    'c2,"Officials said at least 4,000 boats paid it last year.",81,135,Officials,vague,half-true,Half true,"Port records say ""about 3,800"", not 4,000.\nSee the annex.",https://port.example/a https://port.example/b,Tomas Berg,2024-03-05T14:20:00.000Z,\r\n' +
    'c3,"It means that some 9,000 boats paid in total, experts claim.",136,196,experts,vague,,,,,,,');
});

test('every claim gets one row, unreviewed ones with empty review cells, and the text ends with CRLF', () => {
  const csv = reviewsCsv(HARBOUR, []);
  assert.deepEqual([lines(csv).length, lines(csv)[1], csv.endsWith('\r\n')], [8, 'c1,"The harbour levy rose to 120% of its old level, according to the Port Authority.",0,80,the Port Authority,named,,,,,,,', true]);
});

test('a claim without a source has an empty source cell', () => {
  assert.equal(lines(reviewsCsv(HARBOUR, []))[4], 'c4,The mayor called the plan a disgrace.,198,235,,none,,,,,,,');
});

test('cells that start like a formula get an apostrophe, then quoting if they need it', () => {
  assert.deepEqual(['=HYPERLINK("http://x.example")', '+1', '-2', '@SUM(A1)', '\tTab', '\rCR', 'a=b'].map(csvCell), [
    `"'=HYPERLINK(""http://x.example"")"`, "'+1", "'-2", "'@SUM(A1)", "'\tTab", `"'\rCR"`, 'a=b',
  ]);
});

const FORMULA_CELLS: readonly [string, string, string][] = [
  [' =1+1', "' =1+1", 'a leading space before a formula'],
  ['\n=1+1', `"'\n=1+1"`, 'a leading line feed'],
  ['\r\n@SUM(A1)', `"'\r\n@SUM(A1)"`, 'a leading CRLF'],
  ['\t=1', "'\t=1", 'a leading tab'],
  ['\u202e=1+1', "'\u202e=1+1", 'a right-to-left override hiding the formula'],
  ['\u2066=1', "'\u2066=1", 'a left-to-right isolate'],
  ['\uff1d1+1', "'\uff1d1+1", 'a fullwidth equals sign'],
  ['\uff0b1', "'\uff0b1", 'a fullwidth plus sign'],
  ['\uff0d1', "'\uff0d1", 'a fullwidth hyphen-minus'],
  ['\uff20SUM(A1)', "'\uff20SUM(A1)", 'a fullwidth commercial at'],
  ['Levy = 5%', 'Levy = 5%', 'an equals sign that does not come first'],
];

for (const [cell, written, why] of FORMULA_CELLS) {
  test(`a cell starting with ${why} is written ${JSON.stringify(written)}`, () => {
    assert.equal(csvCell(cell), written);
  });
}

test('numbers and empty values are written as they are', () => {
  assert.deepEqual([csvCell(135), csvCell(null), csvCell('')], ['135', '', '']);
});

test('a formula in a reviewer name cannot reach a spreadsheet', () => {
  const row = lines(reviewsCsv(HARBOUR, [reviewOf(1, 'c4', { reviewer: '=cmd|"/c calc"!A1' })]))[4]!;
  assert.equal(row.includes(`,"'=cmd|""/c calc""!A1",`), true);
});
