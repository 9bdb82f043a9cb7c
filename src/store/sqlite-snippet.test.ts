// mayHaveManyMatches: the SQLite store's cheap guess, before a hit's snippet is asked of FTS5, of whether the row holds
// more than SNIPPET_MATCH_CAP matches of the query's terms. "No" sends the row straight to snippet(), whose time grows
// with the square of the matches (an 800 KB article of one sentence repeated took 22 s); "yes" only costs FTS5's own
// count (createMatchCounter). So it may say yes wrongly, never no: FTS5's count is the oracle here.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { createMatchCounter, mayHaveManyMatches, SNIPPET_MATCH_CAP } from './sqlite-snippet.js';

const db = new Database(':memory:');
after(() => db.close());
const countMatches = createMatchCounter(db);

/** Asserts that the guess says "more than cap" whenever FTS5 counts more than cap matches, for every cap below the count. */
function assertNoFalseNegative(texts: readonly string[], query: string): number {
  const matches = countMatches(texts, query);
  if (matches > 0) assert.equal(mayHaveManyMatches(texts, query, matches - 1), true, `${JSON.stringify(texts)} / ${JSON.stringify(query)}: FTS5 counts ${matches}`);
  return matches;
}

describe('mayHaveManyMatches', () => {
  test('says more than the cap only past it: at the cap exactly, no', () => {
    const texts = ['Port news', 'The port closed; ports reopen. Harbour board.'];
    assert.equal(countMatches(texts, 'port'), 3);
    assert.deepEqual([2, 3, 4].map((cap) => mayHaveManyMatches(texts, 'port', cap)), [true, false, false]);
    assert.equal(mayHaveManyMatches(texts, 'port', 0), true);
    assert.equal(mayHaveManyMatches(['', ''], 'port', 0), false);
    assert.equal(mayHaveManyMatches([], 'port', 0), false);
  });

  test('counts every text (title and body), a repeated query word each time, prefixes and phrases', () => {
    assert.equal(mayHaveManyMatches(['Port', 'port'], 'port', 1), true);
    assert.equal(mayHaveManyMatches(['', 'port port'], 'port port', 3), true);
    assert.equal(mayHaveManyMatches(['', 'port port'], 'port port', 4), false);
    assert.equal(mayHaveManyMatches(['harbours harbourmaster'], 'harb*', 1), true);
    assert.equal(mayHaveManyMatches(['the harbour board met'], '"harbour board"', 1), true);
  });

  test('says no for long texts whose words begin otherwise than the query words', () => {
    const text = 'The ferry left at noon. '.repeat(2_000);
    assert.equal(mayHaveManyMatches([text], 'port', 0), false);
    assert.equal(mayHaveManyMatches([text], '- * ""', 0), false);
    assert.equal(mayHaveManyMatches([text], 'ferry', SNIPPET_MATCH_CAP), false);
    assert.equal(mayHaveManyMatches([text.repeat(2)], 'ferry', SNIPPET_MATCH_CAP), true);
  });

  test('reads case and accents as FTS5 does (remove_diacritics 2)', () => {
    const cases: [string, string][] = [['PORT Port pOrt', 'port'], ['Éte ete ÉTÉ', 'ete'], ['Ångström angstrom', 'ANGSTROM'], ['ŞEHİR şehir', 'sehir']];
    for (const [text, query] of cases) assertNoFalseNegative([text], query);
  });

  // Each of these was a false negative: FTS5 counts the matches, the guess counted none or fewer.
  test('letters whose FTS5 folding is not their decomposition: long s, micro sign, final sigma, Greek symbol forms, capital sharp s', () => {
    const cases: [string, string][] = [['ſpring ſpring', 'spring'], ['µg µg', 'μg'], ['ς ς', 'σ'], ['ϐ ϑ ϕ ϖ ϰ ϱ ϵ', 'β θ φ π κ ρ ε'], ['ẞq ẞq', 'ßq']];
    for (const [text, query] of cases) {
      assert.ok(assertNoFalseNegative([text], query) >= 2);
    }
  });

  test('combining marks that FTS5 drops at the start of a word, or reads as a space inside one', () => {
    // U+0301 is dropped (a diacritic); U+0305 and U+20DD are not diacritics to FTS5 and end the word, as do the vowel
    // signs of Devanagari (U+093E) and New Tai Lue (U+19B0, a letter since Unicode 8, a mark in FTS5's tables).
    const cases: [string, string][] = [['\u0301port \u0301port', 'port'], ['a\u0305a\u0305a\u0305a', 'a'], ['x\u20DDx\u20DDx', 'x'], ['\u0915\u093E\u0915\u093E\u0915', '\u0915'], ['\u1980\u19B0\u1980\u19B0\u1980', '\u1980']];
    for (const [text, query] of cases) assert.ok(assertNoFalseNegative([text], query) >= 2, text);
    // A word of 4,000 "a" joined by U+0305 is 4,000 matches of "a" to FTS5, more than the cap.
    const zalgo = Array(4_000).fill('a').join('\u0305');
    assert.ok(countMatches([zalgo], 'a') > SNIPPET_MATCH_CAP);
    assert.equal(mayHaveManyMatches([zalgo], 'a', SNIPPET_MATCH_CAP), true);
  });

  test('never says no where FTS5 counts more (random texts of tricky characters)', () => {
    // Letters, marks FTS5 drops or splits at, symbol forms, an astral letter, digits and separators.
    const chars = ['a', 'A', 'p', 'o', 's', 'S', 'é', 'É', 'e\u0301', '\u0301', '\u0305', '\u20DD', 'ſ', 'ß', 'ς', 'σ', 'Σ', 'µ', 'μ', 'ϐ', 'β', 'İ', 'ı', 'i', 'ﬁ', 'ø', 'ł', '\u0915', '\u093E', '\u19B0', '\u1980', '𝐀', '𐐀', '𐐨', '1', '²', '٣', ' ', ' ', '-', '.', '\u00A0', '\u200B'];
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((a) => a.join(''));
    const query = fc.array(fc.constantFrom(...chars, '*', '"'), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
    fc.assert(fc.property(fc.array(text, { minLength: 1, maxLength: 2 }), query, (texts, q) => void assertNoFalseNegative(texts, q)), { seed: 20_240_611, numRuns: 3_000 });
  });
});
