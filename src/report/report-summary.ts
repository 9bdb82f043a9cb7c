import { SOURCE_GRADES, type SourceGrade } from '../core/annotations.js';
import type { Report } from '../core/report-schema.js';

/** Check-worthiness at or above which a claim counts as check-worthy when the caller does not say (the engine default). */
export const DEFAULT_THRESHOLD = 0.5;

/** Rule ids of the numeric consistency checks, shown together with their figures. */
export const NUMERIC_RULES: ReadonlySet<string> = new Set(['total-unsupported', 'percentage-over-100', 'range-inverted', 'quantity-restated']);

/** Claim counts for one source grade. */
export interface GradeCount {
  readonly grade: SourceGrade;
  readonly claims: number;
  readonly checkworthy: number;
}

/** How the claims of a report are sourced. */
export interface SourcingProfile {
  readonly claims: number;
  readonly checkworthy: number;
  readonly grades: readonly GradeCount[];
  /** Check-worthy claims whose grade is `none`. */
  readonly unsourcedCheckworthy: number;
}

/** Counts claims by source grade, all and check-worthy (>= threshold). */
export function sourcingProfile(report: Report, threshold: number = DEFAULT_THRESHOLD): SourcingProfile {
  const all = new Map<SourceGrade, number>(SOURCE_GRADES.map((g) => [g, 0]));
  const worthy = new Map<SourceGrade, number>(SOURCE_GRADES.map((g) => [g, 0]));
  let checkworthy = 0;
  for (const claim of report.claims) {
    all.set(claim.grade, (all.get(claim.grade) ?? 0) + 1);
    if (claim.checkworthiness >= threshold) {
      checkworthy++;
      worthy.set(claim.grade, (worthy.get(claim.grade) ?? 0) + 1);
    }
  }
  const grades = SOURCE_GRADES.map((grade) => ({ grade, claims: all.get(grade) ?? 0, checkworthy: worthy.get(grade) ?? 0 }));
  return { claims: report.claims.length, checkworthy, grades, unsourcedCheckworthy: worthy.get('none') ?? 0 };
}

type ReportEntity = Report['entities'][number];

/** The entity a mention belongs to; a mention from a report made before `entity` existed is an entity of its own. */
export function entityOf(mention: ReportEntity): string {
  return mention.entity ?? `#${mention.id}`;
}

/** The mentions of each entity, in text order, keyed by {@link entityOf}; entities in order of first mention. */
export function mentionsByEntity(report: Report): Map<string, ReportEntity[]> {
  const groups = new Map<string, ReportEntity[]>();
  for (const mention of [...report.entities].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const key = entityOf(mention);
    const group = groups.get(key);
    if (group) group.push(mention);
    else groups.set(key, [mention]);
  }
  return groups;
}

/** "2 entities (3 mentions)", or "2 entities" when each is mentioned once: distinct entities by {@link entityOf}. */
export function entityCount(report: Report): string {
  const entities = mentionsByEntity(report).size;
  const mentions = report.entities.length;
  const head = `${formatNumber(entities)} ${entities === 1 ? 'entity' : 'entities'}`;
  return mentions === entities ? head : `${head} (${formatNumber(mentions)} mentions)`;
}

/**
 * Distinct sources of a grade with how often each is cited, most cited first. Sources naming one entity are one source
 * ("Jean Périer", "Jean Perier", "Périer"), shown as first cited; others are told apart by their words.
 */
export function citedSources(report: Report, grade: SourceGrade): { text: string; count: number }[] {
  const entities = new Map(report.entities.map((e) => [e.id, e]));
  const cited = new Map<string, { text: string; count: number }>();
  for (const attribution of report.attributions) {
    const source = attribution.source;
    if (attribution.grade !== grade || !source) continue;
    const text = oneLine(source.text);
    const named = attribution.entityIds.map((id) => entities.get(id)).find((e) => e?.entity !== undefined && source.start <= e.start && e.end <= source.end);
    const key = named ? `entity ${named.entity}` : `text ${text}`;
    const entry = cited.get(key);
    if (entry) entry.count++;
    else cited.set(key, { text, count: 1 });
  }
  return [...cited.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A number for display: thousands separators, at most two decimals. */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** "1 claim", "2 claims", "1,204 figures": a count with its noun in the number it takes. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** A figure's interval in words and symbols, e.g. `≥ 16,000 people` or `20–40 %`. */
export function describeBounds(q: Report['quantities'][number]): string {
  const unit = q.unit ? (q.unit === '%' ? '%' : ` ${q.unit}`) : '';
  const low = q.low === null ? null : formatNumber(q.low);
  const high = q.high === null ? null : formatNumber(q.high);
  switch (q.bound) {
    case 'exact':
      return `= ${formatNumber(q.value)}${unit}`;
    case 'at-least':
      return `≥ ${low ?? formatNumber(q.value)}${unit}`;
    case 'at-most':
      return `≤ ${high ?? formatNumber(q.value)}${unit}`;
    case 'approx':
      return `≈ ${formatNumber(q.value)}${unit}${low !== null && high !== null ? ` (${low}–${high})` : ''}`;
    case 'range':
      return `${low ?? '?'}–${high ?? '?'}${unit}`;
  }
}

/** Collapses runs of whitespace (line breaks included) into single spaces and trims. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Counts the words of a text (runs of non-space characters). */
export function countWords(text: string): number {
  let words = 0;
  for (const _ of text.matchAll(/\S+/gu)) words++;
  return words;
}
