import type { Token } from '../../nlp/tokens.js';
import { charRange, contentAfter, contentBefore, contentEnd, isSpace, type RawAttribution, type Scan } from './clause.js';
import type { Cue } from './lexicon.js';
import { phraseAfter, phraseBefore, withAppositiveName, type Span } from './noun-phrase.js';
import { verbGroupBefore } from './verb-cues.js';

type Match = { readonly first: number; readonly end: number; readonly entry: Cue };

/** "According to SOURCE, CONTENT." / "CONTENT, according to SOURCE." / "The port, according to SOURCE, is shut." */
function parsePreposition(scan: Scan, m: Match): RawAttribution | undefined {
  const { tokens, sent } = scan;
  const atStart = m.first <= scan.clause || isSpace(tokens[m.first - 1]);
  const afterComma = tokens[m.first - 1]?.text === ',';
  if (m.entry.clauseEdge && !atStart && !afterComma) return undefined;
  const end = contentEnd(tokens, sent);
  const source = pluralAfter(tokens, m.end, end) ?? phraseAfter(tokens, m.end, end);
  if (source.end === source.first) return undefined;
  // "CONTENT, according to the council's cabinet member for the environment, Priya Lal.": the title and its name.
  const named = atStart ? source : withAppositiveName(tokens, source, end);
  const base = { kind: 'prep' as const, source: named, cue: { first: m.first, end: m.end }, hedged: m.entry.hedged };
  if (atStart) {
    const pause = tokens[source.end]?.text;
    const content = pause === ',' || pause === ':' ? contentAfter(tokens, source.end + 1, sent) : undefined;
    return content && { ...base, content };
  }
  const midSentence = tokens[named.end]?.text === ',' && named.end + 1 < end;
  const content = midSentence
    ? charRange(tokens, scan.clause, end)
    : contentBefore(tokens, afterComma ? m.first - 1 : m.first, scan.clause, sent);
  return content && { ...base, content };
}

/** How many linking words may stand between a plural and its post-modifier's phrase ("obtained by the"). */
const POST_MODIFIER_LINK = 3;

/**
 * "according to figures from the council", "according to records", "according to court documents": right after the
 * preposition, wink tags some nouns as verbs ("figures", "records", "court"); a lower-case verb form there in -s or
 * before a noun opens the phrase, with what follows it.
 */
function pluralAfter(tokens: readonly Token[], from: number, end: number): Span | undefined {
  const t = tokens[from];
  const next = tokens[from + 1];
  const beforeNoun = next !== undefined && from + 1 < end && next.pos === 'NOUN';
  if (!t || from >= end || t.pos !== 'VERB' || !/^\p{Ll}/u.test(t.text) || !(/[^s]s$/.test(t.text) || beforeNoun)) return undefined;
  // Its post-modifier: "from the council", "obtained by the Gazette" (the phrase after trims the linking words).
  const rest = phraseAfter(tokens, from + 1, end);
  return { first: from, end: rest.end > rest.first && rest.first <= from + POST_MODIFIER_LINK ? rest.end : from + 1 };
}

/** "SOURCE is confident that CONTENT." */
function parseStance(scan: Scan, m: Match): RawAttribution | undefined {
  const { tokens } = scan;
  const group = verbGroupBefore(scan, m.first);
  const source = phraseBefore(tokens, group.first, scan.sent.first);
  if (source.end === source.first) return undefined;
  if (source.end - source.first === 1 && scan.lex.notSources.has(tokens[source.first]!.lower)) return undefined;
  const content = contentAfter(tokens, m.end, scan.sent);
  return content && { kind: 'stance', source, cue: { first: group.first, end: m.end }, content, hedged: m.entry.hedged || group.hedged };
}

/** "If SOURCE is to be believed, CONTENT." */
function parseConditional(scan: Scan, m: Match): RawAttribution | undefined {
  const { tokens } = scan;
  const source = phraseBefore(tokens, m.first, scan.sent.first);
  const lead = source.first - 1;
  if (source.end === source.first || tokens[lead]?.lower !== 'if' || tokens[m.end]?.text !== ',') return undefined;
  const content = contentAfter(tokens, m.end + 1, scan.sent);
  return content && { kind: 'conditional', lead, source, cue: { first: m.first, end: m.end }, content, hedged: true };
}

/** "SUBJECT is said to VERB ...": no source; the content is the whole clause. */
function parsePassiveSubject(scan: Scan, m: Match): RawAttribution | undefined {
  const subject = phraseBefore(scan.tokens, m.first, scan.sent.first);
  if (subject.end === subject.first) return undefined;
  const content = contentAfter(scan.tokens, scan.clause, scan.sent);
  return content && { kind: 'passive-subject', cue: { first: m.first, end: m.end }, content, hedged: m.entry.hedged };
}

/** "There have been reports of/that CONTENT": the reports are the (vague) source. */
function parseExistential(scan: Scan, m: Match): RawAttribution | undefined {
  const { tokens } = scan;
  let noun = m.end - 1;
  while (noun > m.first && tokens[noun]!.pos !== 'NOUN' && !scan.lex.vagueHeads.has(tokens[noun]!.lower)) noun--;
  const content = contentAfter(tokens, m.end, scan.sent);
  return content && { kind: 'existential', source: { first: noun, end: noun + 1 }, cue: { first: m.first, end: m.end }, content, hedged: m.entry.hedged };
}

/** "The ferry reportedly sank": no source; the content is the clause around the adverb ("It is understood that X": X). */
function parseAdverb(scan: Scan, m: Match): RawAttribution | undefined {
  // An opener that ends in "that" ("It is understood that", "We are told that") leaves the clause after it as content.
  const opener = m.first <= scan.clause && scan.tokens[m.end - 1]?.lower === 'that';
  const first = opener ? m.end : m.first <= scan.clause ? m.first : Math.max(scan.clause, clauseOpenings(scan)[m.first - scan.sent.first]!);
  const content = contentAfter(scan.tokens, first, scan.sent);
  return content && { kind: 'adverb', cue: { first: m.first, end: m.end }, content, hedged: m.entry.hedged };
}

const CLAUSE_OPENERS = new Set(['that', ',', ':', '“', '"']);
const openings = new WeakMap<Scan, Int32Array>();

/**
 * Per token of the sentence (from its first), the token after the nearest clause opener ("that", a comma, a colon, an
 * opening quote) before it, or the sentence's first token: one pass per sentence, where walking back from every adverb
 * of a long sentence without commas was quadratic.
 */
function clauseOpenings(scan: Scan): Int32Array {
  let out = openings.get(scan);
  if (!out) {
    const { tokens, sent } = scan;
    out = new Int32Array(sent.end - sent.first + 1);
    let after = sent.first;
    for (let i = sent.first; i <= sent.end; i++) {
      out[i - sent.first] = after;
      if (i < sent.end && CLAUSE_OPENERS.has(tokens[i]!.lower)) after = i + 1;
    }
    openings.set(scan, out);
  }
  return out;
}

/** Parses a cue matched on lower-case words by its kind. */
export function parsePhraseCue(scan: Scan, m: Match): RawAttribution | undefined {
  switch (m.entry.kind) {
    case 'prep':
      return parsePreposition(scan, m);
    case 'stance':
      return parseStance(scan, m);
    case 'conditional':
      return parseConditional(scan, m);
    case 'passive-subject':
      return parsePassiveSubject(scan, m);
    case 'existential':
      return parseExistential(scan, m);
    case 'adverb':
      return parseAdverb(scan, m);
    default:
      return undefined;
  }
}
