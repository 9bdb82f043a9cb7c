// Time linear in the input for feeds, sitemaps and the sniffing of every input: markup taken out of a feed item's
// content or title searched on from every `<` (an escaped item, `&lt;&lt;…`, is a run of `<` once decoded), and a
// document type declaration whose brackets do not close (a pattern that tried every pairing of them: 2^n). Ratios of
// CPU time, not absolute times; the old patterns are kept here as the reference the new code must match.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cpuMs, doublingRatio } from '../../nlp/test-helpers.js';
import { withoutDoctype } from './doctype.js';
import { feedSources, textLength } from './feed.js';
import { replaceTags, replaceTagsAndElements } from './markup.js';
import { parseSitemap } from './sitemap.js';
import { sniffBytes, sniffHead } from './sniff.js';
import { urlListSources } from './url-list.js';

const OLD_ELEMENTS = /<(script|style)\b[\s\S]*?<\/\1\s*>|<[^>]*>/gi;
const OLD_TAGS = /<[^>]*>/g;
const OLD_DOCTYPE = /<!DOCTYPE(?:[^<>[\]]|\[[\s\S]*?\])*>/i;

test('an escaped feed item of many "<" (`&lt;&lt;…` decoded): its text is measured in linear time', () => {
  const ratio = doublingRatio((n) => [{ link: 'https://gazette.example/1', content: { body: '<'.repeat(n), html: true } }], (items) => void [...feedSources(items, 'feed.xml', undefined)], 8_000);
  assert.ok(ratio < 3, `doubling the content took ${ratio.toFixed(2)}× the time`);
});

test('content of many script tags that never close: each closing tag is searched for once', () => {
  const ratio = doublingRatio((n) => ({ body: '<script>'.repeat(n), html: true }), (content) => void textLength(content), 2_500);
  assert.ok(ratio < 3, `doubling the content took ${ratio.toFixed(2)}× the time`);
});

test('a title of many "<": its markup is taken out in linear time', () => {
  const ratio = doublingRatio((n) => [{ link: 'https://gazette.example/1', title: `Quay ${'<'.repeat(n)}` }], (items) => void [...feedSources(items, 'feed.xml', undefined)], 8_000);
  assert.ok(ratio < 3, `doubling the title took ${ratio.toFixed(2)}× the time`);
});

test('a sitemap whose document type brackets never close is refused without trying every pairing', () => {
  // 2n brackets took 2^n steps: 26 pairs 0.2 s, 40 pairs minutes.
  const ratio = doublingRatio((n) => `<!DOCTYPE ${'[]'.repeat(n)}`, (text) => assert.throws(() => parseSitemap(text, 'sitemap.xml'), { code: 'E_LIST_INVALID' }), 12);
  assert.ok(ratio < 3, `doubling the brackets took ${ratio.toFixed(2)}× the time`);
});

test('a sitemap of many unclosed document type declarations: the closing bracket is searched for once', () => {
  const ratio = doublingRatio((n) => `${'<!DOCTYPE ['.repeat(n)}]`, (text) => assert.throws(() => parseSitemap(text, 'sitemap.xml')), 2_000);
  assert.ok(ratio < 3, `doubling the declarations took ${ratio.toFixed(2)}× the time`);
});

test('any input opening with a document type whose brackets never close is sniffed without trying every pairing', () => {
  const ratio = doublingRatio((n) => new TextEncoder().encode(`<!DOCTYPE ${'[]'.repeat(n)}`), (bytes) => void sniffBytes(bytes), 12);
  assert.ok(ratio < 3, `doubling the brackets took ${ratio.toFixed(2)}× the time`);
});

test('markup is taken out as the regular expressions took it', () => {
  const texts = [
    '<p class="a">Quay <b>reopened</b></p>', 'a < b and c > d', 'x <<< y > z', '<SCRIPT type="x">if (a<b) {}</script >tail', '<style>p{}</STYLE>',
    '<script>never closed <p>one</p>', '<scripts>not a script</scripts>', '<script</script>', 'no markup', '<', '>', '<style', 'a <b', '</script>',
    '<script>a</script><script>b</script  >', '<style>a</script>b</style>c', '&lt;p&gt;', '<!-- a > b -->', '<script>x</script\n>',
  ];
  for (const text of texts) {
    for (const by of [' ', '']) {
      assert.equal(replaceTagsAndElements(text, by), text.replace(OLD_ELEMENTS, by), text);
      assert.equal(replaceTags(text, by), text.replace(OLD_TAGS, by), text);
    }
  }
});

test('a document type declaration is found as the regular expression found it', () => {
  const texts = [
    '<!DOCTYPE urlset><urlset/>', '<!doctype x [ <!ENTITY a "b"> ]><urlset/>', '<!DOCTYPE x [ <!ENTITY a "]"> ]><urlset/>', '<!DOCTYPE x [a] [b]><u/>',
    '<!DOCTYPE x [a]b>', '<!DOCTYPE x [a] <b>', '<!DOCTYPE [<!DOCTYPE y>', '<!DOCTYPE x <!DOCTYPE y>z', 'a<!DOCTYPE x>b<!DOCTYPE y>', '<!DOCTYPE [', '<!DOCTYPE ]>',
    '<!DOCTYPE x [[]]>', '<!DOCTYPE x []]>', '<!DOCTYPE x [a]]b]>', '<!DOCTYPE [a] [ <!DOCTYPE y>', '<urlset/>',
  ];
  for (const text of texts) {
    assert.equal(withoutDoctype(text), text.replace(OLD_DOCTYPE, ''), text);
  }
  // As the old prolog pattern read them (kinds taken from the code before the change).
  const heads: [string, string][] = [
    ['<!DOCTYPE rss [ <!ENTITY a "]"> ]><rss/>', 'article'], ['<!DOCTYPE x [a] [b]>\n<urlset/>', 'sitemap'], ['<?xml version="1.0"?><!DOCTYPE rss><rss/>', 'feed'],
    ['<!DOCTYPE [<rss/>', 'article'], ['<!DOCTYPE x [a]b <rss/>', 'article'], ['<?xml version="1.0"?><!DOCTYPE x [ ]] ><rss/>', 'feed'],
  ];
  assert.deepEqual(heads.map(([head]) => [head, sniffHead(head).kind]), heads);
});

test('a URL list gives its links one at a time, not after holding an entry for every line', () => {
  // Memory, measured as time: the first link of a 400,000-line list comes before the rest of the list is read.
  const text = Array.from({ length: 400_000 }, (_, i) => `https://gazette.example/${i}`).join('\n');
  const first = cpuMs(() => void urlListSources(text, 'list.txt').next());
  const all = cpuMs(() => void [...urlListSources(text, 'list.txt')], 1);
  assert.ok(first * 20 < Math.max(all, 20), `the first link took ${first.toFixed(1)} ms, all ${all.toFixed(1)} ms`);
});
