// How a candidate's figures are read against its total: whether they can be its parts at all (units, kinds, breakdowns,
// the shape of the list), and if so whether they make it up (a partition) or only lie within it (a subset). The
// candidates themselves are found by the list readers beside it and judged in partitions.ts.
import type { QuantityAnnotation } from '../../core/annotations.js';
import { isWhitespaceToken, tokenAt, type Token } from '../../nlp/tokens.js';
import numberWords from '../../annotators/quantities/number-words.json' with { type: 'json' };
import settings from './numeric.json' with { type: 'json' };
import { guaranteed, stated, sumOf, type Located } from './context.js';
import { closedByAbstention } from './choices.js';
import { isClosedList, listLength } from './list-ends.js';
import { byPlaces, memberOf, prepositionOf } from './members.js';
import { areStages, isBreakdown, partsOneWhole } from './one-whole.js';
import { enumeratedClauses } from './enumerations.js';
import { lackDifferentThings, overlapRemarked, overlapsByAlso } from './overlaps.js';
import { writtenScale } from './scales.js';
import { cuesNear, findTotalCues, type CueSpan } from './totals.js';
import { closingShare } from './more-lists.js';
import { isCueOf, isSibling } from './next-sentence.js';
import { countsTheParts } from './evidence.js';
import { isRemainder, ofDefiniteGroup, ofEarlierWhole } from './part-words.js';
import type { Role } from './openers.js';
import { areKinds, countsPersons, isKindOf, mayPartitionPersons, namesPersons, normUnit, sameThings } from './units.js';
import type { Candidate, PartitionInput } from './partition-input.js';

/**
 * How parts are judged: a `partition` makes up its total (a mismatch either way is a finding); a `subset` lies within it
 * (a finding only when the parts exceed it).
 */
export type Reading = 'partition' | 'subset';

/** True when "respectively" follows the last part of a list of two or more (its noun between at most). */
function respectively(input: PartitionInput, parts: readonly Located[]): boolean {
  const after = tokenAt(input.tokens, parts.at(-1)!.q.end);
  return parts.length >= 2 && [after, after + 1].some((k) => input.tokens[k]?.lower === 'respectively');
}

/**
 * True when a total cue of the figure's sentence marks it ("1,200 people between them", "a total of 40"); ", out of
 * 5,000 staff" names a whole the parts are drawn from, which may hold others too.
 */
function markedTotal(input: PartitionInput, total: Located): boolean {
  const [from, to] = input.sentenceTokens(total.sentence);
  const drawn = (c: CueSpan) => input.tokens.slice(c.first, c.last).some((t) => t.lower === 'out');
  return cuesNear(input.tokens, findTotalCues(input.tokens, from, to, input.cues), total.q).some((c) => c.role === 'total' && !drawn(c) && isCueOf(input.tokens, c, total.q));
}

/** How many words before its figure a total's clause may count its owners in ("the city's two hospitals saw"). */
const OWNER_REACH = 8;

/**
 * The number of owners a total's own clause counts in words before it ("Northmoor's two hospitals saw 18,940", "Both
 * plants employ 1,300"): a cardinal or "both" right before a plural noun, no figure or clause break between; else
 * undefined.
 */
function countedOwners(input: PartitionInput, total: Located): number | undefined {
  const { tokens } = input;
  const at = tokenAt(tokens, total.q.start);
  const [from] = input.sentenceTokens(total.sentence);
  for (let k = at - 1; k >= Math.max(from, at - OWNER_REACH); k--) {
    const t = tokens[k]!;
    if (t.type === 'number' || t.text === ',' || t.text === ';' || t.text === ':') return undefined;
    const n = t.lower === 'both' ? 2 : CARDINALS.get(t.lower);
    if (n === undefined || n < 2) continue;
    const noun = tokens[k + 1]?.pos === 'ADJ' ? tokens[k + 2] : tokens[k + 1];
    return noun?.pos === 'NOUN' && noun.lower !== noun.lemma ? n : undefined;
  }
  return undefined;
}

/**
 * How many owners the words between a total and its first part name joined by "and" ("on Monday and Tuesday", "to
 * Arnby, Colt and Dunmere"): single words on each side of the last "and", and one more for each comma before; else 0.
 */
function coordinatedOwners(input: PartitionInput, total: Located, first: Located): number {
  const { tokens } = input;
  const from = tokenAt(tokens, total.q.end);
  let k = tokenAt(tokens, first.q.start) - 1;
  while (k > from && tokens[k]!.lower !== 'and') k--;
  const word = (j: number) => j > from && tokens[j]?.type === 'word' && tokens[j]!.lower !== 'and';
  if (k <= from || !word(k - 1) || !word(k + 1)) return 0;
  let n = 2;
  for (let j = k - 2; tokens[j]?.text === ',' && word(j - 1); j -= 2) n++;
  return n;
}

/** True when no figure of its sentence follows a part ("..., and the rest of the squad 15" goes on with the list). */
function lastFigureOf(input: PartitionInput, part: Located): boolean {
  const i = input.located.indexOf(part);
  const next = input.located[i + 1];
  return i >= 0 && (next === undefined || next.sentence !== part.sentence);
}

/** True when every part is said of a place or body named with a capital ("10,320 at St Aldhelm's", "8,260 at the Royal"). */
function namedOwners(input: PartitionInput, parts: readonly Located[]): boolean {
  const { tokens } = input;
  return parts.length >= 2 && parts.every((p) => {
    // "Hollin Gate held 1,240, Stourmoor 1,105": the owner named right before the figure, or before its verb.
    const b = tokenAt(tokens, p.q.start) - 1;
    const before = tokens[b]?.pos === 'VERB' ? b - 1 : b;
    if (/^\p{Lu}/u.test(tokens[before]?.text ?? '') && tokens[before]!.pos !== 'DET') return true;
    const k = memberOf(tokens, p.q).at;
    if (!['at', 'in', 'from', 'for'].includes(tokens[k]?.lower ?? '')) return false;
    const o = tokens[k + 1]?.lower === 'the' ? k + 2 : k + 1;
    // "with 311 at the women's jail": a place named by a possessive and its noun is one owner too.
    const possessed = tokens[k + 1]?.lower === 'the' && tokens[o + 1]?.lower === "'s" && tokens[o + 2]?.pos === 'NOUN';
    return /^\p{Lu}/u.test(tokens[o]?.text ?? '') || possessed;
  });
}

const PARTIAL: ReadonlySet<string> = new Set(settings.partialQuantifiers.words);
const COUNTED_ROLES: ReadonlySet<Role> = new Set(['colon', 'next']);
const CARDINALS: ReadonlyMap<string, number> = new Map(numberWords.cardinals.flatMap((group) => Object.entries(group.words)));
/** How many words may stand between a count of the parts and the colon that opens them ("four districts:", "three of its sites:"). */
const COUNT_REACH = 4;

/**
 * "The dead came from four districts: Morvel (19), Tessa (14), Ardan (8) and Kolm (3).": a count in words of as many
 * items as the list has parts, right before the colon that opens them, says the list names them all: the parts make up
 * the whole, not just a share of it.
 */
/** How many tokens before the list's first figure its colon may stand ("sources: annual lets raised £168,900"). */
const COLON_ITEM_REACH = 5;

const partials = new WeakMap<readonly Token[], Int32Array>();

/**
 * For each token, the index of the last partial quantifier before it (-1 when none), built once per document: a long
 * sentence of many colon lists asked, for each list, whether one stands anywhere before its colon.
 */
function lastPartialBefore(tokens: readonly Token[]): Int32Array {
  let last = partials.get(tokens);
  if (last) return last;
  last = new Int32Array(tokens.length + 1);
  let at = -1;
  for (let k = 0; k <= tokens.length; k++) {
    last[k] = at;
    if (k < tokens.length && PARTIAL.has(tokens[k]!.lower)) at = k;
  }
  partials.set(tokens, last);
  return last;
}

function countedList(input: PartitionInput, parts: readonly Located[]): boolean {
  const { tokens } = input;
  const first = tokenAt(tokens, parts[0]!.q.start);
  const [from] = input.sentenceTokens(parts[0]!.sentence);
  let colon = first - 1;
  // "three sources: annual lets raised £168,900, ...": the first item's own words may stand between (no mark).
  while (colon > from && tokens[colon]!.text !== ':' && tokens[colon]!.type !== 'punctuation' && first - colon <= COLON_ITEM_REACH) colon--;
  if (tokens[colon]?.text !== ':') return countedOpening(tokens, from, first, parts.length);
  if (lastPartialBefore(tokens)[colon]! >= from) return false;
  for (let k = colon - 1; k >= Math.max(from, colon - 1 - COUNT_REACH); k--) {
    const n = CARDINALS.get(tokens[k]!.lower);
    if (n !== undefined) return n === parts.length && tokens[k + 1]?.type === 'word' && tokens[colon - 1]?.pos === 'NOUN';
  }
  return false;
}

/** How many tokens an opening phrase that counts the parts may have ("Across its three divisions,"). */
const OPENING_REACH = 6;

/**
 * "Across its three divisions, aquaculture netting brought in 21.4 million crowns, mooring lines 15.8 million and leisure
 * products 9.1 million": a sentence that opens by counting the things its figures go to, a comma after their noun,
 * names them all when it gives that many figures.
 */
function countedOpening(tokens: readonly Token[], from: number, first: number, parts: number): boolean {
  for (let k = from; k < Math.min(first, from + OPENING_REACH); k++) {
    if (tokens[k]!.text !== ',') continue;
    const n = CARDINALS.get(tokens[k - 2]?.lower ?? '');
    return n === parts && tokens[k - 1]?.pos === 'NOUN' && tokens[from]?.pos === 'ADP';
  }
  return false;
}

/** True when a figure is followed by a preposition of place or time of its own ("600 oaks on the ridge"); "of" names its stuff. */
function placed(input: PartitionInput, l: Located): boolean {
  const prep = prepositionOf(input.tokens, memberOf(input.tokens, l.q).at, input.rules);
  return prep !== undefined && prep !== 'of';
}

/**
 * Whether the parts are plausibly parts of the total (compatible units, no breakdowns, a cue or the shape of a list),
 * and how they are to be judged; undefined when they are not.
 */
export function readingOf(input: PartitionInput, c: Candidate): { reading: Reading; parts: Located[] } | undefined {
  // A list run over several sentences was read by its own words (chains.ts): a stated remainder closes it.
  // A sum of money is never the whole of counts ("£2.7m between them ... Of the 2,310 appeals, 1,420 ...").
  // The valid votes of a poll are its candidates' votes by definition (vote-totals.ts).
  if (c.role === 'votes') return { reading: 'partition', parts: [...c.parts] };
  if (c.role === 'chain') return sameKind(input.tokens, c.total, c.parts) ? { reading: c.rest ? 'partition' : 'subset', parts: [...c.parts] } : undefined;
  const reading = readList(input, c);
  return reading && { reading, parts: listOf(input, c) };
}

/**
 * True when no part is an amount of another kind than the total's: money with money, counts with counts; a bare figure
 * with a scale word ("Defence gets 2bn") may be a sum of money whose sign is left out, a plain one ("1,420 were
 * rejected") counts.
 */
function sameKind(tokens: readonly Token[], total: Located, parts: readonly Located[]): boolean {
  const money = total.q.quantityKind === 'money';
  const bareScaled = (q: QuantityAnnotation) => q.quantityKind === 'count' && q.unit === undefined && writtenScale(tokens, q) !== undefined;
  return parts.every((p) => (p.q.quantityKind === 'money') === money || (money && bareScaled(p.q)));
}

/** The parts of a candidate that form one list with its first part. */
function listOf(input: PartitionInput, c: Candidate): Located[] {
  // "703 backed a daily charge of £8, 611 opposed it": a sum of money inside a part's words, in a list of counts of
  // people, says what the part is about; it is no part of the count.
  // So is a counted noun inside a part of a sum of money ("2.6bn kroner from its 214 supermarkets, 1.1bn from ...").
  const money = c.total.q.quantityKind === 'money';
  // So is a sum of money right after a count's figure in a list of counts: its denomination ("5,100 £20 notes").
  const denomination = (p: Located, i: number) => p.q.quantityKind === 'money' && i > 0 && c.parts[i - 1]!.q.quantityKind === 'count' && /^\s*$/.test(input.doc.text.slice(c.parts[i - 1]!.q.end, p.q.start));
  // "Tk 1.2 crore ..., of which Tk 75 lakh ... and Tk 45 lakh ..., besides 60 tonnes of rice": nor a measure.
  const unmeasured = (p: Located) => !((p.q.quantityKind === 'count' || p.q.quantityKind === 'other') && p.q.unit !== undefined);
  // "Of those, 1,120 were above the legal minimum size of 9cm, 690 were juveniles and ...": a measure inside a
  // part's words in a list of counts says what the part is, no part of the count.
  const counted = c.total.q.quantityKind === 'count' && c.total.q.unit !== undefined;
  const measure = (p: Located) => p.q.quantityKind === 'other' && p.q.unit !== undefined;
  const own = countsPeople(c.total.q) ? c.parts.filter((p) => p.q.quantityKind !== 'money' && !measure(p)) : money ? c.parts.filter(unmeasured) : c.parts.filter((p, i) => !denomination(p, i) && !(counted && measure(p)));
  // "142 assaults, 97 on prisoners and 45 on staff, and 31 of the assaults on prisoners were classed as serious": a later
  // figure said to be of something named ("of the assaults") is a part of a part, where the list before it said of whom.
  const cut = own.findIndex((p, i) => i >= 2 && ofDefiniteGroup(input.tokens, p.q) && !own.slice(0, i).some((q) => ofDefiniteGroup(input.tokens, q.q)));
  const listed = cut > 0 ? own.slice(0, cut) : own;
  return listed.slice(0, listLength(input.tokens, listed.map((p) => p.q), input.rules, { subset: c.role === 'subset', closedByTotal: c.role === 'before' }));
}

/** A count of people ("1,506 adults", "87 people"): its parts are counts too, never sums of money. */
function countsPeople(q: QuantityAnnotation): boolean {
  return q.quantityKind === 'count' && q.unit !== undefined && countsPersons(normUnit(q.unit));
}

/** How many tokens of its noun may stand between a total and its bracket. */
const NOUN_REACH = 6;


/**
 * "The team sampled 240 fields (96 arable, 88 pasture and 46 market gardens)": a bracket right after a counted total that
 * holds only its parts, each a bare count and its word, names the kinds of the total's noun (the noun is left out), not
 * other things; the parts' words are no units to check against it.
 */
function bracketedKinds(input: PartitionInput, c: Candidate, parts: readonly Located[]): boolean {
  const { tokens } = input;
  if (c.role !== 'paren' || c.total.q.quantityKind !== 'count' || parts.length < 2) return false;
  if (!parts.every((p) => p.q.quantityKind === 'count' && p.q.bound !== 'range')) return false;
  // The bracket follows the total's own words: its noun and the words that qualify it ("240 fields (", "40 new buses (").
  let open = tokenAt(tokens, c.total.q.end);
  for (let n = 0; n < NOUN_REACH && tokens[open] && tokens[open]!.text !== '(' && (isWhitespaceToken(tokens[open]!) || tokens[open]!.pos === 'NOUN' || tokens[open]!.pos === 'ADJ'); n++) open++;
  if (tokens[open]?.text !== '(') return false;
  // Every part inside it: no closing bracket before the last part ends, and one after it in the same sentence (read
  // over the list's span and the rest of its sentence only).
  const last = tokenAt(tokens, parts[parts.length - 1]!.q.end);
  for (let k = open + 1; k < last; k++) if (tokens[k]!.text === ')') return false;
  for (let k = last; k < tokens.length && !SENTENCE_ENDS.has(tokens[k]!.text); k++) if (tokens[k]!.text === ')') return true;
  return false;
}

const SENTENCE_ENDS = new Set(['.', '!', '?']);

function readList(input: PartitionInput, c: Candidate): Reading | undefined {
  const { tokens, units, rules } = input;
  const { total, role, rest } = c;
  const parts = listOf(input, c);
  if (parts.length < (ONE_PART.has(role) ? 1 : 2) || countsTheParts(total.q, parts.map((p) => p.q))) return undefined;
  // "Food stores took 2.1 billion marks of that; clothing shops took 0.9, ...": a figure said to be of a whole before it
  // is one part of that whole, and the figures after its semicolon or comma are the other parts, not its own.
  if (SIBLING_ROLES.has(role) && ofEarlierWhole(tokens, total.q)) return undefined;
  const whole = units.get(total.q.id) ?? parts.map((p) => units.get(p.q.id)).find((u) => u !== undefined);
  // "64 cargo ships ... Thirty-eight of the vessels": a word the story uses for the same things fits too (nouns.json sameThings).
  const fits = (p: Located) => !units.has(p.q.id) || mayPartitionPersons(whole!, units.get(p.q.id)!) || sameThings(whole!, units.get(p.q.id)!) || isKindOf(whole!, units.get(p.q.id)!);
  // "That is 3,135 repairs": a back-reference sums the list before it by whatever noun it names.
  const bracketed = bracketedKinds(input, c, parts);
  if (role !== 'back' && whole !== undefined && !parts.every(fits) && !(KINDS.has(role) && isKindList(total, parts, tokens, role === 'split')) && !bracketed && !cuedList(input, c, parts)) return undefined;
  if (parts.length === 1) return 'subset';
  // "The dead came from four districts: Morvel (19), ...": a count of the parts before their colon names them all (a
  // whole its clause states or the sentence before; a sum named again from far back may hold more, "the money ...").
  if (COUNTED_ROLES.has(role) && countedList(input, parts)) return 'partition';
  // "The two plants employ 1,200 people between them, with 700 and 600 respectively": parts given to the items named one
  // each, of a total a cue marks, make it up.
  if (respectively(input, parts) && markedTotal(input, total)) return 'partition';
  // "Northmoor's two hospitals saw 18,940 patients, with St Aldhelm's and the Royal Northmoor recording 10,320 and 8,260
  // respectively" / "..., with 10,320 at St Aldhelm's and 8,260 at the Royal": the total's own words count its owners,
  // and the parts go to that many owners named one each: they make it up.
  if ((respectively(input, parts) || namedOwners(input, parts)) && countedOwners(input, total) === parts.length) return 'partition';
  // "sent forty trucks into the city on Monday and Tuesday, twenty-five and nineteen respectively": the total's clause
  // names its owners joined by "and", as many as the parts, and nothing more of the sentence is a figure (a count of
  // the owners in the total's own words, "three hospitals", says how many there are instead).
  if (respectively(input, parts) && countedOwners(input, total) === undefined && coordinatedOwners(input, total, parts[0]!) === parts.length && lastFigureOf(input, parts.at(-1)!)) return 'partition';
  const members = parts.map((p) => memberOf(tokens, input.gapped.has(p.q.id) ? unitless(p.q) : p.q));
  if (lackDifferentThings(tokens, parts) || overlapsByAlso(tokens, parts) || overlapRemarked(tokens, parts, input.sentenceTokens(parts.at(-1)!.sentence)[1])) return undefined;
  if (!rest && isBreakdown(tokens, members, rules)) return undefined;
  // "900 went to members, 700 to schools and 25 percent to the public": a share may close a list of counts.
  const closed = rest || isClosedList(tokens, members, rules) || closingShare(input, total.q, parts)?.closes === true;
  // "Harbour Lane had the most, with 142 sites, followed by Millgate (118), St Wenna's (97) and Copse Hill (84)": a ranking
  // of the members of one breakdown names one whole's parts in turn.
  const ranking = role === 'next' && parts.length >= 3 && followedBy(tokens, parts[0]!, parts[1]!);
  // "4.6 billion marks. Food stores took 2.1 billion marks of that; clothing shops took 0.9, ... and fuel stations 0.7": a
  // first part said to be of the figure of a sentence before, in a list closed by "and", names the other parts of that
  // figure with it (in the figure's own sentence, "80 patients, 60 of them elderly and 50 on oxygen" describes them twice).
  const ofBefore = (role === 'subset' || role === 'next') && closed && parts[0]!.sentence > total.sentence && ofEarlierWhole(tokens, parts[0]!.q);
  const found = rest || bracketed || ranking || ofBefore || moneyDisposed(role, total, parts) ? 'parts' : partsOneWhole(tokens, members, rules);
  // "Of those, 34 have been charged, 17 were released on bail and 11 walked free": clauses of one breakdown right after
  // their whole lie within it whatever their verbs (enumerations.ts), unless they are stages of one process.
  // Such a reading says something only when the parts exceed the whole; otherwise the total is left to the other readers
  // (a partition may still read the same clauses, "Of them, 1,020 usually walked, ...", and find them short).
  const exceeds = () => sumOf(parts.map((p) => guaranteed(p.q).low)) > stated(total.q).high;
  const evidence = found ?? (ENUMERATED.has(role) && closed && enumeratedClauses(tokens, members) && !areStages(tokens, members, rules) && exceeds() ? 'outcomes' : undefined);
  // Drawn from the total: parts within it, and only when they answer one question (a closed list of one whole's parts).
  if (c.drawn) return closed && evidence ? 'subset' : undefined;
  // "5,640 days, of which 3,900 were trial days and the remaining 1,560 ...": a list closed by its stated remainder names
  // every part of its whole (remainders.ts reads the same across sentences).
  // Only after an opener that makes the figure before it a whole ("of which", a colon, "split into", "Of the N,"): after a
  // clause or a comma that figure may be the list's first member ("Just over half, 1,090, were housed here; 641
  // elsewhere and the remaining 385 outside London").
  // After a semicolon, the first part must say it is one of the figure before it ("; 986 of them said ...").
  const named = REMAINDER_WHOLES.has(role) || (role === 'clause' && ofThem(tokens, parts[0]!));
  if (!rest && named && parts.length >= 2 && isRemainder(tokens, parts.at(-1)!) && (closed || evidence)) return 'partition';
  // "Of the 1,506 adults questioned, 703 backed ..., 611 opposed it and 152 did not know": answers closed by those who
  // gave none account for everyone asked, right after the whole (named first, a colon, brackets, "of whom").
  if (ANSWERED.has(role) && closed && evidence === 'parts' && closedByAbstention(tokens, members, rules)) return 'partition';
  // "carried 3.62 million passenger trips ... Buses accounted for 2.05 million of those trips, light rail for 1.31 million
  // and the ferry for 96,000": a list in the next sentence whose first part says it is of the figure before ("of those
  // trips", "of them"), with a verb that makes it up ("accounted for", numeric.json composingVerbs), closed by "and", each
  // part given to its own subject, is all of that figure. "Cars were involved in 50 of them, motorbikes in 25 and bicycles
  // in 14" is no such list (a crash may involve a lorry); nor are two parts ("Staff account for £121,000 of that and the
  // building for £48,000"), which may be the main ones only.
  if (role === 'next' && !rest && parts.length >= 3 && ofThem(tokens, parts[0]!) && composedBy(tokens, parts[0]!) && closed && evidence === 'parts') return 'partition';
  // "Machinery accounted for 9.8 billion, chemicals for 5.2 billion, food for 3.9 and other goods for 1.9": a list of
  // three parts at least whose last is the others names every part of its whole.
  if (!rest && parts.length >= 3 && closed && evidence === 'parts' && OTHER_CLOSED.has(role) && otherLast(tokens, parts)) return 'partition';
  switch (role) {
    case 'split':
    case 'before':
      return closed || evidence ? (rest ? 'subset' : 'partition') : undefined;
    case 'colon':
    case 'paren':
      return closed && evidence ? (evidence === 'parts' && !rest ? 'partition' : 'subset') : undefined;
    case 'comma':
      // A list after a comma parts the figure before it only by places or times ("700 in the city and 600 in the
      // suburbs"), and never when that figure is one more of them ("1,200 in May, 700 in June and 600 in July", "600
      // oaks on the ridge, 450 along the river": a figure set in a place of its own is one more item).
      return closed && byPlaces(tokens, members, rules) && !isSibling(input, total, parts) && !placed(input, total) ? 'subset' : undefined;
    case 'back':
      return closed && evidence === 'parts' ? 'partition' : undefined;
    case 'labels':
      // Each figure has a label of its own: a list closed by "and" names every part.
      return closed ? 'partition' : 'subset';
    case 'later':
      // With no opener, only parts each given a place, recipient or purpose ("£3.1 million to ..., £2.6 million to ...").
      // "In the eastern provinces alone 1.1 million ..., while 870,000 graduated in the capital region and 510,000 in the
      // south": a figure set in a place of its own, as the later figures are, is one of them, not their whole.
      return closed && byPlaces(tokens, members, rules) && !setInPlace(tokens, total.q, input.sentenceTokens(total.sentence)[0]) ? 'subset' : undefined;
    case 'clause':
    case 'next':
      return closed && evidence ? 'subset' : undefined;
    case 'subset':
      // "carried 1,486 loads ... Of those, 702 went to Ashkee Bay, 391 to Little Crane, 248 to Mistaken Point and 131 to
      // Red Pine River", "A total of 58 cabinets ..., 21 of them in the first phase, 19 in the second and 14 in the third":
      // three parts at least, closed by "and", each of one whole, given as what that whole is made of ("Of those", "Of
      // that total", or "of them" after a total a cue marks) account for all of it. "including" or "among them" name
      // some parts only and stay within it; so may uses of a sum of money, which leave some of it unaccounted for ("Of
      // that amount, Le 150,000 was paid to a shell firm, Le 90,000 went on fuel and Le 40,000 was withdrawn").
      if (!rest && closed && evidence === 'parts' && parts.length >= 3 && total.q.quantityKind !== 'money' && (ofThoseBefore(input, parts[0]!) || (ofThem(tokens, parts[0]!) && markedTotal(input, total)))) return 'partition';
      return evidence ? 'subset' : undefined;
    default:
      return evidence ? 'subset' : undefined;
  }
}

const OTHER_CLOSED: ReadonlySet<Role> = new Set(['next', 'subset', 'clause', 'colon', 'fronted', 'paren']);
const OTHER_WORDS = new Set(['other', 'others', 'else']);
/** How many words before the last part its label is read ("and other goods for 1.9", "Everything else ... made up"). */
const OTHER_REACH = 5;

/** "..., food for 3.9 and other goods for 1.9": the last part's own words, after "and" or a comma, call it the others. */
function otherLast(tokens: readonly Token[], parts: readonly Located[]): boolean {
  const k = tokenAt(tokens, parts.at(-1)!.q.start);
  const from = tokenAt(tokens, parts.at(-2)!.q.end);
  for (let j = k - 1; j >= Math.max(from, k - OTHER_REACH) && tokens[j]!.lower !== 'and' && tokens[j]!.text !== ','; j--) if (OTHER_WORDS.has(tokens[j]!.lower)) return true;
  return false;
}

const POINTING_BACK = new Set(['those', 'these', 'them', 'this', 'that']);

/**
 * "Of those, 702 went ...", "Of this glorious total, the eastern furnaces produced 1.62 million tonnes": the sentence of
 * the first part opens with "of", a word pointing back at the whole, its noun and adjectives at most, and a comma.
 */
function ofThoseBefore(input: PartitionInput, first: Located): boolean {
  const { tokens } = input;
  const [from] = input.sentenceTokens(first.sentence);
  if (tokens[from]?.lower !== 'of' || !POINTING_BACK.has(tokens[from + 1]?.lower ?? '')) return false;
  let k = from + 2;
  for (let n = 0; n < 3 && (tokens[k]?.pos === 'NOUN' || tokens[k]?.pos === 'ADJ'); n++) k++;
  return tokens[k]?.text === ',' && k < tokenAt(tokens, first.q.start);
}

/** True when "of them" (or those, these, that) follows a figure, past its counted noun. */
function ofThem(tokens: readonly Token[], l: Located): boolean {
  return ofEarlierWhole(tokens, l.q);
}

/** Lists that may go on from the figure before them instead of parting it. */
const SIBLING_ROLES: ReadonlySet<Role> = new Set(['clause', 'comma', 'later']);
const COMPOSING: ReadonlySet<string> = new Set(settings.composingVerbs.words);
/** How many tokens before a figure its verb of composition may stand ("accounted for", "made up almost"). */
const COMPOSING_REACH = 3;

/** True when a verb that makes up a whole stands right before the figure in its clause ("Buses accounted for 2.05 million"). */
function composedBy(tokens: readonly Token[], l: Located): boolean {
  const at = tokenAt(tokens, l.q.start);
  for (let k = at - 1; k >= Math.max(0, at - COMPOSING_REACH) && tokens[k]!.pos !== 'PUNCT'; k--) if (COMPOSING.has(tokens[k]!.lemma)) return true;
  return false;
}

/** Roles that name a whole before its parts: "Of that amount, ...", "Of the £4m, ...". */
const FRONTED_WHOLES: ReadonlySet<Role> = new Set(['subset', 'fronted']);

/**
 * "Le 486,000 ... was diverted. Of that amount, Le 212,500 was paid to ..., Le 148,000 went on ... and Le 136,500 was
 * withdrawn in cash": a sum of money named before its parts, each part of the same money said of its own use, is split
 * by them whatever the verbs (each unit of money goes one way), where counts of people with different verbs may overlap.
 */
function moneyDisposed(role: Role, total: Located, parts: readonly Located[]): boolean {
  if (!FRONTED_WHOLES.has(role) || total.q.quantityKind !== 'money' || parts.length < 2) return false;
  return parts.every((p) => p.q.quantityKind === 'money' && p.q.unit === total.q.unit);
}

/** Roles whose total is a whole by its opener, so that a stated remainder closing the parts makes the list all of it. */
const REMAINDER_WHOLES: ReadonlySet<Role> = new Set(['subset', 'colon', 'split', 'fronted', 'paren']);

/**
 * Roles whose list is opened right after its total (a colon, brackets, "split into") or closed by a total cue ("..., 70
 * vehicles in all"), so its parts can only be the total's, and may be kinds of it ("40 buses, 25 trams").
 */
const KINDS: ReadonlySet<Role> = new Set(['colon', 'paren', 'split', 'before', 'subset', 'clause', 'comma', 'fronted', 'next']);
/**
 * Roles whose list of clauses follows its whole at once ("Of those,", "Of the 58 detained,", a colon, a dash, the next
 * sentence), so that clauses of one breakdown lie within it (enumerations.ts).
 */
const ENUMERATED: ReadonlySet<Role> = new Set(['subset', 'fronted', 'colon', 'clause', 'next']);
/** Roles whose list follows its whole at once, so that answers closed by those who gave none make it up. */
const ANSWERED: ReadonlySet<Role> = new Set(['fronted', 'colon', 'paren', 'subset']);
/** Roles where one part is enough: it lies within its whole ("of whom 25", "Of the 1,500 runners, 1,620 finished"). */
const ONE_PART: ReadonlySet<Role> = new Set(['subset', 'fronted']);

/** "14 vehicles ...: nine cars, three vans and four motorcycles": counts of distinct kinds, each named, part a counted total. */
function isKindList(total: Located, parts: readonly Located[], tokens: readonly Token[], split = false): boolean {
  // "The night's 1,816 meteors break down as 1,261 Perseids, 348 sporadic meteors and 243 from the Kappa Cygnids": after a
  // cue that splits the total (`split`), a part that names no noun of its own counts the total's.
  const own = parts.map((p) => (p.q.quantityKind === 'count' && p.q.unit ? normUnit(p.q.unit) : undefined));
  const wholeNoun = total.q.quantityKind === 'count' && total.q.unit ? normUnit(total.q.unit) : undefined;
  const kinds = split && wholeNoun !== undefined && own.some((k) => k !== undefined) ? own.map((k, i) => k ?? (parts[i]!.q.quantityKind === 'count' ? wholeNoun : undefined)) : own;
  // "arrests in 312 cases, and 97 people have been charged with a total of 140 offences": people and things are
  // never kinds of one count, whatever the total counts.
  const persons = kinds.filter((k) => k !== undefined && countsPersons(k)).length;
  if (persons > 0 && (persons < kinds.length || !(total.q.unit && countsPersons(normUnit(total.q.unit))))) return false;
  // "88 regional services, 41 intercity trains and 23 freight trains": a noun said twice names two kinds by the words
  // before it.
  const named = parts.map((p, i) => `${modifiersOf(tokens, p.q, kinds[i])} ${kinds[i]}`);
  return total.q.quantityKind === 'count' && parts.length >= 2 && kinds.every((k) => k !== undefined) && new Set(named).size === named.length && areKinds([...new Set(kinds)] as string[]);
}

/** Roles of a list right at its total: after its colon or bracket, after a cue that splits it, or right before it. */
const CUED_LISTS: ReadonlySet<Role> = new Set(['colon', 'paren', 'split', 'before']);

/**
 * "A total of 214 licences have been issued: 38 trawl licences, 97 longline licences and 85 handline permits", "96 hives
 * ..., 71 ... and 58 ... – in all 214 colonies": a total a cue marks as one ("a total of", "in all"), with its list
 * right after its colon or right before it, closed by "and", names its parts whatever nouns they are counted in, as long
 * as they are kinds (no time, no trait beside kinds, no listed persons beside things).
 */
function cuedList(input: PartitionInput, c: Candidate, parts: readonly Located[]): boolean {
  if (!CUED_LISTS.has(c.role) || parts.length < 2 || !markedTotal(input, c.total)) return false;
  if (!parts.every((p) => p.q.quantityKind === c.total.q.quantityKind && p.q.bound !== 'range')) return false;
  const last = tokenAt(input.tokens, parts.at(-1)!.q.start);
  if (input.tokens[last - 1]?.lower !== 'and') return false;
  const nouns = parts.map((p) => (p.q.quantityKind === 'count' && p.q.unit ? normUnit(p.q.unit) : undefined));
  // "dealt with 90 incidents, and 35 people face a total of 120 charges": people and things are never kinds of one count.
  // Persons are told by the listed nouns only: an ending guessed as a person's ("dwellers", "rollers") also names beetles.
  if (nouns.some((n) => n !== undefined && namesPersons(n)) && (!nouns.every((n) => n !== undefined && countsPersons(n)) || !countsPeople(c.total.q))) return false;
  return areKinds(nouns);
}

/** How many words may stand between a count and its noun ("38 two-bedroom flats"). */
const MODIFIER_REACH = 4;

/** The words between a count and its noun, lower-cased ("two - bedroom" of "38 two-bedroom flats"). */
function modifiersOf(tokens: readonly Token[], q: QuantityAnnotation, noun: string | undefined): string {
  const words: string[] = [];
  for (let k = tokenAt(tokens, q.end); k < tokenAt(tokens, q.end) + MODIFIER_REACH && tokens[k]; k++) {
    if (normUnit(tokens[k]!.text) === noun) return words.join(' ');
    words.push(tokens[k]!.lower);
  }
  return words.join(' ');
}

/** A figure read without its noun: "389 bin collections" after "612 chose parks" says what 389 chose. */
function unitless(q: QuantityAnnotation): QuantityAnnotation {
  const { unit: _unit, ...rest } = q;
  return rest;
}

/** How many tokens after a part "followed by" may start ("142 sites, followed by"). */
const RANKING_REACH = 5;

/** True when "followed by" stands between two parts, within a few words of the first ("…, followed by Millgate (118)"). */
function followedBy(tokens: readonly Token[], a: Located, b: Located): boolean {
  const from = tokenAt(tokens, a.q.end);
  const to = Math.min(tokenAt(tokens, b.q.start), from + RANKING_REACH);
  for (let k = from; k < to; k++) if (tokens[k]!.lower === 'followed' && tokens[k + 1]?.lower === 'by') return true;
  return false;
}

/** Prepositions of place that open a clause a figure is set in ("In the eastern provinces alone 1.1 million ..."). */
const PLACE_OPENERS = new Set(['in', 'at', 'across']);

/** True when the clause of a figure opens with a phrase of place before it (from the sentence start or its last mark). */
function setInPlace(tokens: readonly Token[], q: QuantityAnnotation, sentenceStart: number): boolean {
  let k = tokenAt(tokens, q.start) - 1;
  while (k > sentenceStart && tokens[k]!.type !== 'punctuation') k--;
  const first = tokens[k]!.type === 'punctuation' ? k + 1 : k;
  return first < tokenAt(tokens, q.start) && PLACE_OPENERS.has(tokens[first]!.lower);
}
