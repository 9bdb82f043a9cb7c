import assert from 'node:assert/strict';
import { test } from 'node:test';
import { factCheckKey, normaliseClaim, normaliseReviewUrl } from './key.js';

test('a claim with other case, curly quotes, spacing and a closing full stop normalises alike', () => {
  assert.equal(normaliseClaim('  The \u201cnew\u201d  quay   cost 9 million. '), normaliseClaim('the "new" quay cost 9 million'));
});

test('a review URL over http or https, with a fragment, tracking parameters or a trailing slash is one page', () => {
  assert.equal(normaliseReviewUrl('http://Checks.example/a/b/?utm_source=x#top'), normaliseReviewUrl('https://checks.example/a/b'));
});

test('review URLs that differ in their path or real query stay apart', () => {
  assert.notEqual(normaliseReviewUrl('https://checks.example/a?id=1'), normaliseReviewUrl('https://checks.example/a?id=2'));
});

test('two claims reviewed on one page have different keys', () => {
  const url = 'https://checks.example/roundup';
  assert.notEqual(factCheckKey({ url, claim: 'The pier is 300 m long.' }), factCheckKey({ url, claim: 'The pier was built in 1910.' }));
});
