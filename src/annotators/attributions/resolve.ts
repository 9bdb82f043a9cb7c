import type { EntityAnnotation } from '../../core/annotations.js';
import { firstStartingFrom, type Range } from '../../core/range.js';
import type { Token } from '../../nlp/tokens.js';
import { classOfEntity } from './grade.js';
import type { SourceClass } from './lexicon.js';
import { isNameWord, isNominal, type Span } from './noun-phrase.js';
import sources from './sources.json' with { type: 'json' };

/** Something an anaphoric source can point back at: an entity or an earlier attribution's source. */
export interface Antecedent extends Range {
  /** The entity or attribution; absent for a mention found in the text alone ("the national rail operator"). */
  readonly id?: string;
  /** What it is; empty when unknown (then any anaphor may point at it). */
  readonly is: readonly SourceClass[];
  /** For a source that itself pointed back: what it pointed at, which anaphors pointing at it resolve to. */
  readonly root?: Antecedent;
  /** For an unnamed source ("A nurse", "Officials"): its number, so only a pronoun of that number points at it. */
  readonly vague?: 'singular' | 'plural';
  /** The sex its head or title says ("A spokeswoman", "Mr Lind"), so no pronoun of the other sex points at it. */
  readonly gender?: Gender;
}

/** The sex a source's words say (sources.json genderedWords). */
export type Gender = 'female' | 'male';

const FEMALE = new Set(sources.genderedWords.female);
const MALE = new Set(sources.genderedWords.male);
const PRONOUN_GENDER: Readonly<Record<string, Gender>> = { he: 'male', him: 'male', his: 'male', she: 'female', her: 'female' };

/** The sex a source says by its head word or a title in it ("A spokeswoman for the firm", "Mrs Adebayo") or as a pronoun, if any. */
export function genderOf(tokens: readonly Token[], source: Span, head: number): Gender | undefined {
  const word = (i: number) => tokens[i]!.lower.replace(/\.$/, '');
  if (source.end - source.first === 1 && PRONOUN_GENDER[word(source.first)]) return PRONOUN_GENDER[word(source.first)];
  for (const i of [head, ...Array.from({ length: source.end - source.first }, (_, k) => source.first + k)]) {
    if (i !== head && !/^(mrs?|ms|miss|sir|madam)$/.test(word(i))) continue;
    if (FEMALE.has(word(i))) return 'female';
    if (MALE.has(word(i))) return 'male';
  }
  return undefined;
}

/** Pronouns that may point at an unnamed source of each number ("A nurse ... she", "Officials ... they"). */
const VAGUE_PRONOUNS = { singular: new Set(['he', 'she', 'him', 'her']), plural: new Set(['they', 'them']) };

/** True when a pronoun may point at an antecedent: any named or resolved one, an unnamed one of its number. */
export const pronounMayPointAt = (pronoun: string) => (a: Antecedent) =>
  (!a.vague || VAGUE_PRONOUNS[a.vague].has(pronoun)) && !(a.gender && PRONOUN_GENDER[pronoun] && a.gender !== PRONOUN_GENDER[pronoun]);

/** How far back (in antecedents of each list) a search looks; keeps resolution linear. */
const LOOKBACK = 40;

/** Entities that can be antecedents (places cannot), in text order. */
export function entityAntecedents(entities: readonly EntityAnnotation[]): Antecedent[] {
  const out: Antecedent[] = [];
  for (const e of entities) {
    const cls = classOfEntity(e.type);
    if (cls) out.push({ start: e.start, end: e.end, id: e.id, is: [cls] });
  }
  return out;
}

const compatible = (a: Antecedent, wanted: readonly SourceClass[]) =>
  wanted.length === 0 || a.is.length === 0 || a.is.some((c) => wanted.includes(c));

/** The nearest compatible antecedent ending before `before`, not earlier than `floor`, in a list sorted by start. */
function nearestIn(
  list: readonly Antecedent[],
  before: number,
  floor: number,
  wanted: readonly SourceClass[],
  accept: (a: Antecedent) => boolean = () => true,
): Antecedent | undefined {
  const lo = firstStartingFrom(list, before);
  for (let i = lo - 1; i >= 0 && i >= lo - LOOKBACK; i--) {
    const a = list[i]!;
    if (a.start < floor) return undefined;
    if (a.end <= before && compatible(a, wanted) && accept(a)) return a;
  }
  return undefined;
}

/** Picks the nearer of an entity and an earlier attribution source; on a tie the entity wins (it carries a norm). */
export function resolveAnaphor(
  anaphor: Range,
  wanted: readonly SourceClass[],
  entities: readonly Antecedent[],
  sources: readonly Antecedent[],
  floor: number,
  acceptEntity?: (a: Antecedent) => boolean,
  acceptSource?: (a: Antecedent) => boolean,
): Antecedent | undefined {
  const entity = nearestIn(entities, anaphor.start, floor, wanted, acceptEntity);
  const source = nearestIn(sources, anaphor.start, floor, wanted, acceptSource);
  if (!entity) return source;
  if (!source) return entity;
  return source.start > entity.start ? source : entity;
}

/** How many tokens back a description looks for an earlier mention in the text. */
const MENTION_LOOKBACK = 3000;
const POSSESSIVE_MARKS = new Set(["'s", '’s', "'", '’']);

/** A word as compared between a description and a mention: lower case, without a plural -s ("ministries" stays). */
const stem = (word: string) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);

/** The words that identify a phrase: lower-cased nouns, adjectives and names (no determiners, no possessive marks). */
function identifyingWords(tokens: readonly Token[], first: number, end: number): Set<string> {
  const out = new Set<string>();
  for (let i = first; i < end; i++) {
    const t = tokens[i]!;
    if (POSSESSIVE_MARKS.has(t.lower)) continue;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || /^\p{Lu}/u.test(t.text)) out.add(stem(t.lower));
  }
  return out;
}

/** What an earlier mention must hold: one of the heads and every qualifying word ("rail" for "the rail operator"). */
export interface MentionWords {
  readonly heads: readonly string[];
  readonly words: readonly string[];
  /** Only a phrase in the text will do ("the team" -> "researchers at the University of X"), no entity or source. */
  readonly textOnly?: boolean;
  /** Any entity or source of the wanted classes will do, and a phrase in the text with the head ("the agency"). */
  readonly anyOfClass?: boolean;
}

/**
 * Accepts an antecedent unless the description's head stands in it only as an owner: "the union" does not point at
 * "Tom Reyes, the union's general secretary", whose "union" only says whose secretary he is.
 */
export function notOnlyOwner(tokens: readonly Token[], head: string): (a: Antecedent) => boolean {
  const word = stem(head);
  return (a) => {
    const [first, end] = tokenRange(tokens, a);
    let owner = false;
    for (let i = first; i < end; i++) {
      if (stem(tokens[i]!.lower) !== word) continue;
      if (!POSSESSIVE_MARKS.has(tokens[i + 1]?.lower ?? '')) return true;
      owner = true;
    }
    return !owner;
  };
}

/**
 * True when a phrase names what a description stands for: one of its heads, every qualifying word, and more words
 * ("the national rail operator" for "the rail operator"; a second bare "the office" is no better than the first).
 */
function namesSame(have: ReadonlySet<string>, mention: MentionWords, named: boolean): boolean {
  if (!mention.heads.some((h) => have.has(stem(h)))) return false;
  for (const w of mention.words) if (!have.has(stem(w))) return false;
  return named || have.size > mention.words.length + 1;
}

/** Token index range of a character range (tokens sorted by start). */
function tokenRange(tokens: readonly Token[], range: Range): [number, number] {
  const first = firstStartingFrom(tokens, range.start);
  let end = first;
  while (end < tokens.length && tokens[end]!.end <= range.end) end++;
  return [first, end];
}

/**
 * The full name an abbreviation in brackets right after it stands for ("the National Civil Aviation Authority (NCAA)"):
 * an antecedent that is such an abbreviation gives way to the entity before the bracket. Undefined otherwise.
 */
export function fullFormOf(antecedent: Antecedent, entities: readonly Antecedent[], tokens: readonly Token[]): Antecedent | undefined {
  const [first, end] = tokenRange(tokens, antecedent);
  let open = first - 1;
  while (open >= 0 && tokens[open]!.text.trim() === '') open--;
  if (open < 1 || tokens[open]!.text !== '(' || tokens[end]?.text !== ')') return undefined;
  let before = open - 1;
  while (before >= 0 && tokens[before]!.text.trim() === '') before--;
  const endOfName = tokens[before]!.end;
  return entities.find((e) => e.end === endOfName && e.start < endOfName);
}

/** Articles that introduce something new ("a court filing"), which a later "the filing" points back at. */
const INDEFINITE = new Set(['a', 'an']);
const DEMONSTRATIVE_ANAPHORS = new Set(['these', 'those']);
const POSSESSIVE_WORDS = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);

/** Prepositions that join a name to a mention's head: "Ministry of Health", "researchers at the University of X". */
const NAME_LINKS = new Set(['of', 'for', 'at', 'from']);

/** The nearest earlier phrase in the text, around one of the description's heads, that names the same thing. */
function earlierMention(tokens: readonly Token[], anaphor: Range, mention: MentionWords, is: readonly SourceClass[], bare = false): Antecedent | undefined {
  const heads = new Set(mention.heads.map(stem));
  const [before] = tokenRange(tokens, anaphor);
  for (let k = before - 1; k >= 0 && k >= before - MENTION_LOOKBACK; k--) {
    const t = tokens[k]!;
    if ((t.pos !== 'NOUN' && t.pos !== 'PROPN') || (!heads.has(stem(t.lower)) && !heads.has(stem(t.lemma)))) continue;
    let first = k;
    while (first > 0 && k - first < 8 && isNominal(tokens[first - 1]!) && tokens[first - 1]!.pos !== 'DET') first--;
    let end = k + 1;
    const link = tokens[end];
    if (link && NAME_LINKS.has(link.lower) && end + 1 < before) {
      let name = end + 1;
      if (tokens[name]!.pos === 'DET') name++;
      if (name < before && /^\p{Lu}/u.test(tokens[name]!.text)) {
        end = name;
        while (end < before && (isNominal(tokens[end]!) || (NAME_LINKS.has(tokens[end]!.lower) && /^\p{Lu}/u.test(tokens[end + 1]?.text ?? ''))) && end - k < 10) end++;
      }
    }
    // "a person briefed on the talks ... the person added": an indefinite first mention introduces what a later
    // definite description with its head stands for, however few words it has.
    const introduced = INDEFINITE.has(tokens[first - 1]?.lower ?? '') || (bare && tokens[first - 1]?.pos !== 'DET' && !POSSESSIVE_WORDS.has(tokens[first - 1]?.lower ?? ''));
    if (namesSame(identifyingWords(tokens, first, end), mention, introduced)) return { start: tokens[first - (introduced ? 1 : 0)]!.start, end: tokens[end - 1]!.end, is };
  }
  return undefined;
}

/**
 * The indefinite first mention a bare description points back at ("a court filing ... the filing", "a person briefed on
 * the talks ... the person"): the nearest earlier "a"/"an" phrase with the description's head, or undefined.
 */
export function introducedMention(tokens: readonly Token[], anaphor: Range, head: string, is: readonly SourceClass[]): Antecedent | undefined {
  // "... by foreign-funded groups. Those groups ...": after a plural demonstrative, a bare plural introduces the group.
  const demonstrative = DEMONSTRATIVE_ANAPHORS.has(tokens[firstStartingFrom(tokens, anaphor.start)]!.lower);
  const found = earlierMention(tokens, anaphor, { heads: [head], words: [] }, is, demonstrative);
  if (!found) return undefined;
  const article = firstStartingFrom(tokens, found.start);
  let before = article - 1;
  while (before >= 0 && tokens[before]!.text.trim() === '') before--;
  let name = before - 1;
  while (name >= 0 && tokens[name]!.text.trim() === '') name--;
  // "Harbour Dockers United, a union of port staff,": an indefinite apposition describes the name before it.
  const apposition = tokens[before]?.text === ',' && tokens[name]?.pos === 'PROPN';
  const barePlural = demonstrative && tokens[article]!.pos !== 'DET' && !POSSESSIVE_WORDS.has(tokens[article]!.lower);
  return (INDEFINITE.has(tokens[article]!.lower) || barePlural) && !apposition ? found : undefined;
}

/**
 * The earlier mention of what a description names ("the ministry" -> the Fisheries Ministry, "the rail operator" ->
 * "the national rail operator"): the nearest entity, earlier source or phrase in the text with its words; an entity or
 * source wins over the text phrase it lies in.
 */
export function resolveMention(
  anaphor: Range,
  mention: MentionWords,
  wanted: readonly SourceClass[],
  tokens: readonly Token[],
  entities: readonly Antecedent[],
  sources: readonly Antecedent[],
): Antecedent | undefined {
  // An entity or source that is only the bare head again ("Police" ... "Police believe") names nothing more than the
  // description does: no better an antecedent than a second bare phrase in the text.
  const accept = (named: boolean) => (a: Antecedent) => {
    const [first, end] = tokenRange(tokens, a);
    // "the council's cabinet member" names a member, not the council: only the words after its last possessive count.
    let from = first;
    for (let i = first; i < end; i++) if (POSSESSIVE_MARKS.has(tokens[i]!.lower)) from = i + 1;
    const have = identifyingWords(tokens, from, end);
    return namesSame(have, mention, named && have.size > 1);
  };
  const candidate = mention.textOnly
    ? undefined
    : mention.anyOfClass
      ? resolveAnaphor(anaphor, wanted, entities, sources, 0)
      : resolveAnaphor(anaphor, wanted, entities, sources, 0, accept(true), accept(false));
  const found = earlierMention(tokens, anaphor, mention, wanted);
  if (!found) return candidate;
  return candidate && candidate.end > found.start ? candidate : found;
}

/** Nouns that introduce an organisation's name ("club Northvale Wolves", "the state firm Kestmet"; sources.json bodyNouns). */
const BODY_NOUNS = new Set(sources.bodyNouns.words);
const INTRODUCING_ARTICLES = new Set(['the', 'a', 'an']);
/** How many tokens back a name for "the club" or "the company" is looked for (within the paragraph floor). */
const BODY_REACH = 200;

/**
 * The organisation a bare description ("the club", "the company", "the company's annual report") stands for when no
 * entity or source is its antecedent: the nearest earlier run of proper nouns that is no person or place entity and is
 * introduced as a body: described after a comma ("Harwick & Lowe, the department store chain"), named after a body noun
 * ("club Northvale Wolves"), or a name of two words or more opening its sentence as the subject ("Kelby Rovers will build").
 */
export function namedBodyBefore(tokens: readonly Token[], anaphor: Range, span: Span | undefined, entities: readonly Antecedent[], floor: number): Antecedent | undefined {
  if (!span) return undefined;
  const head = tokens[span.end - 1]!.lower;
  if (OUTLET_NOUNS.has(head)) return namedOutletBefore(tokens, span, entities, floor);
  if (!BODY_NOUNS.has(head)) return undefined;
  const word = (i: number, step: number) => {
    let k = i;
    while (k >= 0 && k < tokens.length && tokens[k]!.text.trim() === '') k += step;
    return k;
  };
  let i = span.first - 1;
  for (let seen = 0; i >= 0 && tokens[i]!.start >= floor && seen < BODY_REACH; seen++) {
    if (!isNameWord(tokens[i]!)) {
      i--;
      continue;
    }
    const end = i + 1;
    while (i - 1 >= 0 && (isNameWord(tokens[i - 1]!) || tokens[i - 1]!.text === '&' || tokens[i - 1]!.text.trim() === '')) i--;
    while (tokens[i]!.text.trim() === '' || tokens[i]!.text === '&') i++;
    const first = i;
    i--;
    const range = { start: tokens[first]!.start, end: tokens[end - 1]!.end };
    if (entities.some((e) => e.start < range.end && range.start < e.end && (e.is.includes('person') || e.is.length === 0))) continue;
    const before = tokens[word(first - 1, -1)];
    const after = tokens[word(end, 1)];
    const afterNext = tokens[word(word(end, 1) + 1, 1)];
    const described = after?.text === ',' && afterNext !== undefined && INTRODUCING_ARTICLES.has(afterNext.lower);
    const introduced = before !== undefined && BODY_NOUNS.has(before.lower);
    const opens = (before === undefined || /^[.!?"”]$/.test(before.text) || before.start < floor) && end - first >= 2 && (after?.pos === 'VERB' || after?.pos === 'AUX');
    if (described || introduced || opens) return { ...range, is: ['agency'] };
  }
  return undefined;
}

const OUTLET_NOUNS = new Set(sources.outletNames.nouns);
const OUTLET_NAME_WORDS = new Set(sources.outletNames.lastWords);

/**
 * The newspaper "the paper" stands for when the entity finder found none: the nearest earlier run of proper nouns after
 * "the" that ends in a newspaper's name word ("told the Kenmore Echo", "wrote in the Brackwater Gazette").
 */
function namedOutletBefore(tokens: readonly Token[], span: Span, entities: readonly Antecedent[], floor: number): Antecedent | undefined {
  for (let i = span.first - 1, seen = 0; i >= 0 && tokens[i]!.start >= floor && seen < BODY_REACH; i--, seen++) {
    const t = tokens[i]!;
    if (!isNameWord(t) || !OUTLET_NAME_WORDS.has(t.lower)) continue;
    let first = i;
    while (first - 1 >= 0 && (isNameWord(tokens[first - 1]!) || tokens[first - 1]!.text.trim() === '')) first--;
    while (tokens[first]!.text.trim() === '') first++;
    let k = first - 1;
    while (k >= 0 && tokens[k]!.text.trim() === '') k--;
    if (k < 0 || tokens[k]!.lower !== 'the') continue;
    const range = { start: tokens[first]!.start, end: t.end };
    if (entities.some((e) => e.start < range.end && range.start < e.end && e.is.includes('person'))) continue;
    return { ...range, is: ['outlet'] };
  }
  return undefined;
}
