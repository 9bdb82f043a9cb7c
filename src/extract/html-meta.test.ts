import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractHtml } from './html.js';

// Small pages written by the project, each stating its metadata the way a kind of real site does.
const BODY = '<body><article><p>The harbour board met on Monday to discuss the new mooring fees for the coming season.</p></article></body>';
const metaOf = (head: string, body = BODY) => extractHtml(`<!DOCTYPE html><html><head>${head}</head>${body}</html>`).meta;
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

test('reads a Yoast-style JSON-LD @graph whose article points at its author and publisher by @id', () => {
  const graph = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'Organization', '@id': 'https://tern.example/#org', name: 'The Tern Bay Herald' },
      { '@type': 'Person', '@id': 'https://tern.example/#/person/1', name: 'Halla Brekke' },
      { '@type': 'NewsArticle', headline: 'Mooring fees rise by a third', datePublished: '2023-05-02T06:00:00+00:00', author: { '@id': 'https://tern.example/#/person/1' }, publisher: { '@id': 'https://tern.example/#org' } },
    ],
  };
  assert.deepEqual(metaOf(`<title>Ignored</title>${ld(graph)}`), {
    title: 'Mooring fees rise by a third',
    byline: 'Halla Brekke',
    published: '2023-05-02T06:00:00+00:00',
    site: 'The Tern Bay Herald',
  });
});

test('joins a JSON-LD author array of strings and objects, dropping repeats', () => {
  const article = [{ '@type': 'WebPage', name: 'x' }, { '@type': ['ReportageNewsArticle'], headline: 'Pier closed', author: ['Jon Ekdahl', { '@type': 'Person', name: 'Mira Sand' }, { name: 'Jon Ekdahl' }] }];
  assert.equal(metaOf(ld(article)).byline, 'Jon Ekdahl, Mira Sand');
});

test('prefers Open Graph and article: meta tags and skips an author given as a profile URL', () => {
  const head =
    '<meta property="og:title" content="Ferry fares frozen"><meta name="twitter:title" content="Fares frozen (Twitter)">' +
    '<meta property="article:published_time" content="2022-12-01T18:45:00+01:00"><meta property="og:site_name" content="Kelport Tribune">' +
    '<meta property="article:author" content="https://facebook.example/kelporttribune"><meta name="author" content="Oona Lindqvist">';
  assert.deepEqual(metaOf(head), { title: 'Ferry fares frozen', byline: 'Oona Lindqvist', published: '2022-12-01T18:45:00+01:00', site: 'Kelport Tribune' });
});

test('falls back to the Twitter title when there is no Open Graph title', () => {
  assert.equal(metaOf('<meta name="twitter:title" content="Lighthouse sold"><title>Other | Site</title>').title, 'Lighthouse sold');
});

test('reads microdata: itemprop headline, an author wrapping its name, datePublished and the publisher name', () => {
  const body =
    '<body><div itemscope itemtype="https://schema.org/NewsArticle"><h2 itemprop="headline">Dredging starts in March</h2>' +
    '<span itemprop="author" itemscope><span>Reporter </span><span itemprop="name">Per Vinge</span></span>' +
    '<meta itemprop="datePublished" content="2021-02-14"><div itemprop="publisher" itemscope><meta itemprop="name" content="Sound Post"></div>' +
    '<p>The channel will be dredged to six metres, the harbour board said in its plan for the year ahead.</p></div></body>';
  assert.deepEqual(metaOf('<title>Sound Post</title>', body), { title: 'Dredging starts in March', byline: 'Per Vinge', published: '2021-02-14', site: 'Sound Post' });
});

test('takes the <time pubdate> over an earlier <time>, and the rel=author link as the byline', () => {
  const body =
    '<body><div class="ticker"><time datetime="2020-01-01">Jan 1</time></div><header><a rel="author" href="/staff/ida">Ida Rune</a>' +
    '<time datetime="2020-03-09T10:00:00Z" pubdate>9 March</time></header><p>The fish market moves to the north quay next month, the council said.</p></body>';
  const meta = metaOf('<title>Market moves</title>', body);
  assert.equal(meta.published, '2020-03-09T10:00:00Z');
  assert.equal(meta.byline, 'Ida Rune');
});

test('ignores a <time> inside a paragraph: it dates an event, not the article', () => {
  const body = '<body><p>The vote is on <time datetime="2024-06-01">1 June</time>, the council said.</p></body>';
  assert.equal(metaOf('<title>Vote</title>', body).published, undefined);
});

test('reads a visible "By ..." line, a date line and the <title> without its site suffix', () => {
  const body =
    '<body><h3>Harbour news</h3><div>By Saga Holm and Lars Mo</div><div class="story-date">Published 4 March 2019, 09:12</div>' +
    '<p>The harbour crane was inspected on Friday and passed, the port authority said in a short statement.</p></body>';
  assert.deepEqual(metaOf('<title>Crane passes inspection – Harbour Weekly</title>', body), {
    title: 'Crane passes inspection',
    byline: 'Saga Holm and Lars Mo',
    published: '2019-03-04',
  });
});

test('does not take a sentence that starts with "By" for a byline', () => {
  const body = '<body><p>By the end of the year the quay will be rebuilt, the engineers said.</p></body>';
  assert.equal(metaOf('<title>Quay</title>', body).byline, undefined);
});

test('reads a byline element by its class and strips "By"', () => {
  const body = '<body><span class="article-byline">By <a href="/a">Nils Ask</a></span><p>The ferry company posted a loss for the third year running.</p></body>';
  assert.equal(metaOf('<title>Loss</title>', body).byline, 'Nils Ask');
});

test('reads the first h1 as the title when the head names none', () => {
  assert.equal(metaOf('', '<body><h1>Quay  reopens</h1><p>The quay reopened on Monday after a month of repairs to its timber deck.</p></body>').title, 'Quay reopens');
});

test('does not take a short sentence that starts with "By" and a name for a byline', () => {
  const body = '<body><div>By Tuesday the quay will reopen.</div><p>Repairs to the timber deck took longer than the council had planned.</p></body>';
  assert.equal(metaOf('<title>Quay</title>', body).byline, undefined);
});

test('cuts the date off a byline element that runs on into it', () => {
  const body = '<body><h3 class="byline">by Jon Ekdahl<span>Monday, March 4, 2019</span></h3><p>The ferry company posted a loss for the third year running, its accounts show.</p></body>';
  assert.equal(metaOf('<title>Loss</title>', body).byline, 'Jon Ekdahl');
});

test('cuts a "Published ..." tail off a byline', () => {
  const body = '<body><div class="byline-section">Mira Sand, Sound Post Published 7:07 PM EST Nov 19, 2019</div><p>The ferry company posted a loss for the third year running.</p></body>';
  assert.equal(metaOf('<title>Loss</title>', body).byline, 'Mira Sand, Sound Post');
});

test("never takes a commenter's name for the byline", () => {
  const body = '<body><p>The ferry company posted a loss for the third year running.</p><div class="comments"><span class="comment-author">Anna on 3 May said:</span></div></body>';
  assert.equal(metaOf('<title>Loss</title>', body).byline, undefined);
});

test('strips the site name from the end of an Open Graph title', () => {
  const head = '<meta property="og:title" content="Pier closed for repairs | Tern Bay Herald"><meta property="og:site_name" content="Tern Bay Herald">';
  assert.equal(metaOf(head).title, 'Pier closed for repairs');
});

test('skips a placeholder date and reads a meta tag under each of its names', () => {
  const head = '<meta property="article:published_time" content="0001-01-01T00:00:00Z"><meta property="article:published" itemprop="datePublished" content="2019-11-19T11:00:09.000Z">';
  assert.equal(metaOf(head).published, '2019-11-19T11:00:09Z');
});
