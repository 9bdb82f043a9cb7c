import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractHtml } from './html.js';

const PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Harbour wall to be rebuilt after storm | The Saltmere Courier</title>
<meta property="og:title" content="Harbour wall to be rebuilt after storm">
<meta property="og:site_name" content="The Saltmere Courier">
<meta name="author" content="By Maren Holt">
<meta property="article:published_time" content="2023-11-04T08:30:00+0100">
<link rel="canonical" href="/news/harbour-wall">
<script>window.alert('tracking');</script>
<script type="application/ld+json">{ "@type": "NewsArticle", "headline": "broken json", </script>
<style>p { color: red }</style>
</head>
<body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><h1>Harbour wall to be rebuilt after storm</h1></header>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share by email</a></div>
<article>
<p>The town council of Saltmere voted on Tuesday to rebuild the eastern harbour wall, which collapsed during the storm of 28 October. The repairs will cost about &pound;4.2 million, according to the council&rsquo;s engineers.</p>
<p>&ldquo;We cannot leave the fishing fleet exposed through another winter,&rdquo; said the harbour master, Ewan Grieve.<br>He added that work would begin in January.</p>
<img src="x" onerror="alert('pwned')">
<p>Some residents questioned the cost. A petition signed by more than 600 people asks the council to publish the engineers&rsquo; report in full before any contract is signed.</p>
<p>The ministry of transport has said it will cover up to half of the bill, but no agreement has been signed yet, a spokesperson told the Courier on Wednesday.</p>
</article>
<aside class="related-links"><h3>Related</h3><ul><li><a href="/a">Lighthouse to reopen</a></li><li><a href="/b">Ferry fares rise</a></li></ul></aside>
<section id="comments"><h3>Comments</h3><div class="comment"><p>Typical council waste!</p></div></section>
<footer><p>&copy; 2023 The Saltmere Courier. All rights reserved.</p></footer>
</body>
</html>
`;

const PAGE_URL = 'https://saltmere-courier.example/print?id=7';

test('keeps only the article paragraphs of a page full of boilerplate', () => {
  assert.equal(
    extractHtml(PAGE, { url: PAGE_URL }).text,
    'The town council of Saltmere voted on Tuesday to rebuild the eastern harbour wall, which collapsed during the storm of 28 October. The repairs will cost about £4.2 million, according to the council’s engineers.\n\n' +
      '“We cannot leave the fishing fleet exposed through another winter,” said the harbour master, Ewan Grieve.\nHe added that work would begin in January.\n\n' +
      'Some residents questioned the cost. A petition signed by more than 600 people asks the council to publish the engineers’ report in full before any contract is signed.\n\n' +
      'The ministry of transport has said it will cover up to half of the bill, but no agreement has been signed yet, a spokesperson told the Courier on Wednesday.',
  );
});

test('reads the metadata from meta tags, the canonical link and the html lang', () => {
  assert.deepEqual(extractHtml(PAGE, { url: PAGE_URL }).meta, {
    title: 'Harbour wall to be rebuilt after storm',
    byline: 'Maren Holt',
    published: '2023-11-04T08:30:00+01:00',
    site: 'The Saltmere Courier',
    url: 'https://saltmere-courier.example/news/harbour-wall',
    language: 'en',
  });
});

test('never lets script text or markup into the output', () => {
  const text = extractHtml(PAGE, { url: PAGE_URL }).text;
  assert.equal(/alert|tracking|pwned|<|color: red/.test(text), false);
});

test('still extracts the paragraphs of broken HTML', () => {
  const broken = '<div><p>The lighthouse keeper retired in May.<p>Her successor starts in June.</div></div><p>Visitors are welcome at weekends';
  assert.equal(
    extractHtml(broken).text,
    'The lighthouse keeper retired in May.\n\nHer successor starts in June.\n\nVisitors are welcome at weekends',
  );
});

test('falls back to the body without navigation, share bars and footers when Readability finds nothing', () => {
  const short = '<body><nav>Home News</nav><div class="social-share">Share</div><p>The quay reopens today.</p><div id="cookieBanner">We use cookies</div><footer>Contact</footer></body>';
  assert.equal(extractHtml(short).text, 'The quay reopens today.');
});

test('keeps a form that wraps the whole page', () => {
  const aspx = '<body><form id="aspnetForm"><p>Fishing quotas were cut by a tenth.</p></form><form class="search"><input name="q"> Search</form></body>';
  assert.equal(extractHtml(aspx).text, 'Fishing quotas were cut by a tenth.');
});

test('separates list items and headings into blocks and collapses whitespace inside them', () => {
  const html = '<body><h2>  Ferry\n   times </h2><ul><li>Monday   09:00</li><li>Friday&nbsp;17:30</li></ul></body>';
  assert.equal(extractHtml(html).text, 'Ferry times\n\nMonday 09:00\n\nFriday\u00a017:30');
});

test('reads title, authors, date and publisher from JSON-LD', () => {
  const html = `<html><head><title>Ignored</title><script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'Site' },
      { '@type': 'NewsArticle', headline: 'Ministry delays ferry tender', author: [{ '@type': 'Person', name: 'Ida Brenn' }, { name: 'Tomas Lund' }], datePublished: '2022-06-01', publisher: { name: 'North Coast Post' } },
    ],
  })}</script></head><body><p>Text.</p></body></html>`;
  assert.deepEqual(extractHtml(html).meta, { title: 'Ministry delays ferry tender', byline: 'Ida Brenn, Tomas Lund', published: '2022-06-01', site: 'North Coast Post' });
});

test('strips a trailing site name from the title element', () => {
  assert.equal(extractHtml('<title>Tolls rise again - Harbour Times</title><p>Text.</p>').meta.title, 'Tolls rise again');
});

test('reads the date from a time element and the language subtag from the html element', () => {
  const meta = extractHtml('<html lang="de-AT"><body><time datetime="2021-03-03">3 March</time><p>Text.</p></body></html>').meta;
  assert.equal(meta.published, '2021-03-03');
  assert.equal(meta.language, 'de');
});

test('uses the given URL when the page names none', () => {
  assert.equal(extractHtml('<p>Text.</p>', { url: 'https://example.org/a' }).meta.url, 'https://example.org/a');
});

test('never throws on arbitrary markup-like strings and always returns trimmed text', async () => {
  const fc = await import('fast-check');
  const piece = fc.constantFrom('<p>', '</p>', '<div class="share">', '</div>', '<br>', '<script>', '</script>', '&amp;', '&#x1F6A2;', ' ', '\r\n', 'quay', '“', '<!--', '<body>', '<html lang="xx">');
  fc.assert(
    fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 30 }), (parts) => {
      const { text } = extractHtml(parts.join(''));
      assert.equal(text, text.trim());
      assert.equal(/<\/?(p|div|br|script|body)>/.test(text), false);
    }),
    { numRuns: 200 },
  );
});
