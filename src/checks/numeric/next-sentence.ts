// Totals whose parts fill the next sentence ("... 800 homes. Arlen had 450, Brook 300 and Cole 150."), and the tests
// that tell such a list from one more item of the same kind ("2,000 tickets on Friday. 1,500 on Saturday ...").
import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { guaranteed, stated, type Located } from './context.js';
import { memberOf, prepositionOf } from './members.js';
import { isBaseline, isGoal, isRate, isSuperseded, ofEarlierWhole, saysAlso } from './part-words.js';
import { lastPunctTokenBefore, nextPunctAfter } from './openers.js';
import { addsToEarlier } from './closing-totals.js';
import type { Candidate, PartitionInput } from './partition-input.js';
import { cuesNear, findTotalCues, forwardMark, type CueSpan } from './totals.js';
import { actedBy, canPartition, mayPartition, normUnit, sameThings } from './units.js';
import { governedGroup } from './groups.js';

/** Parts are read up to this many figures of the next sentence (a sentence of thousands of figures stays linear). */
const MAX_PARTS = 12;

/**
 * The last figure of a sentence and the list that fills the next one: after a total cue ("A total of 5,000 people work
 * there. 3,000 ... and 2,500 ..."), after "Of these," (a subset), or as a list split by semicolons (a subset: "raised
 * 64,000 pounds. The hospice received 30,000 pounds; the food bank 22,000; ...").
 */
export function nextSentenceList(input: PartitionInput, s: number, group: readonly Located[], cues: readonly CueSpan[]): Candidate | undefined {
  // "A total of 410 flights were hit, affecting more than 52,000 people. Of those, ...": the figure a total cue marks is
  // the whole of the next sentence's list, even when a later figure of its sentence follows it.
  const marked = group.find((l) => cues.some((c) => c.role === 'total' && isCueOf(input.tokens, c, l.q)));
  // "There were 96 crashes, up from 81. Of these, ...": a baseline is no whole; the last figure that is none (part-words.ts).
  // Nor is a goal, a figure its sentence revises, or a rate ("more than three a day"; part-words.ts).
  const whole = (l: Located) => !isBaseline(input.tokens, l.q) && !isGoal(input.tokens, l.q) && !isSuperseded(input.tokens, l.q) && !isRate(input.tokens, l.q);
  // "sold 6.8 million tickets last year, bringing in €61.2m ...\n\n...: 4.9 million admissions went to ...": counts
  // after it are of the last count, not of a sum of money (and sums of money of the last sum).
  const money = (l: Located) => l.q.quantityKind === 'money';
  // "... fell to 1.38 billion euros. That is 6.2 percent less than in 2023 ...\n\nThe EU bought tiles worth 742 million
  // euros; ...": a sentence that only comments on the figure before ("That is", "This was") stands aside from its list.
  const comment = commentsOnFigure(input, s + 1) ? 1 : 0;
  const after = input.partsBySentence[s + 1 + comment]?.[0];
  const last = marked ?? (after && group.findLast((l) => whole(l) && money(l) === money(after))) ?? group.findLast(whole) ?? group.at(-1)!;
  // "An earthquake killed 212 people. The quake struck at dawn. By province, 131 died in ...": one sentence of no
  // figure (scene, time) may stand between a total and the list that breaks it down.
  const gap = comment === 0 && input.bySentence[s + 1] === undefined && (input.partsBySentence[s + 1] ?? []).length === 0 && sameParagraph(input, s + 1, s + 2) ? 1 : 0;
  const next = nextSentenceParts(input, s + gap + comment, last);
  if (!next) return undefined;
  // "On Monday 2,410 were found in a lorry. Another 1,640 turned up on Wednesday, and 980 on Friday.": a sentence whose
  // first figure adds to the one before ("another", "a further") goes on the same tally; it is none of its parts.
  if (next.parts[0] && (addsToEarlier(input, next.parts[0]) || saysAlso(input.tokens, next.parts[0].q)) && !next.subset) return undefined;
  // "The team followed 2,460 pupils at 38 schools. Of them, 1,020 ...": "them" points at the figure the sentence is
  // about, not at one inside a phrase of place that follows it.
  // "86 patients and 23 staff have fallen ill. Of the patients, 51 ...": the whole the opener names by its noun.
  // "killed 212 people and injured more than 1,400. ... 131 died in Drevna, 64 in Holm ...": the figure said to reach
  // the end state its parts reach (numeric.json sameOutcomes), when the sentence has one such figure only.
  // "Riverton's revenue climbed to €312m, but the loss widened to €38m. Broadcasting brought in €141m, ...": sums of
  // money go to the sum a measure of money names (numeric.json moneyMeasures), not to the last sum of the sentence.
  const named = marked ? undefined : comment === 1 ? measuredWhole(input, s, group, next.parts) ?? sameStateWhole(input, group, next.parts) : gap === 0 ? namedWhole(input, s, group) ?? measuredWhole(input, s, group, next.parts) ?? sameStateWhole(input, group, next.parts) : sameStateWhole(input, group, next.parts, true);
  // Across a sentence between, only a total a cue marks or one said to reach the parts' own end state holds the list.
  if (gap === 1 && !marked && !named) return undefined;
  // "ringed 6,412 new birds of 97 species ... Spring produced 2,104 of the new birds and autumn 4,362": the one figure of
  // the sentence before counted in the noun the first part is said to be of is the whole.
  const byNoun = !marked && !named && next.partitiveNoun !== undefined ? unitsNamed(input, group, next.partitiveNoun) : [];
  if (byNoun.length === 1 && byNoun[0] !== last) return { total: byNoun[0]!, parts: next.parts, role: 'subset', rest: next.rest };
  const total = named ?? (!marked && next.subset ? unplaced(input, group) ?? mainClause(input, group) ?? last : last);
  // "Health takes £8bn, pensions £7bn and schools £6bn. Defence gets a further £5bn, ...": the list goes on; its last
  // member is not the whole of the next sentence's figures.
  if (!marked && !named && closesList(input, group, total)) return undefined;
  const cued = marked !== undefined;
  if (cued && !next.subset) {
    // "... and 14 bodies have been found. Eleven people are missing.": one more outcome of the same tally, alone in
    // the sentence after, is one more part; the list then leaves no more unsaid (judged as parts within the total).
    const tally = tallyAfter(input, s + gap + 2, total);
    if (tally) return { total, parts: [...next.parts, tally], role: 'next', rest: true };
  }
  const unit = input.units.get(total.q.id);
  // "... confirmed 23 cases. Two of the patients have died, ...": a whole named by a noun the total's can hold (a case
  // of a disease is a patient: units.ts) holds the list as "of them" does.
  // "64 cargo ships ... Thirty-eight of the vessels": or by a word the story uses for the same things (nouns.json sameThings).
  // "... has risen to 118. Seventy-one of the patients are children ...": a total with no noun of its own takes the one
  // the list names it by.
  const ofTotal = next.ofNoun !== undefined && (unit === undefined ? total.q.quantityKind === 'count' && Number.isInteger(total.q.value) : canPartition(unit, next.ofNoun) || sameThings(unit, next.ofNoun));
  if (cued || next.subset || ofTotal) return { total, parts: next.parts, role: next.subset || ofTotal ? 'subset' : 'next', rest: next.rest };
  const sameUnit = unit !== undefined && next.parts.some((p) => input.units.get(p.q.id) === unit) && next.parts.every((p) => [unit, undefined].includes(input.units.get(p.q.id)));
  if (next.semicolons && sameUnit) return { total, parts: next.parts, role: 'subset', rest: next.rest };
  // "The city counted 1,240 cases. 610 were in the north, 380 in the south and 190 in the east.": without a cue the
  // list is read as parts within the total (a finding only when they exceed it), and only when it parts the total's
  // own unit and the total is no sibling of its parts ("2,000 tickets on Friday. 1,500 on Saturday and 900 on Sunday").
  // "Cases rose to 1,240 last year. The north had 610, ...": a bare whole count and bare parts in its own paragraph
  // count the same thing ("of magnitude 4.8" is a measure, not a count of anything).
  const bareCount = (l: Located) => l.q.quantityKind === 'count' && !input.units.has(l.q.id) && Number.isInteger(l.q.value) && l.paragraph === total.paragraph;
  const bare = unit === undefined && bareCount(total) && next.parts.every(bareCount);
  // "6.8 million tickets ... 4.9 million admissions": a noun the story uses for the same things (nouns.json sameThings).
  const same = (p: Located) => { const u = input.units.get(p.q.id); return u === undefined || u === unit || (unit !== undefined && mayPartition(unit, u)); };
  const fits = bare || (unit !== undefined && next.parts.every(same));
  if (fits && !isSibling(input, total, next.parts)) return { total, parts: next.parts, role: 'next', rest: next.rest };
  // "... reached a record 2.4 million. Hotels accounted for 1.1 million of those nights, ...": a first part said to be of
  // the figure before ("of those", "of that") holds the list within it, whatever the total counts.
  return ofEarlierWhole(input.tokens, next.parts[0]!.q) ? { total, parts: next.parts, role: 'subset', rest: next.rest } : undefined;
}

const AGE_TAILS = [['and', 'over'], ['and', 'older'], ['or', 'over'], ['or', 'older'], ['and', 'above'], ['and', 'under'], ['or', 'under'], ['plus']];

/** "those 65 and over", "aged 80 or older": a figure right before one of these is an age band's bound. */
function ageTail(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  const k = tokenAt(tokens, q.end);
  return AGE_TAILS.some((words) => words.every((w, i) => tokens[k + i]?.lower === w));
}

/** How many amounts of one kind a sentence must hold to be read as a list of its own. */
const LIST_MEMBERS = 3;

/**
 * True when the figure is one member of a list of amounts of its own kind in its sentence (money in one currency, or
 * counts; three at least, no total cue marking it): a later member ("£18.4bn, ... £15.9bn and £11.2bn"), or the first
 * when it is smaller than the others together and so cannot be their whole. A list in the sentences after goes on with
 * such a list ("Defence gets £6.3bn. The remaining £10.9bn ..."), it does not split one of its members.
 */
export function closesList(input: PartitionInput, group: readonly Located[], l: Located): boolean {
  const members = group.filter((o) => o.q.quantityKind === l.q.quantityKind && o.q.unit === l.q.unit);
  if (members.length < LIST_MEMBERS) return false;
  const [from, to] = input.sentenceTokens(l.sentence);
  if (cuesNear(input.tokens, findTotalCues(input.tokens, from, to, input.cues), l.q).some((c) => c.role === 'total' && isCueOf(input.tokens, c, l.q))) return false;
  if (members[0] !== l) return true;
  const rest = members.slice(1).reduce((sum, o) => sum + guaranteed(o.q).low, 0);
  return stated(l.q).high < rest;
}

/** True when two sentences both exist and lie in one paragraph. */
/** Words that open a sentence commenting on the figure before it ("That is 17 percent more than ..."). */
const COMMENT_SUBJECTS = new Set(['that', 'this']);
const COMMENT_VERBS = new Set(['is', 'was', "'s", 'represents', 'represented', 'means', 'meant']);

/** True when sentence `k` opens with "That is", "This was" and the like: a comment on the figure before it. */
function commentsOnFigure(input: PartitionInput, k: number): boolean {
  if (k >= input.doc.all('sentence').length) return false;
  const [from, to] = input.sentenceTokens(k);
  return to - from > 2 && COMMENT_SUBJECTS.has(input.tokens[from]!.lower) && COMMENT_VERBS.has(input.tokens[from + 1]!.lower);
}

function sameParagraph(input: PartitionInput, a: number, b: number): boolean {
  if (input.bySentence.length <= b && input.partsBySentence.length <= b) return false;
  const [fa] = input.sentenceTokens(a);
  const [fb, tb] = input.sentenceTokens(b);
  if (tb <= fb) return false;
  const start = input.tokens[fa]?.start;
  const end = input.tokens[fb]?.start;
  return start !== undefined && end !== undefined && !/\n[ \t]*\n/.test(input.doc.text.slice(start, end));
}

/** How many tokens before a figure ("killed 212", "killing at least 212") or after it its end state is looked for. */
const STATE_BEFORE = 3;
const STATE_AFTER = 5;
const STATE_STOP = new Set([',', ';', ':', '.', 'and', 'while', 'but', 'or']);

/** The sameOutcomes group of the end state said of a figure ("killed 212 people", "212 people died"), if any. */
function stateGroup(input: PartitionInput, q: QuantityAnnotation): number | undefined {
  const { tokens, rules } = input;
  // "of magnitude 6.8 killed 212 people": a verb with a figure of its own between says nothing of this one.
  const stop = (t: Token) => STATE_STOP.has(t.lower) || t.pos === 'NUM' || t.type === 'number';
  const first = tokenAt(tokens, q.start);
  for (let k = first - 1; k >= Math.max(0, first - STATE_BEFORE) && !stop(tokens[k]!); k--) {
    const g = rules.sameOutcomes.get(tokens[k]!.lower);
    if (g !== undefined) return g;
  }
  const after = tokenAt(tokens, q.end);
  // "6.8 killed 212 people": a verb whose object is a figure of its own ("killed at least 212") is said of that figure.
  const ownObject = (k: number) => tokens.slice(k + 1, k + 4).some((t) => t.pos === 'NUM' || t.type === 'number');
  for (let k = after; k < Math.min(tokens.length, after + STATE_AFTER) && !stop(tokens[k]!); k++) {
    const g = rules.sameOutcomes.get(tokens[k]!.lower);
    if (g !== undefined) return ownObject(k) ? undefined : g;
  }
  return undefined;
}

/**
 * "The blast killed 40 people and injured 120. 25 died in the mine and 19 in the village.": when the first part of the
 * next sentence's list is said to reach an end state, the whole is the one figure of the sentence before said to
 * reach the same state, not its last figure (`alone`: even when it is the sentence's only figure).
 */
function sameStateWhole(input: PartitionInput, group: readonly Located[], parts: readonly Located[], alone = false): Located | undefined {
  if (group.length < (alone ? 1 : 2)) return undefined;
  const g = stateGroup(input, parts[0]!.q);
  if (g === undefined) return undefined;
  const same = group.filter((l) => stateGroup(input, l.q) === g);
  return same.length === 1 ? same[0] : undefined;
}

/**
 * "A poll of 40 economists found that 31 expect a rise. Of the rest, six expect rates to hold and three foresee a
 * cut.": the next sentence splits what is left of a whole once a part of it is counted, so the whole (the larger
 * figure before the part in its sentence) holds the part and the figures of the rest together (parts within it).
 */
export function restOfWhole(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  const part = group.at(-1);
  const whole = group.at(-2);
  const next = input.bySentence[s + 1];
  if (!part || !whole || !next || next.length === 0 || whole.q.value <= part.q.value || next[0]!.paragraph !== part.paragraph) return undefined;
  const [from] = input.sentenceTokens(s + 1);
  const word = (k: number) => input.tokens[from + k]?.lower ?? '';
  if (word(0) !== 'of' || word(1) !== 'the' || !input.chains.residualObjects.has(word(2)) || word(3) !== ',') return undefined;
  const unit = input.units.get(whole.q.id);
  const fits = (l: Located) => unit === undefined || !input.units.has(l.q.id) || canPartition(unit, input.units.get(l.q.id)!);
  const parts = [part, ...next.slice(0, MAX_PARTS)].filter(fits);
  return parts.length >= 2 ? { total: whole, parts, role: 'chain', rest: false } : undefined;
}

/** How far into its sentence the figure of a tally's last outcome may stand, and how far its outcome word. */
const TALLY_START = 2;
const TALLY_REACH = 6;

/**
 * "Eleven people are missing.", "Two remain in hospital.": a sentence whose only amount opens it, counts what the total
 * counts (or nothing named) and is said to reach an end state of an event (numeric.json exclusiveOutcomes).
 */
function tallyAfter(input: PartitionInput, s: number, total: Located): Located | undefined {
  const amounts = input.bySentence[s];
  const figure = amounts?.[0];
  if (!figure || amounts.length !== 1 || figure.paragraph - total.paragraph > 1 || figure.q.quantityKind !== 'count') return undefined;
  const [from, to] = input.sentenceTokens(s);
  const at = tokenAt(input.tokens, figure.q.start);
  if (at - from > TALLY_START) return undefined;
  const unit = input.units.get(figure.q.id);
  const whole = input.units.get(total.q.id);
  if (unit !== undefined && (whole === undefined || !canPartition(whole, unit))) return undefined;
  for (let k = tokenAt(input.tokens, figure.q.end); k < Math.min(to, at + TALLY_REACH); k++) if (input.rules.exclusiveOutcomes.has(input.tokens[k]!.lower)) return figure;
  return undefined;
}

const NAMING_OPENERS = new Set(['of', 'among', 'amongst']);
export const NAMING_DETERMINERS = new Set(['the', 'these', 'those']);

/** The figure of a sentence whose counted noun the next sentence's opener names ("Of the patients," → "86 patients"). */
function namedWhole(input: PartitionInput, s: number, group: readonly Located[]): Located | undefined {
  const [from] = input.sentenceTokens(s + 1);
  const word = (k: number) => input.tokens[from + k];
  if (!NAMING_OPENERS.has(word(0)?.lower ?? '') || !NAMING_DETERMINERS.has(word(1)?.lower ?? '') || word(2)?.type !== 'word') return undefined;
  // "Of the patients admitted, ...": the first word; "Of the stranded passengers, ...": the last before the comma.
  for (const noun of [normUnit(word(2)!.text), namedNoun(input, s + 1)]) {
    const named = noun === undefined ? [] : unitsNamed(input, group, noun);
    if (named.length === 1) return named[0];
  }
  return undefined;
}

/**
 * The figures of a group counted in `noun`, or, with no noun of their own, said to be in the state it names right
 * beside them ("152 injured", "injured 152" for "Of the injured, ...").
 */
export function unitsNamed(input: PartitionInput, group: readonly Located[], noun: string): Located[] {
  const { tokens } = input;
  // "Twenty-three people were killed ... The dead included ...": a word for the same end state (numeric.json sameOutcomes).
  const state = input.rules.sameOutcomes.get(noun);
  // "184,000 people arrived ... Of the new arrivals, ...": a form of the verb whose doings the noun counts (nouns.json actedNouns).
  const is = (t: Token | undefined) => t?.type === 'word' && (normUnit(t.text) === noun || (state !== undefined && input.rules.sameOutcomes.get(t.lower) === state) || actedBy(noun, t.lower));
  // "84 were injured", "26 people were injured": past the figure's noun and auxiliaries.
  const after = (l: Located) => {
    let k = tokenAt(tokens, l.q.end);
    if (l.q.unit !== undefined && tokens[k]?.text === l.q.unit) k++;
    while (tokens[k]?.pos === 'AUX' && k < tokenAt(tokens, l.q.end) + STATE_AUX) k++;
    return is(tokens[k]);
  };
  const beside = (l: Located) => is(tokens[tokenAt(tokens, l.q.start) - 1]) || after(l);
  return group.filter((l) => (l.q.unit !== undefined && normUnit(l.q.unit) === noun) || beside(l));
}

/** How many auxiliaries may stand between a figure and the state it is said to be in ("had been injured"). */
const STATE_AUX = 3;

/** How many words a named whole may have between its determiner and its comma ("Of the stranded rail passengers,"). */
const NAMED_WORDS = 4;

/** The head noun of the whole a sentence opens by naming ("Of the stranded passengers, ..."): the last word before its comma. */
export function namedNoun(input: PartitionInput, s: number): string | undefined {
  if (s >= input.doc.all('sentence').length) return undefined;
  const [from, to] = input.sentenceTokens(s);
  const word = (k: number) => input.tokens[from + k];
  if (!NAMING_OPENERS.has(word(0)?.lower ?? '') || !NAMING_DETERMINERS.has(word(1)?.lower ?? '')) return undefined;
  for (let k = 2; k <= 2 + NAMED_WORDS && from + k < to; k++) {
    if (word(k)!.text === ',') return k > 2 ? normUnit(word(k - 1)!.text) : undefined;
    if (word(k)!.type !== 'word') return undefined;
  }
  return undefined;
}

/**
 * "... left 86,000 passengers stranded. Lorvane accounted for 610 of the cancellations, ... Of the stranded passengers,
 * 41,000 were in Lorvane, ...": a list that names its whole by the noun of one figure two sentences back, past a
 * sentence with a list of its own and no figure of that noun, holds that figure's parts (within it).
 */
export function namedTwoBack(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  const noun = namedNoun(input, s + 2);
  if (noun === undefined || namedNoun(input, s + 1) !== undefined) return undefined;
  const named = unitsNamed(input, group, noun);
  if (named.length !== 1 || unitsNamed(input, input.bySentence[s + 1] ?? [], noun).length > 0) return undefined;
  const total = named[0]!;
  // "... injured 23 others.\n\nThe blast tore through a silo ...\n\nOf the injured, 14 ...": the sentence between may be a
  // paragraph of its own.
  const between = !sameParagraph(input, s, s + 1) && !sameParagraph(input, s + 1, s + 2) ? 2 : 1;
  const next = nextSentenceParts(input, s + 1, total, between);
  if (!next || next.parts.length < 2 || next.parts[0]!.paragraph - total.paragraph > between) return undefined;
  return { total, parts: next.parts, role: 'subset', rest: next.rest };
}

/** How many words after a measure of money its sum may stand ("revenue 7 per cent higher at £1.42bn"). */
const MEASURE_REACH = 8;

/**
 * The sum of money of sentence `s` that a measure of money names ("revenue climbed to a record €312m"), when the parts
 * after it are sums of money too and the sentence holds one such sum; undefined otherwise.
 */
export function measuredWhole(input: PartitionInput, s: number, group: readonly Located[], parts: readonly Located[]): Located | undefined {
  const { tokens } = input;
  const money = (l: Located) => l.q.quantityKind === 'money';
  if (!parts.some(money) || !parts.every((p) => money(p) || (p.q.quantityKind === 'count' && !input.units.has(p.q.id)))) return undefined;
  const [from, to] = input.sentenceTokens(s);
  const found: Located[] = [];
  for (let k = from; k < to; k++) {
    if (!input.moneyMeasures.has(tokens[k]!.lower)) continue;
    const sum = group.find((l) => money(l) && !isBaseline(tokens, l.q) && tokens[k]!.start < l.q.start && tokenAt(tokens, l.q.start) - k <= MEASURE_REACH);
    if (sum && !found.includes(sum)) found.push(sum);
  }
  return found.length === 1 ? found[0] : undefined;
}

/** The last figure of a sentence that no preposition governs ("2,460 pupils", not "at 38 primary schools"), if any. */
function unplaced(input: PartitionInput, group: readonly Located[]): Located | undefined {
  for (let i = group.length - 1; i >= 0; i--) {
    if (!governed(input, group[i]!) && !subordinate(input, group[i]!) && !isBaseline(input.tokens, group[i]!.q)) return group[i];
  }
  return undefined;
}

/** The last figure of a sentence outside a clause of another event, a governed phrase allowed ("vaccinated 312 people"). */
function mainClause(input: PartitionInput, group: readonly Located[]): Located | undefined {
  for (let i = group.length - 1; i >= 0; i--) if (!subordinate(input, group[i]!) && !isBaseline(input.tokens, group[i]!.q)) return group[i];
  return undefined;
}

/** "..., after two children died of the disease": a figure that opens a clause of another event (numeric.json listBreakers). */
function subordinate(input: PartitionInput, l: Located): boolean {
  const { tokens } = input;
  const at = tokenAt(tokens, l.q.start);
  for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
    if (input.rules.breakers.has(tokens[k]!.lower)) return true;
    if (!GOVERNED_GAP.has(tokens[k]!.pos)) return false;
  }
  return false;
}

/** Words that may stand between a preposition and the figure it governs ("at the county's two crown courts"). */
const GOVERNED_GAP = new Set(['DET', 'PRON', 'PROPN', 'NOUN', 'ADJ', 'PART']);

/** True when a preposition governs a figure, right before it or across its determiner and possessor. */
function governed(input: PartitionInput, l: Located): boolean {
  const { tokens } = input;
  const at = tokenAt(tokens, l.q.start);
  for (let k = at - 1; k >= Math.max(0, at - 4); k--) {
    if (input.rules.prepositions.has(tokens[k]!.lower)) return true;
    if (!GOVERNED_GAP.has(tokens[k]!.pos) && tokens[k]!.lower !== "'s") return false;
  }
  return false;
}

/** True when the total takes the same preposition as its parts ("on Friday" / "on Saturday"): one more item, not their whole. */
export function isSibling(input: PartitionInput, total: Located, parts: readonly Located[]): boolean {
  const { tokens, rules } = input;
  const own = prepositionOf(tokens, memberOf(tokens, total.q).at, rules);
  if (own !== undefined && parts.some((p) => prepositionOf(tokens, memberOf(tokens, p.q).at, rules) === own)) return true;
  // "Leeds had 29. York had 21 and Hull 14.", "The north had 610. The south had 380, and the east 250.": a figure held
  // through the verb that holds the first part, by a name or by a bare noun with no counted noun of its own, is one
  // more item of the list, not its whole ("The county had 1,240 cases. The north had 610, ..." keeps its whole).
  if (parts.length === 0) return false;
  // "Tamsin Hoyle won with 1,642 votes. Labour's Rob Easby followed on 1,208, ...": what one contender won is that
  // contender's result; when the next figures each open with a name of their own, it is one more result, not their whole.
  if (wonBy(tokens, total.q, rules.winVerbs) && parts[0]!.sentence !== total.sentence && opensWithName(tokens, input.sentenceTokens(parts[0]!.sentence)[0], parts[0]!.q)) return true;
  const verb = subjectVerbBefore(tokens, total.q, !input.chains.ownUnits.has(total.q.id));
  return verb !== undefined && subjectVerbBefore(tokens, parts[0]!.q, true) === verb;
}

/** How far before a figure the verb that wins it is looked for ("won with 1,642", "took 48 percent", "polled 9,300"). */
const WIN_REACH = 3;

/** True when a verb of winning (numeric.json winVerbs) stands just before the figure, with at most a preposition between. */
function wonBy(tokens: readonly Token[], q: QuantityAnnotation, winVerbs: ReadonlySet<string>): boolean {
  const at = tokenAt(tokens, q.start);
  for (let k = at - 1; k >= Math.max(0, at - WIN_REACH); k--) {
    const t = tokens[k]!;
    if (winVerbs.has(t.lower)) return true;
    if (t.pos !== 'ADP' && t.pos !== 'DET') return false;
  }
  return false;
}

/** True when a sentence opens with a name ("Labour's Rob Easby followed on 1,208") before its first figure. */
function opensWithName(tokens: readonly Token[], from: number, first: QuantityAnnotation): boolean {
  for (let k = from; k < tokens.length && tokens[k]!.start < first.start; k++) {
    const t = tokens[k]!;
    if (t.pos === 'PROPN') return true;
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'PART' && t.text !== "'s") return false;
  }
  return false;
}

/**
 * The lemma of the verb right before a figure when its subject stands right before the verb: a capitalised name
 * ("York had 21"), or, when `bare` (the figure counts no noun of its own), any noun ("the south had 380").
 */
function subjectVerbBefore(tokens: readonly Token[], q: QuantityAnnotation, bare: boolean): string | undefined {
  const at = tokenAt(tokens, q.start);
  const verb = tokens[at - 1];
  const subject = tokens[at - 2];
  if (!verb || !subject || (verb.pos !== 'VERB' && verb.pos !== 'AUX') || subject.type !== 'word') return undefined;
  const named = /^\p{Lu}/u.test(subject.text);
  // "the north had 610": the tagger reads some subjects after a determiner as adverbs or adjectives.
  const noun = subject.pos === 'NOUN' || subject.pos === 'PROPN' || tokens[at - 3]?.pos === 'DET';
  return named || (bare && noun) ? verb.lemma : undefined;
}

/** "A total of 50", "In all, 50", "50 people in all": the cue stands right before the figure or right after it and its noun. */
export function isCueOf(tokens: readonly Token[], cue: CueSpan, q: QuantityAnnotation): boolean {
  const first = tokenAt(tokens, q.start);
  const after = tokenAt(tokens, q.end);
  if (cue.forward) return forwardMark(tokens, cue, first);
  return (cue.last <= first && first - cue.last <= 1) || (cue.first >= after && cue.first - after <= 2);
}

/**
 * The figures of the sentence after a total's, when it states no total of its own: all of them when its parts are split
 * by semicolons, else those before its first colon. `subset` when it opens with "Of these", "Of them", "Among them".
 */
export function nextSentenceParts(input: PartitionInput, s: number, total: Located, paragraphs = 1): NextParts | undefined {
  // Asked once per opener of a sentence: remembered, so a sentence of many openers reads the next sentence once.
  let memo = NEXT_PARTS.get(input);
  if (!memo) NEXT_PARTS.set(input, (memo = new Map()));
  const key = paragraphs === 1 ? s : -1 - s;
  if (!memo.has(key)) memo.set(key, readNextParts(input, s, total, paragraphs));
  return memo.get(key);
}

/** The parts found in the sentence after a total's. */
export interface NextParts {
  /** The noun the first part is said to be "of the" ("2,104 of the new birds" → "bird"), wherever it stands. */
  readonly partitiveNoun?: string;
  readonly parts: Located[];
  readonly subset: boolean;
  readonly rest: boolean;
  readonly semicolons: boolean;
  /** "Two of the patients have died, 12 ...": the noun the first part names its whole by, normalised. */
  readonly ofNoun?: string;
}

const NEXT_PARTS = new WeakMap<PartitionInput, Map<number, NextParts | undefined>>();

/** The parts depend on the sentence (and so its paragraph) only, not on which of its figures asks. */
/** `paragraphs`: how many paragraphs after the total's its parts may stand. */
function readNextParts(input: PartitionInput, s: number, total: Located, paragraphs: number): NextParts | undefined {
  const { tokens } = input;
  // "... a record 9.5 million tonnes this year.\n\nApples gave 5.2 million tonnes, pears 2.9 ...": a lede's figure is
  // often broken down in the first sentence of the next paragraph, so that sentence is read as well.
  // "4.9 million admissions went to the three big operators": a number word after "the" that a preposition governs
  // counts a group the list speaks of, no part of it.
  // "158 of those infected were residents, of whom 41 are bedbound, and 61 were care workers": a figure within an
  // amount of its own sentence is no part of the list (totals.ts nestedFigures).
  const all = (input.partsBySentence[s + 1] ?? []).filter((l) => l.paragraph - total.paragraph <= paragraphs && !governedGroup(tokens, l.q) && !input.nested.has(l.q.id)).slice(0, MAX_PARTS);
  if (all.length < 2) return undefined;
  const [from, to] = input.sentenceTokens(s + 1);
  const cues = findTotalCues(tokens, from, to, input.cues);
  // "Turnover of £88 million was made up of ...": a sentence that splits a figure of its own is no list of an earlier one.
  // "...; the remaining 56 were spread across manufacturing and agriculture": a split with no figure after it says
  // what its last part holds, in words.
  const lastFigure = all.at(-1)!.q.end;
  if (cues.some((c) => c.role === 'total' || (c.role === 'split' && tokens[c.first]!.start < lastFigure))) return undefined;
  const subset = cues.some((c) => c.role === 'subset' && c.first - from < 3);
  const rest = cues.some((c) => c.role === 'rest');
  // "Food stores took 2.1 billion marks of that; clothing shops took 0.9, household goods 1.1 and fuel 0.7": a first part
  // said to be of the figure before, set off by a semicolon, goes on with the list after it to the sentence's end.
  const semicolons = all.slice(1).every((p) => tokens[lastPunctTokenBefore(tokens, p.q.start, from)]?.text === ';') || (ofEarlierWhole(tokens, all[0]!.q) && tokens[lastPunctTokenBefore(tokens, all[1]!.q.start, from)]?.text === ';');
  // "Hotels accounted for 1.1 million of those nights, campsites 0.9 and self-catering lets 0.6": a first part said to be
  // of the figure before opens a list that runs to the sentence's end.
  const ofBefore = !semicolons && ofEarlierWhole(tokens, all[0]!.q);
  const end = semicolons || ofBefore ? tokens[to - 1]!.end : nextPunctAfter(tokens, tokens[from]!.start, to);
  // Read so, a range ("between 14 and 9 particles") or an age ("those 65 and over") is no part of the list.
  const before = all.filter((p) => p.q.start < end && !(ofBefore && p !== all[0] && (p.q.bound === 'range' || ageTail(tokens, p.q))));
  // "... killed 46 people. The dead came from four districts: Morvel (19), Tessa (14) ...": a colon after a clause of no
  // figure opens the list of the figure before, to the end of the sentence (or its next colon or semicolon).
  const colon = before.length === 0 && tokens[tokenAt(tokens, end)]?.text === ':';
  const parts = colon ? all.filter((p) => p.q.start > end && p.q.start < nextPunctAfter(tokens, end + 1, to)) : before;
  if (parts.length < 2) return undefined;
  // "Two of the patients have died, 12 remain in hospital and 11 went home": the first part says of which whole it is.
  const first = tokenAt(tokens, parts[0]!.q.end);
  const ofNoun = tokenAt(tokens, parts[0]!.q.start) - from < 2 && tokens[first]?.lower === 'of' && tokens[first + 1]?.lower === 'the' && tokens[first + 2]?.pos === 'NOUN' ? normUnit(tokens[first + 2]!.text) : undefined;
  // "Spring produced 2,104 of the new birds and autumn 4,362": the noun of a first part's "of the (new) birds", anywhere.
  let n = first + 2;
  while (tokens[first]?.lower === 'of' && tokens[first + 1]?.lower === 'the' && tokens[n]?.pos === 'ADJ' && n < first + 4) n++;
  const partitiveNoun = tokens[first]?.lower === 'of' && tokens[first + 1]?.lower === 'the' && tokens[n]?.pos === 'NOUN' && tokens[n + 1]?.pos !== 'NOUN' ? normUnit(tokens[n]!.text) : undefined;
  return { parts, subset, rest, semicolons, ...(ofNoun !== undefined && { ofNoun }), ...(partitiveNoun !== undefined && { partitiveNoun }) };
}

