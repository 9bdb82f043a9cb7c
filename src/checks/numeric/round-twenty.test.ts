// Round 20 of issue 13 (the lead). Every text here is written for this test; each rule has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('a group set apart by its age beside a group set apart by sex may overlap it', () => {
  const text = 'The service collected 15,200 donations. Of those, 9,100 came from women and 7,400 from donors under 40.';
  assert.deepEqual(brief(text), []);
  // Two sexes part the whole; so do age bands side by side.
  assert.deepEqual(brief('The service collected 15,200 donations. Of those, 9,100 came from women and 7,400 from men.'), [['total-unsupported', '15,200']]);
  assert.deepEqual(brief('Of the 87 people treated, 52 were aged under 25 and 41 were 25 or older.'), [['total-unsupported', '87']]);
});

test('an operational capacity is no whole, and the owners a total counts part it', () => {
  const text = 'The five prisons held 3,960 inmates on Friday, against an operational capacity of 3,800. Ardley held 1,110, Bexmoor 990, Carn 860 and Dunlow 640, with 280 at the women\'s jail.';
  assert.deepEqual(brief(text), [['total-unsupported', '3,960']]);
  assert.deepEqual(brief(text.replace('280', '360')), []);
});

test('a rate is no whole of the next sentence\'s parts', () => {
  const text = 'Police seized 1,020 knives last year, nearly three a day.\n\nFigures show 560 were taken in searches, 300 in sweeps of parks and 190 from amnesty bins.';
  assert.deepEqual(brief(text), [['total-unsupported', '1,020']]);
  assert.deepEqual(brief(text.replace('190', '160')), []);
});

test('"about 412 million" allows a few of its last digit\'s units, "about 400 million" a tenth', () => {
  const text = 'Pipes lost about 412 million litres a day. Corran Water accounted for 268 million litres of that, and Brisk Water for the remaining 171 million.';
  assert.deepEqual(brief(text), [['total-unsupported', 'about 412 million litres']]);
  assert.deepEqual(brief(text.replace('about 412', 'about 430')), []);
});

test('units sold are parts of the vehicles sold; a count in a relative aside is no part', () => {
  const text = 'Varn Motors sold 318,000 vehicles in nine months, up 6 percent.\n\nThe Lira remained the biggest seller at 141,000 units, followed by the Tavo with 97,000 and the Senn with 52,000; the Orca van made up the remaining 38,000.';
  assert.deepEqual(brief(text), [['total-unsupported', '318,000']]);
  assert.deepEqual(brief(text.replace('38,000', '28,000')), []);
});
