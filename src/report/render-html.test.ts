import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { ReportSchema, type Report } from '../core/report-schema.js';
import { renderHighlightedText, type Highlight } from './html-highlights.js';
import { jsonForScript, renderHtml } from './render-html.js';
import { emptyReport, findingOn, harbourReport, keeperReport, spanOf } from './report-fixture.js';

const HOSTILE_TEXT = 'The clerk wrote <script>alert(1)</script> on the board.\n\nThen "><img src=x onerror=alert(1)> and </script> appeared.';

function hostileReport(): Report {
  const t = HOSTILE_TEXT;
  return ReportSchema.parse({
    ...emptyReport(t, { title: '<img src=x onerror=alert(2)>', byline: '</script><script>alert(3)</script>', url: 'javascript:alert(4)' }),
    entities: [{ id: 'e1', ...spanOf(t, '<script>alert(1)</script>'), type: 'document' }],
    claims: [{ id: 'c1', ...spanOf(t, t.slice(0, 55)), checkworthiness: 0.9, kind: 'event', attributionIds: [], grade: 'none' }],
    techniques: [{ id: 't1', ...spanOf(t, '</script>', 2), technique: 'Doubt', score: 0.5, evidence: '</script><img src=x onerror=alert(5)>' }],
    findings: [findingOn(t, '"><img src=x onerror=alert(1)>', 'unsourced-claim', 'warning', 'Quoted </script><script>alert(6)</script> here.')],
  });
}

/** The one executable script and the one style sheet of a page. */
function inlineCode(html: string): { scripts: string[]; styles: string[] } {
  return {
    scripts: [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!),
    styles: [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!),
  };
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');

test('hostile article text, metadata and messages never appear as markup', () => {
  const html = renderHtml(hostileReport());
  assert.doesNotMatch(html, /<img/i);
  assert.doesNotMatch(html, /<script>alert/i);
  assert.equal(html.match(/<script/g)?.length, 2, 'only the data block and the page script');
  assert.equal(html.match(/<\/script>/g)?.length, 2, 'no </script> from the data ends a script early');
  assert.match(html, /The clerk wrote <span[^>]*>&#60;script&#62;alert\(1\)&#60;\/script&#62;<\/span>/);
});

test('a javascript: url is shown as text, never as a link', () => {
  const html = renderHtml(hostileReport());
  assert.doesNotMatch(html, /href="javascript/i);
  assert.match(html, /<p class="ct-meta">javascript:alert\(4\)<\/p>/);
});

test('the Content-Security-Policy hashes match the emitted script and style exactly', () => {
  const html = renderHtml(harbourReport());
  const { scripts, styles } = inlineCode(html);
  assert.equal(scripts.length, 1);
  assert.equal(styles.length, 1);
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  assert.equal(
    csp,
    `default-src 'none'; script-src 'sha256-${sha256(scripts[0]!)}'; style-src 'sha256-${sha256(styles[0]!)}'; img-src data:; base-uri 'none'; form-action 'none'`,
  );
});

test('the page loads no external resources and uses no inline style attributes or handlers', () => {
  const html = renderHtml(harbourReport());
  assert.doesNotMatch(html, /\s(src|srcset|style|on[a-z]+)=/i);
  assert.doesNotMatch(html, /<link|@import|url\(/i);
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
  assert.deepEqual(
    hrefs.filter((href) => !href.startsWith('#')),
    ['https://ledger.example/harbour-levy'],
    'the article link is the only non-fragment link, and it is navigation, not a resource',
  );
});

test('the embedded report JSON escapes <, >, & and line separators and parses back to the report', () => {
  const report = ReportSchema.parse({ ...emptyReport('A & B <b> \u2028 \u2029 </script>') });
  const json = jsonForScript(report);
  assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
  assert.deepEqual(JSON.parse(json), report);
});

test('overlapping ranges of two layers become nested spans, the outer layer kept whole', () => {
  const highlights: Highlight[] = [
    { layer: 'source', index: 0, start: 2, end: 6, classes: ['g-vague'] },
    { layer: 'claim', index: 0, start: 0, end: 4, classes: ['cw-hi'] },
  ];
  assert.equal(
    renderHighlightedText('abcdefg', highlights),
    '<span class="hl L-claim cw-hi first" data-ref="claim:0" id="ct-claim-0" tabindex="0">ab' +
      '<span class="hl L-source g-vague first" data-ref="source:0" id="ct-source-0" tabindex="0">cd</span></span>' +
      '<span class="hl L-source g-vague cont" data-ref="source:0">ef</span>g',
  );
});

test('crossing ranges of one layer are split so that each piece sits inside the earlier range', () => {
  const highlights: Highlight[] = [
    { layer: 'finding', index: 1, start: 1, end: 4, classes: [] },
    { layer: 'finding', index: 0, start: 0, end: 2, classes: [] },
  ];
  assert.equal(
    renderHighlightedText('abcde', highlights),
    '<span class="hl L-finding first" data-ref="finding:0" id="ct-finding-0" tabindex="0">a' +
      '<span class="hl L-finding first" data-ref="finding:1" id="ct-finding-1" tabindex="0">b</span></span>' +
      '<span class="hl L-finding cont" data-ref="finding:1">cd</span>e',
  );
});

test('empty and out-of-range highlights are skipped and plain text is escaped', () => {
  const highlights: Highlight[] = [
    { layer: 'figure', index: 0, start: 2, end: 2, classes: [] },
    { layer: 'figure', index: 1, start: 3, end: 99, classes: [] },
  ];
  assert.equal(renderHighlightedText('a<b>\n\nc', highlights), 'a&#60;b&#62;\n\nc');
});

test('the claim list is sorted by check-worthiness with grade badges and links to the claims', () => {
  const html = renderHtml(harbourReport());
  const list = html.match(/<h2>Claims \(6, 5 check-worthy\)<\/h2><ol class="ct-list">([\s\S]*?)<\/ol>/)?.[1] ?? '';
  const rows = [...list.matchAll(/href="#(ct-claim-\d)"[^>]*><span class="badge g-(\w+)">\w+<\/span><span class="cw"[^>]*>([\d.]+)</g)].map((m) => m.slice(1));
  assert.deepEqual(rows, [
    ['ct-claim-0', 'named', '0.90'],
    ['ct-claim-2', 'vague', '0.80'],
    ['ct-claim-1', 'vague', '0.70'],
    ['ct-claim-4', 'anaphoric', '0.60'],
    ['ct-claim-5', 'none', '0.55'],
    ['ct-claim-3', 'none', '0.30'],
  ]);
});

test('the sourcing chart draws one bar per grade scaled to all claims', () => {
  const html = renderHtml(harbourReport());
  const widths = [...html.matchAll(/<rect class="bar-(\w+) bar-all"[^>]* width="([\d.]+)"/g)].map((m) => [m[1], Number(m[2])]);
  assert.deepEqual(widths, [
    ['named', 30],
    ['vague', 60],
    ['anaphoric', 30],
    ['none', 60],
  ]);
  assert.match(html, /<strong>1<\/strong> of 5 check-worthy claims have no source/);
});

test('every layer has a labelled checkbox', () => {
  const html = renderHtml(harbourReport());
  const layers = [...html.matchAll(/<label><input type="checkbox" data-layer="(\w+)"/g)].map((m) => m[1]);
  assert.deepEqual(layers, ['claim', 'source', 'cue', 'figure', 'entity', 'technique', 'finding']);
});

/** The few DOM element methods the tests use (the project compiles without the DOM lib). */
interface El {
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  dispatchEvent(event: Event): boolean;
}

/** Loads a page in linkedom and runs its script; linkedom lacks `checked` and `tabIndex`, so they are shimmed. */
function loadPage(html: string) {
  const { window, document } = parseHTML(html);
  const proto = (window as unknown as { HTMLElement: { prototype: object } }).HTMLElement.prototype;
  Object.defineProperty(proto, 'checked', {
    configurable: true,
    get(this: El) { return this.hasAttribute('checked'); },
    set(this: El, on: boolean) { if (on) this.setAttribute('checked', ''); else this.removeAttribute('checked'); },
  });
  Object.defineProperty(proto, 'tabIndex', {
    configurable: true,
    get(this: El) { return Number(this.getAttribute('tabindex') ?? -1); },
    set(this: El, n: number) { this.setAttribute('tabindex', String(n)); },
  });
  Object.assign(window, { scrollX: 0, scrollY: 0 });
  new Function('window', 'document', inlineCode(html).scripts[0]!)(window, document);
  const PageEvent = (window as unknown as { Event: typeof Event }).Event;
  const click = (el: El) => el.dispatchEvent(new PageEvent('click', { bubbles: true }));
  const toggle = (layer: string, on: boolean) => {
    const box = document.querySelector(`input[data-layer="${layer}"]`)!;
    if (on) box.setAttribute('checked', '');
    else box.removeAttribute('checked');
    box.dispatchEvent(new PageEvent('change'));
  };
  return { document, click, toggle, pop: document.getElementById('ct-pop')! };
}

test('clicking a highlight opens a popup describing every active layer at that point', () => {
  const { document, click, pop } = loadPage(renderHtml(harbourReport()));
  click(document.getElementById('ct-figure-2')!);
  assert.equal(pop.hasAttribute('hidden'), false);
  assert.deepEqual([...pop.querySelectorAll('h3')].map((h) => h.textContent), ['warning: total-unsupported', 'Figure', 'Claim']);
  const rows = [...pop.querySelectorAll('section')][1]!.querySelectorAll('dd');
  assert.deepEqual([...rows].map((dd) => dd.textContent), ['some 9,000 boats', '9,000', '8,100', '9,900', 'approx', 'boats', 'count']);
});

test('a source popup shows grade, cue, hedge and the attribution it is nested in', () => {
  const { document, click, pop } = loadPage(renderHtml(harbourReport()));
  click(document.getElementById('ct-source-4')!);
  const source = [...pop.querySelectorAll('section')].find((s) => s.querySelector('h3')?.textContent === 'Source (none)')!;
  const pairs = [...source.querySelectorAll('dt')].map((dt) => `${dt.textContent}=${dt.nextElementSibling?.textContent}`);
  assert.deepEqual(pairs, ['source=(none named)', 'grade=none', 'cue=reportedly', 'hedged=yes', 'nested in=“She” — said', 'content=fear ruin']);
});

test('switching a layer off removes it from the article and the popups', () => {
  const { document, click, toggle, pop } = loadPage(renderHtml(harbourReport()));
  toggle('finding', false);
  assert.match(document.getElementById('ct-text')!.getAttribute('class') ?? '', /\boff-finding\b/);
  click(document.getElementById('ct-figure-2')!);
  assert.deepEqual([...pop.querySelectorAll('h3')].map((h) => h.textContent), ['Figure', 'Claim']);
});

test('hostile strings reach the popup as text only', () => {
  const { document, click, toggle, pop } = loadPage(renderHtml(hostileReport()));
  toggle('technique', true);
  click(document.getElementById('ct-technique-0')!);
  assert.equal(pop.querySelector('img, script'), null);
  assert.ok([...pop.querySelectorAll('dd')].some((dd) => dd.textContent === '</script><img src=x onerror=alert(5)>'));
});

test('the header counts distinct entities with their mentions', () => {
  assert.match(renderHtml(keeperReport()), /<span>2 entities \(3 mentions\)<\/span>/);
  assert.match(renderHtml(keeperReport(false)), /<span>3 entities<\/span>/);
});

/** The dt=dd pairs of the popup's Entity section. */
function entityPairs(pop: ReturnType<typeof loadPage>['pop']): string[] {
  const section = [...pop.querySelectorAll('section')].find((s) => s.querySelector('h3')?.textContent === 'Entity')!;
  return [...section.querySelectorAll('dt')].map((dt) => `${dt.textContent}=${dt.nextElementSibling?.textContent}`);
}

test('an entity popup gives the count and the other mentions of the same entity', () => {
  const { document, click, toggle, pop } = loadPage(renderHtml(keeperReport()));
  toggle('entity', true);
  click(document.getElementById('ct-entity-1')!);
  assert.deepEqual(entityPairs(pop), ['words=Jean Perier', 'type=person', 'mentions=2 of this entity', 'other mentions=“Jean Périer”']);
  click(document.getElementById('ct-entity-2')!);
  assert.deepEqual(entityPairs(pop), ['words=Ana Lund', 'type=person']);
});

test('in a report made before entity keys, an entity popup names no other mentions', () => {
  const { document, click, toggle, pop } = loadPage(renderHtml(keeperReport(false)));
  toggle('entity', true);
  click(document.getElementById('ct-entity-0')!);
  assert.deepEqual(entityPairs(pop), ['words=Jean Périer', 'type=person']);
});

test('other mentions written alike are listed once with their count', () => {
  const t = 'Holt spoke. Holt left. Maren Holt stayed.';
  const mention = (id: string, phrase: string, nth = 1) => ({ id, ...spanOf(t, phrase, nth), type: 'person', entity: 'person:maren holt' });
  const report = ReportSchema.parse({ ...emptyReport(t), entities: [mention('e1', 'Holt'), mention('e2', 'Holt', 2), mention('e3', 'Maren Holt')] });
  const { document, click, toggle, pop } = loadPage(renderHtml(report));
  toggle('entity', true);
  click(document.getElementById('ct-entity-2')!);
  assert.deepEqual(entityPairs(pop).slice(2), ['mentions=3 of this entity', 'other mentions=“Holt” ×2']);
});

test('the header counts take the number of their noun: "1 technique", "2 findings"', () => {
  const report = harbourReport();
  const one = ReportSchema.parse({ ...report, techniques: report.techniques.slice(0, 1) });
  const counts = [...parseHTML(renderHtml(one)).document.querySelectorAll('.ct-counts span')].map((s) => s.textContent);
  assert.ok(counts.includes('1 technique'), counts.join(' | '));
  assert.ok(counts.includes(`${report.findings.length} findings`), counts.join(' | '));
  assert.ok(counts.includes(`${report.sentences.length} sentences`), counts.join(' | '));
});
