// A total and the list of its parts after an opener in its sentence: a colon, a subset cue ("of whom", "including"), a
// comma, "split into", a bracket, or a figure fronted ("Of the 1,300 who answered, ..."); the total is the figure
// right before the opener in its clause, or a whole named again in the sentence before (pronoun-wholes.ts).
import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { firstFigureFrom, type Located } from './context.js';
import type { CueSpan } from './totals.js';
import { nextSentenceParts } from './next-sentence.js';
import { governedGroup } from './groups.js';
import { isBaseline, isChangedFrom, isRemainder, ofDefiniteGroup } from './part-words.js';
import { allDistinct } from './kinds.js';
import { countsTheParts, wholeNamedBefore } from './evidence.js';
import { lastPunctBefore, nextPunctAfter, type Opener } from './openers.js';
import { normUnit } from './units.js';
import { cueBetween, MAX_PARTS, type Candidate, type PartitionInput } from './partition-input.js';
import { pronounWhole } from './pronoun-wholes.js';

/** The total right before an opener and the parts after it, up to the next colon or semicolon; else in the next sentence. */
export function listAfter(input: PartitionInput, s: number, group: readonly Located[], cues: readonly CueSpan[], opener: Opener): Candidate | undefined {
  const { tokens } = input;
  const [from, to] = input.sentenceTokens(s);
  const clauseStart = lastPunctBefore(tokens, opener.start, from);
  const bounded = nextPunctAfter(tokens, opener.end, to, opener.role === 'paren', tokens[tokenAt(tokens, opener.start)]?.text === '-');
  const listEnd = opener.role === 'fronted' ? acrossSemicolons(tokens, bounded, to) : bounded;
  const parts: Located[] = [];
  for (let i = firstFigureFrom(group, opener.end); i < group.length && group[i]!.q.start < listEnd && parts.length < MAX_PARTS; i++) parts.push(group[i]!);
  // "split across three sites, with 300 in Leeds, 200 in York and 150 in Hull": the count of the parts is none of them.
  // "418 violent crimes: 9 homicides, 41 rapes, 57 robberies and 311 assaults": a first figure with a counted noun of its
  // own among parts that each have a different one is one more kind, not their count.
  // "of whom nine were dead, 31 injured and 11 unhurt": a small first figure that is the subject of its own verb is a part.
  if (parts.length > 2 && countsTheParts(parts[0]!.q, parts.slice(1).map((p) => p.q)) && !distinctKinds(parts) && !subjectOfVerb(tokens, parts[0]!.q)) parts.shift();
  const fused = opener.role === 'subset' ? partBeforeCue(input, group, opener, clauseStart) : undefined;
  if (fused) return { total: fused.total, parts: [fused.part, ...parts], role: 'subset', rest: false };
  // "Sixty-one of them were women living alone, and 70 were over 80": a figure right before "of them" is a part of a
  // group named before its clause, never the whole of what follows.
  if (opener.role === 'subset' && /^of\b/i.test(input.doc.text.slice(opener.start, opener.end)) && fusedBefore(input, group, opener)) return undefined;
  const total = listCountAside(group, totalBefore(input, group, opener, clauseStart, listEnd), parts, clauseStart);
  // "1,960 of the birds were found in a freezer on Tuesday, 1,420 in a car on Wednesday and 600 on a skiff": a figure said
  // to be of a group named before, then figures in its own frame with the verb left out, are siblings, not its parts.
  if (opener.role === 'comma' && total && parts.length > 0 && partitiveOfGroup(tokens, total.q) && parts.every((p) => gappedInPlace(tokens, p.q)) && ownFrame(tokens, total.q, opener.start, parts)) return undefined;
  // "The force has 2,300 officers. They are made up of 1,600 constables, ...": a pronoun subject of a split stands for
  // the last amount of the sentence before.
  const carried = !total && opener.role === 'split' && parts.length > 1 ? pronounWhole(input, s, clauseStart, opener.start) : undefined;
  // "of which 3,900 ... and the remaining 1,560": a remainder stated as the last part closes the list; only a rest left
  // unstated ("the rest were ...") leaves it open.
  const rest = cueBetween(cues, 'rest', opener.end, listEnd) && !(parts.length > 0 && isRemainder(input.tokens, parts.at(-1)!));
  if (carried) return { total: carried, parts, role: 'split', rest };
  if (!total) {
    // "the money went to the three firms in these amounts: ...": parts of a sum named earlier, which they may not exceed.
    const earlier = opener.role === 'colon' && parts.length > 1 ? wholeNamedBefore(input, s, clauseStart, opener.start, parts) : undefined;
    return earlier && { total: earlier, parts, role: 'subset', rest: false };
  }
  // "£4 million in 2023; in 2024 it paid £2.5 million to ...": a clause set in another year speaks of another whole.
  if (opener.role === 'clause' && parts.length > 0 && yearBetween(tokens, opener.end, parts[0]!.q.start)) return undefined;
  if (parts.length > 0) return { total, parts, role: opener.role, rest };
  const cued = opener.role === 'split' || cueBetween(cues, 'total', clauseStart, opener.start);
  const next = cued ? nextSentenceParts(input, s, total) : undefined;
  return next && { total, parts: next.parts, role: next.subset ? 'subset' : opener.role === 'split' ? 'split' : 'next', rest: next.rest };
}

/**
 * "Of the 1,300 who answered, 870 opposed the cuts and 290 backed them; 180 had no view.": after a whole named first, a
 * clause after a semicolon that opens with a figure and its verb goes on with the list (a clause that opens otherwise
 * ends it).
 */
function acrossSemicolons(tokens: readonly Token[], end: number, to: number): number {
  let listEnd = end;
  for (let n = 0; n < MAX_PARTS; n++) {
    const k = tokenAt(tokens, listEnd);
    // "...; 180 had no view": the figure is the subject of its clause (a verb right after it); "; 250 more are planned"
    // or "; 90 jobs will move" adds to the whole or counts something else.
    const next = tokens[k + 2];
    if (tokens[k]?.text !== ';' || tokens[k + 1]?.type !== 'number' || k + 1 >= to || !next || !(next.pos === 'VERB' || next.pos === 'AUX')) break;
    listEnd = nextPunctAfter(tokens, tokens[k + 1]!.start, to);
  }
  return listEnd;
}

/**
 * "30 passengers, 12 of whom ...", "Fifteen people were arrested, eight of them women": a figure right before a subset
 * cue is its first part, and the whole is the figure before that one, in the same clause.
 */
function partBeforeCue(input: PartitionInput, group: readonly Located[], opener: Opener, clauseStart: number): { total: Located; part: Located } | undefined {
  const at = firstFigureFrom(group, opener.start);
  const part = group[at - 1];
  // "slipped to 1,960 farm businesses from 1,994, with 2,140 of them": the earlier level of a change is no whole; the
  // level it changed to is.
  // "2.3 million people lived in the two worst-hit provinces, ... and 2.6 million of them": a small group a preposition
  // governs is what the sentence speaks of, not the whole (groups.ts).
  let before = at - 2;
  while (group[before] && governedGroup(input.tokens, group[before]!.q)) before--;
  const total = group[before] && isChangedFrom(input.tokens, group[before]!.q) ? group[before - 1] : group[before];
  const fusedTo = (l: Located, at: number) => /^\s*$/.test(input.doc.text.slice(l.q.end, at));
  if (!part || !total || total.q.start < clauseStart || !fusedTo(part, opener.start)) return undefined;
  // "12 of whom ... and 25 of whom": the figure before the second part is the first part, not their whole.
  const cue = input.doc.text.slice(opener.start, opener.end).toLowerCase();
  if (input.doc.text.slice(total.q.end, total.q.end + cue.length + 1).toLowerCase().trim() === cue) return undefined;
  return { total, part };
}

/** True when every figure has a counted noun of its own and no two share one ("9 homicides, 41 rapes, 57 robberies"). */
function distinctKinds(parts: readonly Located[]): boolean {
  const nouns = parts.map((p) => (p.q.quantityKind === 'count' && p.q.unit !== undefined ? normUnit(p.q.unit) : undefined));
  return allDistinct(nouns);
}

/** True when the figure right before a subset cue stands against it ("Sixty-one of them"), only spaces between. */
function fusedBefore(input: PartitionInput, group: readonly Located[], opener: Opener): boolean {
  const part = group[firstFigureFrom(group, opener.start) - 1];
  return part !== undefined && /^\s*$/.test(input.doc.text.slice(part.q.end, opener.start));
}

/**
 * "The 1,200 jobs will go in three waves: 500 this year, ...": a figure that counts the parts listed is no total; the
 * figure before it in its clause is.
 */
function listCountAside(group: readonly Located[], total: Located | undefined, parts: readonly Located[], clauseStart: number): Located | undefined {
  if (!total || !countsTheParts(total.q, parts.map((p) => p.q))) return total;
  const before = group[group.indexOf(total) - 1];
  return before && before.q.start >= clauseStart ? before : total;
}

/** How many figures of its clause before an opener are tried as the total. */
const TOTAL_TRIES = 3;
/** What stands between the level a change reached and the level it started from ("3.6 million, up from 3.1 million"). */
const CHANGE_GAP = /^,?\s*(?:(?:up|down)\s+)?from\s+$/i;

/**
 * The figure right before an opener, in its clause; or, when the first part names its own unit and that figure counts
 * something else ("lost £60.5m over three seasons: £22.1m ..."), the nearest one before it with the part's unit.
 */
function totalBefore(input: PartitionInput, group: readonly Located[], opener: Opener, clauseStart: number, listEnd: number): Located | undefined {
  const at = firstFigureFrom(group, opener.start);
  const inClause = (l: Located | undefined) => l !== undefined && l.q.end <= opener.start && l.q.start >= clauseStart;
  let nearest = group[at - 1];
  // "The orchestra's 96 players come from 12 countries; 60 are British, ...": a figure in a phrase of place that is
  // smaller than every part cannot hold them; the figure its clause is about, before it, is their whole.
  const governed = (l: Located) => input.rules.prepositions.has(input.tokens[tokenAt(input.tokens, l.q.start) - 1]?.lower ?? '');
  const listed = group.slice(at).filter((l) => l.q.start < listEnd);
  const outer = group[at - 2];
  if (nearest && outer && inClause(nearest) && inClause(outer) && governed(nearest) && !governed(outer) && listed.length >= 2 && listed.every((l) => l.q.value > nearest!.q.value)) nearest = outer;
  // "cost the council £11.8m last year against a budget of £7.5m: £7.2m went on ...": a figure set up for comparison is
  // the yardstick, not the whole the list after it splits; the figure compared with it is.
  if (nearest && inClause(nearest) && comparedWith(input.tokens, nearest)) {
    if (!outer || !inClause(outer) || comparedWith(input.tokens, outer)) return undefined;
    nearest = outer;
  }
  // "rose to 3.6 million, up from 3.1 million, with 2.2 million ... and 1.4 million ...": the level a change started from
  // is no whole; the level it reached, right before it, is.
  if (nearest && inClause(nearest) && isBaseline(input.tokens, nearest.q)) {
    const reached = group[at - 2];
    return reached && CHANGE_GAP.test(input.doc.text.slice(reached.q.end, nearest.q.start)) ? reached : undefined;
  }
  const first = group[at];
  const unit = first && first.q.start < listEnd ? input.units.get(first.q.id) : undefined;
  if (!inClause(nearest) || unit === undefined || input.units.get(nearest!.q.id) === unit) return inClause(nearest) ? nearest : undefined;
  for (let i = at - 2; i >= Math.max(0, at - 1 - TOTAL_TRIES) && inClause(group[i]); i--) if (input.units.get(group[i]!.q.id) === unit) return group[i];
  // Sums of money never part a count ("the three companies ...: 610,000 euros, ..."); counts may name kinds of a count.
  const money = (u: string | undefined) => u?.startsWith('money ') ?? false;
  return money(unit) === money(input.units.get(nearest!.q.id)) ? nearest : undefined;
}

/** Words that set a figure up as the yardstick of a comparison ("against a budget of £7.5m", "compared with 212"). */
const YARDSTICKS = new Set(['against', 'compared', 'versus', 'than']);

/** True when a yardstick word stands within the four words before a figure. */
function comparedWith(tokens: readonly Token[], l: Located): boolean {
  const k = tokenAt(tokens, l.q.start);
  return tokens.slice(Math.max(0, k - 4), k).some((t) => YARDSTICKS.has(t.lower));
}
/** True when a year ("2024") stands between two offsets. */
function yearBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = tokenAt(tokens, from); k < tokens.length && tokens[k]!.start < to; k++) if (/^(?:19|20)\d\d$/.test(tokens[k]!.text)) return true;
  return false;
}

/** "1,960 of the birds": a figure followed by "of" and a definite group without a figure of its own. */
function partitiveOfGroup(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  return ofDefiniteGroup(tokens, q) && !/^\d/.test(tokens[tokenAt(tokens, q.end) + 2]?.text ?? '');
}

/** "1,960 of the birds were found in a freezer on Tuesday, 1,420 in a car": the figure's own clause has the preposition its siblings take. */
function ownFrame(tokens: readonly Token[], q: QuantityAnnotation, end: number, parts: readonly Located[]): boolean {
  const words = new Set(parts.map((p) => tokens[tokenAt(tokens, p.q.end)]!.lower));
  for (let k = tokenAt(tokens, q.end) + 2; k < tokens.length && tokens[k]!.start < end; k++) if (words.has(tokens[k]!.lower)) return true;
  return false;
}

/** "1,420 in a car": a figure followed at once by a preposition, its verb left out. */
function gappedInPlace(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  const t = tokens[tokenAt(tokens, q.end)];
  return t?.pos === 'ADP' && t.lower !== 'of';
}

/** "nine were dead": a figure followed at once by a verb or its auxiliary, the subject of its own clause. */
function subjectOfVerb(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  const next = tokens[tokenAt(tokens, q.end)];
  return next !== undefined && (next.pos === 'VERB' || next.pos === 'AUX') && next.type === 'word';
}
