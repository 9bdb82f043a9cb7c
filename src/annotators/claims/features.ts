import type { EntityAnnotation, QuantityAnnotation } from '../../core/annotations.js';
import type { Token } from '../../nlp/tokens.js';
import type { CueClass } from './cues.js';
import { checkworthyCeiling, checkworthyFloor, scheduledFuture } from './floor.js';
import floors from './floors.json' with { type: 'json' };

/** Feature ids, as named in weights.json. */
export type FeatureId =
  | 'statistic'
  | 'year'
  | 'entity'
  | 'pastEvent'
  | 'attribution'
  | 'carried'
  | 'comparative'
  | 'causal'
  | 'assertive'
  | 'prediction'
  | 'person'
  | 'modal'
  | 'evaluative'
  | 'discourse'
  | 'question';

/** What one sentence shows: feature counts plus the facts that decide whether it is a claim at all. */
export interface SentenceFeatures {
  readonly counts: Partial<Record<FeatureId, number>>;
  /** Verbs and auxiliaries, not counting a dateline word such as "Published". */
  readonly verbs: number;
  readonly words: number;
  /** Starts like a byline or date line ("By ...", "Published ..."); its first word is not counted as a verb. */
  readonly dateline: boolean;
  /** Holds a quotation in quotation marks. */
  readonly hasQuote: boolean;
  /** The least check-worthiness the sentence gets, from floors.json (0 when no floor applies). */
  readonly floor: number;
  /** The most check-worthiness the sentence gets, from the ceilings of floors.json (1 when none applies). */
  readonly ceiling: number;
  /** Announces a scheduled event ("will open three clinics from Monday"): a plan, whatever figures it holds. */
  readonly scheduled: boolean;
}

/** Everything found inside one sentence. */
export interface SentenceParts {
  readonly tokens: readonly Token[];
  readonly cues: readonly { readonly cueClass: CueClass; readonly first: number }[];
  readonly entities: readonly EntityAnnotation[];
  readonly quantities: readonly QuantityAnnotation[];
  readonly statisticKinds: ReadonlySet<string>;
}

const CUE_FEATURES: readonly CueClass[] = ['prediction', 'causal', 'modal', 'person', 'evaluative', 'discourse', 'assertive', 'comparative'];
const QUOTE_MARKS = new Set(['"', '“', '”', '«', '»']);

/** Computes the features of one sentence from its tokens, cues and annotations. */
export function sentenceFeatures(parts: SentenceParts): SentenceFeatures {
  const { tokens, cues } = parts;
  const counts: Partial<Record<FeatureId, number>> = {};
  const add = (id: FeatureId, n = 1) => {
    if (n > 0) counts[id] = (counts[id] ?? 0) + n;
  };
  const statistics = parts.quantities.filter((q) => parts.statisticKinds.has(q.quantityKind));
  add('statistic', statistics.length);
  add('year', parts.quantities.filter((q) => q.quantityKind === 'year' || q.quantityKind === 'year-span').length);
  add('entity', new Set(parts.entities.map((e) => e.norm)).size);
  for (const cue of cues) {
    if (isMonthNotModal(cue, tokens)) continue;
    if (CUE_FEATURES.includes(cue.cueClass)) add(cue.cueClass as FeatureId);
    // Framing a statement as settled fact ('it is no accident that') weighs as the other assertive framings do.
    else if (cue.cueClass === 'settled') add('assertive');
  }
  if (tokens.some(isPastVerb)) add('pastEvent');
  if (tokens.some((tok, i) => isSuperlative(tok, tokens[i - 1]))) add('comparative');
  if (isQuestion(tokens)) add('question');
  const first = tokens[0]?.index ?? -1;
  const opening = tokens[0]?.index ?? -1;
  const openingClasses = new Set(cues.filter((cue) => cue.first === opening).map((cue) => cue.cueClass));
  const floorParts = { statistics, quantities: parts.quantities, cueClasses: new Set(cues.map((cue) => cue.cueClass)), openingClasses, tokens, past: tokens.some(isFinitePast), perfect: tokens.some(isPerfect) };
  const dateline = cues.some((cue) => cue.cueClass === 'dateline' && cue.first === first);
  return {
    counts,
    verbs: tokens.filter((tok, i) => (tok.pos === 'VERB' || tok.pos === 'AUX') && !(dateline && i === 0)).length,
    words: tokens.filter((tok) => tok.pos !== 'PUNCT' && tok.pos !== 'SYM').length,
    dateline,
    hasQuote: tokens.some((tok) => QUOTE_MARKS.has(tok.text)),
    floor: checkworthyFloor(floorParts),
    ceiling: checkworthyCeiling(floorParts),
    scheduled: scheduledFuture(floorParts),
  };
}

/** A verb inflected away from its lemma and not a present form: "formed", "lost", "was revealed". */
function isPastVerb(tok: Token): boolean {
  if (tok.pos !== 'VERB') return false;
  return tok.lower !== tok.lemma && !/(?:ing|s)$/.test(tok.lower);
}

/**
 * The modal cue "may" matched on the month ("had passed an inspection in May"): capitalised inside the sentence, it
 * is the month, which says nothing about possibility.
 */
function isMonthNotModal(cue: { readonly cueClass: CueClass; readonly first: number }, tokens: readonly Token[]): boolean {
  if (cue.cueClass !== 'modal') return false;
  const first = tokens[0]?.index ?? 0;
  const tok = tokens[cue.first - first];
  return tok !== undefined && cue.first !== first && tok.text === 'May';
}

/** "has gone", "have never been reinforced": a form of "have" as auxiliary with a participle within three words. */
function isPerfect(tok: Token, i: number, tokens: readonly Token[]): boolean {
  if (tok.pos !== 'AUX' || tok.lemma !== 'have') return false;
  for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) if (tokens[k]!.pos === 'VERB' && isPastVerb(tokens[k]!)) return true;
  return false;
}

/** Verbs whose past is their base form (floors.json, invariantPast). */
const INVARIANT_PAST = new Set(floors.invariantPast.words);

/** "The post office shut", "The storm hit": a base form of INVARIANT_PAST right after a singular noun subject is the past. */
function isInvariantPast(tok: Token, prev: Token): boolean {
  return tok.pos === 'VERB' && INVARIANT_PAST.has(tok.lower) && (prev.pos === 'NOUN' || prev.pos === 'PROPN') && prev.lower === prev.lemma && !prev.lower.endsWith('s');
}

/** Past auxiliaries: "was closed", "had left", "did not open". */
const PAST_AUX = new Set(['was', 'were', 'had', 'did']);

/**
 * A verb that makes the sentence tell of the past: a past auxiliary, or a past form that no auxiliary governs and that
 * does not open the sentence ("Polling stations closed at 10pm"; not "is needed", not "Guided walks leave at 10am").
 */
function isFinitePast(tok: Token, i: number, tokens: readonly Token[]): boolean {
  if (tok.pos === 'AUX') return PAST_AUX.has(tok.lower);
  if (i === 0) return false;
  const prev = tokens[i - 1]!;
  if (isInvariantPast(tok, prev)) return true;
  if (!isPastVerb(tok)) return false;
  // "short-lived", "long-awaited": a participle inside a hyphenated adjective tells of no event.
  if (prev.text === '-' && prev.end === tok.start) return false;
  return prev.pos !== 'AUX' && prev.pos !== 'PART';
}

/** "the largest", "most numerous": an -est adjective or most/least before an adjective. */
function isSuperlative(tok: Token, prev: Token | undefined): boolean {
  if (tok.pos !== 'ADJ') return false;
  if (prev && (prev.lower === 'most' || prev.lower === 'least')) return true;
  return tok.lower.endsWith('est') && tok.lemma !== tok.lower;
}

/** Ends with a question mark (closing quotes and brackets aside). */
function isQuestion(tokens: readonly Token[]): boolean {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!.text;
    if (QUOTE_MARKS.has(t) || t === ')' || t === '’') continue;
    return t === '?' || t.endsWith('?');
  }
  return false;
}
