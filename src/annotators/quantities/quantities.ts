import type { Finding, QuantityAnnotation } from '../../core/annotations.js';
import type { Range } from '../../core/range.js';
import { ClaimtraceError } from '../../core/errors.js';
import { idMaker } from '../../core/ids.js';
import { provenance, type Stage } from '../../core/pipeline.js';
import { textAnalysisOf, tokenSpan, type Token } from '../../nlp/tokens.js';
import { classifyFigure, FRONTING, type Draft } from './classify.js';
import { readFigure } from './figure.js';
import { buildLexicon, type Lexicon } from './lexicon.js';
import { scaleAt } from './numerals.js';

/** Options of the quantity annotator. */
export interface QuantityOptions {
  /** Relative half-width of an approximate figure's interval ("some 20,000" → 18,000..22,000); default from cues.json (0.1). */
  readonly approxTolerance?: number;
}

/**
 * Finds every figure with its bounds: numerals, number words, scale phrases ("tens of thousands"), percentages,
 * money, years and spans, durations and ordinals. Dates, clock times and phone numbers are skipped.
 * Bounds: exact (low = high = value); approx (value ± tolerance, or the interval a vague phrase implies, value = its low end);
 * at-least (low = value); at-most (low = 0, high = value); range (low, high = the ends as written, value = low, so a
 * "between 50 and 20" keeps low > high for the numeric check to flag).
 */
export function createQuantityAnnotator(options: QuantityOptions = {}): Stage {
  const tolerance = options.approxTolerance;
  if (tolerance !== undefined && !(tolerance >= 0 && tolerance < 1)) {
    throw new ClaimtraceError('E_OPTION_INVALID', { option: 'approxTolerance', reason: 'must be at least 0 and below 1' });
  }
  const lex = buildLexicon(options);
  const stage: Stage = {
    name: 'quantities',
    version: 1,
    requires: ['sentence'],
    assigns: ['quantity'],
    run(doc, ctx) {
      const { tokens } = textAnalysisOf(doc.text, ctx.cache);
      const nextId = idMaker('quantity');
      const source = provenance(stage);
      const annotations: QuantityAnnotation[] = [];
      const findings: Finding[] = [];
      const names = new Set<number>();
      for (const sentence of doc.all('sentence')) {
        const { first, end } = tokenSpan(tokens, sentence);
        for (const found of findDrafts(tokens, first, end, lex)) {
          const draft = namedBefore(found, tokens, names);
          if (draft.kind === 'ordinal' && draft.unit === 'name') names.add(draft.value);
          if (computable(draft)) annotations.push(toAnnotation(draft, tokens, nextId(), source, lex));
          else addTooLarge(findings, doc.text, { start: tokens[draft.first]!.start, end: tokens[draft.end - 1]!.end });
        }
      }
      return { annotations, findings };
    },
  };
  return stage;
}

/**
 * "the 5, the 12 and the 31 ... the 12 carries 830": a bare "the 12" after "the 12" was read as an item's name (a bus, a
 * train) earlier in the text names that item again, whatever follows it; "Of the 1,200, ..." still names a whole.
 */
function namedBefore(draft: Draft, tokens: readonly Token[], names: ReadonlySet<number>): Draft {
  if (draft.kind !== 'count' || draft.unit !== undefined || draft.bound !== 'exact' || draft.end - draft.first !== 1 || !names.has(draft.value)) return draft;
  if (tokens[draft.first - 1]?.lower !== 'the' || FRONTING.has(tokens[draft.first - 2]?.lower ?? '')) return draft;
  return { ...draft, kind: 'ordinal', unit: 'name' };
}

/**
 * Beyond 2^53 a JavaScript number no longer holds every whole number, and 400 digits do not fit in one at all
 * (Infinity, which JSON writes as null): such a figure cannot be repeated or added up faithfully.
 */
const LARGEST_FIGURE = Number.MAX_SAFE_INTEGER;

function computable(draft: Draft): boolean {
  return [draft.value, draft.low ?? 0, draft.high ?? 0].every((x) => Number.isFinite(x) && Math.abs(x) <= LARGEST_FIGURE);
}

/**
 * `figure-too-large`: the figure is left out of the quantities (and so of every figure check) and said so where it
 * stands; one finding for a run of digits the tokenizer cut into pieces that touch.
 */
function addTooLarge(findings: Finding[], text: string, range: Range): void {
  const last = findings.at(-1);
  const start = last?.end === range.start ? last.start : range.start;
  if (start !== range.start) findings.pop();
  const end = range.end;
  const shown = end - start > 40 ? `${text.slice(start, start + 20)}…` : text.slice(start, end);
  const message = `"${shown}" is too large to compute with (over ${LARGEST_FIGURE.toLocaleString('en-US')}); it is left out of the figure checks.`;
  findings.push({ rule: 'figure-too-large', severity: 'info', message, start, end, annotationIds: [] });
}

/** Reads figures left to right in tokens `[from, to)`; a cue never reaches back into the previous figure. */
export function findDrafts(tokens: readonly Token[], from: number, to: number, lex: Lexicon): Draft[] {
  const out: Draft[] = [];
  let floor = from;
  for (let i = from; i < to; ) {
    const fig = readFigure(tokens, i, floor, to, lex);
    if (!fig) {
      i++;
      continue;
    }
    const draft = 'skip' in fig ? fig : classifyFigure(tokens, fig, to, lex);
    if (!('skip' in draft)) out.push(withInheritedUnit(draft, out.at(-1), tokens));
    i = floor = Math.max(draft.end, i + 1);
    // "38 two-bedroom flats": a number word glued to a hyphen right after a count is a word of its noun, no figure.
    if (!('skip' in draft) && compoundAt(tokens, i, lex)) i = floor = i + 3;
  }
  return countLabelledLists(out, tokens);
}

/** A name right before a figure that labelled it ("North 210"): the draft's unit is that name as written. */
const isNameLabelled = (d: Draft, tokens: readonly Token[]) => d.kind === 'ordinal' && d.unit !== undefined && tokens[d.first - 1]?.text === d.unit && /^\p{Lu}/u.test(d.unit);

/** Signs after which names each followed by a figure are a list of counts (a colon, an opening bracket). */
const LIST_OPENERS: ReadonlySet<string> = new Set([':', '(']);

/** How many tokens a list of named figures may put between two of them (", the Patriotic Union"). */
const NAMED_REACH = 4;

/**
 * "broken down by region: North 210, South 190 and West 140": after a colon or a bracket, names each followed by a figure and joined
 * by commas or "and" are a list of counts, not labels such as "Route 9". The run needs two figures at least.
 */
function countLabelledLists(drafts: Draft[], tokens: readonly Token[]): Draft[] {
  for (let i = 0; i < drafts.length; i++) {
    // "In Arnby 70 were lost, in Colt 45 and in Wenlow 20": a figure after "in" or "at" and a place's name is counted
    // there, when a verb follows it or it goes on a list of counts just before.
    if (isNameLabelled(drafts[i]!, tokens) && placedCount(drafts, i, tokens)) {
      const { unit: _label, ...rest } = drafts[i]!;
      drafts[i] = { ...rest, kind: 'count' };
      continue;
    }
    // "the Front holds 212, the Agrarian Party 51, the Patriotic Union 27 and ...": names given figures after a count, in
    // its list (a comma or "and" right after the count or its noun, the article and name between), are counted too.
    const prev = drafts[i - 1];
    // "Northgate has recorded 92 of the cases and Riverside 67": the count's "of the <noun>" may stand before the joiner.
    // "Northfield reported 71 new cases, Southgate 58 and Easton 44": the count's noun may take words that qualify it.
    const joinFrom = prev === undefined ? 0 : qualifiersAfter(tokens, prev.end + ofWholeAfter(tokens, prev.end));
    // "Europe took 164 tonnes, North America 131": so are they after a measure, which the check then carries to them.
    const afterCount = prev !== undefined && (prev.kind === 'count' || (prev.kind === 'other' && prev.unit !== undefined)) && drafts[i]!.first - joinFrom <= NAMED_REACH + 1 && tokens.slice(joinFrom, joinFrom + 2).some((t) => LIST_JOINERS.has(t.lower));
    // "grounded 312 flights (Skyjet 180, Nordair 95, others 52)": a bracket opens such a list as a colon does.
    if (!isNameLabelled(drafts[i]!, tokens) || (!LIST_OPENERS.has(tokens[drafts[i]!.first - 2]?.text ?? '') && !afterCount)) continue;
    let j = i + 1;
    while (j < drafts.length && (isNameLabelled(drafts[j]!, tokens) || (drafts[j]!.kind === 'count' && drafts[j]!.unit === undefined)) && drafts[j]!.first - drafts[j - 1]!.end <= NAMED_REACH && LIST_JOINERS.has(tokens[drafts[j - 1]!.end]?.lower ?? '')) j++;
    if (j - i < (afterCount ? 1 : 2)) continue;
    for (let k = i; k < j; k++) {
      const { unit: _label, ...rest } = drafts[k]!;
      drafts[k] = { ...rest, kind: 'count' };
    }
    i = j - 1;
  }
  return drafts;
}

/** How many words may qualify a count's noun before it ("71 new cases", "40 fully electric buses"). */
const QUALIFIER_REACH = 2;

/** The token after the words that qualify the noun starting at `at` (adjectives right before a noun), else `at`. */
function qualifiersAfter(tokens: readonly Token[], at: number): number {
  let k = at;
  while (k < at + QUALIFIER_REACH && tokens[k]?.type === 'word' && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'ADV')) k++;
  return k > at && tokens[k]?.pos === 'NOUN' ? k : at;
}

const PLACE_PREPOSITIONS = new Set(['in', 'at']);
const SUBJECT_VERBS = new Set(['VERB', 'AUX']);
/** How far back the count a placed figure goes on from may stand ("70 were lost, in Colt 45"). */
const PLACED_REACH = 8;

/** The draft at `i` follows "in"/"at" and a name, and a verb follows it or a count shortly before it is joined to it. */
function placedCount(drafts: readonly Draft[], i: number, tokens: readonly Token[]): boolean {
  const d = drafts[i]!;
  let k = d.first - 1;
  while (k > d.first - 3 && /^\p{Lu}/u.test(tokens[k - 1]?.text ?? '') && tokens[k - 1]!.type === 'word' && !PLACE_PREPOSITIONS.has(tokens[k - 1]!.lower)) k--;
  if (!PLACE_PREPOSITIONS.has(tokens[k - 1]?.lower ?? '') || d.end - d.first !== 1) return false;
  if (SUBJECT_VERBS.has(tokens[d.end]?.pos ?? '') && tokens[d.end]!.type === 'word') return true;
  const prev = drafts[i - 1];
  if (!prev || prev.kind !== 'count' || d.first - prev.end > PLACED_REACH) return false;
  const between = tokens.slice(prev.end, d.first);
  return between.some((t) => t.text === ',' || t.lower === 'and') && !between.some((t) => t.text === '.' || t.text === ';' || t.text === ':');
}

const AGE_JOINERS = new Set(['and', 'or', ',', 'to']);
/** Verbs right after a number that make it the subject of its own clause ("17 are teenagers"), not one more age. */
const CLAUSE_VERBS = new Set(['are', 'were', 'is', 'was', 'have', 'had']);
/** The oldest age a bare number joined to an age is read as. */
const MAX_AGE = 120;
const LIST_JOINERS = new Set(['and', ',', ';', 'while', 'whereas']);

/** Determiners of the whole a count is said to be part of ("92 of the cases", "40 of them"). */
const OF_WHOLE = new Set(['the', 'them', 'those', 'these', 'its', 'their']);

/** How many tokens of "of the <noun>" (at most three words) stand at token `at`, or 0. */
function ofWholeAfter(tokens: readonly Token[], at: number): number {
  if (tokens[at]?.lower !== 'of' || !OF_WHOLE.has(tokens[at + 1]?.lower ?? '')) return 0;
  if (tokens[at + 1]!.lower === 'them' || tokens[at + 1]!.lower === 'those') return 2;
  return tokens[at + 2]?.pos === 'NOUN' ? 3 : 0;
}
/** "120 of them", "40 of those": the pronouns of a partitive that refers back to a whole and ends the figure's phrase. */
const PARTITIVE_PRONOUNS = new Set(['them', 'those', 'these', 'which', 'whom']);

/** "52 were under 25", "52 were aged under 25": an age whose clause opens with a count and its copula. */
function saidOfCount(tokens: readonly Token[], first: number): boolean {
  const aged = tokens[first - 1]?.lower === 'aged' ? 1 : 0;
  return CLAUSE_VERBS.has(tokens[first - 1 - aged]?.lower ?? '') && tokens[first - 2 - aged]?.type === 'number';
}

/**
 * "400 containers on top of up to 700 empty ones": a pronoun head counts what the figure before it counted. "aged 45
 * and 50": a bare number joined to an age is an age too. "hold 223 and Republicans 222": a name and a number after a
 * count continue its list.
 */
function withInheritedUnit(draft: Draft, previous: Draft | undefined, tokens: readonly Token[]): Draft {
  // "aged between 60 and 74 and 31,000 are younger": a figure too large for an age is no age.
  // "41 are children under 10, 17 are teenagers": after a comma, a number that its own verb follows opens a clause.
  // "52 were under 25 and 41 were older": after an age said of a count by its copula, a number its own verb follows
  // opens a parallel clause after "and" too ("two men aged 45 and 50 were arrested" is one age after another).
  const ownVerb = CLAUSE_VERBS.has(tokens[draft.end]?.lower ?? '');
  const opensClause = ownVerb && (tokens[previous?.end ?? 0]?.text === ',' || (previous !== undefined && saidOfCount(tokens, previous.first)));
  if (previous?.kind === 'duration' && previous.unit === 'years' && draft.kind === 'count' && draft.unit === undefined && previous.end === draft.first - 1 && AGE_JOINERS.has(tokens[previous.end]!.lower) && draft.value <= MAX_AGE && !opensClause) {
    return { ...draft, kind: 'duration', unit: previous.unit };
  }
  // "Democrats hold 223 and Republicans 222": a name before a number continues a list of counts; it labels nothing.
  const name = tokens[draft.first - 1];
  if (draft.kind === 'ordinal' && previous?.kind === 'count' && previous.unit === undefined && name?.text === draft.unit && continuesList(tokens, previous.end, draft.first)) {
    const { unit: _label, ...rest } = draft;
    return { ...rest, kind: 'count' };
  }
  if (draft.unit !== 'ones' || previous?.kind !== draft.kind || !previous.unit) return draft;
  return { ...draft, unit: previous.unit };
}

/** Words of a name before a figure ("and East Lothian 30"), at most this many. */
const MAX_NAME_WORDS = 3;

/**
 * True when a name before the figure at `first` follows a list joiner that follows the figure before (ending at
 * `previousEnd`) closely: "223 and Republicans 222", "120 of them, Barnet 70" (a partitive "of them" is no gap),
 * "..., and East Lothian 30" (a name of several capitalised words).
 */
function continuesList(tokens: readonly Token[], previousEnd: number, first: number): boolean {
  let k = first - 2;
  while (k > previousEnd && first - 1 - k < MAX_NAME_WORDS && /^\p{Lu}/u.test(tokens[k]!.text)) k--;
  if (!LIST_JOINERS.has(tokens[k]?.lower ?? '')) return false;
  const partitive = tokens[previousEnd]?.lower === 'of' && PARTITIVE_PRONOUNS.has(tokens[previousEnd + 1]?.lower ?? '') ? 2 : 0;
  return k - previousEnd - partitive <= 1;
}

function toAnnotation(draft: Draft, tokens: readonly Token[], id: string, source: string, lex: Lexicon): QuantityAnnotation {
  const { first, end, kind, ...rest } = draft;
  // "£53m.": the sentence's period kept on a scale word is not part of the figure.
  const last = tokens[end - 1]!;
  // So is it on a percent's short form ("11 pct.").
  const dot = last.text.endsWith('.') && ((!lex.suffixScales.has(last.lower) && scaleAt(last, lex) !== undefined) || (kind === 'percent' && last.type === 'word' && last.text.length > 1)) ? 1 : 0;
  return { kind: 'quantity', id, source, start: tokens[first]!.start, end: last.end - dot, quantityKind: kind, ...rest };
}

/** True when tokens `k`..`k + 2` are a number word, a hyphen and a word, written together ("two-bedroom"). */
function compoundAt(tokens: readonly Token[], k: number, lex: Lexicon): boolean {
  const [num, hyphen, word] = [tokens[k], tokens[k + 1], tokens[k + 2]];
  return num !== undefined && hyphen?.text === '-' && word?.type === 'word' && lex.cardinals.has(num.lower) && hyphen.start === num.end && word.start === hyphen.end && !lex.cardinals.has(word.lower);
}
