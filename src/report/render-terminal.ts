import pc from 'picocolors';
import type { SourceGrade } from '../core/annotations.js';
import { lineColMapper } from '../core/range.js';
import type { Report } from '../core/report-schema.js';
import { citedSources, countOf as count, countWords, describeBounds, DEFAULT_THRESHOLD, entityCount, formatNumber, NUMERIC_RULES, oneLine, sourcingProfile } from './report-summary.js';
import { bar, clip, displayLength, joinWithin, stripControls, wrapWords } from './terminal-text.js';

/** Options of the terminal renderer. */
export interface TerminalOptions {
  /** ANSI colours; the CLI turns them on for a TTY without NO_COLOR. */
  readonly color: boolean;
  /** Line width in columns (default 80, at least 48). */
  readonly width?: number;
  /** Check-worthiness at or above which a claim counts as check-worthy (default 0.5). */
  readonly threshold?: number;
}

type Colors = ReturnType<typeof pc.createColors>;
type Finding = Report['findings'][number];

interface Ctx {
  readonly report: Report;
  readonly c: Colors;
  readonly width: number;
  readonly threshold: number;
}

const GRADE_COLOR: Record<SourceGrade, keyof Colors> = { named: 'green', vague: 'yellow', anaphoric: 'cyan', none: 'red' };
const SEVERITY_COLOR: Record<Finding['severity'], keyof Colors> = { error: 'red', warning: 'yellow', info: 'cyan' };

/**
 * Renders a report as plain text for a terminal: header, sourcing profile, fact-checked claims, numeric findings,
 * persuasion techniques with their evidence, every finding.
 */
export function renderTerminal(report: Report, options: TerminalOptions): string {
  const ctx: Ctx = {
    report,
    c: pc.createColors(options.color),
    width: Math.max(48, Math.floor(options.width ?? 80)),
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
  };
  const sections = [header(ctx), profile(ctx), factChecked(ctx), numeric(ctx), techniques(ctx), findings(ctx)].filter((lines) => lines.length > 0);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** Makes a report string safe and single-line for the terminal. */
function safe(text: string): string {
  return stripControls(oneLine(text));
}

function paint(c: Colors, color: keyof Colors, text: string): string {
  const format = c[color];
  return typeof format === 'function' ? format(text) : text;
}

function header({ report, c, width }: Ctx): string[] {
  const doc = report.document;
  const lines = [c.bold(clip(safe(doc.title ?? '(untitled)'), width))];
  const meta = [doc.byline && `by ${safe(doc.byline)}`, doc.published && safe(doc.published), doc.site && safe(doc.site)].filter(Boolean);
  lines.push(...joinWithin(meta as string[], ' · ', width));
  if (doc.url) lines.push(c.dim(clip(safe(doc.url), width)));
  const counts = [
    `language ${doc.language ? safe(doc.language) : 'unknown'}`,
    `${formatNumber(countWords(doc.text))} words`,
    count(report.sentences.length, 'sentence'),
    count(report.claims.length, 'claim'),
    count(report.quantities.length, 'figure'),
    count(report.attributions.length, 'attribution'),
    entityCount(report),
    count(report.techniques.length, 'technique'),
  ];
  lines.push(...joinWithin(counts, ' · ', width).map((line) => c.dim(line)));
  lines.push(findingTally(report.findings, c));
  return lines;
}

function findingTally(list: readonly Finding[], c: Colors): string {
  if (list.length === 0) return 'no findings';
  const count = (severity: Finding['severity']) => list.filter((f) => f.severity === severity).length;
  const parts = (['error', 'warning', 'info'] as const).map((s) => {
    const n = count(s);
    return paint(c, SEVERITY_COLOR[s], `${n} ${s}${n === 1 || s === 'info' ? '' : 's'}`);
  });
  return `${list.length} findings: ${parts.join(', ')}`;
}

function profile({ report, c, width, threshold }: Ctx): string[] {
  const sourcing = sourcingProfile(report, threshold);
  const lines = [c.bold(`Sourcing of ${sourcing.claims} claims`) + c.dim(` (${sourcing.checkworthy} check-worthy at ≥ ${threshold})`)];
  if (sourcing.claims === 0) return [...lines, '  no claims found'];
  const barWidth = Math.min(20, width - 40);
  for (const g of sourcing.grades) {
    const share = `${Math.round((g.claims / sourcing.claims) * 100)}%`.padStart(4);
    const chart = paint(c, GRADE_COLOR[g.grade], bar(g.claims, sourcing.claims, barWidth));
    lines.push(`  ${g.grade.padEnd(9)} ${chart} ${String(g.claims).padStart(4)} ${share}  ${c.dim(`${g.checkworthy} check-worthy`)}`);
  }
  const unsourced = `${sourcing.unsourcedCheckworthy} of ${sourcing.checkworthy} check-worthy claims have no source`;
  lines.push(`  ${sourcing.unsourcedCheckworthy > 0 ? c.red(unsourced) : unsourced}`);
  for (const grade of ['named', 'vague'] as const) {
    const cited = citedSources(report, grade).map((s) => (s.count > 1 ? `${safe(s.text)} ×${s.count}` : safe(s.text)));
    if (cited.length > 0) lines.push(clip(`  ${grade} sources: ${cited.join('; ')}`, width));
  }
  return lines;
}

/**
 * The claims that stored fact-checks address (`analyze --db`): the claim quoted, then a line per fact-check under it —
 * rating, publisher, date and match score — with its link on the next line, whole (to be copied). Nothing without matches.
 */
function factChecked({ report, c, width }: Ctx): string[] {
  const claims = report.claims.filter((claim) => (claim.factChecks?.length ?? 0) > 0);
  if (claims.length === 0) return [];
  const toLineCol = lineColMapper(report.document.text);
  const lines = [c.bold(`Already fact-checked (${count(claims.length, 'claim')})`)];
  for (const claim of claims) {
    const { line, col } = toLineCol(claim.start);
    const location = `${line}:${col}`;
    lines.push(`  ${c.dim(location)}  ${c.italic(`“${clip(safe(claim.text), width - location.length - 6)}”`)}`);
    const pad = ' '.repeat(location.length + 4);
    for (const m of claim.factChecks!) {
      const said = [m.rating.name ?? 'no rating', [m.publisher ?? 'unknown publisher', m.date].filter(Boolean).join(', '), `match ${m.score.toFixed(2)}`];
      lines.push(`${pad}${c.cyan('↳')} ${clip(safe(said.join(' · ')), width - pad.length - 2)}`);
      lines.push(`${pad}  ${c.dim(safe(m.url))}`);
    }
  }
  return lines;
}

function numeric(ctx: Ctx): string[] {
  const list = ctx.report.findings.filter((f) => NUMERIC_RULES.has(f.rule));
  if (list.length === 0) return [];
  const lines = [ctx.c.bold(`Figures that do not add up (${list.length})`)];
  const indent = locationWidth(list) + 4;
  const byId = new Map(ctx.report.quantities.map((q) => [q.id, q]));
  for (const finding of list) {
    const figures = finding.annotationIds.flatMap((id) => byId.get(id) ?? []);
    lines.push(...findingLines(ctx, finding, indent, figures.length === 0));
    for (const q of figures) lines.push(...figureLines(ctx, q, indent));
  }
  return lines;
}

/** "Name_Calling,Labeling" as a reader reads it: "Name calling, labeling". */
export function techniqueName(technique: string): string {
  const words = technique.split(',').map((part) => part.replace(/_/g, ' ')).join(', ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The persuasion techniques in text order: `line:col  technique  score  “words”`, then the evidence (the rule and its
 * reason, or what the model read) wrapped under it. Nothing when none was found.
 */
function techniques({ report, c, width }: Ctx): string[] {
  const list = [...report.techniques].sort((a, b) => a.start - b.start || a.end - b.end);
  if (list.length === 0) return [];
  const toLineCol = lineColMapper(report.document.text);
  const located = list.map((t) => ({ t, at: toLineCol(t.start) }));
  const indent = Math.max(...located.map(({ at }) => `${at.line}:${at.col}`.length)) + 4;
  const pad = ' '.repeat(indent);
  const lines = [c.bold(`Persuasion techniques (${list.length}, in text order)`)];
  for (const { t, at } of located) {
    const location = `${at.line}:${at.col}`.padEnd(indent - 4);
    const name = techniqueName(t.technique);
    const score = t.score.toFixed(2);
    const head = `  ${location}  ${name}  ${score}  `;
    const styled = `  ${c.dim(location)}  ${c.magenta(name)}  ${c.dim(score)}`;
    const words = safe(t.text);
    const room = width - displayLength(head) - 2;
    if (room >= 12) lines.push(`${styled}  ${c.italic(`“${clip(words, room)}”`)}`);
    else lines.push(styled, `${pad}${c.italic(`“${clip(words, width - indent - 2)}”`)}`);
    for (const line of wrapWords(safe(t.evidence), width - indent, width - indent)) lines.push(`${pad}${c.dim(line)}`);
  }
  return lines;
}

/** `• words  bounds`, or the bounds on a line of their own when the width is too small for both. */
function figureLines({ c, width }: Ctx, q: Report['quantities'][number], indent: number): string[] {
  const pad = ' '.repeat(indent);
  const bounds = describeBounds(q);
  const room = width - indent - 4 - displayLength(bounds);
  if (room >= 12) return [`${pad}• ${clip(safe(q.text), room)}  ${c.dim(bounds)}`];
  return [`${pad}• ${clip(safe(q.text), width - indent - 2)}`, `${pad}  ${c.dim(clip(bounds, width - indent - 2))}`];
}

function findings(ctx: Ctx): string[] {
  const list = [...ctx.report.findings].sort((a, b) => a.start - b.start || a.end - b.end);
  const lines = [ctx.c.bold(`Findings (${list.length}, in text order)`)];
  if (list.length === 0) return [...lines, '  none'];
  const indent = locationWidth(list) + 4;
  for (const finding of list) lines.push(...findingLines(ctx, finding, indent, true));
  return lines;
}

function locationWidth(list: readonly Finding[]): number {
  return Math.max(...list.map((f) => `${f.line}:${f.col}`.length));
}

/** `line:col  severity  rule  message`, wrapped, then the quoted words of the span. */
function findingLines({ report, c, width }: Ctx, finding: Finding, indent: number, quote: boolean): string[] {
  const location = `${finding.line}:${finding.col}`.padEnd(indent - 4);
  const head = `  ${location}  ${finding.severity.padEnd(7)}  ${safe(finding.rule)}  `;
  const pad = ' '.repeat(indent);
  const styledHead = `  ${c.dim(location)}  ${paint(c, SEVERITY_COLOR[finding.severity], finding.severity.padEnd(7))}  ${c.bold(safe(finding.rule))}`;
  const inline = width - displayLength(head) >= 20;
  const wrapped = wrapWords(safe(finding.message), inline ? width - displayLength(head) : width - indent, width - indent);
  const lines = inline ? [`${styledHead}  ${wrapped[0] ?? ''}`] : [styledHead, `${pad}${wrapped[0] ?? ''}`];
  lines.push(...wrapped.slice(1).map((line) => `${pad}${line}`));
  const words = safe(report.document.text.slice(finding.start, finding.end));
  if (quote && words !== '') lines.push(`${pad}${c.italic(`“${clip(words, width - indent - 2)}”`)}`);
  return lines;
}
