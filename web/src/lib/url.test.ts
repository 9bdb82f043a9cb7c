import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isHttpUrl, parseEvidence, queryString } from './url.js';

test('http and https URLs are clickable', () => {
  assert.equal(isHttpUrl('https://gazette.example/port'), true);
  assert.equal(isHttpUrl('http://gazette.example/'), true);
});

test('javascript, data and relative links are not clickable', () => {
  assert.equal(isHttpUrl('javascript:alert(1)'), false);
  assert.equal(isHttpUrl('data:text/html,<b>x</b>'), false);
  assert.equal(isHttpUrl('/documents/3'), false);
  assert.equal(isHttpUrl(null), false);
});

test('a query string keeps only the given values', () => {
  assert.equal(queryString({ q: 'harbour fees', site: '', grade: undefined, limit: 20 }), '?q=harbour+fees&limit=20');
  assert.equal(queryString({ q: '' }), '');
});

test('evidence lines split into URLs and lines that are not URLs', () => {
  const parsed = parseEvidence('https://audit.example/report.pdf\r\n\n  ftp://old.example/x \nhttp://port.example/minutes\n');
  assert.deepEqual(parsed, { urls: ['https://audit.example/report.pdf', 'http://port.example/minutes'], invalid: ['ftp://old.example/x'] });
});
