import type { Report } from '../core/report-schema.js';
import { DEFAULT_THRESHOLD } from '../report/report-summary.js';
import { claimSource, type ReportClaim } from './claim-source.js';

/** Options of {@link webAnnotations}. */
export interface WebAnnotationOptions {
  /** The IRI of the annotated text (every target's `source`). */
  readonly documentIri: string;
  /** The collection's own IRI (e.g. the URL it is served at); default `documentIri#annotations`. Annotation ids derive from it. */
  readonly collectionIri?: string;
  /** Check-worthiness at or above which a claim is called check-worthy: the analysis's threshold (default 0.5). */
  readonly threshold?: number;
}

/** UTF-16 units of context on each side of a TextQuoteSelector. */
const CONTEXT = 32;

type Json = Record<string, unknown>;

/** An IRI for a part of `base`: a new fragment, or a suffix of the fragment it already has. */
const partIri = (base: string, part: string) => (base.includes('#') ? `${base}-${part}` : `${base}#${part}`);

/** UTF-16 index → code point index, for every index 0…text.length (W3C selectors count code points). */
function codePointIndex(text: string): Int32Array {
  const map = new Int32Array(text.length + 1);
  let points = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = points;
    const unit = text.charCodeAt(i);
    const lowFollows = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (lowFollows) map[++i] = points;
    points++;
  }
  map[text.length] = points;
  return map;
}

/** A UTF-16 index moved off the middle of a surrogate pair (towards `outward`: -1 left, +1 right). */
function snap(text: string, index: number, outward: -1 | 1): number {
  const low = (text.charCodeAt(index) & 0xfc00) === 0xdc00 && (text.charCodeAt(index - 1) & 0xfc00) === 0xd800;
  return low ? index + (outward === -1 ? -1 : 1) : index;
}

/** Builds targets on one text: position (in code points) and quote selectors. */
function targetMaker(text: string, source: string): (start: number, end: number) => Json {
  const points = codePointIndex(text);
  return (start, end) => ({
    source,
    selector: [
      { type: 'TextPositionSelector', start: points[start], end: points[end] },
      {
        type: 'TextQuoteSelector',
        exact: text.slice(start, end),
        prefix: text.slice(snap(text, Math.max(0, start - CONTEXT), 1), start),
        suffix: text.slice(end, snap(text, Math.min(text.length, end + CONTEXT), -1)),
      },
    ],
  });
}

const tag = (value: string): Json => ({ type: 'TextualBody', purpose: 'tagging', value });
const describe = (value: string): Json => ({ type: 'TextualBody', purpose: 'describing', value, format: 'text/plain' });

/** One annotation before ids and targets are filled in. */
interface Draft {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly motivation: 'classifying' | 'commenting';
  readonly body: Json[];
}

/** A claim's score against the threshold, in words: only a claim at or above it is called check-worthy. */
function worthiness(claim: ReportClaim, threshold: number): string {
  const score = `check-worthiness ${claim.checkworthiness.toFixed(2)}`;
  if (claim.checkworthiness >= threshold) return `Check-worthy ${claim.kind} claim (${score}, at or above the threshold of ${threshold})`;
  return `${claim.kind[0]!.toUpperCase()}${claim.kind.slice(1)} claim, not check-worthy (${score}, below the threshold of ${threshold})`;
}

function claimDrafts(report: Report, threshold: number): Draft[] {
  return report.claims.map((c) => {
    const source = claimSource(report, c);
    const who = source.text === null ? '' : ` (${source.text}${source.refersTo ? ` = ${source.refersTo}` : ''})`;
    const text = `${worthiness(c, threshold)}; source: ${c.grade}${who}${source.hedged ? ', hedged' : ''}.`;
    const tags = [tag('claim'), tag(`claim-kind:${c.kind}`), tag(`source-grade:${c.grade}`), ...(c.checkworthiness >= threshold ? [tag('check-worthy')] : [])];
    return { key: c.id, start: c.start, end: c.end, motivation: 'classifying', body: [...tags, describe(text)] };
  });
}

function attributionDrafts(report: Report): Draft[] {
  return report.attributions.flatMap((a) => {
    const notes = [a.hedged ? 'hedged' : '', a.resolvesTo ? `refers to "${a.resolvesTo.text}"` : '', a.parent ? `nested in ${a.parent}` : ''].filter(Boolean).join(', ');
    const about = `attribution ${a.id}, ${a.grade} source${notes ? `, ${notes}` : ''}`;
    const parts: Draft[] = [];
    if (a.source) parts.push({ key: `${a.id}-source`, ...a.source, motivation: 'classifying', body: [tag('attribution-source'), tag(`source-grade:${a.grade}`), describe(`Source of ${about}.`)] });
    parts.push({ key: `${a.id}-cue`, ...a.cue, motivation: 'classifying', body: [tag('attribution-cue'), describe(`Cue of ${about}.`)] });
    parts.push({ key: `${a.id}-content`, ...a.content, motivation: 'classifying', body: [tag('attribution-content'), describe(`Content of ${about}${a.source ? `: what "${a.source.text}" is said to say` : ''}.`)] });
    return parts;
  });
}

function figureDrafts(report: Report): Draft[] {
  return report.quantities.map((q) => {
    const bounds = [q.low === null ? '' : `low ${q.low}`, q.high === null ? '' : `high ${q.high}`].filter(Boolean).join(', ');
    const text = `Figure: ${q.value}${q.unit ? ` ${q.unit}` : ''} (${q.kind}), bound ${q.bound}${bounds ? `, ${bounds}` : ''}.`;
    return { key: q.id, start: q.start, end: q.end, motivation: 'classifying', body: [tag('quantity'), tag(`bound:${q.bound}`), describe(text)] };
  });
}

function techniqueDrafts(report: Report): Draft[] {
  return report.techniques.map((t) => ({
    key: t.id, start: t.start, end: t.end, motivation: 'classifying',
    body: [tag('technique'), tag(`technique:${t.technique}`), describe(`Persuasion technique ${t.technique}, score ${t.score}: ${t.evidence}`)],
  }));
}

function findingDrafts(report: Report): Draft[] {
  return report.findings.map((f, i) => ({
    key: `f${i + 1}`, start: f.start, end: f.end, motivation: 'commenting',
    body: [tag('finding'), tag(`finding:${f.rule}`), tag(`severity:${f.severity}`), describe(f.message)],
  }));
}

/**
 * The report as a W3C Web Annotation AnnotationCollection (JSON-LD): one Annotation per claim, per attribution part
 * (source, cue, content), per figure, per technique and per finding, each targeting `documentIri` with a
 * TextPositionSelector (start/end in Unicode code points, as the model requires, not the report's UTF-16 units) and a
 * TextQuoteSelector (exact words with up to 32 characters of prefix and suffix). A claim is described as check-worthy
 * (and tagged `check-worthy`) only when its score reaches `threshold`.
 */
export function webAnnotations(report: Report, options: WebAnnotationOptions): object {
  const collection = options.collectionIri ?? `${options.documentIri}#annotations`;
  const target = targetMaker(report.document.text, options.documentIri);
  const drafts = [...claimDrafts(report, options.threshold ?? DEFAULT_THRESHOLD), ...attributionDrafts(report), ...figureDrafts(report), ...techniqueDrafts(report), ...findingDrafts(report)];
  const items = drafts.map((d) => ({ id: partIri(collection, d.key), type: 'Annotation', motivation: d.motivation, body: d.body, target: target(d.start, d.end) }));
  const title = report.document.title ?? report.document.url ?? 'an untitled article';
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: collection,
    type: 'AnnotationCollection',
    label: `claimtrace annotations of ${title}`,
    generator: { type: 'Software', name: `${report.generator.name} ${report.generator.version}` },
    total: items.length,
    first: { id: partIri(collection, 'page1'), type: 'AnnotationPage', startIndex: 0, items },
  };
}
