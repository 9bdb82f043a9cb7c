import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrixCases } from './numeric-matrix.js';

const sum = (xs: readonly number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 10) / 10;

test('every case of the numeric matrix is told twice: once not adding up, once adding up exactly', () => {
  const cases = matrixCases();
  assert.ok(cases.length > 300);
  for (const c of cases) {
    const [whole, ...parts] = c.figures.over;
    assert.notEqual(sum(parts), whole, c.over);
    const [evenWhole, ...evenParts] = c.figures.even;
    assert.equal(sum(evenParts), evenWhole, c.even);
    assert.notEqual(c.over, c.even);
  }
});

test('the matrix writes each figure of a case into its text, and no two cases are the same text', () => {
  const cases = matrixCases();
  assert.equal(new Set(cases.map((c) => c.over)).size, cases.length);
  for (const c of cases) {
    for (const x of c.figures.even.slice(1)) assert.ok(c.even.includes(x.toLocaleString('en-GB')), `${x} in ${c.even}`);
  }
});
