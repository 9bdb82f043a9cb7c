import type { Report } from '../core/report-schema.js';
import { currentReviews, ratingStep } from '../review/current.js';
import type { Review } from '../review/types.js';
import { httpUrl } from '../review/validate.js';
import { claimSource, oneLine, type ReportClaim } from './claim-source.js';

/** ASCII punctuation that can open markup anywhere in a line: code, emphasis, links, images, HTML, entities, headings, tables, strikethrough. */
const INLINE = /[\\`*_{}[\]()<>#!|~&]/g;
/** Line starts that open a list, a setext underline or a thematic break. */
const LINE_START = /^(\d+\.|[-+=])/;
/**
 * Bidirectional controls (embeddings, overrides, isolates, marks, the Arabic letter mark): invisible characters that
 * can make text display in another order than it reads ("Trojan Source"), so they are removed from article and
 * reviewer text.
 */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/**
 * What GFM and linkify-style renderers turn into links without any markup, each broken with a backslash escape that
 * renders as nothing: `scheme://` and `//host` (the `:` and the second `/`), `www.` (its dot) and e-mail addresses
 * (every `@`). Checked with micromark + GFM in markdown.test.ts.
 */
const AUTOLINKS: readonly [RegExp, string][] = [
  [/:(?=\/)/g, '\\:'],
  [/\/(?=\/)/g, '/\\'],
  [/(?<![a-z0-9])(www)\./gi, '$1\\.'],
  [/@/g, '\\@'],
];

/**
 * Plain text made inert in Markdown (CommonMark and GitHub's): markup characters are backslash-escaped, so article or
 * reviewer text can open no link, image, raw HTML, code span, emphasis, heading, list or table; line starts that would
 * begin an ordered list or a setext underline are escaped too, and leading spaces (an indented code block) dropped.
 * Bare URLs, `www.` names and e-mail addresses are broken so that GFM does not autolink them, and bidirectional
 * controls are removed.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(BIDI_CONTROLS, '')
    .split(/\r\n|\r|\n/)
    .map((line) => breakAutolinks(line.trimStart().replace(INLINE, '\\$&').replace(LINE_START, (m) => `${m.slice(0, -1)}\\${m.slice(-1)}`)))
    .join('\n');
}

/** A line with every bare URL, `www.` name and e-mail address broken so that no renderer links it. */
function breakAutolinks(line: string): string {
  return AUTOLINKS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), line);
}

/** A link shown as an autolink when it is an http(s) URL (normalised: no `<`, `>` or spaces), else as escaped text. */
function link(url: string): string {
  const href = httpUrl(url);
  return href === undefined ? escapeMarkdown(oneLine(url)) : `<${href}>`;
}

/** Multi-line text as Markdown paragraphs, keeping the writer's line breaks. */
function paragraphs(text: string): string {
  return text.trim().split(/(?:\r\n|\r|\n)\s*(?:\r\n|\r|\n)\s*/).map((p) => escapeMarkdown(p).split('\n').join('  \n')).join('\n\n');
}

function sourceLine(report: Report, claim: ReportClaim): string {
  const source = claimSource(report, claim);
  if (source.text === null) return source.hedged ? 'none (hedged)' : 'none';
  const refers = source.refersTo === null ? '' : `, referring to ${escapeMarkdown(oneLine(source.refersTo))}`;
  return `${escapeMarkdown(oneLine(source.text))} (${source.grade}${refers}${source.hedged ? ', hedged' : ''})`;
}

/** The stored fact-checks matched to a claim (`analyze --db`, ingest): rating, publisher, date and an autolink each; empty without. */
function factChecksOf(claim: ReportClaim): string[] {
  return (claim.factChecks ?? []).map((m) => {
    const said = [m.rating.name ?? 'no rating', [m.publisher ?? 'unknown publisher', m.date].filter(Boolean).join(', ')].join(' · ');
    return `${escapeMarkdown(oneLine(said))} ${link(m.url)}`;
  });
}

function reviewedSection(report: Report, claim: ReportClaim, review: Review): string {
  const step = ratingStep(review.rating);
  const verdict = step.value === null ? step.label : `${step.label} (${step.value} of 5)`;
  const parts = [
    `## ${claim.id}: ${step.label}`,
    `> ${escapeMarkdown(oneLine(claim.text))}`,
    [
      `- **Verdict:** ${verdict}`,
      `- **Source:** ${sourceLine(report, claim)}`,
      `- **Reviewed by:** ${escapeMarkdown(oneLine(review.reviewer))} on ${review.createdAt.slice(0, 10)}`,
      ...factChecksOf(claim).map((line) => `- **Already fact-checked:** ${line}`),
    ].join('\n'),
  ];
  if (review.explanation.trim() !== '') parts.push(paragraphs(review.explanation));
  if (review.evidenceUrls.length > 0) parts.push(`**Evidence:**\n\n${review.evidenceUrls.map((u) => `- ${link(u)}`).join('\n')}`);
  return parts.join('\n\n');
}

function header(report: Report, reviewed: number): string {
  const doc = report.document;
  const meta = [doc.site && escapeMarkdown(oneLine(doc.site)), doc.published && escapeMarkdown(doc.published), doc.url && link(doc.url)].filter(Boolean);
  return [
    `# Fact-check: ${escapeMarkdown(oneLine(doc.title ?? 'Untitled article'))}`,
    ...(meta.length > 0 ? [meta.join(' · ')] : []),
    `${reviewed} of ${report.claims.length} claims reviewed.`,
  ].join('\n\n');
}

/**
 * A readable fact-check of one article: a heading with its title, then each reviewed claim (its latest review) with
 * the claim quoted, the verdict, its source and grade, the explanation and the evidence links, then the claims not yet
 * reviewed. Every piece of article or reviewer text is escaped, so the Markdown cannot carry links or HTML of theirs.
 */
export function reviewsMarkdown(report: Report, reviews: readonly Review[]): string {
  const current = currentReviews(reviews);
  const reviewed = report.claims.filter((c) => current.has(c.id));
  const open = report.claims.filter((c) => !current.has(c.id));
  const sections = [header(report, reviewed.length), ...reviewed.map((c) => reviewedSection(report, c, current.get(c.id)!))];
  if (open.length > 0) {
    const item = (c: ReportClaim) => [`- ${c.id}: ${escapeMarkdown(oneLine(c.text))} — source: ${sourceLine(report, c)}`, ...factChecksOf(c).map((line) => `  - already fact-checked: ${line}`)].join('\n');
    sections.push(`## Not yet reviewed\n\n${open.map(item).join('\n')}`);
  }
  return `${sections.join('\n\n')}\n`;
}
