import type { Report } from '../../core/report-schema.js';
import { codePointOffsets } from '../../core/code-points.js';
import { overlapIndex, rangeAt } from '../../core/range.js';
import { contentIndex, rangeIndex, sentenceAround, type OtherContent, type OtherContents } from './brat-index.js';

export type { OtherContent, OtherContents } from './brat-index.js';

/** "Jane Ortiz, who said": between a source and its cue, a relative pronoun that PolNeAR marks as the source. */
const RELATIVE_BETWEEN = /^\s*,?\s*(?:who|whom|which|that)\s+$/i;

/** "Doug Usher, director of research at Widmeyer, said": an appositive or relative clause between a source and its cue. */
const ASIDE_BETWEEN = /^,\s+([^“”"\n]{1,250}),\s*$/u;
/** "A plumbing contractor who attended the rally, said": a relative clause right after the source, closed by a comma before the cue. */
const RESTRICTIVE_BETWEEN = /^\s+(?:who|that)\s[^“”"\n]{1,250},\s*$/u;

/** Asides before the cue that PolNeAR leaves out of the source: relative clauses, adverbs and prepositional phrases. */
const NOT_TITLE = /^(?:who|whom|whose|which|that|however|though|too|also|meanwhile|instead|then|in|on|at|after|before|for|with|by|during|like|unlike|despite|from|in|speaking|asked|when|until|since|\p{Ll}+ly)\b/iu;

/**
 * The source span as PolNeAR marks it: claimtrace reports the phrase a relative pronoun stands for ("Jane Ortiz"),
 * PolNeAR the pronoun itself ("who") when it stands right before the cue.
 */
function polnearSource(text: string, source: { start: number; end: number }, cue: { start: number; end: number }): { start: number; end: number } {
  if (source.start >= cue.end) return withRelative(text, withTitle(text, withSlashed(text, source)));
  const between = text.slice(source.end, cue.start);
  const aside = ASIDE_BETWEEN.exec(between);
  if (aside && !NOT_APPOSITIVE.test(aside[1]!) && !NOT_TITLE.test(aside[1]!)) return { start: source.start, end: source.end + between.trimEnd().length };
  if (RESTRICTIVE_BETWEEN.test(between)) return { start: source.start, end: source.end + between.trimEnd().length };
  if (!RELATIVE_BETWEEN.test(between)) return source;
  const trimmed = between.replace(/\s+$/, '');
  return { start: source.end + trimmed.length - trimmed.replace(/^[\s,]+/, '').length, end: source.end + trimmed.length };
}


/**
 * A source after its cue with the restrictive relative clause that follows it ("said Mark Ode, a Democratic pollster
 * who is not involved with the campaign"), as PolNeAR marks it (train, training side: the strict match won 31 times,
 * lost 7).
 */
function withRelative(text: string, source: Range16): Range16 {
  const clause = RELATIVE_AFTER.exec(text.slice(source.end, source.end + 220));
  return clause ? { start: source.start, end: source.end + clause[0].trimEnd().length } : source;
}

/** "a New York Times/CBS News survey": the names after a slash and the poll or survey they end in. */
const SLASHED = /^\/[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*(?:\s+(?:[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*))*(?:\s+(?:poll|survey)s?)?/u;

/** A source that stops at a slash inside a name goes on past it (train, training side: won 5, lost 0). */
function withSlashed(text: string, source: Range16): Range16 {
  const rest = SLASHED.exec(text.slice(source.end, source.end + 120));
  return rest ? { start: source.start, end: source.end + rest[0].length } : source;
}

/** An appositive or relative clause after a name: from ", " up to the next comma, full stop, colon, semicolon or quotation mark ("U.S.", "Gov. Scott Walker" kept whole). */
/** Abbreviations written with a full stop before a name inside a describing clause ("who worked for Wisconsin Gov. Scott Walker"). */
const ABBREVIATION = String.raw`\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Inc|Co|Corp|Ltd|Calif|Mass|Conn|Fla|Ill|Ind|Mich|Minn|Ore|Pa|Tenn|Va|Wash|Wis)\.(?=\s)`;
const APPOSITIVE = new RegExp(String.raw`^,\s+(?:${ABBREVIATION}|\p{Lu}\.|[^,.;:“”"\n]|\.(?=\p{Lu}))+?(?=[.;:](?!\p{Lu})|,\s|\s*$|[“”"])`, 'u');
/**
 * A restrictive relative clause right after a source: " who" or " that", up to a comma, full stop, colon or quotation
 * mark (an abbreviation's stop ends it too: reading past "Mr." lost on the validation split, −0.0006 Source).
 */
const RELATIVE_AFTER = /^ (?:who|that) [^,.;:“”"\n]{1,200}/u;
/** Words that open a new clause of the writer's, not a description of the source. */
const NOT_APPOSITIVE = /^(?:but|and|or|compared|according|as|if|when|because|while|although)\b/i;

/**
 * A source placed after its cue keeps the clause that describes it, as PolNeAR marks it ("…, said Ana Ruiz, a
 * spokeswoman for the port." → "Ana Ruiz, a spokeswoman for the port"; "…, said Black, who has known him for years").
 * Only for a source that starts with a capital letter (a name or title); claimtrace's own source span is the name.
 */
function withTitle(text: string, source: { start: number; end: number }): { start: number; end: number } {
  if (!/^\p{Lu}/u.test(text.slice(source.start, source.start + 1))) return source;
  const clause = APPOSITIVE.exec(text.slice(source.end, source.end + 160));
  if (!clause || NOT_APPOSITIVE.test(clause[0].replace(/^,\s+/, ''))) return source;
  return { start: source.start, end: source.end + clause[0].length };
}

const OPENING = new Set(['“', '"']);
const CLOSING = new Set(['”', '"']);
/** NYT writes a quotation between two apostrophes on each side (''X,'' he said). */
const DOUBLE_APOSTROPHE = "''";

/**
 * The content as PolNeAR marks it, as one or two fragments (UTF-16 ranges):
 * - a quotation's marks belong to its content, with the comma or full stop inside them ("“X,” she said" → `“X,”`);
 *   `''X,''` likewise;
 * - a quotation split by its source and cue is one content in two fragments: `“X,” said Ana Ruiz, “Y.”`,
 *   `“X,” she said. “Y.”` or `“X,” he wrote in a blog post. “Y.”` → `“X,”` and `“Y.”`, when the second quotation opens
 *   after the cue and source and at most a few words ending in a comma, full stop or colon, and is not itself the
 *   content of another attribution (one that starts at its opening mark; a nested one inside it does not count).
 */
export function polnearContent(text: string, content: { start: number; end: number }, around: { start: number; end: number }, otherContents: readonly OtherContent[] | OtherContents, sentenceEnd?: number): { start: number; end: number }[] {
  const others = 'someNear' in otherContents ? otherContents : contentIndex(otherContents).except(-1);
  let { start, end } = reopened(text, content, around);
  // The finders may give the content with its opening marks already ("''X, he said": the tagger labels the marks).
  const marksInside = text.startsWith(DOUBLE_APOSTROPHE, start) || OPENING.has(text[start] ?? '');
  const doubled = text.startsWith(DOUBLE_APOSTROPHE, start) || text.slice(start - 2, start) === DOUBLE_APOSTROPHE;
  const quoted = doubled || OPENING.has(text[start - 1] ?? '') || marksInside;
  if (quoted) {
    if (!marksInside) start -= doubled ? 2 : 1;
    const tail = doubled ? /^[,.]?''/.exec(text.slice(end, end + 3)) : /^[,.]?[”"]/.exec(text.slice(end, end + 2));
    if (tail) end += tail[0].length;
  }
  const first = { start, end };
  if (quoted && start >= around.end) {
    const before = quotationBefore(text, around, start, doubled, others);
    return before ? [before, first] : [first];
  }
  const closed = doubled ? text.slice(end - 2, end) === DOUBLE_APOSTROPHE : CLOSING.has(text[end - 1] ?? '');
  if (!quoted) {
    const rest = sentenceEnd === undefined ? undefined : clauseAfter(text, first, around, sentenceEnd, others);
    return rest ? [first, rest] : [first];
  }
  // A split quotation: the first part ends in its closing mark (after a comma) right before the source and cue.
  if (end > around.start || !closed || !/^\s*$/.test(text.slice(end, around.start))) return [first];
  const opening = doubled ? /^(?:[^“”"'\n]{0,160}?[,.:])?\s*''/ : /^(?:[^“”"\n]{0,160}?[,.:])?\s*[“"]/;
  const open = opening.exec(text.slice(around.end, around.end + 170));
  if (!open) return [first];
  const mark = doubled ? 2 : 1;
  const from = around.end + open[0].length - mark;
  let to = -1;
  for (let i = from + mark; i < text.length && i < from + 3000; i++) {
    if (doubled ? text.startsWith(DOUBLE_APOSTROPHE, i) : CLOSING.has(text[i]!)) {
      to = i + mark;
      break;
    }
    if (text[i] === '\n' && text[i + 1] === '\n') break;
  }
  // A quotation that is another speaker's: another content starts at its mark, its cue outside the quotation.
  const othersQuote = (c: OtherContent) => c.start >= from && c.start <= from + mark && !(c.cue && c.cue.start >= from && c.cue.end <= to);
  if (to < 0 || others.someStartingIn(from, from + mark + 1, othersQuote)) return [first];
  return [first, { start: from, end: to }];
}

/**
 * The first part of a quotation split by its source and cue, seen from the second part (`“X,” said Ana Ruiz. “Y.”`
 * with `“Y.”` as the content): a quotation ending in a comma and its closing mark right before the source and cue, in
 * the same paragraph, that no other attribution's content overlaps (unless that attribution's cue lies inside it), when
 * at most a few words ending in a comma, full stop or colon stand between the cue and source and the content.
 */
function quotationBefore(text: string, around: { start: number; end: number }, contentStart: number, doubled: boolean, others: OtherContents): { start: number; end: number } | undefined {
  const gap = text.slice(around.end, contentStart);
  if (!/^(?:[^“”"\n]{0,160}?[,.:])?\s*$/.test(gap) || (doubled && gap.includes("'"))) return undefined;
  const lead = text.slice(Math.max(0, around.start - 4), around.start).replace(/\s+$/, '');
  const closing = doubled ? /,''$/.test(lead) : /,[”"]$/.test(lead);
  if (!closing) return undefined;
  const to = around.start - (around.start - Math.max(0, around.start - 4) - lead.length);
  const mark = doubled ? 2 : 1;
  let from = -1;
  for (let i = to - mark - 1; i >= 0 && i > to - 3000; i--) {
    if (doubled ? text.startsWith(DOUBLE_APOSTROPHE, i) && text[i - 1] !== "'" : OPENING.has(text[i]!) && (text[i] === '“' || !/\w/.test(text[i - 1] ?? ''))) {
      from = i;
      break;
    }
    if (text[i] === '\n' && text[i + 1] === '\n') break;
    if (!doubled && CLOSING.has(text[i]!) && text[i] === '”') break;
  }
  if (from < 0) return undefined;
  const taken = (c: OtherContent) => c.start < to && from < c.end && !(c.cue && c.cue.start >= from && c.cue.end <= to);
  return others.someNear(from, to, taken) ? undefined : { start: from, end: to };
}

/**
 * A content before its cue that ends with a quotation's closing mark but starts inside the quotation (`''… Go figure,''
 * she said`: the finders do not read NYT's doubled apostrophes as marks) starts at the quotation's opening mark, as
 * PolNeAR marks it: the nearest `''` before it, or the nearest `“` with no `”` between, in the same paragraph.
 */
function reopened(text: string, content: Range16, around: Range16): Range16 {
  if (content.end > around.start) return content;
  const doubled = text.slice(content.end - 2, content.end) === DOUBLE_APOSTROPHE || /^[,.]?''/.test(text.slice(content.end, content.end + 3));
  const curly = text[content.end - 1] === '”' || /^[,.]?”/.test(text.slice(content.end, content.end + 2));
  if (!doubled && !curly) return content;
  const inside = text.slice(content.start, Math.max(content.start, content.end - 2));
  if (doubled ? inside.includes("''") : inside.includes('“')) return content;
  for (let i = content.start - 1; i >= 0 && i > content.start - 3000; i--) {
    if (text[i] === '\n' && text[i + 1] === '\n') break;
    if (doubled && text.startsWith("''", i - 1)) return { start: i - 1, end: content.end };
    if (!doubled && text[i] === '”') break;
    if (!doubled && text[i] === '“') return { start: i, end: content.end };
  }
  return content;
}

/**
 * The rest of a sentence a source and cue interrupt, as PolNeAR marks such a content: after a comma (`Time, he added,
 * was on their side.` → `Time` and `was on their side`), or after a cue that has the content's first part as its
 * subject (`Kasich appears to have the state to himself` → `Kasich` and `to have the state to himself`; `X was seen as
 * a demotion`). The content ends at the comma before the source and cue (or right before them), a comma follows them
 * (or a word), the rest holds at least three words up to the sentence's end (its final stop left out) and no other
 * attribution's cue lies in it.
 */
function clauseAfter(text: string, content: Range16, around: Range16, sentenceEnd: number, others: OtherContents): Range16 | undefined {
  if (content.end > around.start) return undefined;
  const subject = /^\s+$/.test(text.slice(content.end, around.start));
  if (!subject && !/^\s*,\s*$/.test(text.slice(content.end, around.start))) return undefined;
  const comma = subject ? /^\s*(?=\p{L})/u.exec(text.slice(around.end, sentenceEnd)) : /^\s*,\s*/.exec(text.slice(around.end, sentenceEnd));
  if (!comma) return undefined;
  const start = around.end + comma[0].length;
  let end = sentenceEnd;
  while (end > start && /[\s.!?]/.test(text[end - 1]!)) end--;
  const words = text.slice(start, end).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (words < 3 || others.someCueStartingIn(start, end + 1, (c) => !!c.cue && c.cue.start >= start && c.cue.end <= end)) return undefined;
  return { start, end };
}

/** "said in a statement": PolNeAR train puts "in a statement" after a reporting verb into its cue 42 times, leaves it out 23. */
const IN_A_STATEMENT = /^ in (?:a|the) (?:written |joint |brief )?statement\b/;

/** A cue followed by "in a statement" with it, as PolNeAR marks it more often than not. */
function withStatement(text: string, cue: Range16): Range16 {
  const after = IN_A_STATEMENT.exec(text.slice(cue.end, cue.end + 40));
  return after ? { start: cue.start, end: cue.end + after[0].length } : cue;
}

/** A source that starts after a hyphen or slash inside a word starts at the word ("72-year-|old mother", "Journal/|NBC News poll"). */
function wholeWordStart(text: string, range: Range16): Range16 {
  if (!/[-/]/.test(text[range.start - 1] ?? '') || !/[\p{L}\p{N}]/u.test(text[range.start - 2] ?? '')) return range;
  let start = range.start - 1;
  while (start > 0 && /[\p{L}\p{N}\-/.]/u.test(text[start - 1]!)) start--;
  return { start, end: range.end };
}

/** "made no mention of", "took aim at", "gave credit to": PolNeAR train puts the object and preposition after make, take and give into the cue 36 times, leaves them out 6. */
const LIGHT_VERB = /\b(?:make|makes|made|making|take|takes|took|taken|taking|give|gives|gave|given|giving)$/i;
const LIGHT_OBJECT = /^(?:(?:a|an|the|no|his|her|their|its|some|any|little|much)\s+)?(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+\s+(?:about|of|with|against|for|on|over|at|to)\s+(?=\S)/u;

/** A cue of make, take or give whose content opens with a short object and a preposition takes them ("made no mention of" + "nuclear weapons"). */
function withLightVerb<T extends { cue: Range16; content: Range16 }>(text: string, a: T): T {
  if (a.content.start < a.cue.end || !LIGHT_VERB.test(text.slice(a.cue.start, a.cue.end)) || !/^\s*$/.test(text.slice(a.cue.end, a.content.start))) return a;
  const object = LIGHT_OBJECT.exec(text.slice(a.content.start, a.content.end));
  if (!object) return a;
  const at = a.content.start + object[0].trimEnd().length;
  return { ...a, cue: { start: a.cue.start, end: at }, content: { start: a.content.start + object[0].length, end: a.content.end } };
}

/** "a statement", "the following statement", "a written statement Tuesday": a statement as a source. */
const STATEMENT_SOURCE = /^(?:a|an|the)\s+(?:[\p{L}-]+\s+)?statement(?:\s+\p{L}+)?$/iu;
/** The verb of issuing right before it, with an adverb ("also issued", "quickly put out"). */
const ISSUED_BEFORE = /(?:^|\s)((?:issued|released|put out|sent out|posted))\s+$/i;
/** Words that open a lead before the subject ("On Tuesday, ", "Late on Monday, "), not the subject, when the subject ends in a comma. */
const LEAD = /^(?:(?:on|in|at|after|before|late|early|earlier|later|last|meanwhile|then|but|and|so|also|when|while)\b[^,]{0,60},\s*)/i;
/** How many words the issuer before the verb may have. */
const ISSUER_WORDS = 12;

/**
 * "The ministry issued a statement saying …": the finders take "a statement" as the source of "saying"; PolNeAR marks
 * the issuer as the source and "issued a statement saying" as the cue (PolNeAR train: 35 cues of issuing, releasing,
 * putting out or sending out a statement). The issuer is the sentence's words before the verb, after the last comma or
 * a lead phrase; a relative pronoun right before the verb stands for it ("which released a statement").
 */
function withIssuer<T extends { source: Range16 | null; cue: Range16 }>(text: string, a: T, sentences: readonly Range16[]): T {
  if (!a.source || a.source.end > a.cue.start || !STATEMENT_SOURCE.test(text.slice(a.source.start, a.source.end))) return a;
  const sentence = sentences[rangeAt(sentences, a.source.start)];
  if (!sentence) return a;
  const verb = ISSUED_BEFORE.exec(text.slice(sentence.start, a.source.start));
  if (!verb) return a;
  const verbStart = a.source.start - verb[0].length + verb[0].indexOf(verb[1]!);
  const before = text.slice(sentence.start, verbStart);
  const relative = /(?:^|[\s,])(who|which|that)\s+(?:\p{Ll}+ly\s+|also\s+)?$/u.exec(before);
  const to = sentence.start + before.replace(/(?:\s+(?:\p{Ll}+ly|also|then))*\s*$/u, '').length;
  // "Minutes later, the campaign issued": after the last comma, unless the words before the verb end with one (an
  // appositive: "Ana Ruiz, the mayor's spokeswoman, issued").
  const lastComma = text.slice(sentence.start, to).lastIndexOf(', ');
  const afterLead = lastComma >= 0 && text[to - 1] !== ',' ? sentence.start + lastComma + 2 : sentence.start + (LEAD.exec(before)?.[0].length ?? 0);
  let from = relative ? sentence.start + relative.index + relative[0].indexOf(relative[1]!) : afterLead;
  while (from < to && /\s/.test(text[from]!)) from++;
  const words = text.slice(from, to).split(/\s+/).filter(Boolean).length;
  if (words === 0 || words > ISSUER_WORDS || /[“”"]/.test(text.slice(from, to))) return a;
  return { ...a, source: { start: from, end: to }, cue: { start: verbStart, end: a.cue.end } };
}

/** "all of", "two of" right before a relative pronoun source. */
const QUANTIFIER_BEFORE = /\b(?:all|both|each|either|neither|none|some|most|many|several|few|half|one|two|three|four|five|six|seven|eight|nine|ten)\s+of\s+$/i;

/** A relative pronoun source with its quantifier ("two of whom"), as PolNeAR marks it (train: 5 of 5 such sources). */
function withQuantifier(text: string, source: Range16): Range16 {
  if (!/^(?:whom|which)$/i.test(text.slice(source.start, source.end))) return source;
  const before = QUANTIFIER_BEFORE.exec(text.slice(Math.max(0, source.start - 20), source.start));
  return before ? { start: source.start - before[0].length, end: source.end } : source;
}

/** A source without the quotation marks the finders sometimes give it at its start ("'' Mr. Gidley" after NYT's ''X,''). */
function withoutMarks(text: string, source: { start: number; end: number }): { start: number; end: number } {
  const lead = /^[\s'"“”]*/u.exec(text.slice(source.start, source.end))![0].length;
  return lead > 0 && source.start + lead < source.end ? { start: source.start + lead, end: source.end } : source;
}

type Range16 = { readonly start: number; readonly end: number };
type Written = { readonly cue: Range16; readonly fragments: readonly Range16[] };
const cueInside = (inner: Written, outer: Written) => outer.fragments.some((f) => f.start < inner.cue.start && inner.cue.end <= f.end);

/**
 * Which attributions PolNeAR would mark: none whose cue lies inside another attribution's content fragments (PolNeAR
 * train has no cue inside another content, 0 of 22,466; the report keeps nested attributions, "According to A, B said
 * that ..."), unless each lies inside the other's content (two contents that run into each other: both are kept).
 */
export function notNested(attributions: readonly Written[]): boolean[] {
  // Every fragment indexed once: an outer fragment holding a cue holds the character before the cue.
  const owners = attributions.flatMap((a, i) => a.fragments.map(() => i));
  const fragments = rangeIndex(attributions.flatMap((a) => a.fragments));
  return attributions.map((inner, i) => !fragments.someHolding(inner.cue.start - 1, (k) => {
    const outer = attributions[owners[k]!]!;
    return owners[k] !== i && cueInside(inner, outer) && !cueInside(outer, inner);
  }));
}

/** An attribution as the brat output reads it: the report's, or a look-alike the news policy refused (attribution-lookalikes.ts). */
export interface BratAttribution {
  readonly source: Range16 | null;
  readonly cue: Range16;
  readonly content: Range16;
  readonly grade: Report['attributions'][number]['grade'];
  readonly hedged: boolean;
}

/**
 * The content with the "that" right before it ("said that the pier …"), as PolNeAR marks it (train: of the predicted
 * contents right after a "that", the gold content starts at the "that" 219 times and after it twice), unless the "that"
 * is a cue or source.
 */
export function withThat(text: string, fragments: readonly Range16[], taken: readonly Range16[] | ((range: Range16) => boolean)): Range16[] {
  const first = fragments[0];
  if (!first) return [...fragments];
  const that = /\bthat\s+$/i.exec(text.slice(Math.max(0, first.start - 10), first.start));
  if (!that) return [...fragments];
  const start = first.start - that[0].length;
  const isTaken = typeof taken === 'function' ? taken : overlapIndex(taken);
  if (isTaken({ start, end: first.start })) return [...fragments];
  return [{ start, end: first.end }, ...fragments.slice(1)];
}

/**
 * The content with the closing marks of a quotation it opens and ends at (`called the judge ''racist` → `… ''racist,''`),
 * as PolNeAR marks it (train: of the predicted contents so ending, the gold content ends after the marks 76 times, before
 * them never, 36 neither).
 */
export function withClosingMarks(text: string, fragments: readonly Range16[]): Range16[] {
  const last = fragments.at(-1);
  if (!last) return [...fragments];
  const inside = text.slice(last.start, last.end);
  const after = text.slice(last.end, last.end + 3);
  const tail = (inside.match(/''/g) ?? []).length % 2 === 1
    ? /^[,.]?''/.exec(after)
    : (inside.match(/“/g) ?? []).length > (inside.match(/”/g) ?? []).length
      ? /^[,.]?”/.exec(after)
      : (inside.replace(/''/g, '').match(/"/g) ?? []).length % 2 === 1
        ? /^[,.]?"/.exec(after)
        : null;
  return tail ? [...fragments.slice(0, -1), { start: last.start, end: last.end + tail[0].length }] : [...fragments];
}

/** Punctuation and spaces trimmed from a content fragment's edges where its own cue or source was cut out. */
const EDGE = /[\s,;:—–-]/;

/**
 * The content fragments without the attribution's own cue and source ("X won 758 delegates, according to a CNN tally"
 * → "X won 758 delegates"): PolNeAR train has 1 content of 19,927 that overlaps its own cue or source. A fragment cut
 * is trimmed of the spaces and punctuation at the cut; pieces under two characters are dropped, and the fragments are
 * kept as they were if nothing would be left.
 */
export function withoutOwn(text: string, fragments: readonly Range16[], own: readonly Range16[]): Range16[] {
  if (!fragments.some((f) => own.some((o) => o.start < f.end && f.start < o.end))) return [...fragments];
  let pieces: Range16[] = [...fragments];
  for (const o of own) pieces = pieces.flatMap((f) => (o.start < f.end && f.start < o.end ? [{ start: f.start, end: o.start }, { start: o.end, end: f.end }] : [f]));
  const trimmed = pieces.map((f) => {
    let { start, end } = f;
    const cutStart = own.some((o) => o.end === start);
    const cutEnd = own.some((o) => o.start === end);
    while (cutEnd && end > start && EDGE.test(text[end - 1]!)) end--;
    while (cutStart && start < end && EDGE.test(text[start]!)) start++;
    return { start, end };
  }).filter((f) => f.end - f.start >= 2);
  return trimmed.length ? trimmed : [...fragments];
}

/** Words after "by" that end a passive's agent ("criticized by some of his rivals for failing …"). */
const AGENT = /^\s*by\s+((?:(?!(?:for|to|that|as|in|on|after|because|when|who|which|whom|whose|what|why|how|where|whether|over|with|at|during|since|than|if|while|and|but)\b)[^\s,.;:“”"()\n]+\s*){1,10}?)(?=[,.;:“”"()\n]|\s+(?:for|to|that|as|in|on|after|because|when|who|which|whom|whose|what|why|how|where|whether|over|with|at|during|since|than|if|while|and|but)\b|\s*$)/i;

/**
 * The agent of a sourceless passive cue as its source ("was first reported by MSNBC", "has been criticized by some of
 * his rivals for …"), as PolNeAR marks it: the words after "by" (the cue's last word or the one after it) up to
 * punctuation or a word that opens the rest of the clause. A content that starts at the "by" or the agent starts after
 * the agent; an agent further inside the content ("seen by some as a demotion") stays there. PolNeAR train, training
 * side: 18 of the 35 agents so written are the gold source (the strict measure), none of the contents lost; a content
 * that is only "by" and the agent is dropped, its agent the source (8 of 11 such sources gold, 9 of 10 contents spurious).
 */
export function withAgent(text: string, cue: Range16, fragments: readonly Range16[]): { source?: Range16; fragments: readonly Range16[] } {
  const ownBy = /\bby$/i.test(text.slice(cue.start, cue.end));
  const by = ownBy ? cue.end - 2 : cue.end;
  const agent = AGENT.exec(text.slice(by, cue.end + 120));
  if (!agent || /^\s*by\s+large\b/i.test(text.slice(by, by + 12))) return { fragments };
  const start = by + agent[0].length - agent[1]!.length;
  const end = start + agent[1]!.trimEnd().length;
  const inside = fragments.filter((f) => f.start < end && start < f.end);
  if (end <= start || inside.length > 1 || (inside[0] && (inside[0] !== fragments[0] || inside[0].start < by))) return { fragments };
  if (!inside[0]) return { source: { start, end }, fragments };
  let from = end;
  while (from < inside[0].end && /\s/.test(text[from]!)) from++;
  if (from < inside[0].end) return { source: { start, end }, fragments: [{ start: from, end: inside[0].end }, ...fragments.slice(1)] };
  // A content that is only "by" and the agent ("was first reported by Politico") is the source, and no content.
  return { source: { start, end }, fragments: fragments.slice(1) };
}

/** "appears", "seemed", "does not seem": a verb that raises its subject out of the clause it reports. */
const RAISING = /(?:^|\s)(?:appears?|appeared|appearing|seems?|seemed|seeming)$/i;

/**
 * The content of a raising verb with its subject before it, as PolNeAR marks it: no source, the subject and the rest as
 * one content in two fragments ("Ben Carson appears to be slipping" → "Ben Carson" … "to be slipping"). PolNeAR train,
 * training side: of the predicted "appear"/"seem" cues with a source before them and a gold cue, the gold attribution has
 * no source 40 times, ours once.
 */
export function raisedSubject(text: string, cue: Range16, source: Range16, fragments: readonly Range16[]): Range16[] | undefined {
  if (!RAISING.test(text.slice(cue.start, cue.end)) || source.end > cue.start || !fragments.length || fragments[0]!.start < cue.end) return undefined;
  return [source, ...fragments];
}

/**
 * A content that opens with a quotation after words of its own clause ("called the plan “reckless”", "calling him a
 * “loser”") starts at those words, right after the cue (or a source after it), as PolNeAR marks it; not when a comma,
 * sentence punctuation or another attribution's cue or source stands between. PolNeAR train, training side: of the
 * contents so opened, the strict match is won 26 times and lost twice (88 match either way, 53 neither).
 */
export function withObject(text: string, fragments: readonly Range16[], ownEnd: number, taken: (range: Range16) => boolean): Range16[] {
  const first = fragments[0];
  if (fragments.length !== 1 || !first || first.start <= ownEnd || !/^(?:[“"]|'')/.test(text.slice(first.start, first.start + 2))) return [...fragments];
  const gap = text.slice(ownEnd, first.start);
  if (!/\S/.test(gap) || /[.;:!?\n,“”"]/.test(gap) || gap.length > 120) return [...fragments];
  const start = ownEnd + gap.length - gap.trimStart().length;
  if (taken({ start, end: first.start })) return [...fragments];
  return [{ start, end: first.end }];
}

/**
 * The reporting verbs PolNeAR marks inside a quotation too ('He said, "…"' within a quoted account); any other cue
 * inside a quotation is left out of the brat output (PolNeAR train, training side: 30 of the 161 such cues are gold).
 */
const SAY_IN_QUOTE = /^(?:said|says|say|told|tells|added|adds|wrote|writes|asked|asks)$/i;

/**
 * Whether an offset lies inside a quotation, within its paragraph: after more “ than ”, an odd number of straight
 * double quotes, or an odd number of NYT's doubled apostrophes. Counted once over the text (prefix sums), so that asking
 * for every attribution stays linear.
 */
export function quotationIndex(text: string): (offset: number) => boolean {
  const n = text.length;
  const curly = new Int32Array(n + 1);
  const straight = new Int32Array(n + 1);
  const doubled = new Int32Array(n + 1);
  const paragraph = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const ch = text[i]!;
    curly[i + 1] = curly[i]! + (ch === '“' ? 1 : ch === '”' ? -1 : 0);
    straight[i + 1] = straight[i]! + (ch === '"' ? 1 : 0);
    const pair = ch === "'" && text[i + 1] === "'" && text[i - 1] !== "'" && text[i + 2] !== "'";
    doubled[i + 1] = doubled[i]! + (pair ? 1 : 0);
    paragraph[i + 1] = ch === '\n' && text[i - 1] === '\n' ? i + 1 : paragraph[i]!;
  }
  return (offset) => {
    const from = paragraph[offset]!;
    return curly[offset]! - curly[from]! > 0 || (straight[offset]! - straight[from]!) % 2 === 1 || (doubled[offset]! - doubled[from]!) % 2 === 1;
  };
}

/** Where an attribution starts in the text: its source, cue or content, whichever comes first. */
const startOf = (a: BratAttribution) => Math.min(a.cue.start, a.content.start, a.source?.start ?? Infinity);

/**
 * The attributions of a report as brat standoff, the way PolNeAR writes it: `T` lines for Source, Cue and Content (and
 * an `Attribution` / `Attribution-no-source` anchor on the cue), an `E` line linking them, and attribute lines that
 * PolNeAR lacks: `A<n>\tGrade T<source> named|vague|anaphoric` and `A<n>\tHedged E<m>`. Offsets are code points. An
 * attribution nested in another's content is left out ({@link notNested}). `lookalikes` are written with the report's,
 * in text order (predict attribution passes the refused candidates of the classes PolNeAR marks).
 */
export function toBrat(report: Report, lookalikes: readonly BratAttribution[] = []): string {
  const text = report.document.text;
  const at = codePointOffsets(text);
  const lines: string[] = [];
  let t = 0;
  let a = 0;
  const span = (label: string, ...ranges: { start: number; end: number }[]) => {
    t++;
    const covered = ranges.map((range) => text.slice(range.start, range.end).replace(/[\r\n\t]/g, ' ')).join(' ');
    lines.push(`T${t}\t${label} ${ranges.map((range) => `${at(range.start)} ${at(range.end)}`).join(';')}\t${covered}`);
    return `T${t}`;
  };
  let e = 0;
  for (const w of writtenAttributions(report, lookalikes)) {
    if (!w.kept) continue;
    e++;
    const source = w.source ? span('Source', w.source) : undefined;
    const cue = span('Cue', w.cue);
    const content = w.content.length ? span('Content', ...w.content) : undefined;
    const anchor = span(source ? 'Attribution' : 'Attribution-no-source', w.anchor);
    const args = [`${source ? 'Attribution' : 'Attribution-no-source'}:${anchor}`, ...(source ? [`Source:${source}`] : []), `Cue:${cue}`, ...(content ? [`Content:${content}`] : [])];
    lines.push(`E${e}\t${args.join(' ')}`);
    if (source && w.attribution.grade !== 'none') lines.push(`A${++a}\tGrade ${source} ${w.attribution.grade}`);
    if (w.attribution.hedged) lines.push(`A${++a}\tHedged E${e}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** An attribution as the brat output writes it (UTF-16 ranges), and whether it is written at all. */
export interface WrittenAttribution {
  readonly attribution: BratAttribution;
  readonly source: Range16 | undefined;
  readonly cue: Range16;
  /** The cue the `Attribution` anchor is written on (the cue before PolNeAR's additions). */
  readonly anchor: Range16;
  readonly content: readonly Range16[];
  /** False for an attribution nested in another's content ({@link notNested}). */
  readonly kept: boolean;
}

/** The report's attributions and the look-alikes, in text order, with the spans {@link toBrat} writes for them. */
export function writtenAttributions(report: Report, lookalikes: readonly BratAttribution[] = []): WrittenAttribution[] {
  const text = report.document.text;
  const attributions: readonly BratAttribution[] = lookalikes.length === 0 ? report.attributions : [...report.attributions, ...lookalikes].sort((x, y) => startOf(x) - startOf(y));
  const sentences = report.sentences ?? [];
  const contents = contentIndex(attributions.map((attribution) => ({ ...attribution.content, cue: attribution.cue })));
  const parts = attributions.map((original, i) => {
    const attribution = withLightVerb(text, withIssuer(text, original, sentences));
    const bare = attribution.source && withoutMarks(text, attribution.source);
    const around = bare ? { start: Math.min(bare.start, attribution.cue.start), end: Math.max(bare.end, attribution.cue.end) } : attribution.cue;
    const sentence = sentenceAround(sentences, around.end);
    const fragments = attribution.content.end > attribution.content.start ? polnearContent(text, attribution.content, around, contents.except(i), sentence?.end) : [];
    return { attribution, bare, cue: attribution.cue, fragments };
  });
  const nested = notNested(parts);
  const quoted = quotationIndex(text);
  const kept = parts.map((p, i) => nested[i]! && !(quoted(p.cue.start) && !SAY_IN_QUOTE.test(text.slice(p.cue.start, p.cue.end))));
  const taken = overlapIndex(parts.flatMap((p) => [p.cue, ...(p.bare ? [p.bare] : [])]));
  const keptCues = rangeIndex(parts.flatMap((p, i) => (kept[i] ? [p.cue] : [])));
  const written = parts.map(({ attribution, bare, fragments }, i) => {
    const passive = !bare ? withAgent(text, attribution.cue, fragments) : { fragments };
    const written = bare ? withQuantifier(text, wholeWordStart(text, polnearSource(text, bare, attribution.cue))) : passive.source;
    const raised = written ? raisedSubject(text, attribution.cue, written, passive.fragments) : undefined;
    const source = raised ? undefined : written;
    const cue = withStatement(text, attribution.cue);
    const opened = raised ?? withObject(text, passive.fragments, Math.max(cue.end, source && source.start >= cue.end ? source.end : 0), taken);
    const content = withClosingMarks(text, withoutOwn(text, withThat(text, opened, taken), [cue, ...(source ? [source] : [])]));
    return { attribution, source, cue, anchor: attribution.cue, content, kept: kept[i]! };
  });
  return written.map((w) => (w.kept ? { ...w, content: withRestAfterQuote(text, w, sentences, (from, to) => keptCues.someStartingIn(from, to, () => true)) } : w));
}

/**
 * A content after its cue that ends at a closing quotation mark while its sentence goes on with a word ("said the wind is
 * “at our backs” despite the loss") runs on to the sentence's end (its final stop left out), as PolNeAR marks it, unless
 * another written attribution's cue lies in the rest. PolNeAR train, training side: the strict match is won 53 times
 * and lost 23 (2,061 match either way, 104 neither).
 */
function withRestAfterQuote(text: string, w: WrittenAttribution, sentences: readonly Range16[], cueIn: (from: number, to: number) => boolean): readonly Range16[] {
  const last = w.content.at(-1);
  if (!last || last.start < w.cue.end || !/(?:[”"]|'')$/.test(text.slice(last.start, last.end)) || !/^\s+\p{L}/u.test(text.slice(last.end, last.end + 3))) return w.content;
  const sentence = sentences[rangeAt(sentences, last.end - 1)];
  if (!sentence) return w.content;
  let end = sentence.end;
  while (end > last.end && /[\s.!?]/.test(text[end - 1]!)) end--;
  if (end <= last.end || cueIn(last.end, end)) return w.content;
  return [...w.content.slice(0, -1), { start: last.start, end }];
}
