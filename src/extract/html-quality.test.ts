import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractHtml } from './html.js';

// Failure modes users report about extractors, each on a page the project wrote: a local-news story with a menu, a
// byline, a captioned photo, a gallery, a "most read" box, a sidebar and a footer around the article.
const PAGE = `<!DOCTYPE html>
<html lang="en">
<head><title>Ferry timetable cut for winter | Kelport Tribune</title></head>
<body>
<header class="site-header"><a href="/">Kelport Tribune</a><ul class="menu"><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></header>
<main>
<div class="story">
<h1>Ferry timetable cut for winter</h1>
<div class="article-meta"><span class="byline">By Oona Lindqvist</span> <span class="date">Updated 7:15 am, 12 January 2024</span></div>
<figure class="lead-image"><img src="ferry.jpg" alt=""><figcaption>The morning ferry leaves Kelport harbour. Photo: Tribune archive</figcaption></figure>
<div class="story-body">
<p>The island ferry will sail twice a day instead of four times from February, the regional transport office said on <time datetime="2024-01-11">Thursday</time>.</p>
<p>Officials blamed a shortage of crew and the rising price of fuel, which they put at <a href="/fuel">about 18 percent</a> above last winter's level. The office said the change would be reviewed <span class="date">in April</span>.</p>
<h2>What changes for passengers</h2>
<ul><li>The 06:40 sailing is kept</li><li>The 11:15 and 15:30 sailings are dropped</li><li>The last sailing leaves at 19:10</li></ul>
<div class="gallery"><div class="gallery-caption">Image 1 of 3</div><div class="gallery-caption">Passengers queue at the ramp</div></div>
<p>Shopkeepers on the island said fewer sailings would keep visitors away. "We live on the day-trippers," said Ruth Aske, who runs the bakery by the pier.</p>
<p>The transport office said it would publish the full winter timetable next week.</p>
</div>
<div class="most-popular"><h3>Most read</h3><ol><li><a href="/a">Storm closes coast road</a></li><li><a href="/b">Lighthouse keeper retires</a></li></ol></div>
</div>
</main>
<aside class="sidebar"><h3>Trending</h3><p>Kelport council elects new mayor after a long count of postal votes in the harbour ward</p></aside>
<footer><p>Kelport Tribune, Harbour Street 4</p></footer>
</body>
</html>
`;

const text = extractHtml(PAGE).text;
const blocks = text.split('\n\n');

test('keeps the first paragraph, with its inline date', () => {
  assert.equal(blocks[0], 'The island ferry will sail twice a day instead of four times from February, the regional transport office said on Thursday.');
});

test('keeps inline links and a date marked up with a "date" class inside a sentence', () => {
  assert.equal(
    blocks[1],
    "Officials blamed a shortage of crew and the rising price of fuel, which they put at about 18 percent above last winter's level. The office said the change would be reviewed in April.",
  );
});

test('keeps a sub-heading and every list item as blocks of their own', () => {
  assert.deepEqual(blocks.slice(2, 6), [
    'What changes for passengers',
    'The 06:40 sailing is kept',
    'The 11:15 and 15:30 sailings are dropped',
    'The last sailing leaves at 19:10',
  ]);
});

test('keeps the last paragraph', () => {
  assert.equal(blocks.at(-1), 'The transport office said it would publish the full winter timetable next week.');
});

test('leaves out the headline, byline and date line, which are metadata', () => {
  assert.equal(/Ferry timetable cut|Oona|Updated/.test(text), false);
});

test('leaves out image captions and gallery captions', () => {
  assert.equal(/Photo: Tribune|morning ferry leaves|Image 1 of 3|queue at the ramp/.test(text), false);
});

test('leaves out the "most read" box, the sidebar and the footer', () => {
  assert.equal(/Most read|Storm closes|Trending|mayor|Harbour Street/.test(text), false);
});

test('yields exactly the article: eight blocks', () => {
  assert.equal(blocks.length, 8);
});

test('never glues the words of neighbouring paragraphs, list items or lines', () => {
  const html = '<body><div><p>harbour</p><p>wall</p></div><ul><li>north</li><li>south</li></ul><p>east<br>west</p></body>';
  assert.equal(extractHtml(html).text, 'harbour\n\nwall\n\nnorth\n\nsouth\n\neast\nwest');
});

test('joins inline elements the way a browser shows them', () => {
  assert.equal(extractHtml('<p><b>Kel</b><i>port</i> <a href="/x">council</a> met.</p>').text, 'Kelport council met.');
});

test('keeps an article container whose class names a sidebar layout', () => {
  const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the harbour report describes the state of the eastern pier and the cost of repairs in some detail.</p>`).join('');
  const html = `<body><div class="layout has-sidebar">${paragraphs}</div><div class="sidebar"><p>Other news from the coast.</p></div></body>`;
  const out = extractHtml(html).text;
  assert.equal(out.split('\n\n').length, 6);
  assert.equal(out.includes('Other news'), false);
});

test('keeps a page whose only paragraphs sit in a newsletter box, rather than returning nothing', () => {
  const html = '<body><div>The pier reopens on Monday after repairs.</div><div class="newsletter"><p>Sign up for our weekly letter</p></div></body>';
  assert.equal(extractHtml(html).text, 'The pier reopens on Monday after repairs.');
});
