import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripBoilerplateBlocks, stripInertHtml } from './prestrip.js';

test('drops scripts, styles, comments, noscript, svg and templates with their content', () => {
  const html = '<p>a</p><script>x<y</script><style>p{}</style><!-- note --><noscript><img></noscript><svg><path/></svg><template><p>t</p></template><p>b</p>';
  assert.equal(stripInertHtml(html), '<p>a</p><p>b</p>');
});

test('keeps JSON-LD scripts for the metadata reader', () => {
  const html = '<script type="application/ld+json">{"headline":"Quay"}</script><script>track()</script>';
  assert.equal(stripInertHtml(html), '<script type="application/ld+json">{"headline":"Quay"}</script>');
});

test('matches tags in any case and closing tags with spaces', () => {
  assert.equal(stripInertHtml('<p>a</p><SCRIPT type="text/javascript">if (a</b) {}</Script >c'), '<p>a</p>c');
});

test('does not take a longer tag name for an inert one', () => {
  assert.equal(stripInertHtml('<scripture>Psalm</scripture><styled>x</styled>'), '<scripture>Psalm</scripture><styled>x</styled>');
});

test('drops an unclosed script to the end, as a browser reads it', () => {
  assert.equal(stripInertHtml('<p>a</p><script>var x = 1;'), '<p>a</p>');
});

test('reads "<!-->" as an empty comment', () => {
  assert.equal(stripInertHtml('a<!-->b<!-- c -->d'), 'abd');
});

test('keeps a self-closed svg from swallowing what follows', () => {
  assert.equal(stripInertHtml('<svg class="icon"/><p>Harbour</p>'), '<p>Harbour</p>');
});

test('returns the same string when there is nothing to drop', () => {
  const html = '<p>The quay</p>';
  assert.equal(stripInertHtml(html), html);
});

test('cuts nested navigation blocks by counting their tags', () => {
  const html = '<nav><ul><li><nav>inner</nav></li></ul></nav><p>Text</p><footer>Contact</footer>';
  assert.equal(stripBoilerplateBlocks(html, ['nav', 'footer']), '<p>Text</p>');
});

test('leaves an unclosed block for the tree pruning', () => {
  const html = '<aside>Related<p>Text</p>';
  assert.equal(stripBoilerplateBlocks(html, ['aside']), html);
});

test('leaves a block that holds the article', () => {
  const html = '<aside><article><p>Text</p></article></aside>';
  assert.equal(stripBoilerplateBlocks(html, ['aside']), html);
});

test('keeps the JSON-LD of a cut footer', () => {
  const html = '<p>Text</p><footer>Contact<script type="application/ld+json">{}</script></footer>';
  assert.equal(stripBoilerplateBlocks(html, ['footer']), '<p>Text</p><script type="application/ld+json">{}</script>');
});
