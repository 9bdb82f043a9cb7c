import { governedGroup } from './groups.js';
import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import type { Located } from './context.js';
import nouns from './nouns.json' with { type: 'json' };
import personNouns from './person-nouns.json' with { type: 'json' };
import { writtenScale } from './scales.js';

const IRREGULAR = new Map(Object.entries(nouns.irregular.map));
const GENERAL = new Set(nouns.general.words);
/** Counts of units or items, parts of any count (nouns.json anyItems). */
const ANY_ITEMS = new Set(nouns.anyItems.words);
/** Nouns one story uses for the same things, by group (nouns.json sameThings). */
const KINDS_OF = new Map(Object.entries(nouns.kindsOf.wholes).map(([whole, kinds]) => [whole, new Set(kinds)] as const));
const SAME_THINGS = new Map(nouns.sameThings.groups.flatMap((group, i) => group.map((word) => [word, i] as const)));
const PERSONS = new Set([...nouns.persons.words, ...nouns.personEvents.words]);
const SUFFIXES = nouns.personSuffixes.words;
const NOT_PERSONS = new Set(nouns.notPersons.words);
/** Nouns whose first WordNet sense is a person (person-nouns.json, distilled by scripts/distil-person-nouns.ts). */
const WORDNET_PERSONS: ReadonlySet<string> = new Set(personNouns.words);
const CROSS_CUTTING = new Set(nouns.crossCutting.words);
const TIME_UNITS = new Set(nouns.timeUnits.words);
const PRO_FORMS = new Set(nouns.proForms.words);

/** A counted noun in singular lower case, so "Militants" and "militant" compare equal. */
export function normUnit(unit: string): string {
  const lower = unit.toLowerCase();
  const irregular = IRREGULAR.get(lower);
  if (irregular) return irregular;
  if (/ies$/.test(lower) && lower.length > 4) return lower.slice(0, -3) + 'y';
  if (/(?:ss|us|is)$/.test(lower)) return lower;
  // "pitches", "boxes", "bushes", "glasses": the -es of a word that ends in a hiss.
  if (/(?:ch|sh|x|ss|zz)es$/.test(lower)) return lower.slice(0, -2);
  return lower.endsWith('s') ? lower.slice(0, -1) : lower;
}

/** True when a total counted in `totalUnit` may sum parts counted in `partUnit` (both normalised). */
export function canSum(totalUnit: string, partUnit: string): boolean {
  if (totalUnit === partUnit) return true;
  return GENERAL.has(totalUnit) && (GENERAL.has(partUnit) || isPersonNoun(partUnit));
}

/** True when a counted noun (normalised) counts persons: "people", "nurses", "detainees". */
export function countsPersons(unit: string): boolean {
  return GENERAL.has(unit) || isPersonNoun(unit);
}

/** True when a counted noun (normalised) is listed as one for persons ("people", "nurses"), not guessed from its ending. */
export function namesPersons(unit: string): boolean {
  return GENERAL.has(unit) || PERSONS.has(unit);
}

function isPersonNoun(unit: string): boolean {
  if (PERSONS.has(unit)) return true;
  return !NOT_PERSONS.has(unit) && SUFFIXES.some((suffix) => unit.length > suffix.length + 2 && unit.endsWith(suffix));
}

/** The largest figure read as a count of the items of a list after a colon ("three waves: ..."). */
const MAX_LIST_COUNT = 12;

/** What each amount counts, by quantity id: a normalised counted noun, or "money <currency>"; carried to bare figures. */
export type UnitKeys = ReadonlyMap<string, string>;

/** An amount that can be a total or a part: a count, a sum of money or a measure ("48 million tonnes"), not a range. */
export function isAmount(q: QuantityAnnotation): boolean {
  if (q.bound === 'range') return false;
  return q.quantityKind === 'count' || q.quantityKind === 'money' || (q.quantityKind === 'other' && q.unit !== undefined && q.unit !== 'fraction') || tallied(q);
}

/** Time a tally adds up ("sat for 5,640 days", "6,300 hours waiting"), not a span of one event ("for 12 days"). */
const MIN_TALLIED_TIME = 100;

function tallied(q: QuantityAnnotation): boolean {
  return q.quantityKind === 'duration' && q.unit !== undefined && q.value >= MIN_TALLIED_TIME;
}

/** The key of a quantity's own unit, if it has one. */
function ownKey(q: QuantityAnnotation): string | undefined {
  if (q.quantityKind === 'money' && q.unit) return `money ${q.unit}`;
  if ((q.quantityKind === 'other' || q.quantityKind === 'duration') && q.unit) return `measure ${q.unit.toLowerCase()}`;
  return q.quantityKind === 'count' && q.unit && !PRO_FORMS.has(q.unit.toLowerCase()) ? normUnit(q.unit) : undefined;
}

/**
 * Units of amounts, carried from a figure to a bare figure that continues its list in the same
 * sentence ("20 people in the first blast and 40 in the second": 40 people; "A total of 50 people: 20 ..."): the
 * token before the bare figure is one of `joiners`. With `shortForms` (unitShortForms), a unit's short form given in
 * brackets after it ("terawatt-hours (TWh)") keys as that unit; the learned sums model reads the keys without (its
 * training did).
 */
export function unitKeys(located: readonly Located[], tokens: readonly Token[], joiners: ReadonlySet<string>, shortForms: ShortForms = NO_SHORT_FORMS): UnitKeys {
  return walkUnits(located, tokens, joiners, shortForms).keys;
}

/**
 * The figures of a list whose noun is the object of a verb left out, not their unit: "1,140 residents replied: 612
 * chose parks, 389 bin collections and 210 housing" (389 and 210 count residents, as 612 does).
 */
export function gappedObjects(located: readonly Located[], tokens: readonly Token[], joiners: ReadonlySet<string>, shortForms: ShortForms = NO_SHORT_FORMS): ReadonlySet<string> {
  return walkUnits(located, tokens, joiners, shortForms).gapped;
}

/** "a charge of £8", "a fine of £500": a figure after "of" that follows a noun says how much that noun is. */
function qualifiesNoun(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  const k = tokenAt(tokens, q.start);
  return tokens[k - 1]?.lower === 'of' && tokens[k - 2]?.pos === 'NOUN';
}

/** How many tokens of a unit may stand between a figure and the bracketed short form of its unit ("terawatt-hours (TWh)"). */
const ALIAS_REACH = 4;
/** The longest short form of a unit read in brackets after it. */
const ALIAS_LENGTH = 6;

/** A document's short forms of units: the key of the short form to the key of the unit it stands for. */
export type ShortForms = ReadonlyMap<string, string>;
const NO_SHORT_FORMS: ShortForms = new Map();

/**
 * "84.6 terawatt-hours (TWh), of which wind supplied 27.9 TWh": the short form a text gives in brackets right after a
 * figure's unit names that unit wherever it is used after; keyed as ownKey keys the short form, valued as it keys the
 * figure's own unit.
 */
export function unitShortForms(located: readonly Located[], tokens: readonly Token[]): ShortForms {
  const aliases = new Map<string, string>();
  for (const { q } of located) {
    const own = isAmount(q) ? ownKey(q) : undefined;
    if (own === undefined) continue;
    const from = tokenAt(tokens, q.end);
    for (let k = from; k < from + ALIAS_REACH && tokens[k] !== undefined; k++) {
      const tok = tokens[k]!;
      if (tok.text === '(') {
        const short = tokens[k + 1];
        if (k > from && short?.type === 'word' && short.text.length <= ALIAS_LENGTH && /\p{Lu}/u.test(short.text) && tokens[k + 2]?.text === ')') {
          const key = ownKey({ ...q, unit: short.text });
          if (key !== undefined && key !== own) aliases.set(key, own);
        }
        break;
      }
      if (tok.type !== 'word' && tok.text !== '-') break;
    }
  }
  return aliases;
}

function walkUnits(located: readonly Located[], tokens: readonly Token[], joiners: ReadonlySet<string>, shortForms: ShortForms): { keys: Map<string, string>; gapped: Set<string> } {
  const keys = new Map<string, string>();
  const gapped = new Set<string>();
  const ownKeyOf = (q: QuantityAnnotation) => {
    const own = ownKey(q);
    return own === undefined ? undefined : shortForms.get(own) ?? own;
  };
  let previous: Located | undefined;
  // The list's first figure is the subject of its verb ("612 chose parks"): later figures leave that verb out.
  let subject: Subject = undefined;
  for (const l of located) {
    const { q } = l;
    if (!isAmount(q)) continue;
    // "97 across the four island airports, 713 in all": a group the list speaks of neither takes nor gives its unit.
    if (governedGroup(tokens, q)) {
      const own = ownKeyOf(q);
      if (own !== undefined) keys.set(q.id, own);
      continue;
    }
    const carried = previous?.sentence === l.sentence ? keys.get(previous.q.id) : undefined;
    const before = tokens[tokenAt(tokens, q.start) - 1];
    // "in three waves: 500 this year, ...": a small figure before a colon counts the items of the list, not their unit.
    // "across three sites, with 300 in Leeds, ...": the same after ", with".
    const opens = before?.text === ':' || before?.text === ';' || (before?.lower === 'with' && tokens[tokenAt(tokens, q.start) - 2]?.text === ',');
    const listCount = opens && previous !== undefined && previous.q.value < q.value && previous.q.value <= MAX_LIST_COUNT;
    const inList = q.quantityKind === 'count' && previous?.sentence === l.sentence && before !== undefined && joiners.has(before.lower) && !listCount;
    // "1,120 were above the minimum size of 9cm, 690 were juveniles": a count that is the subject of its own verb
    // counts things, not the measure before it.
    const ownClause = carried?.startsWith('measure ') === true && q.quantityKind === 'count' && VERB_POS.has(tokens[tokenAt(tokens, q.end)]?.pos ?? '');
    const continues = inList && carried !== undefined && !ownClause;
    // "27 million tonnes of wheat, 14 million of barley": a noun after "of" names the stuff, the list's unit still holds.
    const partitive = tokens[tokenAt(tokens, q.end)]?.lower === 'of';
    const own = ownKeyOf(q);
    // After a copula ("410 were drivers, 240 pedestrians") the answer left is one word: "150 work nights" has a verb.
    const object = inList && own !== undefined && subject !== undefined && endsWithObject(tokens, q, subject === 'copula' ? 1 : OBJECT_REACH);
    if (object) gapped.add(q.id);
    const key = object || (continues && (own === undefined || partitive)) ? carried : own;
    if (key !== undefined) keys.set(q.id, key);
    // "703 backed a daily charge of £8, 611 opposed it": a sum of money that qualifies a noun inside a count's clause is
    // no member of the count's list; the figure after it goes on from the count.
    if (qualifiesNoun(tokens, q) && previous?.sentence === l.sentence && previous.q.quantityKind === 'count' && q.quantityKind === 'money') continue;
    // "5,100 £20 notes, 2,600 £10 notes": a sum of money right after a count is the denomination of what it counts; the
    // count takes the noun after it and the bare counts after it go on from the count.
    if (q.quantityKind === 'money' && previous?.sentence === l.sentence && previous.q.quantityKind === 'count' && tokenAt(tokens, q.start) === tokenAt(tokens, previous.q.end)) continue;
    // "2.6bn kroner from its 214 supermarkets, 1.1bn from the freight arm": so is a counted noun in a phrase that says
    // where a sum of money came from; the bare sums after it go on from the money.
    if (q.quantityKind === 'count' && own !== undefined && previous?.sentence === l.sentence && previous.q.quantityKind === 'money' && inPhrase(tokens, q)) continue;
    subject = inList ? subject ?? subjectOfVerb(tokens, q) : subjectOfVerb(tokens, q);
    previous = l;
  }
  return { keys, gapped };
}

/** True when a figure stands in a prepositional phrase: "from its 214", "at the 12", "across 30". */
function inPhrase(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  let k = tokenAt(tokens, q.start) - 1;
  if (tokens[k]?.pos === 'DET' || tokens[k]?.pos === 'PRON') k--;
  return tokens[k]?.pos === 'ADP' && tokens[k]?.lower !== 'of';
}

const COPULAS = new Set(['is', 'are', 'was', 'were']);
const VERB_POS = new Set(['VERB', 'AUX']);

/** How a list's first figure is the subject of the verb its later figures leave out. */
type Subject = 'verb' | 'copula' | undefined;

/**
 * Whether a bare count is followed right away by a verb ("612 chose parks"), or by a copula and a noun that names a
 * kind ("410 were drivers"; not a trait such as "women", which cuts across kinds): it is the subject of that verb.
 */
function subjectOfVerb(tokens: readonly Token[], q: QuantityAnnotation): Subject {
  if (q.quantityKind !== 'count' || q.unit !== undefined) return undefined;
  const at = tokenAt(tokens, q.end);
  const next = tokens[at];
  if (next?.pos === 'VERB') return 'verb';
  const noun = tokens[at + 1];
  // "60 are British": a nationality, capitalised, names a kind as a noun does.
  const kind = noun !== undefined && (noun.pos === 'NOUN' || ((noun.pos === 'ADJ' || noun.pos === 'PROPN') && /^\p{Lu}/u.test(noun.text)));
  return next !== undefined && COPULAS.has(next.lower) && kind && !CROSS_CUTTING.has(normUnit(noun!.text)) ? 'copula' : undefined;
}

const CLAUSE_CLOSERS = new Set([',', '.', ';', ':', ')', 'and', 'or']);
/** How many words a noun phrase after a figure may run before its clause ends. */
const OBJECT_REACH = 4;

/** True when only nouns and adjectives follow a figure up to the end of its clause ("389 bin collections and ..."). */
function endsWithObject(tokens: readonly Token[], q: QuantityAnnotation, reach: number): boolean {
  const from = tokenAt(tokens, q.end);
  for (let k = from; k <= from + reach; k++) {
    const tok = tokens[k];
    // "240 women" after "410 were drivers": a trait that cuts across kinds is a group of its own, not an answer.
    if (tok === undefined || CLAUSE_CLOSERS.has(tok.lower)) return k > from && !CROSS_CUTTING.has(normUnit(tokens[k - 1]!.text));
    if (!NOUN_PHRASE.has(tok.pos)) return false;
  }
  return false;
}

const NOUN_PHRASE = new Set(['NOUN', 'PROPN', 'ADJ']);

/** True when a part counted in `part` may be one part of a whole counted in `whole` (both keys): the same, or persons. */
export function canPartition(whole: string, part: string): boolean {
  if (whole === part || canSum(whole, part)) return true;
  const persons = (u: string) => GENERAL.has(u) || isPersonNoun(u);
  if (CASES.has(whole) && persons(part)) return true;
  return !whole.startsWith('money ') && !part.startsWith('money ') && persons(whole) && persons(part);
}

/**
 * canPartition, and also counts of persons by WordNet's nouns for persons (person-nouns.json: "62 paramedics" of "310
 * people" or beside "140 firefighters"). Read by the rules' readings of a list only: the sums model keeps the narrower
 * canPartition it was trained with.
 */
export function mayPartitionPersons(whole: string, part: string): boolean {
  if (canPartition(whole, part)) return true;
  const persons = (u: string) => GENERAL.has(u) || isPersonNoun(u) || (WORDNET_PERSONS.has(u) && !NOT_PERSONS.has(u));
  return !whole.startsWith('money ') && !part.startsWith('money ') && persons(whole) && persons(part);
}

/**
 * canPartition, and also a count of units or items of any count ("168,000 units" of "412,000 vehicles"; nouns.json
 * anyItems) or a word the story uses for the same things ("admissions" of "tickets"; sameThings). Read by the rules'
 * lists across sentences only: the sums model keeps the narrower canPartition it was trained with.
 */
export function mayPartition(whole: string, part: string): boolean {
  return canPartition(whole, part) || (!whole.startsWith('money ') && ANY_ITEMS.has(part)) || sameThings(whole, part) || isKindOf(whole, part);
}

/** True when a part's counted noun names a kind of the whole's ("theft" of "crime"; nouns.json kindsOf). */
export function isKindOf(whole: string, part: string): boolean {
  return KINDS_OF.get(whole)?.has(part) === true;
}

/** Per noun for what a verb counted ("arrival"), the forms of that verb ("arrived"; nouns.json actedNouns). */
const ACTED: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries(nouns.actedNouns.pairs).map(([noun, verbs]) => [noun, new Set(verbs)]));

/** True when `word` is a form of the verb whose doings `noun` counts ("arrived" for "arrival"; nouns.json actedNouns). */
export function actedBy(noun: string, word: string): boolean {
  return ACTED.get(noun)?.has(word) === true;
}

/** True when two counted nouns are words one story uses for the same things ("ticket", "admission"; nouns.json sameThings). */
export function sameThings(a: string, b: string): boolean {
  const group = SAME_THINGS.get(a);
  return group !== undefined && SAME_THINGS.get(b) === group;
}

/** Counted nouns whose items are people: "23 cases of Legionnaires' disease ... Two of the patients have died". */
const CASES = new Set(['case', 'infection']);

/** True when counted nouns may name kinds of one whole: none is a time read as a noun ("120 work nights"). */
export function areKinds(units: readonly (string | undefined)[]): boolean {
  return !units.some((u) => u !== undefined && TIME_UNITS.has(u)) && !mixesTraits(units);
}

/** True when a counted noun (any case or number) is a trait that cuts across kinds: sex, age, origin, status. */
export function isTrait(noun: string): boolean {
  return CROSS_CUTTING.has(normUnit(noun));
}

/** True when counted nouns mix kinds with traits that cut across them ("nurses", "women"): such groups may overlap. */
export function mixesTraits(units: readonly (string | undefined)[]): boolean {
  const traits = units.filter((u) => u !== undefined && CROSS_CUTTING.has(u)).length;
  return traits > 0 && traits < units.length;
}

/** Words a bare figure may follow as the particle of its verb ("brought in 87 million", "went up to 40"). */
const PARTICLES = new Set(['in', 'up', 'out', 'to', 'at', 'on']);

/**
 * "The town centre had 212 thefts. The retail park had 141. ... That made 485 in all.", "Its shops took 301 million
 * euros. Online orders brought in 87 million.": a bare count that a verb (or a verb and its particle) governs and no
 * noun follows leaves its noun out, and counts what the last amount of its paragraph with a noun counted, across
 * sentences too. Sums of money carry only to figures written with a scale word ("87 million"), never to plain numbers.
 * Used where a total cue ties the figures together (`checkTotals`), so a loose figure is read only beside a total.
 */
export function elidedUnits(located: readonly Located[], tokens: readonly Token[], own: UnitKeys): UnitKeys {
  const keys = new Map(own);
  let last: { key: string; paragraph: number } | undefined;
  for (const l of located) {
    const { q } = l;
    if (!isAmount(q)) continue;
    const key = own.get(q.id);
    if (key !== undefined) {
      last = { key, paragraph: l.paragraph };
      continue;
    }
    if (!last || last.paragraph !== l.paragraph || q.quantityKind !== 'count' || q.bound === 'range' || !(governedByVerb(tokens, q) || gappedAfterName(tokens, q))) continue;
    if (last.key.startsWith('measure ') || (last.key.startsWith('money ') && writtenScale(tokens, q) === undefined)) continue;
    keys.set(q.id, last.key);
  }
  return keys;
}

const GAP_JOINERS = new Set(['and', ',']);

/** "recorded 212 burglaries and Colt 140": a name and a figure after "and" or a comma, the verb and noun left out. */
export function gappedAfterName(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  let k = tokenAt(tokens, q.start) - 1;
  const named = (t: Token | undefined) => t !== undefined && t.type === 'word' && /^\p{Lu}/u.test(t.text);
  if (!named(tokens[k])) return false;
  if (named(tokens[k - 1])) k--;
  const after = tokens[tokenAt(tokens, q.end)];
  return GAP_JOINERS.has(tokens[k - 1]?.lower ?? '') && (after === undefined || !NOUN_PHRASE.has(after.pos));
}

/** True when a verb governs a figure with no noun after it: "had 141.", "made 485 in all", "brought in 87 million,". */
function governedByVerb(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  const at = tokenAt(tokens, q.start);
  const before = tokens[at - 1];
  const verb = (t: Token | undefined) => t !== undefined && (t.pos === 'VERB' || t.pos === 'AUX');
  if (!verb(before) && !(before !== undefined && PARTICLES.has(before.lower) && verb(tokens[at - 2]))) return false;
  const after = tokens[tokenAt(tokens, q.end)];
  return after === undefined || !NOUN_PHRASE.has(after.pos);
}
