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

/** Distinct source phrases of a grade with how often each is cited, most cited first. */
export function citedSources(report: Report, grade: SourceGrade): { text: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const attribution of report.attributions) {
    if (attribution.grade !== grade || !attribution.source) continue;
    const text = oneLine(attribution.source.text);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A number for display: thousands separators, at most two decimals. */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
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
