import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeName } from './norm.js';

const CASES: readonly [name: string, input: string, want: string][] = [
  ['a hyphen next to a digit is dropped', 'MI-5', 'mi5'],
  ['a leading "the" is dropped', 'the Sunday Times', 'sunday times'],
  ['dots in an abbreviation are dropped', 'U.S.', 'us'],
  ['a hyphen between letters reads as a space', 'Al-Qaeda', 'al qaeda'],
  ['diacritics are dropped', 'Jean Périer', 'jean perier'],
  ['a possessive is dropped', "Olsen's", 'olsen'],
];

for (const [name, input, want] of CASES) {
  test(`normalizeName: ${name}`, () => {
    assert.equal(normalizeName(input), want);
  });
}
