import { createHash } from 'node:crypto';
import type { Report } from '../core/report-schema.js';
import { anchorId, escapeHtml, highlightsOf, renderHighlightedText, worthClass, type Layer } from './html-highlights.js';
import { PAGE_SCRIPT } from './html-script.js';
import { PAGE_STYLE } from './html-style.js';
import { countOf, countWords, DEFAULT_THRESHOLD, entityCount, oneLine, sourcingProfile } from './report-summary.js';

/** Options of the HTML renderer. */
export interface HtmlOptions {
  /** Check-worthiness at or above which a claim counts as check-worthy (default 0.5). */
  readonly threshold?: number;
}

/** Layer toggles: label, swatch text, and whether the layer starts switched on. */
const LAYER_TOGGLES: readonly { layer: Layer; label: string; swatch: string; on: boolean }[] = [
  { layer: 'claim', label: 'Claims by check-worthiness', swatch: 'Aa', on: true },
  { layer: 'source', label: 'Sources by grade', swatch: 'Aa', on: true },
  { layer: 'cue', label: 'Attribution cues', swatch: 'said', on: false },
  { layer: 'figure', label: 'Figures and bounds', swatch: '≥9', on: true },
  { layer: 'entity', label: 'Entities by type', swatch: 'Aa', on: false },
  { layer: 'technique', label: 'Persuasion techniques', swatch: 'Aa', on: false },
  { layer: 'finding', label: 'Findings', swatch: 'Aa', on: true },
];

/** The base64 SHA-256 of an inline script or style, as CSP `'sha256-…'` expects. */
export function cspHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('base64');
}

const STYLE_HASH = cspHash(PAGE_STYLE);
const SCRIPT_HASH = cspHash(PAGE_SCRIPT);

/** The Content-Security-Policy of the page: nothing loads, only the page's own script and style run. */
export const PAGE_CSP = `default-src 'none'; script-src 'sha256-${SCRIPT_HASH}'; style-src 'sha256-${STYLE_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;

/** JSON safe inside a `<script type="application/json">` block: `<`, `>`, `&`, U+2028 and U+2029 escaped. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Renders a report as one self-contained HTML page: highlighted article, layer switches, popups, claim list, chart. */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const doc = report.document;
  const title = doc.title ?? 'Untitled article';
  const lang = doc.language && /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(doc.language) ? ` lang="${escapeHtml(doc.language)}"` : '';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>claimtrace · ${escapeHtml(oneLine(title))}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    header(report),
    layerToggles(),
    '<div class="ct-layout">',
    `<main><h2>Article</h2><div id="ct-text"${lang}>${renderHighlightedText(doc.text, highlightsOf(report))}</div></main>`,
    `<aside>${sourcingChart(report, threshold)}${claimList(report, threshold)}${findingList(report)}</aside>`,
    '</div>',
    '<div id="ct-pop" role="tooltip" hidden></div>',
    `<script type="application/json" id="ct-data">${jsonForScript(report)}</script>`,
    `<script>${PAGE_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function header(report: Report): string {
  const doc = report.document;
  const meta = [doc.byline && `by ${doc.byline}`, doc.published, doc.site].filter((s): s is string => !!s).map(escapeHtml).join(' · ');
  const link = doc.url && /^https?:\/\//i.test(doc.url) ? `<a href="${escapeHtml(doc.url)}" rel="noopener noreferrer">${escapeHtml(doc.url)}</a>` : doc.url ? escapeHtml(doc.url) : '';
  const counts = [
    `language ${doc.language ?? 'unknown'}`,
    countOf(countWords(doc.text), 'word'),
    countOf(report.sentences.length, 'sentence'),
    countOf(report.claims.length, 'claim'),
    countOf(report.quantities.length, 'figure'),
    countOf(report.attributions.length, 'attribution'),
    entityCount(report),
    countOf(report.techniques.length, 'technique'),
    countOf(report.findings.length, 'finding'),
  ];
  return [
    `<header><h1>${escapeHtml(doc.title ?? 'Untitled article')}</h1>`,
    meta && `<p class="ct-meta">${meta}</p>`,
    link && `<p class="ct-meta">${link}</p>`,
    `<p class="ct-counts">${counts.map((c) => `<span>${escapeHtml(c)}</span>`).join('')}</p></header>`,
  ].join('');
}

function layerToggles(): string {
  const boxes = LAYER_TOGGLES.map(
    (t) =>
      `<label><input type="checkbox" data-layer="${t.layer}" id="ct-layer-${t.layer}"${t.on ? ' checked' : ''}> ` +
      `<span class="sw sw-${t.layer}" aria-hidden="true">${escapeHtml(t.swatch)}</span>${escapeHtml(t.label)}</label>`,
  );
  return `<fieldset class="ct-layers"><legend>Highlight layers</legend>${boxes.join('')}</fieldset>`;
}

/** Horizontal bars in inline SVG: claims per grade (pale) with the check-worthy ones (solid) on top. */
function sourcingChart(report: Report, threshold: number): string {
  const profile = sourcingProfile(report, threshold);
  const rowHeight = 26;
  const barX = 86;
  const barWidth = 180;
  const scale = (n: number) => (profile.claims === 0 ? 0 : Math.round((n / profile.claims) * barWidth * 10) / 10);
  const rows = profile.grades.map((g, i) => {
    const y = i * rowHeight + 4;
    return (
      `<text x="0" y="${y + 14}">${g.grade}</text>` +
      `<rect class="bar-${g.grade} bar-all" x="${barX}" y="${y}" width="${scale(g.claims)}" height="18"></rect>` +
      `<rect class="bar-${g.grade}" x="${barX}" y="${y + 5}" width="${scale(g.checkworthy)}" height="8"></rect>` +
      `<text x="${barX + scale(g.claims) + 6}" y="${y + 14}">${g.claims} (${g.checkworthy} check-worthy)</text>`
    );
  });
  const summary = profile.grades.map((g) => `${g.grade} ${g.claims}`).join(', ');
  const label = `Claims by source grade: ${summary}. ${profile.unsourcedCheckworthy} of ${profile.checkworthy} check-worthy claims have no source.`;
  return (
    `<section><h2>Sourcing profile</h2>` +
    `<svg class="ct-chart" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 400 ${rowHeight * 4 + 4}" width="100%">${rows.join('')}</svg>` +
    `<p class="ct-muted">${profile.claims} claims, ${profile.checkworthy} check-worthy (≥ ${threshold}); ` +
    `<strong>${profile.unsourcedCheckworthy}</strong> of ${profile.checkworthy} check-worthy claims have no source.</p></section>`
  );
}

function claimList(report: Report, threshold: number): string {
  const order = report.claims.map((claim, index) => ({ claim, index })).sort((a, b) => b.claim.checkworthiness - a.claim.checkworthiness || a.claim.start - b.claim.start);
  const items = order.map(({ claim, index }) => {
    const body =
      `<span class="badge g-${escapeHtml(claim.grade)}">${escapeHtml(claim.grade)}</span>` +
      `<span class="cw" title="check-worthiness">${claim.checkworthiness.toFixed(2)}</span>` +
      `<span class="ct-muted">${escapeHtml(claim.kind)}</span> ${escapeHtml(clipText(claim.text, 200))}`;
    return `<li class="${worthClass(claim.checkworthiness)}">${jumpLink(report, 'claim', index, claim, body)}${factCheckList(claim)}</li>`;
  });
  const worthy = report.claims.filter((c) => c.checkworthiness >= threshold).length;
  const list = items.length > 0 ? `<ol class="ct-list">${items.join('')}</ol>` : '<p class="ct-muted">No claims found.</p>';
  return `<section><h2>Claims (${report.claims.length}, ${worthy} check-worthy)</h2>${list}</section>`;
}

/**
 * The stored fact-checks that address a claim (`analyze --db`), each a link out: only an http(s) address becomes a
 * link (anything else is shown as text), escaped, with rel="noopener noreferrer"; the fact-check's words are text.
 * Empty without matches, so that reports without fact-checks render as before.
 */
function factCheckList(claim: Report['claims'][number]): string {
  if (!claim.factChecks || claim.factChecks.length === 0) return '';
  const items = claim.factChecks.map((m) => {
    const said = escapeHtml(oneLine([m.rating.name ?? 'no rating', [m.publisher ?? 'unknown publisher', m.date].filter(Boolean).join(', ')].join(' · ')));
    const label = /^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(m.url) ? `<a href="${escapeHtml(m.url)}" rel="noopener noreferrer">${said}</a>` : `${said} <span class="ct-muted">${escapeHtml(oneLine(m.url))}</span>`;
    return `<li>Already fact-checked: ${label} <span class="ct-muted">(match ${m.score.toFixed(2)}) “${escapeHtml(clipText(m.claimReviewed, 160))}”</span></li>`;
  });
  return `<ul class="ct-factchecks">${items.join('')}</ul>`;
}

function findingList(report: Report): string {
  const items = report.findings.map((finding, index) => {
    const body =
      `<span class="badge sev-${escapeHtml(finding.severity)}">${escapeHtml(finding.severity)}</span>` +
      `<span class="cw">${Number(finding.line)}:${Number(finding.col)}</span><strong>${escapeHtml(finding.rule)}</strong> ${escapeHtml(finding.message)}`;
    return `<li>${jumpLink(report, 'finding', index, finding, body)}</li>`;
  });
  const list = items.length > 0 ? `<ol class="ct-list">${items.join('')}</ol>` : '<p class="ct-muted">No findings.</p>';
  return `<section><h2>Findings (${report.findings.length})</h2>${list}</section>`;
}

/** A link to a highlight's first fragment, or the bare body when the range is empty or outside the text. */
function jumpLink(report: Report, layer: Layer, index: number, range: { start: number; end: number }, body: string): string {
  if (!(range.start < range.end && range.end <= report.document.text.length)) return body;
  const id = anchorId(layer, index);
  return `<a href="#${id}" data-jump="${id}">${body}</a>`;
}

function clipText(text: string, max: number): string {
  const points = [...oneLine(text)];
  return points.length > max ? `${points.slice(0, max - 1).join('').trimEnd()}…` : points.join('');
}
