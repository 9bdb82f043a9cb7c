import assert from 'node:assert/strict';
import { test } from 'node:test';
import { httpUrl, validateReviewInput } from './validate.js';

const valid = {
  documentId: 7,
  claimId: 'c3',
  rating: 'mostly-false',
  explanation: 'The harbour board\u2019s accounts show 9.4 million euros.\n\nSee page 12.',
  evidenceUrls: ['https://board.example/accounts-2023.pdf'],
  reviewer: '  Ines Varga ',
};

const reasonOf = (input: unknown): string => {
  try {
    validateReviewInput(input);
  } catch (err) {
    assert.equal((err as { code?: string }).code, 'E_REQUEST_INVALID');
    return (err as Error).message;
  }
  return 'accepted';
};

test('a valid review comes back with the reviewer trimmed and everything else kept', () => {
  assert.deepEqual(validateReviewInput(valid), { ...valid, reviewer: 'Ines Varga' });
});

test('explanation and evidence links may be left out and default to empty', () => {
  const { explanation: _e, evidenceUrls: _u, ...rest } = valid;
  assert.deepEqual(validateReviewInput(rest), { ...rest, reviewer: 'Ines Varga', explanation: '', evidenceUrls: [] });
});

test('unknown fields are dropped', () => {
  assert.equal('admin' in validateReviewInput({ ...valid, admin: true }), false);
});

test('a rating outside the scale is refused naming the field', () => {
  assert.match(reasonOf({ ...valid, rating: 'pants-on-fire' }), /^Invalid request: rating: /);
});

test('an explanation of 5,000 characters is accepted and one of 5,001 is refused', () => {
  assert.equal(validateReviewInput({ ...valid, explanation: 'x'.repeat(5000) }).explanation.length, 5000);
  assert.match(reasonOf({ ...valid, explanation: 'x'.repeat(5001) }), /^Invalid request: explanation: /);
});

test('a blank reviewer is refused', () => {
  assert.equal(reasonOf({ ...valid, reviewer: ' \t ' }), 'Invalid request: reviewer: a reviewer name is required');
});

test('a reviewer of 201 characters is refused', () => {
  assert.match(reasonOf({ ...valid, reviewer: 'r'.repeat(201) }), /^Invalid request: reviewer: /);
});

test('a reviewer with a control character is refused', () => {
  assert.equal(reasonOf({ ...valid, reviewer: 'Ines\u0000Varga' }), 'Invalid request: reviewer: control characters are not allowed');
});

test('a javascript: evidence link is refused naming its position', () => {
  assert.equal(reasonOf({ ...valid, evidenceUrls: ['https://ok.example/', 'javascript:alert(1)'] }), 'Invalid request: evidenceUrls.1: not an absolute http(s) URL: "javascript:alert(1)"');
});

test('twenty evidence links are accepted and twenty-one are refused', () => {
  const urls = Array.from({ length: 21 }, (_, i) => `https://archive.example/${i}`);
  assert.equal(validateReviewInput({ ...valid, evidenceUrls: urls.slice(0, 20) }).evidenceUrls.length, 20);
  assert.match(reasonOf({ ...valid, evidenceUrls: urls }), /^Invalid request: evidenceUrls: /);
});

test('a document id that is not a positive integer is refused', () => {
  assert.match(reasonOf({ ...valid, documentId: '7' }), /^Invalid request: documentId: /);
  assert.match(reasonOf({ ...valid, documentId: 0 }), /^Invalid request: documentId: /);
});

test('a claim id with spaces or quotes is refused', () => {
  assert.equal(reasonOf({ ...valid, claimId: 'c1" OR 1' }), 'Invalid request: claimId: a claim id such as "c3"');
});

test('a body that is not an object is refused', () => {
  assert.match(reasonOf(null), /^Invalid request: body: /);
});

test('httpUrl normalises http(s) links and refuses other schemes, relative links and control characters', () => {
  assert.deepEqual(
    ['https://Board.example/a b?q=<x>', ' http://x.example ', 'data:text/html,hi', 'file:///etc/passwd', '/relative/path', 'https://x.example/\u0007', 'mailto:a@b.example'].map(httpUrl),
    ['https://board.example/a%20b?q=%3Cx%3E', 'http://x.example/', undefined, undefined, undefined, undefined, undefined],
  );
});
