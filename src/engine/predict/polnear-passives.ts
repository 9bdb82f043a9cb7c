// The subject of a sourceless passive or raising cue and what follows the cue are one content in two fragments, as
// PolNeAR marks it ("All three candidates are expected … to speak at the gala", "Twitter is increasingly seen as … a
// source of news"): the brat writer (brat.ts) puts the subject before a content the finders give after the cue, and the
// complement after a content that is only the subject.
import type { Range as Range16 } from '../../core/range.js';

/** Participles that do not end in -ed, -en or -wn ("was told", "is thought", "were sent"). */
const IRREGULAR = String.raw`said|told|thought|taught|brought|bought|caught|sought|sent|meant|built|held|heard|made|known|shown|seen|given|written|chosen|spoken|left|kept|felt|put|set|read|led`;
/** A passive cue: a form of "be", perhaps "not" and an adverb, and a participle ("is widely expected", "wasn't asked"). */
const PASSIVE_CUE = new RegExp(String.raw`^(?:is|are|was|were|be|been|being|has been|have been|had been|will be|would be|isn['’]t|wasn['’]t|aren['’]t|weren['’]t)\s+(?:not\s+)?(?:\p{Ll}+ly\s+)?(?:\p{L}+(?:ed|en|wn)|${IRREGULAR})\b`, 'iu');

/** A raising verb without a source before it ("The plan seemed … to work"): its subject is content too. */
const RAISING = /(?:^|\s)(?:appears?|appeared|seems?|seemed|sounds?|sounded)$/i;
/** Passives whose subject is the one addressed, no part of what is said ("Ana Ruiz was asked whether …"). */
const ADDRESSED = /\b(?:asked|told|questioned)$/i;

/** Where the passive's clause may start inside its sentence: a semicolon, colon, dash or bracket, a conjunction. */
const CLAUSE_START = /(?:\n|;\s|:\s|\s[—–]\s|\(|,\s+(?=(?:and|but|while|when|where|if|because|although|though|after|before|since|until|as|so)\b)|\b(?:and|but|that|when|where|if|because|while|whether|although|though|after|before|since|until|so)\s+)/giu;
/** An opening phrase before the subject ("With 222 delegates at stake, she …", "Much like Mr. Obama, Mr. Reagan …"). */
const LEAD_PHRASE = /^(?:(?:with|during|in|on|at|after|before|for|by|from|under|as|despite|since|when|while|although|though|if|because|like|unlike|much like)\b[^,]*,\s*)+/iu;
/** A relative pronoun right before the cue is the subject ("Mr. Brown, who was persuaded to support …"). */
const RELATIVE = /(?:^|[^\p{L}])(who|which|that)\s+$/iu;
/** How many words a subject may have. */
const SUBJECT_WORDS = 12;
/** How many characters before the cue, and after it, are read for the subject and the complement. */
const WINDOW = 400;

/**
 * The subject before a passive cue within its sentence (`sentenceStart` on): the relative pronoun right before it, else
 * the words from the start of its clause, past an opening phrase; none for "it", "there" or more than twelve words.
 */
export function passiveSubject(text: string, cue: Range16, sentenceStart: number): Range16 | undefined {
  const words = text.slice(cue.start, cue.end);
  if (!(PASSIVE_CUE.test(words) || RAISING.test(words)) || ADDRESSED.test(words)) return undefined;
  // Only the words near the cue are read, so that a long sentence of many passives stays linear.
  const windowStart = Math.max(sentenceStart, cue.start - WINDOW);
  const before = text.slice(windowStart, cue.start);
  const relative = RELATIVE.exec(before);
  if (relative) {
    const start = windowStart + relative.index + relative[0].indexOf(relative[1]!);
    return { start, end: start + relative[1]!.length };
  }
  let from = 0;
  for (const m of before.matchAll(CLAUSE_START)) from = m.index! + m[0].length;
  if (from === 0 && windowStart > sentenceStart) return undefined;
  from += LEAD_PHRASE.exec(before.slice(from))?.[0].length ?? 0;
  let start = windowStart + from;
  let end = cue.start;
  while (start < end && /[\s“"'‘]/u.test(text[start]!)) start++;
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  if (end <= start || text.slice(start, end).split(/\s+/).length > SUBJECT_WORDS || /^(?:it|there)$/i.test(text.slice(start, end))) return undefined;
  return { start, end };
}

/**
 * A sourceless passive's content after its cue with the subject before it as a first fragment ("Dylann Roof" … "of
 * killing nine people"). PolNeAR train, training side: of such predicted cues (not "asked" or "told"), the gold content
 * starts before the cue 89 times, after it 23; written so, the strict Content match is won 20 times and lost 4. Also
 * for a raising verb without a source ("seemed", "appears", "sounds"; 24 before, 6 after; won 6, lost 2).
 */
export function withPassiveSubject(text: string, cue: Range16, content: readonly Range16[], sentenceStart: number): readonly Range16[] {
  if (!content.length || content[0]!.start < cue.end) return content;
  const subject = passiveSubject(text, cue, sentenceStart);
  return subject ? [subject, ...content] : content;
}

/** Where a complement after the cue ends: a comma, semicolon, colon or dash, or the sentence's final stop. */
const COMPLEMENT_END = /[,;:]|\s[—–-]\s|[.!?](?=["”'’]?\s|["”'’]?$)/u;

/**
 * A sourceless passive's or raising verb's content that is its subject before the cue, with the complement after the
 * cue as a second fragment ("Sanders" … "the winner in Rhode Island" of "Sanders was declared the winner in Rhode
 * Island, and …"), up to the next comma, semicolon, colon, dash or the sentence's end. PolNeAR train, training side: of
 * such subject-only contents, the gold content goes on after the cue 21 times, not 15; strict Content won 18, lost 3.
 */
export function withPassiveComplement(text: string, cue: Range16, content: readonly Range16[], sentenceEnd: number): readonly Range16[] {
  const only = content[0];
  if (content.length !== 1 || !only || only.end > cue.start || /\S/.test(text.slice(only.end, cue.start))) return content;
  const words = text.slice(cue.start, cue.end);
  if (!(PASSIVE_CUE.test(words) || RAISING.test(words)) || ADDRESSED.test(words)) return content;
  const rest = text.slice(cue.end, Math.min(sentenceEnd, cue.end + WINDOW));
  const lead = /^\s+(?=[\p{L}“"])/u.exec(rest);
  if (!lead) return content;
  const stop = COMPLEMENT_END.exec(rest.slice(lead[0].length));
  const start = cue.end + lead[0].length;
  if (!stop && cue.end + rest.length < sentenceEnd) return content;
  let end = stop ? start + stop.index : cue.end + rest.length;
  while (end > start && /[\s.!?]/.test(text[end - 1]!)) end--;
  return end > start ? [only, { start, end }] : content;
}
