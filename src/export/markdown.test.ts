import assert from 'node:assert/strict';
import { test } from 'node:test';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { HARBOUR, reviewOf } from './export-fixture.js';
import { escapeMarkdown, reviewsMarkdown } from './markdown.js';

const reviews = [
  reviewOf(1, 'c1', { rating: 'true' }),
  reviewOf(2, 'c1', { rating: 'mostly-false', explanation: 'The minutes give 112%.\n\nThe board\nconfirmed it.', evidenceUrls: ['https://port.example/minutes'], reviewer: 'Tomas Berg' }),
  reviewOf(3, 'c5', { rating: 'misleading' }),
];

test('the document starts with the article title, its outlet, date and link, and the review progress', () => {
  assert.equal(reviewsMarkdown(HARBOUR, reviews).split('\n\n').slice(0, 3).join('\n\n'),
    '# Fact-check: Harbour levy doubles, council says\n\nThe Skerry Ledger · 2024-03-02 · <https://ledger.example/harbour-levy>\n\n2 of 6 claims reviewed.');
});

test('a reviewed claim shows its quote, latest verdict, source, reviewer, explanation and evidence', () => {
  const section = reviewsMarkdown(HARBOUR, reviews).split('## ')[1];
  assert.equal(section, [
    'c1: Mostly false',
    '> The harbour levy rose to 120% of its old level, according to the Port Authority.',
    '- **Verdict:** Mostly false (2 of 5)\n- **Source:** the Port Authority (named)\n- **Reviewed by:** Tomas Berg on 2024-03-05',
    'The minutes give 112%.',
    'The board  \nconfirmed it.',
    '**Evidence:**',
    '- <https://port.example/minutes>\n\n',
  ].join('\n\n'));
});

test('a verdict off the true/false axis has no score, and an anaphoric source names what it refers to', () => {
  const section = reviewsMarkdown(HARBOUR, reviews).split('## ')[2]!;
  assert.deepEqual(section.split('\n').slice(4, 6), ['- **Verdict:** Misleading', '- **Source:** She (anaphoric, referring to The mayor)']);
});

test('unreviewed claims are listed last as not yet reviewed, with their source grade', () => {
  const tail = reviewsMarkdown(HARBOUR, reviews).split('## Not yet reviewed\n\n')[1];
  assert.equal(tail, [
    '- c2: Officials said at least 4,000 boats paid it last year. — source: Officials (vague)',
    '- c3: It means that some 9,000 boats paid in total, experts claim. — source: experts (vague, hedged)',
    '- c4: The mayor called the plan a disgrace. — source: none',
    '- c6: Critics reportedly fear ruin. — source: none',
  ].join('\n') + '\n');
});

test('links, images, HTML and code in article text are escaped, not rendered', () => {
  assert.equal(escapeMarkdown('See [the memo](javascript:alert(1)) ![x](https://t.example/p.gif) <script>go()</script> `rm` &lt;'),
    'See \\[the memo\\]\\(javascript:alert\\(1\\)\\) \\!\\[x\\]\\(https\\:/\\/t.example/p.gif\\) \\<script\\>go\\(\\)\\</script\\> \\`rm\\` \\&lt;');
});

test('line starts that would open a list, heading, quote or code block are neutralised', () => {
  assert.equal(escapeMarkdown('- one\n+ two\n12. three\n# four\n> five\n    six\n===\na - b'), '\\- one\n\\+ two\n12\\. three\n\\# four\n\\> five\nsix\n\\===\na - b');
});

test('a hostile title, reviewer and evidence link cannot inject markup', () => {
  const report = { ...HARBOUR, document: { ...HARBOUR.document, title: 'Levy <img src=x onerror=alert(1)> [win](http://evil.example)', url: 'javascript:alert(1)' } };
  const md = reviewsMarkdown(report, [reviewOf(1, 'c4', { reviewer: '**Admin**', evidenceUrls: ['data:text/html,<b>x</b>'] })]);
  assert.equal(md.split('\n')[0], '# Fact-check: Levy \\<img src=x onerror=alert\\(1\\)\\> \\[win\\]\\(http\\:/\\/evil.example\\)');
  assert.equal(md.split('\n\n')[1], 'The Skerry Ledger · 2024-03-02 · javascript:alert\\(1\\)');
  assert.equal(md.includes('- **Reviewed by:** \\*\\*Admin\\*\\* on 2024-03-05'), true);
  assert.equal(md.includes('- data:text/html,\\<b\\>x\\</b\\>'), true);
});

test('an article without a title or reviews is headed "Untitled article" and lists every claim as not yet reviewed', () => {
  const md = reviewsMarkdown({ ...HARBOUR, document: { ...HARBOUR.document, title: null, site: null, published: null, url: null } }, []);
  assert.equal(md.split('\n\n').slice(0, 3).join('\n\n'), '# Fact-check: Untitled article\n\n0 of 6 claims reviewed.\n\n## Not yet reviewed');
});

/** HTML as GitHub renders Markdown (CommonMark with the GFM extensions, autolink literals included). */
const github = (markdown: string) => micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });

const AUTOLINK_TEXTS: readonly [string, string][] = [
  ['Read more at www.harbour-levy.example today', 'a www. name'],
  ['Read more at WWW.harbour-levy.example/page', 'an upper-case WWW. name'],
  ['(www.harbour-levy.example)', 'a www. name in brackets'],
  ['Source: https://harbour-levy.example/minutes?y=2024', 'an https URL'],
  ['Source: http://harbour-levy.example', 'an http URL'],
  ['Write to press@harbour-levy.example for the minutes', 'an e-mail address'],
  ['mailto:press@harbour-levy.example', 'a mailto: address'],
  ['xmpp:press@harbour-levy.example/desk', 'an xmpp: address'],
  ['ftp://harbour-levy.example/file and //harbour-levy.example/x', 'another scheme and a scheme-relative URL'],
];

for (const [text, what] of AUTOLINK_TEXTS) {
  test(`${what} in article text renders as text, not a link, under GFM`, () => {
    const html = github(escapeMarkdown(text));
    assert.equal(html.includes('<a '), false, html);
    assert.equal(html, `<p>${text.replace(/&/g, '&amp;')}</p>`);
  });
}

test('a bare URL, www. name and e-mail address are broken with backslash escapes', () => {
  assert.equal(escapeMarkdown('See https://a.example and www.b.example or c@d.example; ratio 3:1, 10/2.'),
    'See https\\:/\\/a.example and www\\.b.example or c\\@d.example; ratio 3:1, 10/2.');
});

test('bidirectional controls are removed from article text', () => {
  const text = 'Levy \u202erose\u202c \u2066to\u2069 \u200e120%\u200f\u061c, \u202a\u202b\u202d\u2067\u2068said the port.';
  assert.equal(escapeMarkdown(text), 'Levy rose to 120%, said the port.');
});

test('a reviewer name and explanation carry no autolink or bidi control into the export', () => {
  const md = reviewsMarkdown(HARBOUR, [reviewOf(1, 'c1', { reviewer: 'desk@checks.example \u202eevil', explanation: 'See www.levy.example and https://levy.example/a.' })]);
  const html = github(md);
  assert.deepEqual([(html.match(/<a /g) ?? []).length, /[\u202a-\u202e\u2066-\u2069]/.test(md)], [1, false]);
  assert.equal(html.includes('<a href="https://ledger.example/harbour-levy">'), true);
});
