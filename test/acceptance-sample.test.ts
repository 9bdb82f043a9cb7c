// Acceptance checks on the third-party sample article, read from ../shared/samples at run time (never copied here).
// Skipped when ../shared is not beside the checkout.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Report } from '../src/core/report-schema.js';
import { analyzePure } from '../src/engine/analyze.js';

const SAMPLE = join(import.meta.dirname, '..', '..', 'shared', 'samples', '000_d83b1ee9d24fb740.txt');
const skip = existsSync(SAMPLE) ? false : 'needs ../shared/samples beside the checkout';
const text = skip ? '' : readFileSync(SAMPLE, 'utf8');
const report = skip ? undefined : analyzePure({ text });

/** Wraps the sample's paragraphs in a news page with menus, share bar, comments and related links. */
function asHtmlPage(article: string): string {
  const paras = article.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = paras.slice(2).map((p) => `<p>${esc(p)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>${esc(paras[1]!)} | New Eastern Outlook</title>
<meta property="og:site_name" content="New Eastern Outlook"><meta name="author" content="Jean Perier">
<meta property="article:published_time" content="2019-10-02T10:00:00+00:00"></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/economy">Economy</a></li></ul></nav></header>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<main><article><h1>${esc(paras[1]!)}</h1><div class="byline">Jean Perier, October 2, 2019</div>${body}</article>
<aside class="related"><h3>Related articles</h3><ul><li><a href="/a">The grain deal collapses again</a></li><li><a href="/b">Elections in a divided region</a></li></ul></aside>
<section id="comments"><h3>Comments</h3><div class="comment"><p>Great article, thank you so much for writing this!</p></div><div class="comment"><p>I disagree with every word of it, sadly.</p></div></section></main>
<footer><p>© 2019 New Eastern Outlook. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer></body></html>`;
}

const find = (r: Report, source: string) => r.attributions.find((a) => a.source?.text.includes(source));

test('the "at least some 80,000" total is flagged as unsupported by its parts', { skip }, () => {
  const total = report!.quantities.find((q) => q.text.includes('80,000'));
  assert.ok(total, 'the 80,000 figure is found');
  assert.equal(total.bound, 'at-least');
  const upTo = report!.quantities.find((q) => q.text.includes('40,000'));
  assert.equal(upTo?.bound, 'at-most');
  const finding = report!.findings.find((f) => f.rule === 'total-unsupported');
  assert.ok(finding && finding.annotationIds.includes(total.id), 'total-unsupported points at the total');
});

test('named, vague, hedged, nested and anaphoric sources are graded', { skip }, () => {
  const r = report!;
  assert.equal(find(r, 'Die Welt')?.grade, 'named');
  const estonian = find(r, 'Estonian Foreign Intelligence Service');
  assert.equal(estonian?.parent, find(r, 'Die Welt')?.id);
  assert.equal(find(r, 'British MSM sources')?.grade, 'vague');
  assert.equal(find(r, 'Sunday Times')?.hedged, true);
  const files = find(r, 'this media organization');
  assert.equal(files?.grade, 'anaphoric');
  assert.match(files?.resolvesTo?.text ?? '', /Sunday Times/);
  const paper = find(r, 'above mentioned paper');
  assert.equal(paper?.grade, 'anaphoric');
  assert.match(paper?.resolvesTo?.text ?? '', /briefing/);
  assert.equal(find(r, 'experts')?.grade, 'vague');
});

test('unattributed check-worthy claims are flagged', { skip }, () => {
  const flagged = report!.findings.filter((f) => f.rule === 'unsourced-claim' || f.rule === 'unsourced-statistic');
  assert.ok(flagged.some((f) => text.slice(f.start, f.end).includes('Western powers')), 'the evacuation claim is flagged');
});

test('the derived "at least some 80,000" total is check-worthy, and the sentence with a new subject and figure after a sourced one starts unsourced', { skip }, () => {
  const total = report!.quantities.find((q) => q.text.includes('80,000'))!;
  const claim = report!.claims.find((c) => c.start <= total.start && total.end <= c.end);
  assert.ok(claim && claim.checkworthiness >= 0.5, `check-worthiness ${claim?.checkworthiness}`);
  const count = report!.quantities.find((q) => q.text.includes('16,000'))!;
  const next = report!.claims.find((c) => c.start <= count.start && count.end <= c.end)!;
  assert.deepEqual(next.attributionIds, []);
  assert.ok(report!.findings.some((f) => f.rule === 'unsourced-statistic' && f.start === next.start), 'the figure is flagged as unsourced');
});

test('the same article inside a news page with boilerplate gives the same sourcing', { skip }, () => {
  const html = analyzePure({ html: asHtmlPage(text) });
  for (const banned of ['Share on Facebook', 'Related articles', 'Great article', 'All rights reserved', 'Politics']) {
    assert.ok(!html.document.text.includes(banned), `boilerplate "${banned}" removed`);
  }
  assert.equal(html.document.site, 'New Eastern Outlook');
  assert.equal(html.document.published?.slice(0, 10), '2019-10-02');
  const grades = (r: Report) => r.attributions.map((a) => `${a.source?.text ?? '-'}|${a.grade}|${a.hedged}`).sort();
  assert.deepEqual(grades(html).filter((g) => !g.startsWith('Jean')), grades(report!).filter((g) => !g.startsWith('Jean')));
  assert.ok(html.findings.some((f) => f.rule === 'total-unsupported'));
});
