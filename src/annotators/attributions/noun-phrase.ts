import type { Token } from '../../nlp/tokens.js';
import type { Lexicon } from './lexicon.js';
import sources from './sources.json' with { type: 'json' };

/** A token span `[first, end)` (token indices). */
export interface Span {
  readonly first: number;
  readonly end: number;
}

const NOMINAL_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const NOUN_HEADS = new Set(['NOUN', 'PROPN']);
const POSSESSIVE = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your', "'s", '’s', "'", '’']);
const LINK_ADP = new Set(['of', 'in', 'for', 'from', 'at', 'with', 'on', 'by', 'within', 'inside', 'close', 'to', 'under', 'through', 'via']);
/** Adjectives that join a post-modifier to a noun before them (sources.json postnominalAdjectives). */
const POSTNOMINAL_ADJECTIVES = new Set(sources.postnominalAdjectives.flatMap((a) => a.words));
const NP_STOP = new Set(['that', 'which', 'who', 'whom', 'whose', 'when', 'where', 'while', 'because', 'as', 'if']);
const BRACKETS = new Set(['(', ')', '-', '&', '–']);

/** True for a token that can sit inside a noun phrase before or as its head. */
export function isNominal(t: Token): boolean {
  if (NP_STOP.has(t.lower)) return false;
  return NOMINAL_POS.has(t.pos) || POSSESSIVE.has(t.lower) || BRACKETS.has(t.text) || isMistaggedName(t);
}

/** wink tags some name words as verbs ("Die Welt"); a capitalised verb or unknown word is taken as part of a name. */
export function isMistaggedName(t: Token): boolean {
  return (t.pos === 'VERB' || t.pos === 'X') && /^\p{Lu}/u.test(t.text);
}

/** True for a participle that links a post-modifier to a noun ("files obtained by", "briefing prepared for"). */
function isLinkingParticiple(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  return t.pos === 'VERB' && /(?:ed|en|wn)$/.test(t.lower) && next !== undefined && next.pos === 'ADP' && LINK_ADP.has(next.lower);
}

/** True for a participle before a noun inside a phrase ("the above mentioned paper", "the leaked files"). */
function isPremodifyingParticiple(tokens: readonly Token[], i: number, limit: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  return t.pos === 'VERB' && /(?:ed|en|wn)$/.test(t.lower) && i + 1 < limit && next !== undefined && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ');
}

/** True when the noun phrase ending at token i (inclusive) ends in a noun, a bracket or a linking participle. */
function endsNominal(tokens: readonly Token[], i: number, floor: number): boolean {
  if (i < floor) return false;
  const t = tokens[i]!;
  if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.text === ')') return true;
  return isLinkingParticiple(tokens, i) && i - 1 >= floor && endsNominal(tokens, i - 1, floor);
}

/** The noun phrase that ends just before token `end`, scanning left no further than `floor`; empty when none. */
export function phraseBefore(tokens: readonly Token[], end: number, floor: number): Span {
  const last = tokens[end - 1];
  if (last && last.pos === 'PRON' && !POSSESSIVE.has(last.lower)) return { first: end - 1, end };
  if (!last || !isNominal(last)) return { first: end, end };
  let i = end - 1;
  while (i >= floor) {
    const t = tokens[i]!;
    if (t.text === ')') {
      const open = openingBracket(tokens, i, floor);
      if (open !== undefined) {
        i = open - 1;
        continue;
      }
    }
    // "Sources close to the ministry", "officials familiar with the talks": an adjective that links a post-modifier.
    if (t.pos === 'ADP' && i - 2 >= floor && POSTNOMINAL_ADJECTIVES.has(tokens[i - 1]!.lower) && endsNominal(tokens, i - 2, floor)) {
      i -= 2;
      continue;
    }
    // "a figure the council says": an article right after a noun opens a new phrase (a relative clause without "that").
    if (t.pos === 'DET' && !POSSESSIVE.has(t.lower) && i - 1 >= floor && NOUN_HEADS.has(tokens[i - 1]!.pos) && i + 1 < end) {
      i--;
      break;
    }
    const linking = (t.pos === 'ADP' && LINK_ADP.has(t.lower)) || t.pos === 'CCONJ' || isLinkingParticiple(tokens, i);
    if (isNominal(t) || isPremodifyingParticiple(tokens, i, end) || isPointingAdverb(tokens, i) || (linking && endsNominal(tokens, i - 1, floor) && t.lower !== 'to')) i--;
    else break;
  }
  return trimPhrase(tokens, { first: i + 1, end });
}

/** True for "above"/"below" before a participle inside a phrase ("the above mentioned report"). */
function isPointingAdverb(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  return (t.lower === 'above' || t.lower === 'below') && tokens[i + 1]?.pos === 'VERB';
}

/** The "(" that matches the ")" at token `close`, at most 12 tokens back; undefined when none. */
function openingBracket(tokens: readonly Token[], close: number, floor: number): number | undefined {
  for (let i = close - 1; i >= Math.max(floor, close - 12); i--) if (tokens[i]!.text === '(') return i;
  return undefined;
}

/** The noun phrase that starts at token `from`, up to a comma, clause word, verb or the sentence end `limit`. */
export function phraseAfter(tokens: readonly Token[], from: number, limit: number): Span {
  let i = from;
  while (i < limit) {
    const t = tokens[i]!;
    if (isNominal(t) || (t.pos === 'ADP' && t.lower !== 'that') || t.pos === 'CCONJ' || t.pos === 'ADV' || isLinkingParticiple(tokens, i)) i++;
    else if (isPremodifyingParticiple(tokens, i, limit)) i++; // "the above mentioned paper", "the leaked files"
    else if (t.pos === 'PRON' && i === from) return { first: from, end: from + 1 };
    else break;
  }
  return trimPhrase(tokens, { first: from, end: i });
}

/** Drops linking words and adverbs from both edges; empty when no noun or number is left. */
function trimPhrase(tokens: readonly Token[], span: Span): Span {
  let { first, end } = span;
  const edge = (t: Token) =>
    !['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON'].includes(t.pos) && t.text !== '(' && !POSSESSIVE.has(t.lower) && !isMistaggedName(t);
  while (first < end && edge(tokens[first]!)) first++;
  while (end > first && edge(tokens[end - 1]!) && tokens[end - 1]!.text !== ')') end--;
  if (end > first && tokens[end - 1]!.text === '(') end--;
  let hasNoun = false;
  for (let i = first; i < end; i++) if (['NOUN', 'PROPN', 'PRON', 'NUM'].includes(tokens[i]!.pos)) hasNoun = true;
  return hasNoun ? { first, end } : { first, end: first };
}

/** The parts of a noun phrase: determiner words, the head noun and where its post-modifier starts. */
export interface PhraseParts {
  /** First token after any quantifier ("a number of") and determiner words ("the above mentioned"). */
  readonly modFirst: number;
  /** True when a definite determiner, demonstrative or possessive opens the phrase. */
  readonly definite: boolean;
  readonly head: number;
  /** First token of the post-modifier ("in the US...", "obtained by..."), or the span end. */
  readonly post: number;
}

/** Splits a noun phrase into determiner, head and post-modifier. */
export function partsOf(tokens: readonly Token[], span: Span, lex: Lexicon): PhraseParts {
  let i = span.first;
  const quantifier = lex.quantifiers.matchAt(tokens, i, span.end);
  if (quantifier && quantifier.end < span.end) i = quantifier.end;
  let definite = false;
  while (i < span.end - 1 && (lex.definiteDeterminers.has(tokens[i]!.lower) || tokens[i]!.pos === 'DET')) {
    definite ||= lex.definiteDeterminers.has(tokens[i]!.lower);
    i++;
  }
  const modFirst = i;
  let head = i;
  for (; i < span.end; i++) {
    const t = tokens[i]!;
    if (i > modFirst && (t.pos === 'ADP' || t.pos === 'CCONJ' || t.text === '(' || t.text === ',' || isLinkingParticiple(tokens, i))) break;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON' || t.pos === 'NUM' || t.pos === 'ADJ') head = i;
  }
  return { modFirst, definite, head, post: i };
}

/** True for a word of a name: a proper noun, or a capitalised word the tagger took for a verb ("Lewis Grant"). */
export const isNameWord = (t: Token): boolean => t.pos === 'PROPN' || isMistaggedName(t);

/**
 * A title source followed by the name it stands for after a comma ("said Meridian's research director, Sofia Brandão",
 * "according to the council's cabinet member for the environment, Priya Lal"): the source runs through the name when
 * the title ends in a common noun and the name ends the clause or is followed by a comma. Otherwise the span as given.
 */
export function withAppositiveName(tokens: readonly Token[], source: Span, limit: number): Span {
  // The title's last word is a common noun ("Meridian's research director"), not a name ("Smith, a lawyer").
  if (tokens[source.end]?.text !== ',' || tokens[source.end - 1]!.pos !== 'NOUN') return source;
  let first = source.end + 1;
  while (first < limit && tokens[first]!.text.trim() === '') first++;
  let end = first;
  while (end < limit && (isNameWord(tokens[end]!) || (end > first && tokens[end]!.text.trim() === '' && isNameWord(tokens[end + 1] ?? tokens[end]!)))) end++;
  while (end > first && tokens[end - 1]!.text.trim() === '') end--;
  if (end === first) return source;
  let next = end;
  while (next < limit && tokens[next]!.text.trim() === '') next++;
  return next >= limit || tokens[next]!.text === ',' ? { first: source.first, end } : source;
}
