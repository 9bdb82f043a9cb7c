// Sources under the cue and source policy (policy.json): a relative pronoun as a source stands for the phrase before
// it, a source ends before its relative clause, a cue after its subject's relative clause finds that subject, and a
// verb joined by "and" to an earlier attribution continues its source. Judging the cue itself is policy.ts.
import { isWhitespaceToken, type Token } from '../../nlp/tokens.js';
import type { Lexicon } from './lexicon.js';
import { phraseBefore, type Span } from './noun-phrase.js';
import policy from './policy.json' with { type: 'json' };
import { groupStart, headOf, isRelativePronoun, nextWord, PAUSES, POSSESSIVES, RELATIVE } from './policy-tokens.js';

const GENERIC_ANTECEDENTS = new Set(policy.relativeWords.genericAntecedents);

/**
 * The source phrase the policy accepts: a relative pronoun stands for the phrase before it ("Jane Ortiz, who said" ->
 * "Jane Ortiz"), and a source ends before a relative clause ("Critics who" -> "Critics", "The minister, who spoke on
 * condition of anonymity," -> "The minister"). A pronoun with no phrase to stand for ("most of whom") stays. Undefined when
 * nothing is left.
 */
export function sourcePhrase(tokens: readonly Token[], source: Span, floor: number, lex: Lexicon): Span | undefined {
  if (source.end - source.first === 1 && isRelativePronoun(tokens, source.first)) return antecedentOf(tokens, source.first, floor, lex) ?? source;
  let end = source.end;
  for (let i = source.first + 1; i < source.end; i++) {
    // A bracketed aside stays, as a party tag does ("Kasich (who has 25 delegates)").
    if (isRelativePronoun(tokens, i) && tokens[i - 1]!.text !== '(') {
      end = i;
      break;
    }
  }
  while (end > source.first && (PAUSES.has(tokens[end - 1]!.text) || isWhitespaceToken(tokens[end - 1]!))) end--;
  return end > source.first ? { first: source.first, end } : undefined;
}


/**
 * The phrase a relative pronoun at token `at` stands for: the noun phrase before it (past a comma), or the name after
 * its last preposition when the phrase's head names no one ("the rise of Jane Ortiz, who" -> "Jane Ortiz"; "a
 * spokesman for Acme, who" stays whole). Undefined when no phrase is there.
 */
function antecedentOf(tokens: readonly Token[], at: number, floor: number, lex: Lexicon): Span | undefined {
  const end = PAUSES.has(tokens[at - 1]?.text ?? '') ? at - 1 : at;
  if (tokens[end - 1]?.pos === 'ADP') return undefined;
  const phrase = phraseBefore(tokens, end, Math.max(floor, end - 16));
  if (phrase.end === phrase.first || tokens[phrase.first]!.pos === 'PRON') return undefined;
  let prep = phrase.end - 1;
  while (prep > phrase.first && tokens[prep]!.pos !== 'ADP') prep--;
  if (prep === phrase.first || prep + 1 >= phrase.end) return phrase;
  const head = tokens[prep - 1]!;
  const someone = /^\p{Lu}/u.test(head.text) || lex.vagueHeads.has(head.lower) || lex.anaphoricHeads.has(head.lower);
  return !someone && tokens[prep + 1]!.pos === 'PROPN' ? { first: prep + 1, end: phrase.end } : phrase;
}

/**
 * The subject of a cue whose verb group follows an appositive relative clause: "A shop employee, who asked not to be
 * named, said" -> "A shop employee". The phrase must open the sentence or follow a pause; undefined otherwise.
 */
export function subjectBeforeRelative(tokens: readonly Token[], cueFirst: number, sent: Span): Span | undefined {
  const comma = groupStart(tokens, cueFirst, sent.first) - 1;
  if (!PAUSES.has(tokens[comma]?.text ?? '')) return undefined;
  for (let r = comma - 1; r > sent.first && r >= comma - 20; r--) {
    const t = tokens[r]!;
    if (t.pos === 'PUNCT' && !PAUSES.has(t.text)) return undefined;
    if (!PAUSES.has(t.text)) continue;
    if (!RELATIVE.has(tokens[r + 1]!.lower) || tokens[r + 1]!.lower === 'that') return undefined;
    let phrase = phraseBefore(tokens, r, sent.first);
    // "Garth Bellamy, 71, who has lived ...": an age between the name and the clause; the name is the subject.
    if (phrase.end - phrase.first === 1 && tokens[phrase.first]!.pos === 'NUM' && PAUSES.has(tokens[phrase.first - 1]?.text ?? '')) phrase = phraseBefore(tokens, phrase.first - 1, sent.first);
    const opener = nextWord(tokens, sent.first, sent.end);
    const before = tokens[phrase.first - 1];
    const opens = phrase.first === opener || (before !== undefined && (before.pos === 'PUNCT' || before.pos === 'SCONJ' || before.pos === 'CCONJ'));
    return phrase.end > phrase.first && tokens[phrase.first]!.pos !== 'PRON' && opens ? phrase : undefined;
  }
  return undefined;
}

const CONTINUERS = new Set(policy.continued.words);

/**
 * The source a cue without a subject of its own continues (policy.json continued): a verb joined by "and" or "but" to an
 * earlier attribution of the same sentence ("Kestmet said ... and acknowledged", "conceded ... but insisted"), or an
 * -ing form after a comma ("she said, adding that"): the nearest earlier attribution's source in the sentence.
 */
export function continuedSource(tokens: readonly Token[], sent: Span, cue: Span, found: readonly { readonly raw: { readonly cue: Span; readonly source?: Span } }[]): Span | undefined {
  const start = groupStart(tokens, cue.first, sent.first);
  let k = start - 1;
  while (k >= sent.first && isWhitespaceToken(tokens[k]!)) k--;
  const before = tokens[k];
  if (before === undefined || k < sent.first) return undefined;
  const ing = tokens[headOf(tokens, cue)]!.lower.endsWith('ing');
  if (!CONTINUERS.has(before.lower) && !(before.text === ',' && ing)) return undefined;
  let best: Span | undefined;
  let at = -1;
  for (let i = found.length - 1; i >= 0; i--) {
    const r = found[i]!.raw;
    if (r.cue.first >= sent.end) continue;
    if (r.cue.first < sent.first) break;
    if (r.source && r.cue.end <= start && r.cue.first > at && r.source.end <= start) [best, at] = [r.source, r.cue.first];
  }
  return best;
}

/** How far a restrictive relative clause between a subject and its cue may run ("A witness who runs a bakery across the street"). */
const RESTRICTIVE_REACH = 16;

/**
 * The subject of a cue after a restrictive relative clause on it: "A witness who runs a bakery across the street was
 * quoted as saying", "Foreign journalists who visited the plant said" -> "A witness", "Foreign journalists". The subject
 * opens the sentence, "who" follows it with no comma, and the clause holds a verb and no punctuation up to the cue.
 */
export function subjectBeforeRestrictive(tokens: readonly Token[], cueFirst: number, sent: Span): Span | undefined {
  const opener = nextWord(tokens, sent.first, sent.end);
  if (opener === undefined) return undefined;
  const phrase = phraseAfterWords(tokens, opener, cueFirst);
  const who = nextWord(tokens, phrase.end, cueFirst);
  if (phrase.end === phrase.first || who === undefined || tokens[who]!.lower !== 'who' || cueFirst - who > RESTRICTIVE_REACH) return undefined;
  if (tokens[phrase.first]!.pos === 'PRON' || GENERIC_ANTECEDENTS.has(tokens[phrase.end - 1]!.lower) || tokens[phrase.end - 1]!.lower === 'those') return undefined;
  const start = groupStart(tokens, cueFirst, sent.first);
  let verb = false;
  for (let i = who + 1; i < start; i++) {
    const t = tokens[i]!;
    if (t.pos === 'PUNCT') return undefined;
    verb ||= t.pos === 'VERB';
  }
  const last = tokens[start - 1];
  return verb && last !== undefined && last.pos !== 'PRON' ? phrase : undefined;
}

/** The noun phrase from `from`: determiners, adjectives, nouns and names only, before `limit`. */
function phraseAfterWords(tokens: readonly Token[], from: number, limit: number): Span {
  let i = from;
  while (i < limit && (['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(tokens[i]!.pos) || POSSESSIVES.has(tokens[i]!.lower) || isWhitespaceToken(tokens[i]!))) i++;
  let end = i;
  while (end > from && isWhitespaceToken(tokens[end - 1]!)) end--;
  return { first: from, end };
}
