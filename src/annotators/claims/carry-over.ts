// Carry-over: when a sentence that names no source takes the attribution of the sentence before it. Only a sentence
// that continues the same report does (a continued quotation, "she added", a pronoun subject standing for the source,
// a colon list); a sentence with a new subject and a new figure starts unsourced. Word lists are in carry-over.json.
import type { AttributionAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import type { Token } from '../../nlp/tokens.js';
import data from './carry-over.json' with { type: 'json' };

/** The carry-over rules, as named in carry-over.json. */
export type CarryRule = 'quotation' | 'continuation-verb' | 'pronoun-subject' | 'colon-list' | 'breakdown' | 'poll-results' | 'study-results';

/** What a source is, as far as pronouns go: a person, not a person, or not known. */
export type SourceKind = 'person' | 'non-person' | 'unknown';

/** The report a following sentence may continue: the attributions it carries and what they name. */
export interface Report {
  readonly ids: readonly string[];
  readonly paragraph: number;
  readonly kind: SourceKind;
  /** The last word of each source phrase, lower-cased ("berg" for "Mayor Anna Berg"), for "added Berg". */
  readonly names: ReadonlySet<string>;
  /** The report's last sentence ends with a colon: the next sentence continues it. */
  readonly colon: boolean;
  /** The report's last sentence is a colon or a list item after one: list items that follow continue it. */
  readonly list: boolean;
  /** A source names a poll or survey ("a survey published by ..."): later poll results are its. */
  readonly poll: boolean;
  /** A source names a table of figures ("according to figures published by ...", "the accounts show"). */
  readonly table?: boolean;
  /** The report's last sentence broke its figure down ("Of those, 64 percent ..."): further parts go on with it. */
  readonly breakdown?: boolean;
  /** The poll is an opinion poll, whose results are written in the present ("The party stands at 39 percent"). */
  readonly pollInPresent?: boolean;
  /** The report has been carried into a sentence after the one that named its source. */
  readonly continued?: boolean;
}

/** The sentence that might continue a report. */
export interface Candidate {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly paragraph: number;
  /** The sentence starts inside a quotation opened earlier in its paragraph. */
  readonly insideQuote: boolean;
  /** The sentence is a list item: it starts with a bullet or item number, or follows a bare item number ("1."). */
  readonly listItem: boolean;
  /** The sentence holds a statistic. */
  readonly figure?: boolean;
}

type PronounTarget = 'person' | 'non-person' | 'any';

const PRONOUNS = new Map(data.pronouns.map((p) => [p.pronoun, p.refersTo as PronounTarget]));
const OPENERS = new Set(data.openers.map((o) => o.word));
const BETWEEN = new Set(data.between.map((b) => b.word));
const CONTINUATION = data.continuationVerbs.map((v) => v.verb.split(' '));
const REPORTING = [...CONTINUATION, ...data.reportVerbs.map((v) => v.verb.split(' '))];
const OPENING = new Set([...data.quoteMarks.open, ...data.quoteMarks.either]);
const CLOSING = new Set(data.quoteMarks.close);
const EITHER = new Set(data.quoteMarks.either);
const [EITHER_KIND, OPENING_KIND, CLOSING_KIND] = [1, 2, 3];

/**
 * Per UTF-16 code unit, what quoteOpenAfter makes of it: 1 either, 2 opening, 3 closing (the first set that has it,
 * in the order it asks them), 0 none; read per code unit instead of a string per character and three set look-ups.
 * Undefined (quoteOpenAfter walks code points) if a mark were not one code unit outside the surrogates: then a unit
 * on its own could not stand for it.
 */
const QUOTE_KINDS: Uint8Array | undefined = (() => {
  const marks = [...EITHER, ...OPENING, ...CLOSING];
  if (marks.some((m) => m.length !== 1 || (m.charCodeAt(0) >= 0xd800 && m.charCodeAt(0) <= 0xdfff))) return undefined;
  const kinds = new Uint8Array(0x10000);
  for (const m of CLOSING) kinds[m.charCodeAt(0)] = CLOSING_KIND;
  for (const m of OPENING) kinds[m.charCodeAt(0)] = OPENING_KIND;
  for (const m of EITHER) kinds[m.charCodeAt(0)] = EITHER_KIND;
  return kinds;
})();
const LIST_MARKER = new RegExp(data.listMarkers.pattern);
const NON_PERSON_TYPES = new Set(['organization', 'outlet', 'agency', 'document']);
const POLL_NOUNS = new Set(data.pollNouns.map((p) => p.word));
/** Poll nouns whose results are written in the present ("The party stands at 39 percent"): an opinion poll's. */
const PRESENT_POLL_NOUNS = new Set(data.pollNouns.filter((p) => 'resultsInPresent' in p && p.resultsInPresent).map((p) => p.word));
const TABLE_NOUNS = new Set(data.tableNouns.words);
const POLL_RESULTS = data.pollResultWords.map((p) => ` ${p.phrase} `);
const POLL_SHARES = new Set(data.pollShares.map((p) => p.word));
const PARTITIVE = data.breakdownOpeners.partitive.map((p) => p.words.split(' '));
const POLL_SUBJECTS = data.pollSubjects.openers.map((p) => p.words.split(' '));
const FURTHER = data.breakdownOpeners.further.map((p) => p.words.split(' '));

/** The rule by which `sentence` continues `report`, or undefined when it starts afresh. */
export function carryRule(report: Report, sentence: Candidate): CarryRule | undefined {
  const same = report.paragraph === sentence.paragraph;
  const next = report.paragraph + 1 === sentence.paragraph;
  if ((same && sentence.insideQuote) || ((same || next) && opensQuote(sentence.text))) return 'quotation';
  if ((report.colon && (same || next)) || (report.list && sentence.listItem)) return 'colon-list';
  // A breakdown of a figure a poll, a study or a table of figures gave ("Of those, 64 percent ..."); after a person or a
  // body that said it, a new sentence with new figures starts unsourced (carry-over.json tableNouns).
  if (sentence.figure && (same || next) && (report.poll || report.table || report.breakdown) && opensWith(sentence.tokens, PARTITIVE)) return 'breakdown';
  // The report being continued is a poll or study: its write-up, told in the past ("Walkers averaged 58 minutes"), goes
  // on through the figures that follow it, from the next paragraph on, or in a paragraph it has already been carried
  // into; a figure in the present ("The farms employ 900 people") or set in another time is the writer's background,
  // except after an opinion poll, whose results are written in the present ("The party stands at 39 percent").
  if (sentence.figure && report.poll && (next || (same && report.continued)) && (report.pollInPresent || toldInPast(sentence.tokens)) && !setInOtherTime(sentence.tokens)) return 'study-results';
  if (!same) return undefined;
  // A further part after a breakdown, or after a poll's or study's own figures ("found that 47 percent would ... A further
  // 29 percent wanted ...").
  if (sentence.figure && (report.breakdown || report.poll) && opensWith(sentence.tokens, FURTHER)) return 'breakdown';
  // "Tyre wear accounts for another 28 percent": the next part of a poll's or study's breakdown, written after its subject
  // (the phrase then a number, in the paragraph of the report).
  if (sentence.figure && report.poll && same && holdsBeforeNumber(sentence.tokens, FURTHER)) return 'breakdown';
  if (hasContinuationVerb(report, sentence.tokens)) return 'continuation-verb';
  if (hasPronounSubject(report, sentence.tokens)) return 'pronoun-subject';
  return undefined;
}

/** The rule by which a sentence with a figure (or a share word, "a majority") reports the results of a poll given as a source earlier, if it does. */
export function pollRule(poll: Report | undefined, sentence: Candidate, hasFigure: boolean): CarryRule | undefined {
  if (!poll?.poll) return undefined;
  // The poll or study itself as the subject of a sentence without a figure: "The study was funded by ...".
  if (!hasFigure && opensWith(sentence.tokens, POLL_SUBJECTS)) return 'poll-results';
  // A share without a number ("a majority backed the idea") is a result as much as a figure is.
  if (!(hasFigure || sentence.tokens.some((tok) => POLL_SHARES.has(tok.lower)))) return undefined;
  // As written and by lemma: "supported", "opposed", "backs" are the answers "support", "oppose", "back". A passive
  // ("Flupyram is approved for use", "the plan was backed by the council") is no answer: it keeps its written form.
  const words = ` ${sentence.tokens.map((tok) => tok.lower).join(' ')} `;
  const lemmas = ` ${sentence.tokens.map((tok, i) => (i > 0 && sentence.tokens[i - 1]!.lemma === 'be' && tok.pos === 'VERB' ? tok.lower : tok.lemma)).join(' ')} `;
  return POLL_RESULTS.some((phrase) => words.includes(phrase) || lemmas.includes(phrase)) ? 'poll-results' : undefined;
}

/** The report a sentence makes with its own source-naming attributions. */
export function reportOf(doc: Document, attributions: readonly AttributionAnnotation[], paragraph: number, sentenceText: string): Report {
  const types = new Set<string>();
  const names = new Set<string>();
  let poll = false;
  let table = false;
  let pollInPresent = false;
  for (const ann of attributions) {
    for (const id of ann.entityIds ?? []) {
      const entity = doc.get(id);
      if (entity?.kind === 'entity') types.add(entity.type);
    }
    const words = ann.sourceSpan ? doc.text.slice(ann.sourceSpan.start, ann.sourceSpan.end).toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) : null;
    if (words) names.add(words.at(-1)!);
    if (words?.some((word) => POLL_NOUNS.has(word))) poll = true;
    if (words?.some((word) => TABLE_NOUNS.has(word))) table = true;
    if (words?.some((word) => PRESENT_POLL_NOUNS.has(word))) pollInPresent = true;
  }
  const kind: SourceKind = types.has('person') ? 'person' : [...types].some((t) => NON_PERSON_TYPES.has(t)) ? 'non-person' : 'unknown';
  const colon = endsWithColon(sentenceText);
  return { ids: attributions.map((a) => a.id), paragraph, kind, names, colon, list: colon, poll, table, pollInPresent };
}

/** The report after `sentence` carried it (by `rule`): a list goes on only through list items, a breakdown through its parts. */
export function continued(report: Report, sentence: Candidate, rule?: CarryRule): Report {
  const colon = endsWithColon(sentence.text);
  return { ...report, paragraph: sentence.paragraph, colon, list: colon || (report.list && sentence.listItem), breakdown: rule === 'breakdown', continued: true };
}

const PAST_AUX = new Set(['was', 'were', 'had', 'did']);

/** A past auxiliary or a past form of a verb: "were a mix of", "averaged", "answered". */
function toldInPast(tokens: readonly Token[]): boolean {
  return tokens.some((tok) => (tok.pos === 'AUX' && PAST_AUX.has(tok.lower)) || (tok.pos === 'VERB' && tok.lower !== tok.lemma && !/(?:ing|s)$/.test(tok.lower)));
}

const OTHER_TIME = new Set(data.otherTime.words.map((w) => w.word));

/** "Turnout in the last election was 41 percent", "in 2021", "a decade ago": a figure set in another time than the study's. */
function setInOtherTime(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    // "counted 18,420 bees last summer, compared with 27,900 in 2009": the time after a comparison is its baseline's,
    // and "last summer" the study's own season (carry-over.json otherTime comparisons, ownSeasons).
    if (COMPARISONS.some((words) => words.every((w, k) => tokens[i + k]?.lower === w))) return false;
    if (tok.lower === 'last' && OWN_SEASONS.has(tokens[i + 1]?.lower ?? '')) continue;
    if (OTHER_TIME.has(tok.lower) || (tok.pos === 'NUM' && /^(?:1[89]|20)\d\d$/.test(tok.text))) return true;
  }
  return false;
}

const COMPARISONS = data.otherTime.comparisons.words.map((w) => w.split(' '));
const OWN_SEASONS = new Set(data.otherTime.ownSeasons.words);

/** One of `phrases` (lower-cased words) stands anywhere in the sentence, right before a number ("another 28 percent"). */
function holdsBeforeNumber(tokens: readonly Token[], phrases: readonly string[][]): boolean {
  return tokens.some((_, i) => phrases.some((words) => words.every((w, k) => tokens[i + k]?.lower === w) && tokens[i + words.length]?.pos === 'NUM'));
}

/** The sentence opens with one of `phrases` (lower-cased words). */
function opensWith(tokens: readonly Token[], phrases: readonly string[][]): boolean {
  return phrases.some((words) => words.every((w, k) => tokens[k]?.lower === w));
}

/** Whether a quotation is open at the end of `text`, given whether it was open at its start. */
export function quoteOpenAfter(text: string, open: boolean): boolean {
  if (QUOTE_KINDS) {
    for (let i = 0; i < text.length; i++) {
      const kind = QUOTE_KINDS[text.charCodeAt(i)]!;
      if (kind === 0) continue;
      open = kind === EITHER_KIND ? !open : kind === OPENING_KIND;
    }
    return open;
  }
  for (const ch of text) {
    if (EITHER.has(ch)) open = !open;
    else if (OPENING.has(ch)) open = true;
    else if (CLOSING.has(ch)) open = false;
  }
  return open;
}

/** A bullet, dash or item number at the start: "- 40 more", "2. 120 more", or "1." alone. */
export function isListItem(text: string): boolean {
  return LIST_MARKER.test(text.trimStart());
}

function opensQuote(text: string): boolean {
  const first = text.trimStart()[0];
  return first !== undefined && OPENING.has(first);
}

function endsWithColon(text: string): boolean {
  return /:\s*$/.test(text);
}

function agrees(report: Report, token: Token | undefined): boolean {
  const target = token && PRONOUNS.get(token.lower);
  if (!target) return false;
  if (target === 'person') return report.kind !== 'non-person';
  if (target === 'non-person') return report.kind !== 'person';
  return true;
}

/** Length of the verb phrase from `verbs` that starts at token i (0 when none does). */
function verbAt(tokens: readonly Token[], i: number, verbs: readonly string[][]): number {
  if (tokens[i]?.pos !== 'VERB') return 0;
  for (const words of verbs) {
    if (tokens[i]!.lemma === words[0] && words.slice(1).every((w, k) => tokens[i + 1 + k]?.lower === w)) return words.length;
  }
  return 0;
}

/** "she added", "he then went on", "added Berg", "…, she continued": a continuation verb beside its speaker. */
function hasContinuationVerb(report: Report, tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const length = verbAt(tokens, i, CONTINUATION);
    if (length === 0) continue;
    let before = i - 1;
    while (before >= 0 && BETWEEN.has(tokens[before]!.lower)) before--;
    const after = tokens[i + length];
    if (agrees(report, tokens[before]) || agrees(report, after) || (after !== undefined && report.names.has(after.lower))) return true;
  }
  return false;
}

/** "It also found …", "And they estimate …": an agreeing pronoun subject, then a reporting verb. */
function hasPronounSubject(report: Report, tokens: readonly Token[]): boolean {
  let i = 0;
  if (OPENERS.has(tokens[i]?.lower ?? '')) i++;
  if (!agrees(report, tokens[i])) return false;
  i++;
  for (let skipped = 0; skipped < 3 && (BETWEEN.has(tokens[i]?.lower ?? '') || tokens[i]?.pos === 'AUX'); skipped++) i++;
  return verbAt(tokens, i, REPORTING) > 0;
}
