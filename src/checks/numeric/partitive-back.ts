// Wholes named again after their figure: "Police seized 4,160 bottles ... found that 4,610 of the bottles carried fake
// labels" (a figure said to be "of the" things an earlier figure counted, however far back), "318 staff. Of them, 381 ...",
// "640 vehicles ... The stranded vehicles included 710 lorries". Each is a part within that figure.
import { tokenAt } from '../../nlp/tokens.js';
import { stated, type Located } from './context.js';
import { isBaseline, isGoal, isRate, isSuperseded } from './part-words.js';
import type { Candidate, PartitionInput } from './partition-input.js';
import { normUnit, sameThings } from './units.js';
import { NAMING_DETERMINERS, unitsNamed } from './next-sentence.js';

/** How many paragraphs and sentences back the whole of "N of the things" may stand (the check stays linear). */
const PARAGRAPHS_BACK = 4;
const SENTENCES_BACK = 30;

/**
 * A figure of sentence `s` followed by "of the" and a noun that earlier figures counted (or a word for the same things,
 * nouns.json sameThings: "214 assaults ... 229 of the attacks") (in the last few paragraphs, no
 * baseline, goal, rate or revised figure): the largest of them holds it. Only a part larger than that whole is
 * returned, as a candidate of one part; the whole is otherwise left to the other readings.
 */
export function partitiveBack(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  const { tokens } = input;
  for (const part of group) {
    const k = tokenAt(tokens, part.q.end);
    if (part.q.quantityKind !== 'count' || tokens[k]?.lower !== 'of' || tokens[k + 1]?.lower !== 'the' || tokens[k + 2]?.pos !== 'NOUN') continue;
    // "4,610 of the bottles carried ...": the noun ends the phrase ("of the bottle caps" names other things).
    if (tokens[k + 3]?.pos === 'NOUN') continue;
    const noun = normUnit(tokens[k + 2]!.text);
    const whole = largestCounted(input, noun, part);
    if (whole && part.q.value > stated(whole.q).high) return { total: whole, parts: [part], role: 'subset', rest: false };
  }
  return undefined;
}

/**
 * The largest figure before `part` counted in `noun`, at most PARAGRAPHS_BACK paragraphs back, that may be a whole: "the
 * ponds" may be all the ponds of the story or a part named last ("3 of the 40 ponds"), so a part is judged only against
 * the largest.
 */
function largestCounted(input: PartitionInput, noun: string, part: Located): Located | undefined {
  const { tokens } = input;
  let best: Located | undefined;
  for (let n = part.sentence - 1; n >= Math.max(0, part.sentence - SENTENCES_BACK); n--) {
    const figures = input.bySentence[n];
    if (!figures || figures.length === 0) continue;
    if (part.paragraph - figures[0]!.paragraph > PARAGRAPHS_BACK) break;
    for (const l of figures) {
      if (l.q.quantityKind !== 'count' || l.q.unit === undefined || !(normUnit(l.q.unit) === noun || sameThings(normUnit(l.q.unit), noun))) continue;
      if (isBaseline(tokens, l.q) || isGoal(tokens, l.q) || isRate(tokens, l.q) || isSuperseded(tokens, l.q)) continue;
      if (!best || stated(l.q).high > stated(best.q).high) best = l;
    }
  }
  return best;
}

/** How many words before a whole the verb of its participle may stand ("admitted stealing 420 litres"). */
const ACT_REACH = 3;

/**
 * "Police seized 1,240 tonnes of sand ... 1,420 tonnes of the seized sand had been stockpiled at one yard", "admitted
 * stealing 420 litres of fuel ... found 460 litres of the stolen diesel": a measure said to be "of the" things a
 * participle names, and an earlier measure in the same unit that is the object of that verb (its lemma, a word or
 * three before it), in the last few paragraphs: the earlier one is all the things so acted on, so it holds the later.
 * Only a part larger than that whole is returned, as a candidate of one part.
 */
export function participleBack(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  const { tokens } = input;
  for (const part of group) {
    const k = tokenAt(tokens, part.q.end);
    const participle = tokens[k + 2];
    if (part.q.quantityKind === 'count' || part.q.unit === undefined || tokens[k]?.lower !== 'of' || tokens[k + 1]?.lower !== 'the') continue;
    if (participle === undefined || participle.pos !== 'VERB' || !/(?:ed|en)$/.test(participle.lower) || tokens[k + 3]?.pos !== 'NOUN') continue;
    const unit = normUnit(part.q.unit);
    const whole = actedOnBefore(input, part, unit, participle.lemma);
    if (whole && part.q.value > stated(whole.q).high) return { total: whole, parts: [part], role: 'subset', rest: false };
  }
  return undefined;
}

/** The last measure before `part` in `unit`, at most PARAGRAPHS_BACK paragraphs back, that a verb of `lemma` acts on. */
function actedOnBefore(input: PartitionInput, part: Located, unit: string, lemma: string): Located | undefined {
  const { tokens } = input;
  for (let n = part.sentence; n >= Math.max(0, part.sentence - SENTENCES_BACK); n--) {
    const figures = input.bySentence[n];
    if (!figures || figures.length === 0) continue;
    if (part.paragraph - figures[0]!.paragraph > PARAGRAPHS_BACK) break;
    for (let i = figures.length - 1; i >= 0; i--) {
      const l = figures[i]!;
      if (l.q.start >= part.q.start || l.q.unit === undefined || normUnit(l.q.unit) !== unit) continue;
      const first = tokenAt(tokens, l.q.start);
      for (let k = first - 1; k >= Math.max(0, first - ACT_REACH); k--) if (tokens[k]!.pos === 'VERB' && tokens[k]!.lemma === lemma) return l;
    }
  }
  return undefined;
}

const PRONOUN_WHOLES = new Set(['them', 'those', 'these']);

/**
 * "The claim was brought by 318 current and former staff. Of them, 381 are women": a sentence that opens "Of them," (or
 * those, these) right before a figure names the last count of the sentence before, in its paragraph, as that figure's
 * whole; returned only when the part is larger (a list of several parts is read by the next-sentence rules).
 */
export function ofThemNext(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  const { tokens } = input;
  const next = input.bySentence[s + 1];
  if (!next || next.length === 0 || s + 1 >= input.doc.all('sentence').length) return undefined;
  const [from] = input.sentenceTokens(s + 1);
  if (tokens[from]?.lower !== 'of' || !PRONOUN_WHOLES.has(tokens[from + 1]?.lower ?? '') || tokens[from + 2]?.text !== ',') return undefined;
  const part = next[0]!;
  if (tokenAt(tokens, part.q.start) !== from + 3 || part.q.quantityKind !== 'count') return undefined;
  const whole = group.findLast((l) => l.q.quantityKind === 'count' && l.paragraph === part.paragraph && !isBaseline(tokens, l.q) && !isGoal(tokens, l.q) && !isRate(tokens, l.q));
  return whole && part.q.value > stated(whole.q).high ? { total: whole, parts: [part], role: 'subset', rest: false } : undefined;
}

/** Verbs by which a definite whole says it holds a part ("The stranded vehicles included 710 lorries"). */
const INCLUDING = new Set(['included', 'include', 'includes', 'including']);
/** How many sentences after a total a whole named again may say what it included; how many words its name may have. */
const INCLUDED_SENTENCES = 2;
const INCLUDED_WORDS = 4;
/** What may join the figures a whole included: their nouns (up to three words) and "and" or a comma. */
const INCLUDED_JOINT = /^\s*(?:[\p{L}-]+\s+){0,2}[\p{L}-]*\s*(?:,\s*(?:and\s+)?|and\s+)$/u;

/**
 * "Rescue teams worked to free some 640 vehicles ... The stranded vehicles included 710 lorries": a sentence of the
 * next two (in the total's paragraph or the next) that opens by naming a figure's noun again, with a definite
 * determiner, and says it included a figure, names a part within that figure (a finding only when the part is larger).
 */
export function includedBack(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  const sentences = input.doc.all('sentence').length;
  for (let n = s + 1; n <= Math.min(s + INCLUDED_SENTENCES, sentences - 1); n++) {
    const [from, to] = input.sentenceTokens(n);
    const word = (k: number) => input.tokens[from + k];
    if (!NAMING_DETERMINERS.has(word(0)?.lower ?? '')) continue;
    let k = 1;
    while (k <= INCLUDED_WORDS && from + k < to && word(k)!.type === 'word' && !INCLUDING.has(word(k)!.lower)) k++;
    if (k < 2 || !INCLUDING.has(word(k)?.lower ?? '')) continue;
    const named = unitsNamed(input, group, normUnit(word(k - 1)!.text));
    const figures = input.bySentence[n] ?? [];
    const first = figures.findIndex((l) => l.q.quantityKind === 'count' && tokenAt(input.tokens, l.q.start) <= from + k + 2);
    if (named.length !== 1 || first < 0 || figures[first]!.paragraph - named[0]!.paragraph > 1) continue;
    // "The dead included 15 inmates and 11 guards, ... adding that 41 ...": the figures joined to the first by "and" or a comma.
    let last = first;
    while (figures[last + 1] && INCLUDED_JOINT.test(input.doc.text.slice(figures[last]!.q.end, figures[last + 1]!.q.start))) last++;
    return { total: named[0]!, parts: figures.slice(first, last + 1), role: 'subset', rest: false };
  }
  return undefined;
}
