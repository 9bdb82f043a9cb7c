import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { findArticleContainer, paragraphTextByElement } from './focus.js';
import type { PruneNode } from './prune.js';

const OPTIONS = { paragraphShare: 0.9, levelsUp: 1, minParagraphText: 100 };
const para = (n: number) => `<p>${'x'.repeat(n)}</p>`;
const bodyOf = (html: string) => parseHTML(`<html><body>${html}</body></html>`).document.body as unknown as PruneNode;

test('counts the <p> text under every element', () => {
  const body = bodyOf(`<div id="a">${para(30)}<div id="b">${para(20)}</div></div>`);
  const counts = paragraphTextByElement(body);
  assert.equal(counts.get(body), 50);
  assert.equal(counts.get(body.firstElementChild!), 50);
  assert.equal(counts.get(body.firstElementChild!.firstElementChild!.nextElementSibling!), 20);
});

test('finds the deepest element holding nine tenths of the paragraphs, widened by one level', () => {
  const body = bodyOf(`<div id="page"><div id="lead">${para(10)}</div><div id="story">${para(200)}${para(200)}</div></div><div id="side">${para(20)}</div>`);
  assert.equal(findArticleContainer(body, OPTIONS)?.getAttribute('id'), 'page');
});

test('leaves the page whole when the paragraphs are spread out', () => {
  const body = bodyOf(`<div>${para(200)}</div><div>${para(200)}</div>`);
  assert.equal(findArticleContainer(body, OPTIONS), null);
});

test('leaves the page whole when it has too little paragraph text', () => {
  const body = bodyOf(`<div><div>${para(50)}</div></div>`);
  assert.equal(findArticleContainer(body, OPTIONS), null);
});
