import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import type { Located } from './context.js';
import type { ListRules, Member } from './members.js';
import type { PartitionInput } from './partition-input.js';
import settings from './numeric.json' with { type: 'json' };
import { isTrait } from './units.js';

/** How far after a figure its time or age band is read (keeps the check linear). */
const REACH = 5;
const CLAUSE_END = new Set([',', ';', ':', '.', 'and', 'while', 'but']);
const SEPARATORS = new Set([',', 'and', ';']);

/**
 * "in the following amounts: 610,000 euros, 390,000 euros and 450,000 euros", "carry 52,000 a day: 21,000, 17,000 and
 * 19,000": a list right after a colon made of nothing but figures enumerates the parts of the figure before the colon.
 */
export function isBareEnumeration(tokens: readonly Token[], members: readonly Member[]): boolean {
  return enumerated(tokens, members, members.map((m) => tokenAt(tokens, m.q.start)));
}

/** How many words a label before a figure may hold ("Castle Street £1.4m", "Market Hall Square 560"). */
const LABEL_REACH = 3;

/**
 * "by region: North 210, South 190 and West 140", "lost £2.3 million: pensioners £1.4 million, firms £600,000 and
 * charities £400,000", "£2.7m - Castle Street £1.4m, Riverside £720,000 and ...": the same with a distinct name (of one
 * to three capitalised words) or noun before each figure.
 */
export function isLabelledEnumeration(tokens: readonly Token[], members: readonly Member[]): boolean {
  const starts: number[] = [];
  const names: string[] = [];
  for (const m of members) {
    const at = tokenAt(tokens, m.q.start);
    const last = tokens[at - 1];
    if (!last || last.type !== 'word' || !(/^\p{Lu}/u.test(last.text) || last.pos === 'NOUN')) return false;
    let k = at - 1;
    while (k - 1 >= 0 && at - k < LABEL_REACH && tokens[k - 1]!.type === 'word' && /^\p{Lu}/u.test(tokens[k - 1]!.text) && /^\p{Lu}/u.test(last.text)) k--;
    starts.push(k);
    names.push(tokens.slice(k, at).map((t) => t.lower).join(' '));
  }
  return new Set(names).size === names.length && enumerated(tokens, members, starts);
}

/** Dashes that open a list as a colon does ("£2.7m - Castle Street £1.4m, ..."), and close it. */
const DASHES = new Set(['—', '–', '-']);

/**
 * A list right after a colon or a dash of figures (each after its label, whose first token is `starts[i]`) separated by
 * commas, semicolons or "and".
 */
function enumerated(tokens: readonly Token[], members: readonly Member[], starts: readonly number[]): boolean {
  const opener = tokens[starts[0]! - 1]?.text ?? '';
  if (opener !== ':' && !DASHES.has(opener)) return false;
  return members.every((m, i) => {
    const before = tokens[starts[i]! - 1]?.lower ?? '';
    const after = tokens[tokenAt(tokens, m.q.end)];
    return (i === 0 || SEPARATORS.has(before)) && (after === undefined || SEPARATORS.has(after.lower) || after.text === '.' || DASHES.has(after.text));
  });
}

/**
 * "£38.6m last year, £31.2m the year before and £33.9m in 2022": amounts each dated differently part a total over those
 * times (counts and money only; shares at different times are of different wholes). The words of time after each
 * figure, or undefined when one has none.
 */
export function timeTags(tokens: readonly Token[], members: readonly Member[], rules: ListRules): string[] | undefined {
  const tags: string[] = [];
  for (const m of members) {
    const words: string[] = [];
    let dated = false;
    for (let k = m.at; k < Math.min(tokens.length, m.at + REACH) && !CLAUSE_END.has(tokens[k]!.lower); k++) {
      words.push(tokens[k]!.lower);
      if (rules.timeWords.has(tokens[k]!.lower) || /^(?:19|20)\d\d$/.test(tokens[k]!.text)) dated = true;
    }
    if (!dated) return undefined;
    tags.push(words.join(' '));
  }
  return tags;
}

/** An age band: the ages a group said to be "over 75", "aged between 60 and 74" or "younger" covers. */
interface Band {
  readonly low: number;
  readonly high: number;
  /** "younger", "older": below or above every other band of the list. */
  readonly relative?: 'below' | 'above';
}

const OVER = new Set(['over', 'above', 'older']);
const UNDER = new Set(['under', 'below', 'younger']);
const RANGE = new Set(['aged', 'between']);
const OR_AND = new Set(['or', 'and']);

/** The ages each stage of life covers (numeric.json lifeStageAges; null is no upper end). */
const STAGE_AGES: ReadonlyMap<string, Band> = new Map(
  Object.entries(settings.lifeStageAges.ages as unknown as Record<string, [number, number | null]>).map(([word, [low, high]]) => [word, { low: low - 0.25, high: (high ?? Infinity) + 0.25 }]),
);

/** The band said of a figure by its copula ("105,000 are over 75"), or undefined when it is no age band. */
function bandOf(tokens: readonly Token[], m: Member, rules: ListRules): Band | undefined {
  if (!rules.copulas.has(tokens[m.at]?.lower ?? '')) return undefined;
  // "were aged under 25": "aged" before a bound says nothing more than the bound.
  const aged = tokens[m.at + 1]?.lower === 'aged' && (OVER.has(tokens[m.at + 2]?.lower ?? '') || UNDER.has(tokens[m.at + 2]?.lower ?? '')) ? 1 : 0;
  const word = tokens[m.at + 1 + aged]?.lower ?? '';
  // "41 were children": a stage of life alone in its clause is the age span it covers (numeric.json lifeStageAges).
  const stage = !aged ? STAGE_AGES.get(word) : undefined;
  if (stage && CLAUSE_END.has(tokens[m.at + 2]?.lower ?? '.')) return stage;
  // "41 were 25 or older", "were 65 and over": an age and a bound after it.
  const age = tokens[m.at + 1 + aged];
  const tail = tokens[m.at + 3 + aged]?.lower ?? '';
  if (age?.type === 'number' && /^\d{1,3}$/.test(age.text) && OR_AND.has(tokens[m.at + 2 + aged]?.lower ?? '')) {
    if (OVER.has(tail) || tail === 'more') return { low: Number(age.text), high: Infinity };
    if (UNDER.has(tail) || tail === 'less') return { low: -Infinity, high: Number(age.text) };
  }
  const numbers: number[] = [];
  for (let k = m.at + 2 + aged; k < Math.min(tokens.length, m.at + 2 + aged + REACH); k++) {
    const tok = tokens[k]!;
    // "aged between 60 and 74": the "and" of the range does not end the band.
    if (CLAUSE_END.has(tok.lower) && !(tok.lower === 'and' && numbers.length === 1)) break;
    if (tok.type === 'number' && /^\d{1,3}$/.test(tok.text)) numbers.push(Number(tok.text));
  }
  if (RANGE.has(word) && numbers.length >= 1) return { low: numbers[0]!, high: numbers[1] ?? numbers[0]! };
  if (OVER.has(word)) return numbers.length ? { low: numbers[0]! + 0.5, high: Infinity } : { low: -Infinity, high: -Infinity, relative: 'above' };
  if (UNDER.has(word)) return numbers.length ? { low: -Infinity, high: numbers[0]! - 0.5 } : { low: Infinity, high: Infinity, relative: 'below' };
  return undefined;
}

/**
 * "of whom 105,000 are over 75, 48,000 are aged between 60 and 74 and 31,000 are younger": age bands that do not
 * overlap part one group; "77% were over 30, 65% were under 40" overlap and stay several breakdowns.
 */
export function areAgeBands(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  const bands = members.map((m) => bandOf(tokens, m, rules));
  if (bands.some((b) => b === undefined)) return false;
  const fixed = bands.filter((b) => !b!.relative) as Band[];
  if (fixed.length === 0 || bands.length - fixed.length > 1) return false;
  const lowest = Math.min(...fixed.map((b) => b.low));
  const highest = Math.max(...fixed.map((b) => b.high));
  const all = bands.map((b) => (b!.relative === 'below' ? { low: -Infinity, high: lowest - 0.5 } : b!.relative === 'above' ? { low: highest + 0.5, high: Infinity } : b!));
  return all.every((a, i) => all.every((b, j) => i === j || a.high < b.low || b.high < a.low));
}

/** "of whom 60,000 are over 60 and 50,000 are under 80": every member is said to be an age band, and the bands overlap. */
export function areOverlappingAgeBands(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  return members.length >= 2 && members.every((m) => bandOf(tokens, m, rules) !== undefined) && !areAgeBands(tokens, members, rules);
}

/**
 * "two sites: 700 work in Leeds and 600 in York": a small total that counts the parts listed, not what they count; so
 * is a small count each of whose parts is larger than it ("three villages: Arnby (14) and Colt (9)", the list left
 * short): parts larger one by one than their whole are no parts of it.
 */
export function countsTheParts(total: QuantityAnnotation, parts: readonly QuantityAnnotation[]): boolean {
  // A count of items is a whole number: "10.01 went to port A, 10.11 ..." starts the list, it does not count it.
  const larger = Number.isInteger(total.value) && parts.length > 0 && parts.every((p) => p.value > total.value);
  return larger && (total.value === parts.length || total.value <= MAX_ITEM_COUNT);
}

/** The largest count read as a count of listed items rather than a total of them. */
const MAX_ITEM_COUNT = 12;

/** How many earlier figures are searched for the sum a definite noun names (keeps the check linear). */
const WHOLE_LOOKBACK = 40;
/** How many sentences back the sum is looked for, figures or not. */
const WHOLE_SENTENCES = 60;

/**
 * "accused of diverting 1.3 million euros ... the money went to three firms in these amounts: 610,000 euros, ...": a
 * clause with no figure of its own whose definite noun names a sum ("the money", "the funds") before a colon list:
 * the nearest earlier figure (within WHOLE_LOOKBACK figures: a lede's sum is named again paragraphs later) with the
 * parts' own unit, not smaller than any part.
 */
export function wholeNamedBefore(input: PartitionInput, s: number, clauseStart: number, openerStart: number, parts: readonly Located[]): Located | undefined {
  const { tokens } = input;
  let named = false;
  for (let k = tokenAt(tokens, clauseStart); k < tokens.length && tokens[k]!.start < openerStart; k++) {
    if ((tokens[k - 1]?.lower === 'the' || tokens[k - 1]?.lower === 'this') && input.anaphoricWholes.has(tokens[k]!.lower)) named = true;
  }
  const unit = input.units.get(parts[0]!.q.id);
  if (!named || unit === undefined || parts.some((p) => input.units.get(p.q.id) !== unit)) return undefined;
  const largest = Math.max(...parts.map((p) => p.q.value));
  let seen = 0;
  for (let t = s; t >= Math.max(0, s - WHOLE_SENTENCES) && seen < WHOLE_LOOKBACK; t--) {
    const group = input.bySentence[t] ?? [];
    for (let i = group.length - 1; i >= 0 && seen < WHOLE_LOOKBACK; i--, seen++) {
      const l = group[i]!;
      if (l.q.start >= clauseStart) continue;
      if (input.units.get(l.q.id) === unit && l.q.value >= largest) return l;
    }
  }
  return undefined;
}

/**
 * True when some members are set apart by an age and every other one by a trait that cuts across ages ("from women"):
 * age bands beside each other ("under 25 ... 25 or older", "children under 10, teenagers") still part one whole.
 */
export function ageAcrossTraits(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  const aged = members.filter((m) => ageQualified(tokens, m));
  if (aged.length === 0 || aged.length === members.length) return false;
  // A stage of life ("teenagers", "adults") is an age band itself, no trait across ages.
  const trait = (t: Token) => t.type === 'word' && isTrait(t.lower) && !rules.lifeStages.has(t.lower) && !rules.lifeStages.has(t.lemma);
  return members.every((m) => aged.includes(m) || tokens.slice(m.at, m.at + AGE_REACH).some(trait));
}

const AGE_WORDS = new Set(['under', 'over', 'aged']);
const AGE_REACH = 5;

/** "9,800 from donors under 40", "3,100 aged over 65": a member whose own words bound an age. */
function ageQualified(tokens: readonly Token[], m: Member): boolean {
  for (let k = m.at; k < Math.min(tokens.length, m.at + AGE_REACH); k++) {
    const t = tokens[k]!;
    if (t.text === ',' || t.text === ';' || t.text === '.' || t.lower === 'and') return false;
    if (AGE_WORDS.has(t.lower) && /^\d{1,2}$/.test(tokens[k + 1]?.text ?? '')) return true;
  }
  return false;
}
