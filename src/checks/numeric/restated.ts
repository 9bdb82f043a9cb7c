import type { Finding, QuantityAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { fmt, stated, type Located } from './context.js';
import { normUnit } from './units.js';

/** Settings of `quantity-restated`. */
export interface RestateRules {
  readonly minSharedWords: number;
  readonly window: number;
  readonly stopLemmas: ReadonlySet<string>;
}

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);

/**
 * `quantity-restated`: the same count stated twice with intervals that do not overlap. "The same" means the same counted
 * noun followed by the same predicate: the words after the figure, up to the next comma or the sentence end, share a verb
 * and at least `minSharedWords` content words ("1,200 nurses left the service" / "more than 1,500 nurses left the service").
 * Sentences that both name years, but different ones, speak of different times and are left alone.
 */
export function checkRestated(doc: Document, located: readonly Located[], sentenceTokens: (s: number) => [number, number], tokens: readonly Token[], rules: RestateRules): Finding[] {
  const findings: Finding[] = [];
  const byUnit = new Map<string, { l: Located; words: Predicate }[]>();
  const years = new Map<number, Set<number>>();
  for (const { q, sentence } of located) {
    if (q.quantityKind === 'year') years.set(sentence, (years.get(sentence) ?? new Set()).add(q.value));
  }
  for (const later of located) {
    if (later.q.quantityKind !== 'count' || !later.q.unit) continue;
    const unit = normUnit(later.q.unit);
    const words = predicateOf(later.q, sentenceTokens(later.sentence)[1], tokens, rules.stopLemmas, unit);
    const seen = byUnit.get(unit) ?? [];
    const match = seen.find((e) => e.l.sentence !== later.sentence && !overlaps(e.l.q, later.q) && !differentYears(years, e.l.sentence, later.sentence) && same(e.words, words, rules.minSharedWords));
    if (match) findings.push(restatedFinding(doc, match.l.q, later.q, shared(match.words.all, words.all)));
    byUnit.set(unit, [...seen, { l: later, words }].slice(-rules.window));
  }
  return findings;
}

/** Content lemmas after a figure, and the verbs among them. */
interface Predicate {
  readonly all: ReadonlySet<string>;
  readonly verbs: ReadonlySet<string>;
}

const CLAUSE_END = new Set([',', ';', ':', '(', ')', '—', '–']);
/**
 * The predicate is read at most this many tokens after the figure: its shared words come first ("nurses left the
 * service"), and reading to the end of a sentence of thousands of tokens (a text without punctuation) for every one of
 * its figures was quadratic.
 */
const MAX_PREDICATE_TOKENS = 40;

function predicateOf(q: QuantityAnnotation, to: number, tokens: readonly Token[], stop: ReadonlySet<string>, unit: string): Predicate {
  const all = new Set<string>();
  const verbs = new Set<string>();
  const from = tokenAt(tokens, q.end);
  for (let i = from; i < Math.min(to, from + MAX_PREDICATE_TOKENS) && !CLAUSE_END.has(tokens[i]!.text); i++) {
    const tok = tokens[i]!;
    if (tok.type !== 'word' || !CONTENT_POS.has(tok.pos) || tok.lemma.length < 3 || stop.has(tok.lemma) || normUnit(tok.lemma) === unit) continue;
    all.add(tok.lemma);
    if (tok.pos === 'VERB') verbs.add(tok.lemma);
  }
  return { all, verbs };
}

function same(a: Predicate, b: Predicate, minShared: number): boolean {
  return shared(a.verbs, b.verbs).length > 0 && shared(a.all, b.all).length >= minShared;
}

function overlaps(a: QuantityAnnotation, b: QuantityAnnotation): boolean {
  const x = stated(a);
  const y = stated(b);
  return x.low <= y.high && y.low <= x.high;
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((w) => b.has(w));
}

function differentYears(years: Map<number, Set<number>>, a: number, b: number): boolean {
  const x = years.get(a);
  const y = years.get(b);
  return x !== undefined && y !== undefined && ![...x].some((year) => y.has(year));
}

function restatedFinding(doc: Document, a: QuantityAnnotation, b: QuantityAnnotation, words: readonly string[]): Finding {
  const describe = (q: QuantityAnnotation) => {
    const { low, high } = stated(q);
    return low === high ? fmt(low) : high === Infinity ? `${fmt(low)} or more` : `${fmt(low)} to ${fmt(high)}`;
  };
  const message = `"${doc.slice(b)}" ${b.unit} restates "${doc.slice(a)}" ${a.unit} (both about: ${words.join(', ')}), but the figures do not overlap: ${describe(a)} against ${describe(b)}.`;
  return { rule: 'quantity-restated', severity: 'info', message, start: b.start, end: b.end, annotationIds: [a.id, b.id] };
}
