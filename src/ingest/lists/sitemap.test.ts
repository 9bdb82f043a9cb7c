import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSitemap, sitemapLink } from './sitemap.js';
import { sitemapIndex, urlset } from './test-feeds.js';
import { urlListSources } from './url-list.js';

test('a urlset gives its locations in order, with Google News titles and dates', () => {
  const sitemap = parseSitemap(urlset(['https://gazette.example/a', 'https://gazette.example/b?x=1&y=2'], true), 'sitemap.xml');
  assert.deepEqual(sitemap.kind === 'urlset' ? sitemap.urls.map((url) => sitemapLink(url, undefined)) : null, [
    { link: 'https://gazette.example/a', meta: { url: 'https://gazette.example/a', site: 'gazette.example', title: 'Sitemap story 1', published: '2026-03-10T08:00:00.000Z' } },
    { link: 'https://gazette.example/b?x=1&y=2', meta: { url: 'https://gazette.example/b?x=1&y=2', site: 'gazette.example', title: 'Sitemap story 2', published: '2026-03-11T08:00:00.000Z' } },
  ]);
});

test('a sitemap index gives its child sitemaps', () => {
  assert.deepEqual(parseSitemap(sitemapIndex(['https://gazette.example/s1.xml', 'https://gazette.example/s2.xml.gz']), 'index.xml'), { kind: 'index', sitemaps: ['https://gazette.example/s1.xml', 'https://gazette.example/s2.xml.gz'] });
});

test('a urlset of one URL is still a list', () => {
  const sitemap = parseSitemap(urlset(['https://gazette.example/only']), 'one.xml');
  assert.equal(sitemap.kind === 'urlset' ? sitemap.urls.length : 0, 1);
});

test('a location that is not an http(s) URL is refused with a reason', () => {
  assert.deepEqual([sitemapLink({ loc: 'ftp://gazette.example/a' }, undefined), sitemapLink({}, undefined)], [{ reason: 'its <loc> "ftp://gazette.example/a" is not an http(s) URL' }, { reason: 'it has no <loc>' }]);
});

test('broken XML is E_LIST_INVALID naming the line', () => {
  assert.throws(() => parseSitemap('<urlset>\n<url><loc>https://a.example/</url></urlset>', 'bad.xml'), (err: { code?: string; message?: string }) => err.code === 'E_LIST_INVALID' && /line 2/.test(err.message ?? ''));
});

test('entities declared in a DOCTYPE are not expanded', () => {
  const bomb = '<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><urlset><url><loc>https://a.example/&b;</loc></url></urlset>';
  const sitemap = parseSitemap(bomb, 'bomb.xml');
  assert.equal(sitemap.kind === 'urlset' ? sitemap.urls[0]?.loc : null, 'https://a.example/&b;');
});

test('a URL list gives a link per URL line and a failure with its line number for anything else', () => {
  const sources = [...urlListSources('# list\nhttps://a.example/1\n\nwww.b.example/2\nhttp://c.example/3 \nmailto:x@y.example\n', 'urls.txt')];
  assert.deepEqual(sources.map((s) => ('error' in s ? [s.label, s.error.code, s.error.message] : 'link' in s ? [s.label, s.link] : null)), [
    ['urls.txt:2', 'https://a.example/1'],
    ['urls.txt:4', 'E_LIST_ITEM_INVALID', 'Item urls.txt:4 was skipped: "www.b.example/2" is not an absolute http(s) URL'],
    ['urls.txt:5', 'http://c.example/3'],
    ['urls.txt:6', 'E_LIST_ITEM_INVALID', 'Item urls.txt:6 was skipped: "mailto:x@y.example" is not an absolute http(s) URL'],
  ]);
});

test('XML entities and character references in a location are decoded; unknown names are left as written', () => {
  const sitemap = parseSitemap('<urlset><url><loc>https://a.example/?q=1&amp;r=&#50;&amp;s=&#x33;&amp;t=&nbsp;</loc></url></urlset>', 'e.xml');
  assert.equal(sitemap.kind === 'urlset' ? sitemap.urls[0]?.loc : null, 'https://a.example/?q=1&r=2&s=3&t=&nbsp;');
});
