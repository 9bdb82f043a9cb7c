import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourceFromJsonLine } from './jsonl.js';

test('a text record becomes a plain-text source with its metadata', () => {
  const source = sourceFromJsonLine('{"text":"The quay reopened.","title":"Quay","site":"Coast Post","published":"2024-06-10","extra":1}', 'feed.jsonl', 4);
  assert.deepEqual({ ...source, bytes: 'bytes' in source ? new TextDecoder().decode(source.bytes) : null }, {
    label: 'feed.jsonl:4', bytes: 'The quay reopened.', contentType: 'text/plain', url: undefined,
    meta: { url: undefined, title: 'Quay', published: '2024-06-10', site: 'Coast Post' },
  });
});

test('an HTML record becomes an HTML source with its URL', () => {
  const source = sourceFromJsonLine('{"url":"https://coast.example/q","html":"<p>The quay reopened.</p>"}', 'feed.jsonl', 1);
  assert.deepEqual('error' in source ? null : [source.contentType, source.url], ['text/html', 'https://coast.example/q']);
});

test('a line that is not JSON is E_RECORD_INVALID labelled with its line', () => {
  const source = sourceFromJsonLine('{"text": "unterminated', 'feed.jsonl', 7);
  assert.deepEqual('error' in source ? [source.label, source.error.code, source.error.message] : null, ['feed.jsonl:7', 'E_RECORD_INVALID', 'Record feed.jsonl:7 is not an article: the line is not valid JSON']);
});

test('a record with both html and text is refused', () => {
  const source = sourceFromJsonLine('{"text":"a","html":"<p>b</p>"}', 'feed.jsonl', 2);
  assert.equal('error' in source ? source.error.message : null, 'Record feed.jsonl:2 is not an article: needs exactly one of "html" or "text"');
});

test('a record with a field of the wrong type names the field', () => {
  const source = sourceFromJsonLine('{"text":"a","title":42}', 'feed.jsonl', 3);
  assert.match('error' in source ? source.error.message : '', /^Record feed\.jsonl:3 is not an article: "title": /);
});
