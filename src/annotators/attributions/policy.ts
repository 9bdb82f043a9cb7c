// The cue and source policy (policy.json): which cues can source a claim, applied to the rule finder's attributions
// and to the trained tagger's alike. A cue is judged by its head word and where it stands in the sentence (a passive, a
// relative clause, the words after it), from wink's POS tags and lemmas. The source it accepts is found by
// policy-subjects.ts (a relative pronoun stands for the phrase before it; a subject before a relative clause).
import { isWhitespaceToken, type Token } from '../../nlp/tokens.js';
import cues from './cues.json' with { type: 'json' };
import type { CueKind, Lexicon } from './lexicon.js';
import { phraseBefore, type Span } from './noun-phrase.js';
import policy from './policy.json' with { type: 'json' };
import { refusedAct, type ActRefusal } from './policy-acts.js';
import { refusedLookalike, type LookalikeRefusal } from './policy-lookalikes.js';
import { sourcePhrase } from './policy-subjects.js';
import { groupStart, headOf, isRelativePronoun, nextWord, NOMINAL, PAUSES, POSSESSIVES, RELATIVE } from './policy-tokens.js';

/** Why a cue cannot source a claim: the policy class that refused it. */
export type Refusal =
  | 'intention-adjective'
  | 'intention-verb'
  | 'emotion-adjective'
  | 'wish'
  | 'mood'
  | 'topic'
  | 'writer-voice'
  | 'passive'
  | 'relative-clause'
  | 'anonymity'
  | 'measure-noun'
  | 'function-words'
  | 'measured-share'
  | 'compound'
  | 'withheld'
  | 'nested-finding'
  | 'prescription'
  | 'label'
  | 'display'
  | 'adjective'
  | ActRefusal
  | LookalikeRefusal;

/** An attribution to judge: token spans of its cue and its source, if any, and how the cue relates them. */
export interface Candidate {
  readonly cue: Span;
  readonly source?: Span;
  /** The rules' phrase cues ("If X is to be believed", "is said to") are judged by their words only. */
  readonly kind?: CueKind;
}

/** The policy's ruling: refused with a reason, or kept with the source it accepts (cut short, or dropped). */
export interface Ruling {
  readonly refused?: Refusal;
  readonly source?: Span;
  /**
   * A poll's share or count the policy does not take as a source ("41 percent of respondents said"): the answer stays,
   * the share vouches for no claim. PolNeAR marks it as the source; only predict attribution's brat output reads it.
   */
  readonly share?: Span;
}

const set = (words: readonly string[]) => new Set(words);
const SOURCING = set([...cues.verbs.map((v) => v.lemma), ...policy.sourcing.verbs.map((v) => v.lemma)]);
const STANCES = set(cues.stances.map((s) => s.adjective));
const INTENTION_ADJECTIVES = set(policy.intentionAdjectives.words);
const EMOTION_ADJECTIVES = set(policy.emotionAdjectives.words);
const WISHES = set(policy.wishVerbs.lemmas);
const INTENTION_VERBS = set(policy.intentionVerbs.lemmas);
const QUOTED_AS = set(policy.quotedAs.lemmas);
const QUOTED_AS_AFTER = set(policy.quotedAs.after);
const RESTRICTIVE_AFTER = set(policy.relativeWords.restrictiveAfter);
const GENERIC_ANTECEDENTS = set(policy.relativeWords.genericAntecedents);
const DEMONSTRATIVE_ANTECEDENTS = set(policy.relativeWords.demonstrativeAntecedents);
const MOODS = set(policy.moodNouns.words);
const MOOD_NOUNS = set(policy.moodNounsAsNouns.words);
const TOPICS = set(policy.topicPrepositions.words);
const HEARSAY = set(policy.hearsayNouns.words);
const OBJECT_VERBS = set(policy.objectVerbs.lemmas);
const PERSONAL = set(policy.personalPronouns.words);
const AUTHOR_MODALS = set(cues.authorModals.map((m) => m.word));
const ANONYMITY = policy.anonymity.phrases.map((p) => p.split(' '));
const SHARES = set(policy.measuredShares.words);
const FREE_RELATIVES = set(policy.freeRelatives.words);
const FUNCTION_POS = set(policy.functionWords.pos);
const REFUSALS = set(policy.withheld.refusals);
const NEGATED_SPEECH = set(policy.withheld.negatedSpeech);
const NEGATIONS = set(policy.withheld.negations);
const OPENS_CONTENT = new Set(['that', ':', '"', '“', '‘', "'"]);
const QUESTION_WORDS = set(policy.withheld.questionWords);
const COMMENT_REQUESTS = set(policy.withheld.commentRequests.nouns);
const COMMENT_LINKS = set(policy.withheld.commentRequests.links);
const COMMENT_OBJECTS = set(policy.withheld.commentRequests.objects);
const FINDINGS = set(policy.findings.lemmas);
const WRITER_FRAMES = set(policy.writerFrames.words);
const REPORTING_BEFORE = set(policy.findings.reportingBefore);
const OBJECTS_OF_TELLING = set(policy.findings.objectsOfTelling);
const FINDING_SUBJECTS = set(policy.findings.subjects);
const PRESCRIPTIVE_MODALS = set(policy.prescriptions.modals);
const INVARIANT_PARTICIPLES = set(policy.invariantParticiples.words);
const OWN_SPEAKERS = set(policy.prescriptions.speakers);
const LABELS = set(policy.labels.words);
const DISPLAYS = set(policy.displays.lemmas);




/** Judges one attribution against the policy. */
export function judge(tokens: readonly Token[], sent: Span, c: Candidate, lex: Lexicon): Ruling {
  const head = headOf(tokens, c.cue);
  const verb = c.kind === undefined || c.kind === 'verb';
  const refused =
    refusedWord(tokens, c.cue, head) ??
    (verb ? refusedAsVerb(tokens, sent, c, head) : undefined) ??
    refusedLookalike(tokens, sent, c.cue, c.source, head, verb, verb && isPassive(tokens, c.cue, head, sent.first));
  // A withheld statement ("declined to comment") is no attribution: the news gold (bench/news README) lists refusals
  // as look-alikes. PolNeAR marks many as cues; dropping them cost its dev Cue 0.001 and Content 0.0025 (model card).
  if (refused) return { refused };
  return admittedRuling(tokens, sent, c, lex);
}

/**
 * The ruling on an attribution whose cue the policy admits: the source it accepts, cut short or dropped. `judge` gives it
 * to every cue it does not refuse; predict attribution's PolNeAR output gives it to refused cues of the classes PolNeAR
 * marks too (src/engine/predict/attribution-lookalikes.ts).
 */
export function admittedRuling(tokens: readonly Token[], sent: Span, c: Candidate, lex: Lexicon): Ruling {
  const head = headOf(tokens, c.cue);
  const verb = c.kind === undefined || c.kind === 'verb';
  const source = c.source && sourcePhrase(tokens, c.source, sent.first, lex);
  // The subject of a passive is acted on ("residents were told that"): the attribution stays, without that source.
  if (verb && source && source.end <= c.cue.first && isPassive(tokens, c.cue, head, sent.first) && !quotedAs(tokens, sent, head)) return {};
  // "41 percent of respondents said they would move": a poll's measured answer; the act of answering stays (PolNeAR
  // marks it), the share is no source of a claim (policy.json measuredShares answers).
  // "152 said they did not know", "9 percent see no change and 6 percent believe ...": a subject that ends in a bare
  // count or a share (and names nobody) is a measured answer too.
  if (verb && source && source.end <= c.cue.first && (opensWithShare(tokens, source) || endsInMeasure(tokens, source))) return { share: source };
  return source ? { source } : {};
}

/** A refusal of a verb cue (a rule's or the tagger's): by its words alone, its position, or its content. */
function refusedAsVerb(tokens: readonly Token[], sent: Span, c: Candidate, head: number): Refusal | undefined {
  let words = false;
  for (let i = c.cue.first; i < c.cue.end; i++) words ||= !FUNCTION_POS.has(tokens[i]!.pos) && !isWhitespaceToken(tokens[i]!) && tokens[i]!.pos !== 'PUNCT';
  if (!words && !tokens.slice(c.cue.first, c.cue.end).some((t) => t.pos === 'PUNCT')) return 'function-words';
  // "It is worth noting that": the writer's framing (policy.json writerFrames).
  const frame = previousWord(tokens, c.cue.first - 1, sent.first);
  if (frame !== undefined && WRITER_FRAMES.has(tokens[frame]!.lower)) return 'writer-voice';
  // "the Amsterdam-listed maker", "a state-owned bank": a participle joined by a hyphen to the word before it is half of
  // a compound adjective, never a cue.
  const joiner = tokens[c.cue.first - 1];
  if (joiner?.text === '-' && joiner.start === tokens[c.cue.first]!.start - 1 && joiner.end === joiner.start + 1 && tokens[c.cue.first - 2]?.end === joiner.start) return 'compound';
  const passive = isPassive(tokens, c.cue, head, sent.first);
  // "21 percent preferred to keep their hours": a share before a participle wink tags as an adjective.
  const h = tokens[head]!;
  if (h.pos === 'ADJ' && /ed$/.test(h.lower) && !STANCES.has(h.lower) && c.source && c.source.end <= head && isShare(tokens, c.source)) return 'measured-share';
  // A passive under a modal ("It must be said that") is the writer's voice (refusedPosition), a finding nested in
  // another's statement is judged as such first (refusedFinding).
  const prescription = !passive && prescribed(tokens, sent, c, head) ? 'prescription' : undefined;
  return refusedWithheld(tokens, sent, c, head) ?? refusedFinding(tokens, sent, c, head) ?? prescription ?? (displays(tokens, sent, c, head) ? 'display' : undefined) ?? refusedAct(tokens, sent, c.cue, head, passive) ?? refusedRestrictive(tokens, sent, c) ?? refusedPosition(tokens, sent, c, head) ?? refusedContent(tokens, sent, c);
}

/**
 * "She should demand that Postline publish", "Ministers should ask why": a verb cue right after a modal of obligation
 * (policy.json prescriptions), its subject not the speaker's own "I" or "we" ("I must say").
 */
function prescribed(tokens: readonly Token[], sent: Span, c: Candidate, head: number): boolean {
  const before = previousWord(tokens, groupStart(tokens, c.cue.first, sent.first) - 1, sent.first);
  let modal = false;
  for (let i = Math.max(sent.first, before ?? c.cue.first); i < head; i++) modal ||= PRESCRIPTIVE_MODALS.has(tokens[i]!.lower);
  if (!modal) return false;
  return !(c.source && c.source.end - c.source.first === 1 && OWN_SPEAKERS.has(tokens[c.source.first]!.lower));
}

/** How far after "show" a that-clause, colon or quotation makes it a finding ("showed in its report that"). */
const DISPLAY_REACH = 8;
const FINDING_OPENERS = new Set(['that', ':']);

/**
 * "Corrigan had shown \"a cold disregard\"", "she showed no remorse": a verb of showing (policy.json displays) whose
 * subject is a person named or a personal pronoun, with a noun phrase after it and no that-clause or colon (a quoted
 * phrase is the quality shown).
 */
function displays(tokens: readonly Token[], sent: Span, c: Candidate, head: number): boolean {
  if (!DISPLAYS.has(tokens[head]!.lemma) || !c.source || c.source.end > c.cue.first) return false;
  // A person named or a personal pronoun: nouns ("history shows", "the evidence shows", "his record shows") report
  // findings in PolNeAR as documents do (taking them as deeds cost its dev Content 0.004 overlap F1).
  const words = tokens.slice(c.source.first, c.source.end).filter((t) => !isWhitespaceToken(t));
  const person = words.every((t) => t.pos === 'PROPN') || (words.length === 1 && words[0]!.pos === 'PRON' && PERSONAL.has(words[0]!.lower));
  if (!person) return false;
  // "has shown he is unfit": a clause without "that" right after the verb is what was shown.
  const next = nextWord(tokens, head + 1, sent.end);
  if (next === undefined || tokens[next]!.pos === 'PRON' || tokens[next]!.pos === 'PROPN') return false;
  for (let i = head + 1; i < Math.min(sent.end, head + DISPLAY_REACH); i++) {
    if (FINDING_OPENERS.has(tokens[i]!.lower)) return false;
    if (tokens[i]!.text === '.' || tokens[i]!.text === ';') break;
  }
  return true;
}

/** How many tokens after a passive "quoted" the "as" of "as saying" is looked for ("was quoted by the state broadcaster VTV as"). */
const QUOTED_REACH = 10;

/** "was quoted (by the broadcaster) as saying", "was heard to say": a passive whose subject is the speaker. */
function quotedAs(tokens: readonly Token[], sent: Span, head: number): boolean {
  if (!QUOTED_AS.has(tokens[head]!.lemma)) return false;
  for (let i = head + 1; i < Math.min(sent.end, head + QUOTED_REACH); i++) {
    const t = tokens[i]!;
    if (QUOTED_AS_AFTER.has(t.lower)) return true;
    if (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX') return false;
  }
  return false;
}

/**
 * A verb in a relative clause on an indefinite pronoun ("Anyone who saw the car"), or with no comma on a plural noun
 * or "those" after "among" or "of": "even among drivers who said they rarely take
 * the train", "of those who said": the clause narrows the group counted, nobody's statement is reported.
 */
function refusedRestrictive(tokens: readonly Token[], sent: Span, c: Candidate): Refusal | undefined {
  if (c.source && c.source.end > c.cue.first) return undefined;
  // The relative pronoun: in or right after the proposed source, or right before the cue's verb group when none is.
  const from = c.source ? c.source.first : groupStart(tokens, c.cue.first, sent.first) - 1;
  const to = c.source ? c.source.end : from;
  let r = -1;
  for (let i = Math.max(from, sent.first); i <= to && i < sent.end && r < 0; i++) if (isRelativePronoun(tokens, i)) r = i;
  if (r <= sent.first || PAUSES.has(tokens[r - 1]!.text)) return undefined;
  if (GENERIC_ANTECEDENTS.has(tokens[r - 1]!.lower)) return 'relative-clause';
  // "Those who doubt it": the clause's own verb, its source the relative pronoun alone.
  if (DEMONSTRATIVE_ANTECEDENTS.has(tokens[r - 1]!.lower) && c.source && c.source.first === r && c.source.end === r + 1) return 'relative-clause';
  const phrase = tokens[r - 1]!.lower === 'those' ? { first: r - 1, end: r } : phraseBefore(tokens, r, sent.first);
  const before = tokens[phrase.first - 1];
  const noun = tokens[phrase.end - 1];
  const group = noun !== undefined && (noun.lower === 'those' || (noun.pos === 'NOUN' && noun.lower !== noun.lemma && noun.lower.endsWith('s')));
  return group && phrase.first > sent.first && before !== undefined && RESTRICTIVE_AFTER.has(before.lower) ? 'relative-clause' : undefined;
}

/**
 * A statement withheld: a refusal ("declined to comment", "refused to concede"), or a negated verb of telling with no
 * that-clause or quotation after it ("would not confirm the report", "would not say whether").
 */
function refusedWithheld(tokens: readonly Token[], sent: Span, c: Candidate, head: number): Refusal | undefined {
  const h = tokens[head]!;
  if (commentRequest(tokens, head, sent.end)) return 'withheld';
  if (h.pos !== 'VERB') return undefined;
  // The refusal may govern the cue's verb from before it ("declined to say", "refused to comment on"): the verb group
  // and the word right before it.
  for (let i = Math.max(sent.first, groupStart(tokens, c.cue.first, sent.first) - 1); i <= head; i++) if (tokens[i]!.pos === 'VERB' && REFUSALS.has(tokens[i]!.lemma)) return 'withheld';
  if (!NEGATED_SPEECH.has(h.lemma)) return undefined;
  let negated = false;
  for (let i = groupStart(tokens, head, Math.min(sent.first, c.cue.first)); i < head; i++) negated ||= NEGATIONS.has(tokens[i]!.lower);
  if (!negated) return undefined;
  const next = nextWord(tokens, head + 1, sent.end);
  if (next === undefined) return 'withheld';
  if (OPENS_CONTENT.has(tokens[next]!.lower)) return undefined;
  if (QUESTION_WORDS.has(tokens[next]!.lower) || commentRequest(tokens, next, sent.end)) return 'withheld';
  // "did not respond to requests for comment", "has not commented on the plans": a prepositional object, no clause.
  if (tokens[next]!.pos === 'ADP' || tokens[next]!.lower === 'to') return opensContentBefore(tokens, next + 1, sent.end) ? undefined : 'withheld';
  // A clause without "that" ("never said the bridge was safe") still reports a statement.
  for (let i = next; i < sent.end && tokens[i]!.pos !== 'PUNCT'; i++) if (tokens[i]!.pos === 'VERB' || tokens[i]!.pos === 'AUX') return undefined;
  return 'withheld';
}

/** True when a that-clause or a quotation opens between `from` and the next punctuation mark (a comma, a full stop). */
function opensContentBefore(tokens: readonly Token[], from: number, limit: number): boolean {
  for (let i = from; i < limit; i++) {
    const t = tokens[i]!;
    if (OPENS_CONTENT.has(t.lower)) return true;
    if (t.pos === 'PUNCT') return false;
  }
  return false;
}

/** "requests for comment", "calls seeking comment": a request for a statement, as a noun, reports none. */
function commentRequest(tokens: readonly Token[], head: number, limit: number): boolean {
  if (!COMMENT_REQUESTS.has(tokens[head]!.lower)) return false;
  const link = nextWord(tokens, head + 1, limit);
  const object = link === undefined ? undefined : nextWord(tokens, link + 1, limit);
  return object !== undefined && COMMENT_LINKS.has(tokens[link!]!.lower) && COMMENT_OBJECTS.has(tokens[object]!.lower);
}

/** How many words an object of telling may have between the verb and a finding's subject ("told the two men they had shown"). */
const OBJECT_REACH = 5;
const OBJECT_POS = new Set(['DET', 'NOUN', 'PROPN', 'ADJ', 'PRON', 'NUM']);

/**
 * A finding verb ("show", policy.json findings) that sources nothing of its own: its subject "the numbers", "the poll"
 * or a pronoun, standing right after another source's "said" or "told OBJECT" with no "that" ("said the numbers showed",
 * "told the men they had shown"): the finding is part of what that source said.
 */
function refusedFinding(tokens: readonly Token[], sent: Span, c: Candidate, head: number): Refusal | undefined {
  const h = tokens[head]!;
  if (h.pos !== 'VERB' || !FINDINGS.has(h.lemma) || h.lower.endsWith('ing') || !c.source || c.source.end > c.cue.first) return undefined;
  const first = tokens[c.source.first]!;
  const pronoun = c.source.end - c.source.first === 1 && first.pos === 'PRON' && PERSONAL.has(first.lower);
  const described = c.source.end - c.source.first === 2 && first.lower === 'the' && FINDING_SUBJECTS.has(tokens[c.source.end - 1]!.lower);
  if (!pronoun && !described) return undefined;
  let k = previousWord(tokens, c.source.first - 1, sent.first);
  if (k === undefined) return undefined;
  if (described && tokens[k]!.pos === 'VERB' && REPORTING_BEFORE.has(tokens[k]!.lemma)) return 'nested-finding';
  for (let n = 0; n < OBJECT_REACH && k !== undefined && OBJECT_POS.has(tokens[k]!.pos); n++) {
    k = previousWord(tokens, k - 1, sent.first);
    if (k !== undefined && tokens[k]!.pos === 'VERB' && OBJECTS_OF_TELLING.has(tokens[k]!.lemma)) return 'nested-finding';
  }
  return undefined;
}

/** The nearest token at or before `from` that is not whitespace, not before `floor`. */
function previousWord(tokens: readonly Token[], from: number, floor: number): number | undefined {
  let i = from;
  while (i >= floor && isWhitespaceToken(tokens[i]!)) i--;
  return i >= floor ? i : undefined;
}

const MEASURE_NOUNS = set(policy.measureNouns.words);
const MEASURE_BEFORE = set(policy.measureNouns.before);

/** True when the word before a token is a number or a word of quantity ("a quarter point", "0.25 points"). */
function measured(tokens: readonly Token[], i: number): boolean {
  const k = previousWord(tokens, i - 1, 0);
  const before = k === undefined ? undefined : tokens[k]!;
  return before !== undefined && (before.pos === 'NUM' || /^[\d.,]+$/.test(before.text) || MEASURE_BEFORE.has(before.lower));
}

/** A refusal by the cue's own words: intention and emotion adjectives, a mood nobody expresses, a wish, hearsay on a topic. */
function refusedWord(tokens: readonly Token[], cue: Span, head: number): Refusal | undefined {
  for (let i = cue.first; i < cue.end; i++) {
    const t = tokens[i]!;
    if (INTENTION_ADJECTIVES.has(t.lower)) return 'intention-adjective';
    if (EMOTION_ADJECTIVES.has(t.lower)) return 'emotion-adjective';
    if (LABELS.has(t.lower)) return 'label';
  }
  // "so-called" may come as three tokens ("so", "-", "called").
  const joined = tokens.slice(Math.max(0, cue.first - 2), cue.end).map((t) => t.lower).join('');
  for (const label of LABELS) if (joined.includes(label)) return 'label';
  for (let i = cue.first; i < cue.end; i++) {
    const t = tokens[i]!;
    if ((MOODS.has(t.lower) || (MOOD_NOUNS.has(t.lower) && isNounUse(tokens, i))) && !expressedBefore(tokens, cue.first, i)) return 'mood';
  }
  const h = tokens[head]!;
  // "raise rates by a quarter point on Thursday": 'point' after a count or a fraction is a unit (policy.json measureNouns).
  if (MEASURE_NOUNS.has(h.lower) && measured(tokens, head)) return 'measure-noun';
  // "Support was strongest among ...": a compared adjective reports nothing (policy.json predicateAdjectives).
  if (h.pos === 'ADJ' && h.lemma !== h.lower && /(?:est|er)$/.test(h.lower) && !tokens.slice(cue.first, cue.end).some((t) => t.pos === 'VERB')) return 'adjective';
  if (h.pos === 'VERB' && WISHES.has(h.lemma)) return 'wish';
  if (h.pos === 'VERB' && INTENTION_VERBS.has(h.lemma)) return 'intention-verb';
  // "Varga's group plans to repeat the count": after a noun, wink may tag the verb "plans" as a plural noun; before "to"
  // and a verb it is the plan all the same.
  if (h.pos === 'NOUN' && INTENTION_VERBS.has(h.lemma) && h.lower.endsWith('s') && tokens[head + 1]?.lower === 'to' && tokens[head + 2]?.pos === 'VERB') return 'intention-verb';
  // A tagger cue that runs on to the verb intended ("now plans to repeat the study"): the plan still governs it.
  for (let i = cue.first; i < head; i++) if (tokens[i]!.pos === 'VERB' && INTENTION_VERBS.has(tokens[i]!.lemma)) return 'intention-verb';
  const next = nextWord(tokens, head + 1, Number.MAX_SAFE_INTEGER);
  const topical = (HEARSAY.has(h.lower) && h.pos !== 'VERB') || STANCES.has(h.lower);
  if (topical && next !== undefined && TOPICS.has(tokens[next]!.lower)) return 'topic';
  return undefined;
}

/** True when a verb before a mood word in the cue expresses it ("have expressed concern"), not a modifier ("growing concern"). */
function expressedBefore(tokens: readonly Token[], first: number, mood: number): boolean {
  for (let j = first; j < mood; j++) if (tokens[j]!.pos === 'VERB' && !(j === mood - 1 && tokens[j]!.lower.endsWith('ing'))) return true;
  return false;
}

/**
 * True when a word that may be a noun or a verb ("fears") is used as a noun: after a determiner, adjective, verb,
 * preposition or a form of "be" ("there are fears that", "renewed fears"), not after a subject, "to" or a modal
 * ("fishermen fear that", "police also fear", "led him to fear").
 */
function isNounUse(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (tokens[k]!.pos === 'ADV' || isWhitespaceToken(tokens[k]!))) k--;
  const before = tokens[k];
  if (before === undefined || POSSESSIVES.has(before.lower)) return true;
  if (before.pos === 'AUX') return before.lemma === 'be';
  return !(NOMINAL.has(before.pos) || before.pos === 'PRON' || before.pos === 'PART');
}


/**
 * A refusal by where the cue stands: the writer's own passive, a participle modifying a noun ("men accused of"), an
 * impersonal passive of a verb that reports nothing, a share as the subject of such a verb, an action in a relative
 * clause. A verb that reports speech, a document, a finding or a belief (cues.json, policy.json) is refused none of these
 * but the first two.
 */
function refusedPosition(tokens: readonly Token[], sent: Span, c: Candidate, head: number): Refusal | undefined {
  const h = tokens[head]!;
  if (h.pos !== 'VERB') return undefined;
  const passive = isPassive(tokens, c.cue, head, sent.first);
  if (passive && hasAuthorModal(tokens, c.cue, head, sent.first)) return 'writer-voice';
  const after = tokens[nextWord(tokens, head + 1, sent.end) ?? head]!;
  const participle = !passive && isParticiple(h);
  if (participle && OBJECT_VERBS.has(h.lemma) && after.pos === 'ADP') return 'passive';
  // "A forensic accountant, called by the prosecution, said": a participle aside with its agent reports no statement.
  if (participle && after.lower === 'by' && head === c.cue.first && tokens[previousWord(tokens, head - 1, sent.first) ?? head]!.text === ',') return 'passive';
  if (SOURCING.has(h.lemma) || SOURCING.has(`${h.lemma} ${after.lower}`) || STANCES.has(h.lower)) return undefined;
  if ((passive && after.lower !== 'by') || (participle && after.lower === 'by')) return 'passive';
  if (c.source && c.source.end <= head && isShare(tokens, c.source)) return 'measured-share';
  return inRelativeClause(tokens, sent, c, head) ? 'relative-clause' : undefined;
}

/** True for a share or count as a source: a number, or a percentage ("52 percent", "7 in 10"). */
function isShare(tokens: readonly Token[], source: Span): boolean {
  const last = tokens[source.end - 1]!;
  return last.pos === 'NUM' || SHARES.has(last.lower) || (source.end - source.first >= 2 && SHARES.has(`${tokens[source.end - 2]!.lower} ${last.lower}`));
}

/**
 * True for a phrase that ends in a bare number or a share word, not after a preposition, and holds no name ("152",
 * "no change and 6 percent"; not "A mother of two", "The Group of 20").
 */
function endsInMeasure(tokens: readonly Token[], source: Span): boolean {
  if (!isShare(tokens, source)) return false;
  // "A mother of two": a number after a preposition is the object of the noun's phrase, not its head.
  let k = source.end - 1;
  while (k > source.first && tokens[k]!.pos !== 'NUM') k--;
  if (tokens[k - 1]?.pos === 'ADP') return false;
  for (let i = source.first; i < source.end; i++) if (tokens[i]!.pos === 'PROPN') return false;
  return true;
}

/** True for a phrase that opens with a share ("41 percent of respondents", "only 4 percent", "the other 15 percent"). */
function opensWithShare(tokens: readonly Token[], source: Span): boolean {
  for (let i = source.first; i < Math.min(source.end, source.first + SHARE_REACH); i++) {
    const t = tokens[i]!;
    // "the 95 percent experts consider necessary": a share before a noun is an object, the noun the subject.
    if (SHARES.has(t.lower) && i > source.first && tokens[i - 1]!.pos === 'NUM') return tokens[i + 1]?.pos !== 'NOUN' || i + 1 >= source.end;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'VERB') return false;
  }
  return false;
}

/** How many words may open a phrase before its share ("only just over 40 percent"). */
const SHARE_REACH = 6;

/** A past participle: a verb form that is not the base, -s or -ing form (wink's lemma differs and no -ing). */
function isParticiple(t: Token): boolean {
  return (!t.lower.endsWith('ing') && t.lower !== t.lemma && !t.lower.endsWith('s')) || INVARIANT_PARTICIPLES.has(t.lower);
}



/** True for a passive cue: a form of "be" in the verb group before a participle ("were condemned", "may be expected"). */
export function isPassive(tokens: readonly Token[], cue: Span, head: number, floor: number): boolean {
  const h = tokens[head]!;
  if (h.pos !== 'VERB' || !isParticiple(h) || STANCES.has(h.lower)) return false;
  for (let i = head - 1; i >= groupStart(tokens, head, Math.min(floor, cue.first)); i--) if (tokens[i]!.lemma === 'be') return true;
  return false;
}

/** True when a modal of the writer's own voice opens the verb group ("it must be pointed out", "may be expected"). */
function hasAuthorModal(tokens: readonly Token[], cue: Span, head: number, floor: number): boolean {
  for (let i = groupStart(tokens, head, Math.min(floor, cue.first)); i < head; i++) if (AUTHOR_MODALS.has(tokens[i]!.lower)) return true;
  return false;
}

/**
 * True when the head verb stands in a relative clause with a subject pronoun of its own: a lower-case pronoun right
 * after a common noun ("the regime they supported"), after a relative word ("the regime that they backed") or after
 * "what" ("What they fear is"). Such a verb acts on the noun; what follows it is the main clause, not its content.
 * ("Mr. Obama, who understood that": the relative pronoun is the subject; it stands for its antecedent.)
 */
function inRelativeClause(tokens: readonly Token[], sent: Span, c: Candidate, head: number): boolean {
  const subject = c.source && c.source.end <= head ? c.source.first : groupStart(tokens, head, sent.first) - 1;
  const s = tokens[subject];
  if (c.source && c.source.end <= head && s && s.pos !== 'PRON' && nounSubjectRelative(tokens, sent, subject)) return true;
  if (!s || subject - 1 < sent.first || s.pos !== 'PRON' || !PERSONAL.has(s.lower)) return false;
  const before = tokens[subject - 1]!;
  if (FREE_RELATIVES.has(before.lower)) return true;
  if (s.text !== s.lower) return false;
  if (before.pos === 'NOUN') return true;
  return RELATIVE.has(before.lower) && subject - 2 >= sent.first && tokens[subject - 2]!.pos === 'NOUN';
}

/**
 * True when a noun subject opens an object relative clause: right after "which" or "whom" that follows a noun or a
 * comma ("The levy, which the mayor opposed, raised"), or after "that" right after a noun ("the school that the
 * governors supported"). The verb acts on the noun before the relative word (policy.json relativeWords).
 */
function nounSubjectRelative(tokens: readonly Token[], sent: Span, subject: number): boolean {
  const r = previousWord(tokens, subject - 1, sent.first);
  if (r === undefined || !OBJECT_RELATIVES.has(tokens[r]!.lower)) return false;
  const b = previousWord(tokens, r - 1, sent.first);
  if (b === undefined) return false;
  const before = tokens[b]!;
  return tokens[r]!.lower === 'that' ? before.pos === 'NOUN' : before.pos === 'NOUN' || before.pos === 'PROPN' || before.text === ',';
}

/** Relative words that open a clause whose subject comes after them (policy.json relativeWords.objectRelatives). */
const OBJECT_RELATIVES = set(policy.relativeWords.objectRelatives);

/** A refusal by the content: the conditions of a source's anonymity ("asked not to be named"), with no other verb. */
function refusedContent(tokens: readonly Token[], sent: Span, c: Candidate): Refusal | undefined {
  const words: Token[] = [];
  for (let i = c.cue.end; i < sent.end && words.length < 8; i++) {
    const t = tokens[i]!;
    if (t.pos === 'PUNCT' || t.pos === 'SCONJ') break;
    if (!isWhitespaceToken(t)) words.push(t);
  }
  const lower = words.map((t) => t.lower);
  for (const phrase of ANONYMITY) {
    const at = indexOfWords(lower, phrase);
    if (at < 0) continue;
    const rest = [...words.slice(0, at), ...words.slice(at + phrase.length)];
    if (!rest.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return 'anonymity';
  }
  return undefined;
}

function indexOfWords(words: readonly string[], phrase: readonly string[]): number {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) continue outer;
    return i;
  }
  return -1;
}

/**
 * A noun compound read as a source and a cue ("Arson attacks on shops rose", "Overtime disputes make up"): a cue whose
 * head reports nothing (no reporting verb of cues.json or policy.json) and that opens with a noun, right after a one-word
 * noun source.
 */
export function isNounCompound(tokens: readonly Token[], cue: Span, source: Span | undefined): boolean {
  if (!source || source.end - source.first !== 1) return false;
  const head = tokens[headOf(tokens, cue)]!;
  const noun = tokens[source.first]!;
  let k = cue.first - 1;
  while (k > source.first && isWhitespaceToken(tokens[k]!)) k--;
  if (k !== source.first || SOURCING.has(head.lemma) || SOURCING.has(head.lower)) return false;
  // "Overtime disputes make up about a fifth", "Arson attacks rose": a cue that opens with a noun right after a one-word
  // noun or capitalised source continues that noun phrase (wink tags a capitalised first word as a name).
  return (head.pos === 'NOUN' && noun.pos === 'NOUN') || (tokens[cue.first]!.pos === 'NOUN' && (noun.pos === 'NOUN' || noun.pos === 'PROPN'));
}
