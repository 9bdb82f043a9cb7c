import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUrlList, mayBeList, sniffBytes } from './sniff.js';

const encode = (text: string) => new TextEncoder().encode(text);
const kindOf = (text: string, type?: string) => sniffBytes(encode(text), type ? { type } : {}).sniffed.kind;

const CASES: readonly [string, string, string | undefined, string][] = [
  ['RSS 2.0', '<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', undefined, 'feed'],
  ['RSS after a stylesheet instruction and a comment', '<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?><!-- hi --><rss><channel/></rss>', undefined, 'feed'],
  ['Atom', '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', undefined, 'feed'],
  ['RDF (RSS 1.0)', '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', undefined, 'feed'],
  ['JSON Feed', '{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[]}', undefined, 'feed'],
  ['a sitemap', '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', undefined, 'sitemap'],
  ['a sitemap index', '\uFEFF<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></sitemapindex>', undefined, 'sitemap'],
  ['a URL list with comments and a blank line', '# morning list\nhttps://a.example/1\n\nhttp://b.example/2\n', undefined, 'url-list'],
  ['a URL list with one broken line in three', 'https://a.example/1\nwww.b.example/2\nhttps://c.example/3\n', undefined, 'url-list'],
  ['an HTML page', '<!doctype html><html><body><p>Hi</p></body></html>', undefined, 'article'],
  ['an XHTML page with an XML prolog', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hi</p></body></html>', undefined, 'article'],
  ['an HTML fragment', '<p>The quay reopened.</p>', undefined, 'article'],
  ['prose', 'The quay reopened on Monday, the harbour board said.\nRepairs cost 2 million euros.', undefined, 'article'],
  ['prose that opens with its source link', 'https://coast.example/quay\nThe quay reopened on Monday.\nRepairs cost 2 million euros.\nThe board thanked the crews.', undefined, 'article'],
  ['a Markdown article with headings', '# Quay reopens\nThe quay reopened on Monday.\n## Costs\nRepairs cost 2 million euros.', undefined, 'article'],
  ['XML that is no feed', '<?xml version="1.0"?><catalog><book id="1"/></catalog>', undefined, 'unrecognised'],
  ['a namespaced root without a prolog', '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', undefined, 'unrecognised'],
  ['unknown markup in a .xml file', '<catalog><book/></catalog>', 'xml', 'unrecognised'],
  ['JSON that is no JSON Feed', '{"title":"x","items":[]}', undefined, 'unrecognised'],
  ['prose in braces that is no JSON', '{Editor\'s note} The quay reopened on Monday.', undefined, 'article'],
  ['binary (left to extraction, which refuses it as E_INPUT_BINARY)', '\u0000\u0001\u0002PNG', undefined, 'article'],
];

for (const [what, text, type, kind] of CASES) {
  test(`${what} is sniffed as ${kind}`, () => {
    assert.equal(kindOf(text, type), kind);
  });
}

test('an unrecognised XML input names its root element', () => {
  assert.deepEqual(sniffBytes(encode('<?xml version="1.0"?><catalog/>')).sniffed, { kind: 'unrecognised', reason: 'XML whose root element <catalog> is no feed (RSS, Atom, RDF), no sitemap and no HTML page' });
});

test('a text is a URL list only when its first line is a URL and at least half of its lines are', () => {
  assert.deepEqual([isUrlList('https://a.example/\nnot a url\n'), isUrlList('https://a.example/\nnot\nnot either\n'), isUrlList('intro\nhttps://a.example/\nhttps://b.example/\n'), isUrlList('# only a comment\n')], [true, false, false, false]);
});

test('only the first bytes of a list may lift the size limit to the list limit', () => {
  assert.deepEqual([mayBeList(encode('<rss>')), mayBeList(encode('https://a.example/\n')), mayBeList(encode('{"version"')), mayBeList(encode('The quay')), mayBeList(encode('<p>Quay</p>'))], [true, true, true, false, false]);
});
