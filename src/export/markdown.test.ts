import assert from 'node:assert/strict';
import { test } from 'node:test';
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
    'See \\[the memo\\]\\(javascript:alert\\(1\\)\\) \\!\\[x\\]\\(https://t.example/p.gif\\) \\<script\\>go\\(\\)\\</script\\> \\`rm\\` \\&lt;');
});

test('line starts that would open a list, heading, quote or code block are neutralised', () => {
  assert.equal(escapeMarkdown('- one\n+ two\n12. three\n# four\n> five\n    six\n===\na - b'), '\\- one\n\\+ two\n12\\. three\n\\# four\n\\> five\nsix\n\\===\na - b');
});

test('a hostile title, reviewer and evidence link cannot inject markup', () => {
  const report = { ...HARBOUR, document: { ...HARBOUR.document, title: 'Levy <img src=x onerror=alert(1)> [win](http://evil.example)', url: 'javascript:alert(1)' } };
  const md = reviewsMarkdown(report, [reviewOf(1, 'c4', { reviewer: '**Admin**', evidenceUrls: ['data:text/html,<b>x</b>'] })]);
  assert.equal(md.split('\n')[0], '# Fact-check: Levy \\<img src=x onerror=alert\\(1\\)\\> \\[win\\]\\(http://evil.example\\)');
  assert.equal(md.split('\n\n')[1], 'The Skerry Ledger · 2024-03-02 · javascript:alert\\(1\\)');
  assert.equal(md.includes('- **Reviewed by:** \\*\\*Admin\\*\\* on 2024-03-05'), true);
  assert.equal(md.includes('- data:text/html,\\<b\\>x\\</b\\>'), true);
});

test('an article without a title or reviews is headed "Untitled article" and lists every claim as not yet reviewed', () => {
  const md = reviewsMarkdown({ ...HARBOUR, document: { ...HARBOUR.document, title: null, site: null, published: null, url: null } }, []);
  assert.equal(md.split('\n\n').slice(0, 3).join('\n\n'), '# Fact-check: Untitled article\n\n0 of 6 claims reviewed.\n\n## Not yet reviewed');
});
