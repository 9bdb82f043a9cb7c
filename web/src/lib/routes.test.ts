import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articlePath, parseRoute, traceClaimPath } from './routes.js';

test('the root is the analyze page', () => {
  assert.deepEqual(parseRoute('/', ''), { name: 'analyze' });
});

test('an article path gives its numeric id, with or without a trailing slash', () => {
  assert.deepEqual(parseRoute('/documents/42', ''), { name: 'article', id: 42 });
  assert.deepEqual(parseRoute('/documents/42/', ''), { name: 'article', id: 42 });
});

test('the search page keeps its query parameters', () => {
  const route = parseRoute('/search', '?q=ferry&grade=vague');
  assert.equal(route.name, 'corpus');
  assert.equal(route.name === 'corpus' && route.params.get('grade'), 'vague');
});

test('an unknown path is not found', () => {
  assert.deepEqual(parseRoute('/documents/x', ''), { name: 'not-found', path: '/documents/x' });
});

test('paths are built for articles and traced claims', () => {
  assert.equal(articlePath(7), '/documents/7');
  assert.equal(traceClaimPath(7, 'c3'), '/trace?claim=7%3Ac3');
});
