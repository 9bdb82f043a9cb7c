// Time linear in the input for feeds: markup taken out of a feed item's content or title searched on from every `<`
// (an escaped item, `&lt;&lt;…`, is a run of `<` once decoded). Ratios of CPU time, not absolute times; the old
// patterns are kept here as the reference the new code must match.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doublingRatio } from '../../nlp/test-helpers.js';
import { feedSources, textLength } from './feed.js';
import { replaceTags, replaceTagsAndElements } from './markup.js';

const OLD_ELEMENTS = /<(script|style)\b[\s\S]*?<\/\1\s*>|<[^>]*>/gi;
const OLD_TAGS = /<[^>]*>/g;


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
