// Hostile markup nested thousands deep: Readability is skipped past MAX_READABLE_DEPTH for the body walk, whose time is
// linear in the page, and the page's text is still returned. (On the code before the guard the 2,000-deep list below
// ran for more than five minutes.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_READABLE_DEPTH, nestsDeeperThan, treeDepth } from './depth.js';
import type { DomNode } from './dom-text.js';
import { extractHtml } from './html.js';

const nested = (open: string, close: string) => (n: number) =>
  `<html><body><p>The council said 40 boats sank in the storm on Tuesday night, and the harbour stayed shut.</p>${open.repeat(n)}Deep text.${close.repeat(n)}<p>Officials said the harbour would reopen.</p></body></html>`;

test('nested lists 2,000 deep are read by the body walk: the text is kept (Readability alone took minutes)', () => {
  const { text } = extractHtml(nested('<ul><li>', '</li></ul>')(2_000));
  assert.match(text, /40 boats sank/);
  assert.match(text, /Deep text\./);
  assert.match(text, /would reopen/);
});

test('nested divs 20,000 deep are read by the body walk: the text is kept', () => {
  const { text } = extractHtml(nested('<div>', '</div>')(20_000));
  assert.match(text, /Deep text\./);
  assert.match(text, /would reopen/);
});

const tree = (depth: number): DomNode => {
  let node: DomNode = { nodeType: 3, nodeName: '#text', nodeValue: 'x', childNodes: [] };
  for (let d = 0; d < depth; d++) node = { nodeType: 1, nodeName: 'DIV', nodeValue: null, childNodes: [node] };
  return node;
};

test('the depth of a tree counts elements below the root, text nodes not', () => {
  assert.equal(treeDepth(tree(1)), 0);
  assert.equal(treeDepth(tree(5)), 4);
  assert.equal(nestsDeeperThan(tree(MAX_READABLE_DEPTH + 1), MAX_READABLE_DEPTH), false);
  assert.equal(nestsDeeperThan(tree(MAX_READABLE_DEPTH + 2), MAX_READABLE_DEPTH), true);
  assert.equal(nestsDeeperThan(tree(100_000), MAX_READABLE_DEPTH), true);
});
