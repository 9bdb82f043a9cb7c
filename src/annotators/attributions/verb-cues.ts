import type { Token } from '../../nlp/tokens.js';
import { contentAfter, contentBefore, contentEnd, hasVerb, isCloseQuote, isOpenQuote, quotationFrom, type RawAttribution, type Scan } from './clause.js';
import type { Cue } from './lexicon.js';
import { isNameWord, partsOf, phraseAfter, phraseBefore, withAppositiveName, type Span } from './noun-phrase.js';
import policy from './policy.json' with { type: 'json' };
import { subjectBeforeRelative, subjectBeforeRestrictive } from './policy-subjects.js';
import type { Range } from '../../core/range.js';
import { agreesWith, figureAt, hasNumber, isThatClause, OBJECT_START, objectWithNumber } from './verb-forms.js';

/** The auxiliaries, modals, adverbs and lead-ins before a reporting verb ("would come forth to"). */
interface VerbGroup {
  readonly first: number;
  readonly passive: boolean;
  readonly authorModal: boolean;
  readonly hedged: boolean;
}

const SENTENCE_ENDS = new Set(['.', ';', '!']);
const GROUP_PART = new Set(['not', "n't", 'n’t', 'to']);
const GAP_POS = new Set(['PRON', 'DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADP', 'ADV']);

/** Finds the verb group that ends before token `at`. */
export function verbGroupBefore(scan: Scan, at: number): VerbGroup {
  const { tokens, lex } = scan;
  let i = at - 1;
  let authorModal = false;
  let hedged = false;
  for (; i >= scan.sent.first; i--) {
    const t = tokens[i]!;
    const inGroup = t.pos === 'AUX' || (t.pos === 'PART' && GROUP_PART.has(t.lower)) || (t.pos === 'ADV' && t.lower !== 'there') || lex.verbGroupWords.has(t.lower);
    if (!inGroup) break;
    authorModal ||= lex.authorModals.has(t.lower);
    hedged ||= lex.phrases.matchAt(tokens, i, i + 1)?.entry.kind === 'adverb';
  }
  let k = at - 1;
  while (k > i && tokens[k]!.pos === 'ADV') k--;
  const passive = k > i && tokens[k]!.lemma === 'be' && !tokens[at]!.lower.endsWith('ing');
  return { first: i + 1, passive, authorModal, hedged };
}

/** Content that follows a reporting verb: a that-clause, a colon, or a quotation, possibly after an addressee. */
function complementAfter(scan: Scan, from: number, cue: Cue): { content: Range; that?: number } | undefined {
  const { tokens, sent } = scan;
  const end = contentEnd(tokens, sent);
  for (let j = from; j < Math.min(end, from + 12); j++) {
    const t = tokens[j]!;
    if (isOpenQuote(tokens, j, sent)) {
      const content = quotationFrom(tokens, j, sent);
      return content && { content };
    }
    if (cue.quoteOnly) {
      if (t.text === ',' || t.text === '.' || t.pos === 'VERB' || t.pos === 'AUX') return undefined;
      continue;
    }
    if (t.lower === 'that' && (j === from || cue.addressee || tokens[from]!.pos === 'ADP' || tokens[from]!.pos === 'ADV')) {
      const content = contentAfter(tokens, j + 1, sent);
      return content && { content, that: j };
    }
    if (t.text === ':' || (t.text === ',' && isOpenQuote(tokens, j + 1, sent))) continue;
    // A capitalised word the tagger took for a verb inside an outlet's name ("for the Meridia Herald that") is a name.
    const name = j > from && (t.pos === 'VERB' || t.pos === 'X') && /^\p{Lu}/u.test(t.text) && GAP_POS.has(tokens[j - 1]!.pos);
    if ((!GAP_POS.has(t.pos) && !name) || (j === from && t.pos === 'PRON' && !cue.addressee)) return undefined;
  }
  return undefined;
}

/** True when `at` opens its sentence (past quotation marks and whitespace). */
function isSentenceStart(tokens: readonly Token[], at: number, first: number): boolean {
  for (let i = at - 1; i >= first; i--) if (tokens[i]!.text.trim() !== '' && !/^["“‘']$/.test(tokens[i]!.text)) return false;
  return true;
}

/** True when a reporting verb tagged as a noun still reads as a verb ("the files show ISIS ..."). */
function readsAsVerb(scan: Scan, at: number, subject: Span, group: VerbGroup, cue: Cue): boolean {
  const { tokens, lex } = scan;
  if (tokens[at]!.pos === 'VERB') return true;
  const parts = partsOf(tokens, subject, lex);
  const last = tokens[parts.head]!;
  const next = tokens[at + 1];
  // "Economists estimate that", "Traders estimate exports ...": wink tags a sentence-opening plural as a name.
  const openingPlural = last.pos === 'PROPN' && parts.head === subject.first && isSentenceStart(tokens, subject.first, scan.sent.first) && /[^s]s$/.test(last.lower) && last.lower !== last.text;
  const noun = last.pos === 'NOUN' || lex.documentHeads.has(last.lower) || openingPlural;
  const plural = noun && (last.lower.endsWith('s') || lex.documentHeads.has(last.lower));
  if (group.first !== at || next === undefined) return false;
  // "The figures show that ...", "The Bank of Estland estimates that ...", "The union estimates 8,000 jobs ...": a cue
  // whose form agrees with its subject (plural subject and base form, singular subject and -s form) before a
  // that-clause or a figure is a verb (not "the estimates that were published", a relative clause).
  const agrees = agreesWith(tokens[at]!, last, plural);
  if (agrees && (isThatClause(tokens, at + 1) || (!plural && next.pos === 'NUM'))) return true;
  // "The department projects an income of £24m": a singular -s form of a figure cue before an object holding a number.
  if (agrees && !plural && cue.figure && OBJECT_START.has(next.pos) && objectWithNumber(tokens, at + 1)) return true;
  // "CONTENT, data from the statistics office show.", "CONTENT, the judgment states.": a subject after a comma and a
  // verb that agrees with it and ends the sentence.
  // "CONTENT, the club's accounts show, but its wage bill grew": the same before a comma and a conjunction that opens
  // the next clause.
  const clauseEnds = SENTENCE_ENDS.has(next.text) || (next.text === ',' && tokens[at + 2]?.pos === 'CCONJ');
  if (next.pos === 'PUNCT' && (plural || agrees)) return tokens[subject.first - 1]?.text === ',' && clauseEnds;
  if (!plural) return false;
  return !['AUX', 'VERB', 'ADP', 'PART', 'SCONJ'].includes(next.pos);
}

/** Parses a reporting-verb cue matched at tokens `[m.first, m.end)`. */
export function parseVerbCue(scan: Scan, m: { first: number; end: number; entry: Cue }, earlier?: Span): RawAttribution | undefined {
  const { tokens } = scan;
  const group = verbGroupBefore(scan, m.first);
  const before = tokens[group.first - 1];
  const afterPause = !before || before.text === ',' || isCloseQuote(tokens, group.first - 1, scan.sent);
  const chained = before?.text === ',' ? appositionChain(scan, m, group) : undefined;
  if (chained) return chained;
  // "Prime Minister Elena Vasko, who flew to the region, announced payments of ...": the subject before the relative
  // clause, never the object after the verb.
  const relative = before?.text === ',' ? subjectBeforeRelative(tokens, m.first, scan.sent) : undefined;
  if (relative) return forward(scan, m, group, relative);
  const inverted = afterPause ? (invertedAfter(scan, m, group) ?? participleClause(scan, m, group, earlier)) : undefined;
  if (inverted || !before) return inverted;
  if (before.pos === 'CCONJ') return coordinated(scan, m, group, earlier);
  const subject = before.text === ',' ? (appositionBefore(scan, group.first - 1) ?? asideBefore(scan, group.first - 1)) : (subjectBeforeRestrictive(tokens, m.first, scan.sent) ?? phraseBefore(tokens, group.first, scan.sent.first));
  if (!subject || subject.end === subject.first || !readsAsVerb(scan, m.first, subject, group, m.entry)) return undefined;
  const single = subject.end - subject.first === 1 ? tokens[subject.first]!.lower : undefined;
  if (group.passive) return single === 'it' && !group.authorModal ? impersonal(scan, m, subject, group) : undefined;
  if (single && scan.lex.notSources.has(single)) return undefined;
  return forward(scan, m, group, subject);
}

/** "SOURCE said (that) CONTENT", "As SOURCE noted, CONTENT", "CONTENT, SOURCE said." */
function forward(scan: Scan, m: { first: number; end: number; entry: Cue }, group: VerbGroup, subject: Span): RawAttribution | undefined {
  const { tokens, sent } = scan;
  const complement = complementAfter(scan, m.end, m.entry);
  const cueEnd = complement?.that === m.end ? m.end + 1 : m.end;
  const base = { kind: 'verb' as const, source: subject, cue: { first: group.first, end: cueEnd }, hedged: m.entry.hedged || group.hedged };
  if (complement) return { ...base, content: complement.content };
  const pre = subject.first - 1;
  if (tokens[pre]?.lower === 'as') {
    const content = parenthetical(scan, pre, m.end);
    return content && { ...base, lead: pre, content };
  }
  const end = contentEnd(tokens, sent);
  // ("put", "cost" report only "X at N" after them: "CONTENT, the repairs cost twice the estimate" is no attribution.)
  if (!m.entry.figureAt && tokens[pre] && (tokens[pre]!.text === ',' || isCloseQuote(tokens, pre, sent)) && !hasVerb(tokens, m.end, nextComma(tokens, m.end, end))) {
    const content = contentBefore(tokens, quoteOrComma(tokens, pre, scan), scan.clause, sent);
    return content && { ...base, content };
  }
  if (!takesBareClause(scan, m.entry, subject) || m.entry.quoteOnly || tokens[m.end]?.text === ',') return undefined;
  const clause = (m.entry.bare || m.entry.bareAfterDocument) && hasVerb(tokens, m.end, end);
  const byFigure = m.entry.figure || (m.entry.figureAfterDocument && isDocument(scan, subject));
  const figure = m.entry.figureAt ? figureAt(tokens, m.end, end) : byFigure && hasNumber(tokens, m.end, end);
  const content = clause || figure ? contentAfter(tokens, m.end, sent) : undefined;
  return content && { ...base, content };
}

/** A cue that may take its content without "that": a bare verb, a figure cue, or a finding verb after a document. */
function takesBareClause(scan: Scan, cue: Cue, subject: Span): boolean {
  if (cue.bare || cue.figure || cue.figureAt) return true;
  return (cue.bareAfterDocument || cue.figureAfterDocument) && isDocument(scan, subject);
}

/** True when a subject is headed by a document, study or data noun ("The survey, carried out by Civica, ..."). */
function isDocument(scan: Scan, subject: Span): boolean {
  return scan.lex.documentHeads.has(scan.tokens[partsOf(scan.tokens, subject, scan.lex).head]!.lower);
}

/** The subject at the clause start when a verb follows it: "The mayor mocked the plan and said ..." → "The mayor". */
function clauseSubject(scan: Scan, before: number): Span | undefined {
  const { tokens } = scan;
  const subject = phraseAfter(tokens, scan.clause, before);
  const verb = tokens[subject.end];
  if (subject.end === subject.first || !verb || (verb.pos !== 'VERB' && verb.pos !== 'AUX')) return undefined;
  if (subject.end - subject.first === 1 && scan.lex.notSources.has(tokens[subject.first]!.lower)) return undefined;
  return subject;
}

/** "and", "but" before a reporting verb with no subject of its own (policy.json continued). */
const CONTINUERS = new Set(policy.continued.words);
/** Verbs that need an object when active (policy.json objectVerbs): "told the paper" names the addressee. */
const OBJECT_VERBS = new Set(policy.objectVerbs.lemmas);

/**
 * "The mayor mocked the plan and said (that) CONTENT": a reporting verb coordinated with the clause's first verb. When
 * no subject opens the clause before a verb ("The department projects an income of £24m and says ...", wink taking
 * "projects" for a noun), the source of the sentence's earlier attribution (`earlier`) is the subject it continues.
 */
function coordinated(scan: Scan, m: { first: number; end: number; entry: Cue }, group: VerbGroup, earlier?: Span): RawAttribution | undefined {
  const subject = clauseSubject(scan, group.first - 1) ?? (earlier && CONTINUERS.has(scan.tokens[group.first - 1]!.lower) ? earlier : undefined);
  if (!subject || subject.end >= group.first - 1) return undefined;
  const complement = complementAfter(scan, m.end, m.entry);
  const end = contentEnd(scan.tokens, scan.sent);
  const content = complement?.content ?? (m.entry.bare && hasVerb(scan.tokens, m.end, end) ? contentAfter(scan.tokens, m.end, scan.sent) : undefined);
  const cue = { first: group.first, end: complement?.that === m.end ? m.end + 1 : m.end };
  return content && { kind: 'verb', source: subject, cue, content, hedged: m.entry.hedged || group.hedged };
}

/**
 * "The mayor mocked the plan, saying (that) CONTENT": the source is the subject at the clause start; after a source of
 * its own past that subject ("Staff were asked to stay, she said, adding that"), the speaker it continues (`earlier`).
 */
function participleClause(scan: Scan, m: { first: number; end: number; entry: Cue }, group: VerbGroup, earlier?: Span): RawAttribution | undefined {
  const { tokens, sent } = scan;
  if (group.first !== m.first || !tokens[m.first]!.lower.endsWith('ing') || tokens[m.first - 1]?.text !== ',') return undefined;
  const opening = clauseSubject(scan, m.first);
  const subject = opening && earlier && earlier.first > opening.first ? earlier : opening;
  if (!subject) return undefined;
  const complement = complementAfter(scan, m.end, m.entry);
  const end = contentEnd(tokens, sent);
  const content = complement?.content ?? (m.entry.bare && hasVerb(tokens, m.end, end) ? contentAfter(tokens, m.end, sent) : undefined);
  const cue = { first: m.first, end: complement?.that === m.end ? m.end + 1 : m.end };
  return content && { kind: 'verb', source: subject, cue, content, hedged: m.entry.hedged };
}

function nextComma(tokens: readonly Token[], from: number, end: number): number {
  let i = from;
  while (i < end && tokens[i]!.text !== ',') i++;
  return i;
}

/** "NAME, APPOSITION, said": the source runs from the name through the apposition; the name must hold a proper noun. */
function appositionBefore(scan: Scan, comma: number): Span | undefined {
  const { tokens } = scan;
  const apposition = phraseBefore(tokens, comma, scan.sent.first);
  const first = apposition.first - 1;
  if (apposition.end === apposition.first || tokens[first]?.text !== ',') return undefined;
  const name = phraseBefore(tokens, first, scan.sent.first);
  if (name.end === name.first || name.first !== Math.max(scan.clause, name.first)) return undefined;
  for (let i = name.first; i < name.end; i++) if (tokens[i]!.pos === 'PROPN') return { first: name.first, end: comma };
  return undefined;
}

/** How many comma-separated phrases an apposition chain may have ("NAME, TITLE, PLACE, wrote"). */
const CHAIN_REACH = 4;

/**
 * "Dr Lucia Ferrante, head of tropical medicine at a hospital in the capital, Port Alva, wrote that ..." and "“…,” the
 * association's chairman, Oskar Lund, told the Post": a run of two or more noun phrases separated by commas that opens
 * the clause (or follows a closing quotation) and ends at the comma before the cue is one subject with its appositions;
 * the source runs to its first phrase headed by a name, a title before it included ("the association's chairman,
 * Oskar Lund"; what follows the cue, "the Post", is an addressee, never the source).
 */
function appositionChain(scan: Scan, m: { first: number; end: number; entry: Cue }, group: VerbGroup): RawAttribution | undefined {
  const { tokens, sent } = scan;
  const phrases: Span[] = [];
  let at = group.first - 1;
  let opened = false;
  for (let step = 0; step < CHAIN_REACH && !opened; step++) {
    const p = phraseBefore(tokens, at, sent.first);
    if (p.end === p.first || p.end !== at) return undefined;
    phrases.unshift(p);
    const pre = p.first - 1;
    opened = p.first <= scan.clause || pre < sent.first || isCloseQuote(tokens, pre, sent) || (tokens[pre]!.text === ',' && isCloseQuote(tokens, pre - 1, sent));
    if (!opened && tokens[pre]!.text !== ',') {
      // "CONTENT, Civica's research director, Tomasz Wrona, told the paper": a title and a name after a clause.
      phrases.shift();
      if (!titleThenName(tokens, phrases) || !hasVerb(tokens, sent.first, at)) return undefined;
      opened = true;
      break;
    }
    at = pre;
  }
  if (!opened || phrases.length < 2) return undefined;
  const name = phrases.find((p) => isNameWord(tokens[p.end - 1]!));
  // "NAME, APPOSITION, said" at the clause start is appositionBefore's (the apposition stays in the source).
  if (!name || (name === phrases[0] && phrases.length === 2 && phrases[0]!.first <= scan.clause)) return undefined;
  const found = forward(scan, m, group, { first: phrases[0]!.first, end: group.first - 1 });
  return found && { ...found, source: { first: phrases[0]!.first, end: name.end } };
}

/** Two phrases, a title ending in a common noun and then a name: "Civica's research director, Tomasz Wrona". */
function titleThenName(tokens: readonly Token[], phrases: readonly Span[]): boolean {
  if (phrases.length !== 2) return false;
  const [title, name] = phrases as [Span, Span];
  for (let i = name.first; i < name.end; i++) if (!isNameWord(tokens[i]!) && tokens[i]!.text.trim() !== '') return false;
  return tokens[title.end - 1]!.pos === 'NOUN';
}

/** How far back the comma that opens an aside is looked for. */
const ASIDE_REACH = 16;
const ASIDE_OPENERS = new Set(['ADP', 'SCONJ', 'ADV']);

/**
 * "Western broadcasters, as usual, spoke of ...": the subject before an adverbial aside; "The survey, carried out by
 * Pollwise in May, found that ...": the subject before its participle aside. The aside names who made the survey or
 * published the figures, not who states the finding (the document does), so it is no part of the source, unless it
 * holds the document's sample ("carried out among 1,104 residents").
 */
function asideBefore(scan: Scan, comma: number): Span | undefined {
  const { tokens } = scan;
  for (let k = comma - 1; k > scan.clause && k >= comma - ASIDE_REACH; k--) {
    const t = tokens[k]!;
    if (t.text !== ',') {
      if (t.pos === 'PUNCT') return undefined;
      continue;
    }
    const opener = tokens[k + 1]!;
    const participle = opener.pos === 'VERB' && /(?:ed|en|wn)$/.test(opener.lower);
    // "State broadcaster DTV, quoting customs officials, said", "The ministry, responding to the report, said": an
    // -ing aside; the subject is the phrase before it.
    const gerund = opener.pos === 'VERB' && opener.lower.endsWith('ing');
    if (!participle && !gerund && !ASIDE_OPENERS.has(opener.pos)) return undefined;
    const name = phraseBefore(tokens, k, scan.sent.first);
    if (name.end === name.first || name.first !== Math.max(scan.clause, name.first)) return undefined;
    return participle && holdsCount(tokens, k + 1, comma) ? { first: name.first, end: comma } : name;
  }
  return undefined;
}

/**
 * True when tokens [first, end) hold a count ("among 1,104 residents"): an aside with a count gives the document's own
 * method (its sample), which the document reports, so it stays inside the source that covers its figures.
 */
function holdsCount(tokens: readonly Token[], first: number, end: number): boolean {
  for (let i = first; i < end - 1; i++) {
    if (tokens[i]!.pos !== 'NUM') continue;
    let k = i + 1;
    while (k < end && tokens[k]!.text.trim() === '') k++;
    if (k < end && tokens[k]!.pos === 'NOUN') return true;
  }
  return false;
}

/** A comma right after a closing quote stands for the quote ("“…”, she said"). */
function quoteOrComma(tokens: readonly Token[], at: number, scan: Scan): number {
  return tokens[at]!.text === ',' && at - 1 >= scan.sent.first && isCloseQuote(tokens, at - 1, scan.sent) ? at - 1 : at;
}

/** "CONTENT, says SOURCE." and "“CONTENT,” said SOURCE." */
function invertedAfter(scan: Scan, m: { first: number; end: number; entry: Cue }, group: VerbGroup): RawAttribution | undefined {
  const { tokens, sent } = scan;
  // "spoke of tens of thousands", "put the figure at 14": what follows a figure cue is its object, never its source.
  if (group.first <= scan.clause || m.entry.quoteOnly || m.entry.figureAt || ((m.entry.figure || m.entry.figureAfterDocument) && !m.entry.bare)) return undefined;
  // "CONTENT, the secretary, Ruth Ibbotson, told the Weymere Echo": what follows a verb that needs an object is that
  // object (the addressee), never an inverted subject.
  if (OBJECT_VERBS.has(tokens[m.first]!.lemma)) return undefined;
  const end = contentEnd(tokens, sent);
  // "Justice Kwame, writing for the majority, said": a phrase after a preposition is no inverted subject.
  let next = m.end;
  while (next < end && tokens[next]!.text.trim() === '') next++;
  if (tokens[next]?.pos === 'ADP') return undefined;
  const title = phraseAfter(tokens, m.end, end);
  const after = tokens[title.end];
  if (title.end === title.first || (title.end < end && after?.text !== ',')) return undefined;
  const source = withAppositiveName(tokens, title, end);
  if (source.end - source.first === 1 && scan.lex.notSources.has(tokens[source.first]!.lower)) return undefined;
  const content = contentBefore(tokens, quoteOrComma(tokens, group.first - 1, scan), scan.clause, sent);
  return content && { kind: 'verb', source, cue: { first: group.first, end: m.end }, content, hedged: m.entry.hedged || group.hedged };
}

/** "As SOURCE put it, CONTENT" (content after the comma) or "CONTENT, as SOURCE noted" (content before the comma). */
function parenthetical(scan: Scan, as: number, after: number): Range | undefined {
  const { tokens, sent } = scan;
  if (as === scan.clause) {
    let comma = after;
    while (comma < sent.end && comma < after + 8 && tokens[comma]!.text !== ',') comma++;
    return tokens[comma]?.text === ',' ? contentAfter(tokens, comma + 1, sent) : undefined;
  }
  return tokens[as - 1]?.text === ',' ? contentBefore(tokens, quoteOrComma(tokens, as - 1, scan), scan.clause, sent) : undefined;
}

/** "(As) it has been revealed (in/by SOURCE) (that) CONTENT": a passive cue with the source, if any, after it. */
function impersonal(scan: Scan, m: { first: number; end: number; entry: Cue }, it: Span, group: VerbGroup): RawAttribution | undefined {
  const { tokens, sent } = scan;
  const prep = tokens[m.end];
  const hasSource = prep !== undefined && ['in', 'by', 'from'].includes(prep.lower);
  const source = hasSource ? phraseAfter(tokens, m.end + 1, contentEnd(tokens, sent)) : undefined;
  const after = source && source.end > source.first ? source.end : m.end;
  const as = tokens[it.first - 1]?.lower === 'as' ? it.first - 1 : undefined;
  const cue = { first: as ?? it.first, end: source && source.end > source.first ? m.end + 1 : m.end };
  const hedged = m.entry.hedged || group.hedged;
  const found = source && source.end > source.first ? source : undefined;
  if (tokens[after]?.lower === 'that') {
    const content = contentAfter(tokens, after + 1, sent);
    return content && { kind: 'verb', source: found, cue: found ? cue : { ...cue, end: after + 1 }, content, hedged };
  }
  const content = as === undefined ? undefined : parenthetical(scan, as, after);
  return content && { kind: 'verb', lead: as, source: found, cue, content, hedged };
}
