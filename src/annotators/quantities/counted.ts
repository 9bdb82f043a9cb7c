// The noun a figure counts ("20,000 former militants" → militants), and whether a noun is plural: read by the figure's
// classification (classify.ts) and by the back-reference test for counts of listed items (list-count.ts).
import type { Token } from '../../nlp/tokens.js';
import type { Lexicon } from './lexicon.js';

/**
 * The counted noun after a figure, skipping adjectives and "of such": "20,000 former militants" → militants. `many`:
 * the figure is above one, so a bare singular right after it followed by a preposition is a verb ("3,000 work in").
 */
export function readCounted(tokens: readonly Token[], at: number, to: number, lex: Lexicon, many = false): { head: Token; end: number } | undefined {
  let j = at;
  if (tokens[j]?.text === '-' && tokens[j]!.start === tokens[j - 1]?.end) j++;
  if (tokens[j]?.lower === 'of') {
    j++;
    while (j < to && j < at + 4 && lex.countedSkip.has(tokens[j]!.lower)) j++;
  }
  for (const stop = Math.min(to, j + 5); j < stop; j++) {
    const tok = tokens[j]!;
    // "900 long-haul flights": a hyphen inside a compound adjective is passed over below.
    const hyphen = tok.text === '-' && tok.start === tokens[j - 1]?.end;
    if (tok.type !== 'word' && !hyphen) return undefined;
    if (isVerbAfterFigure(tok, tokens[j + 1], lex) || (many && j === at && isBareVerb(tok, tokens[j + 1], lex))) return undefined;
    if (tok.pos === 'NOUN' || tok.pos === 'PROPN') {
      const next = tokens[j + 1];
      const compound = next?.type === 'word' && (next.pos === 'NOUN' || next.pos === 'PROPN') && !isPlural(tok, lex);
      if (j + 1 < to && compound) continue;
      return { head: tok, end: j + 1 };
    }
    // "38 two-bedroom flats": a number word glued to a hyphen and a word opens a compound adjective.
    const compoundNumber = lex.cardinals.has(tok.lower) && tokens[j + 1]?.text === '-' && tokens[j + 1]!.start === tok.end;
    // "1,204 wanted barbecues allowed": an answer's verb right after the figure is no adjective (units.json answerVerbs).
    const adjective = tok.pos === 'ADJ' || (tok.pos === 'VERB' && /ed$/.test(tok.lower) && !(j === at && lex.answerVerbs.has(tok.lower))) || compoundNumber;
    if (!adjective && !(tok.text === '-' && tok.start === tokens[j - 1]!.end)) return undefined;
  }
  return undefined;
}

const VERB_FOLLOWERS = new Set(['ADP', 'DET', 'PRON', 'ADV', 'PART', 'SCONJ']);

/** "5 billion goes to roads": a verb the tagger read as a noun, known by the word after it. */
function isVerbAfterFigure(tok: Token, next: Token | undefined, lex: Lexicon): boolean {
  return lex.notCounted.has(tok.lower) && next !== undefined && VERB_FOLLOWERS.has(next.pos);
}

/** "3,000 work in the north": an uninflected singular right after a figure above one, then a preposition, is a verb. */
function isBareVerb(tok: Token, next: Token | undefined, lex: Lexicon): boolean {
  if (tok.lower !== tok.lemma || isPlural(tok, lex) || !next || next.lower === 'of') return false;
  return VERB_FOLLOWERS.has(next.pos) && next.pos !== 'DET';
}

// Lemma alone misleads: wink lemmatises British spellings ("harbour" → "harbor"), so irregular plurals need their shape too.
const IRREGULAR_PLURAL_END = /(?:men|ren|ple|ice|eet|eeth|i|a|ae)$/;

/** A plural noun ends a compound: "1,500 people work" counts people, "600 dock workers" counts workers. */
export function isPlural(tok: Token, lex: Lexicon): boolean {
  if (lex.pluralNouns.has(tok.lower) || (tok.lower !== tok.lemma && tok.pos === 'NOUN' && IRREGULAR_PLURAL_END.test(tok.lower))) return true;
  // "census", "status", "crisis" end in s but are singular (their lemma is themselves); "menus" is not.
  return /[^s]s$/.test(tok.lower) && !(/(?:us|is)$/.test(tok.lower) && tok.lemma === tok.lower);
}
