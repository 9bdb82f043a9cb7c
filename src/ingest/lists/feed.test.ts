import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IngestSource } from '../source.js';
import { feedSources, isoDate, MIN_CONTENT_CHARS, parseFeedItems, textLength } from './feed.js';
import { atomFeed, jsonFeed, longReport, rdfFeed, rssFeed } from './test-feeds.js';

const BASE = 'https://gazette.example';

function sourcesOf(text: string, label = 'feed.xml', base?: string): IngestSource[] {
  const feed = parseFeedItems(text, label);
  return [...feedSources(feed.items, label, base ?? feed.home)];
}

/** A source as one line: label, kind (article/link/error code), link or URL, and meta. */
function describe(source: IngestSource): unknown {
  if ('error' in source) return [source.label, source.error.code];
  if ('link' in source) return [source.label, 'link', source.link, source.meta, source.guid];
  return [source.label, 'article', source.contentType, source.url, source.meta, source.guid];
}

test('an RSS item with full content is an article, a teaser a link, an item with neither a failure', () => {
  assert.deepEqual(sourcesOf(rssFeed(BASE)).map(describe), [
    ['feed.xml#1', 'article', 'text/html', `${BASE}/dredging`, { title: 'Dredging bill doubles', published: '2026-03-03T09:30:00.000Z', byline: 'Ines Varga', site: 'gazette.example', url: `${BASE}/dredging` }, 'gazette-1001'],
    ['feed.xml#2', 'link', `${BASE}/ferry`, { title: 'Ferry timetable changes', published: '2026-03-04T06:00:00.000Z', byline: undefined, site: 'gazette.example', url: `${BASE}/ferry` }, `${BASE}/ferry`],
    ['feed.xml#3', 'E_LIST_ITEM_INVALID'],
  ]);
});

test('the article of a full-content item is the content itself', () => {
  const [first] = sourcesOf(rssFeed(BASE));
  assert.equal(first && 'bytes' in first ? new TextDecoder().decode(first.bytes) : null, longReport('dredging of the outer basin', 14));
});

test('an Atom entry: html title without markup, published before updated, a relative link resolved against the feed', () => {
  assert.deepEqual(sourcesOf(atomFeed(BASE)).map(describe), [
    ['feed.xml#1', 'article', 'text/html', `${BASE}/sea-wall`, { title: 'Sea wall approved', published: '2026-03-05T08:15:00.000Z', byline: undefined, site: 'gazette.example', url: `${BASE}/sea-wall` }, 'urn:coast-post:2001'],
    ['feed.xml#2', 'link', `${BASE}/lighthouse`, { title: 'Lighthouse to reopen', published: '2026-03-06T12:00:00.000Z', byline: undefined, site: 'gazette.example', url: `${BASE}/lighthouse` }, 'urn:coast-post:2002'],
  ]);
});

test('a JSON Feed item with content_text is a plain-text article; a date alone stays a date', () => {
  assert.deepEqual(sourcesOf(jsonFeed(BASE), 'feed.json').map(describe), [
    ['feed.json#1', 'article', 'text/plain', `${BASE}/pier`, { title: 'Pier repairs', published: '2026-03-07T04:00:00.000Z', byline: undefined, site: 'gazette.example', url: `${BASE}/pier` }, 'dd-1'],
    ['feed.json#2', 'link', `${BASE}/market`, { title: 'Fish market moves', published: '2026-03-08', byline: undefined, site: 'gazette.example', url: `${BASE}/market` }, 'dd-2'],
  ]);
});

test('an RDF item is a link with its Dublin Core date and rdf:about as GUID', () => {
  assert.deepEqual(sourcesOf(rdfFeed(BASE)).map(describe), [
    ['feed.xml#1', 'link', `${BASE}/notes/1`, { title: 'Tide gauge fixed', published: '2026-03-09', byline: undefined, site: 'gazette.example', url: `${BASE}/notes/1` }, `${BASE}/notes/1`],
  ]);
});

test('the fetched address of a feed is the base of its relative links, before its home page', () => {
  const [, second] = sourcesOf(atomFeed(BASE), 'https://mirror.example/feeds/atom.xml', 'https://mirror.example/feeds/atom.xml');
  assert.equal(second && 'link' in second ? second.link : null, 'https://mirror.example/lighthouse');
});

test('full content is measured as text: markup and entities do not count toward the threshold', () => {
  const words = 'x'.repeat(MIN_CONTENT_CHARS - 1);
  assert.deepEqual([textLength({ body: `<p class="long attribute">${words}</p>`, html: true }), textLength({ body: `${words}&amp;`, html: true }), textLength({ body: `<p>${words}</p>`, html: false })], [MIN_CONTENT_CHARS - 1, MIN_CONTENT_CHARS, MIN_CONTENT_CHARS + 6]);
});

test('a feed that cannot be parsed is E_LIST_INVALID', () => {
  assert.throws(() => parseFeedItems('<rss><channel><item>', 'broken.xml'), { code: 'E_LIST_INVALID' });
});

test('feed dates become ISO 8601; unreadable ones are dropped', () => {
  assert.deepEqual([isoDate('Tue, 03 Mar 2026 09:30:00 GMT'), isoDate('2026-03-05T08:15:00+01:00'), isoDate('2026-03-09'), isoDate('sometime'), isoDate(' ')], [
    '2026-03-03T09:30:00.000Z', '2026-03-05T07:15:00.000Z', '2026-03-09', undefined, undefined,
  ]);
});
