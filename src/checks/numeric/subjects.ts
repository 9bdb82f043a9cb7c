// Subjects of the figures of a list: the words before each figure back to its clause's start, whether each later figure
// leaves out the verb of the first ("the food bank 22,000"), and the head noun a subject names ("Secondary schools").
import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import type { ListRules, Member } from './members.js';

/** How far before a figure its subject is read (with the two tokens of a determiner and adjective past it). */
const REACH = 4;

const isVerb = (t: Token, rules: ListRules) => t.pos === 'VERB' || t.pos === 'AUX' || rules.copulas.has(t.lower);
const LIST_BREAK = new Set([',', ';', ':', 'and', 'while', 'but']);

/** The words between a figure and the comma, semicolon or "and" before it (at most REACH + 2 tokens). */
export function subjectBefore(tokens: readonly Token[], q: QuantityAnnotation): Token[] {
  const out: Token[] = [];
  const first = tokenAt(tokens, q.start);
  for (let k = first - 1; k >= Math.max(0, first - REACH - 2) && !LIST_BREAK.has(tokens[k]!.lower); k--) out.push(tokens[k]!);
  return out;
}

/**
 * "The hospice received 30,000 pounds; the food bank 22,000; the village hall fund 17,000": each later figure follows
 * its own subject and the verb of the first is left out, so every figure is one recipient's part. Shares after a copula
 * ("the coast is 58 percent for leaving, the capital 37 percent") are each of their subject's own whole.
 */
export function isSubjectGapped(tokens: readonly Token[], members: readonly Member[], rules: ListRules, shares: boolean): boolean {
  const verbs = subjectBefore(tokens, members[0]!.q).filter((t) => isVerb(t, rules));
  if (verbs.length === 0) return false;
  // "the coast is 58 percent for leaving, the capital 37 percent": each subject is a whole of its own, not a part of one.
  if (shares && verbs.every((t) => rules.copulas.has(t.lower))) return false;
  // "The bond measure passed with 55 percent and the school levy with 60 percent": each measure has its own vote.
  if (shares && verbs.some((t) => rules.ownVoteVerbs.has(t.lower))) return false;
  return members.slice(1).every((m) => {
    const words = subjectBefore(tokens, m.q);
    // "its rival 35 percent": the tagger reads some subject nouns as adjectives; "the Stara Gora combine 1.7 million":
    // a base-form "verb" right before the figure after a name or noun is the subject's own noun.
    // "the south 380": a word right after a determiner heads the subject, whatever the tagger calls it.
    // "food and farm produce for 3.9": the same before the preposition that gives the figure.
    const noun = (t: Token, i: number) => (i === 0 || (i === 1 && words[0]!.pos === 'ADP')) && t.pos === 'VERB' && t.lower === t.lemma && NOUN_POS.has(words[i + 1]?.pos ?? '');
    const head = (t: Token, i: number) => NOUN_POS.has(t.pos) || named(t) || (t.pos === 'ADV' && words[i + 1]?.pos === 'DET');
    // "Hull for 22": a capitalised word inside the sentence is a name whatever the tagger says.
    return words.some(head) && !words.some((t, i) => isVerb(t, rules) && !noun(t, i) && !named(t) && !hyphenJoined(words, i));
  });
}

const NOUN_POS = new Set(['NOUN', 'PROPN', 'ADJ']);
/** A capitalised word that is no auxiliary: a name. */
const named = (t: Token) => /^\p{Lu}/u.test(t.text) && t.pos !== 'AUX';

const SUBJECT_SKIP = new Set(['AUX', 'ADV', 'PART']);

/**
 * The head noun of the subject of the verb just before a figure ("Secondary schools accounted for 734" → "school",
 * "while special schools handed out 52" → "school"): within the words subjectBefore() reads, the noun right before
 * the nearest verb, past auxiliaries and adverbs; undefined when the clause has none.
 */
export function subjectHead(tokens: readonly Token[], q: QuantityAnnotation): string | undefined {
  const before = subjectBefore(tokens, q);
  const verb = before.findIndex((t) => t.pos === 'VERB');
  const noun = verb < 0 ? undefined : before.slice(verb + 1).find((t) => !SUBJECT_SKIP.has(t.pos));
  return noun?.pos === 'NOUN' ? noun.lemma : undefined;
}

/**
 * True when the figure after a contrast ("..., while special schools handed out 52") is said of a subject with the same
 * head noun as an earlier figure of the list ("Secondary schools accounted for 734 of them and primary schools for
 * 446"): kinds of one thing side by side, the parts of one whole, not a new clause about something else.
 */
export function parallelSubject(tokens: readonly Token[], member: QuantityAnnotation, earlier: ReadonlySet<string>): boolean {
  const head = subjectHead(tokens, member);
  return head !== undefined && earlier.has(head);
}

/**
 * "the fast-growing online channel £190m", "phishing-led takeovers": a word joined to another by a hyphen is part of a
 * compound adjective, no verb of the clause (`words` as subjectBefore gives them, running backwards from the figure).
 */
export function hyphenJoined(words: readonly Token[], i: number): boolean {
  return words[i + 1]?.text === '-' || words[i - 1]?.text === '-';
}
