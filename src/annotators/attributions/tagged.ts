// The trained tagger's part of the attribution finder: its attributions are added where no rule found the cue, under
// the cue and source policy the rules follow too (policy.json) and the tagger's own vetoes (tagger/vetoes.json), with
// sources trimmed and hedges read from the cue lexicon.
import { rangeAt, type Range } from '../../core/range.js';
import { tokenSpan, type Token } from '../../nlp/tokens.js';
import { charRange, contentAfter, isSpace, type RawAttribution } from './clause.js';
import type { Lexicon } from './lexicon.js';
import type { Span } from './noun-phrase.js';
import type { RefusedSink } from './find.js';
import { admittedRuling, isNounCompound, judge, type Candidate, type Ruling } from './policy.js';
import { continuedSource, subjectBeforeRelative, subjectBeforeRestrictive } from './policy-subjects.js';
import { rolesOf } from './tagger/roles.js';
import type { TaggedAttribution } from './tagger/spans.js';
import type { Tagging } from './tagger/tagger.js';
import vetoes from './tagger/vetoes.json' with { type: 'json' };

/** The role of each token in the rules' attributions (the tagger's stacked features). */
export function ruleRolesOf(tokens: readonly Token[], rules: readonly { raw: RawAttribution }[]): Uint8Array {
  return rolesOf(tokens, rules.map(({ raw }) => ({ sourceSpan: raw.source && charRange(tokens, raw.source.first, raw.source.end), cue: charRange(tokens, raw.cue.first, raw.cue.end)!, content: raw.content })));
}

/**
 * The tagger's attributions whose cue no rule found, as raw attributions with their sentence. `refused`, when given,
 * receives those the cue and source policy refuses (with the source it would accept); what is returned does not depend on it.
 */
export function taggedRaws(tagging: Tagging, doc: { tokens: readonly Token[]; sentences: readonly Range[]; lex: Lexicon }, rules: readonly { raw: RawAttribution }[], refused?: RefusedSink): { raw: RawAttribution; sentence: number }[] {
  const { tokens, sentences } = doc;
  const out: { raw: RawAttribution; sentence: number }[] = [];
  const ruled = ruleCovered(tokens.length, rules);
  for (const t of tagging.attributions) {
    if (coversAny(ruled, t.cue)) continue;
    const veto = vetoOf(tokens, t);
    if (veto && !refused) continue;
    const sentence = rangeAt(sentences, tokens[t.cue.first]!.start);
    const cue = cueUpToContent(tokens, t.cue);
    const content = cue.end === t.cue.end && t.content ? charRange(tokens, t.content.first, t.content.end) : restOfSentence(tokens, sentences[sentence], cue);
    if (sentence < 0 || !content) continue;
    const sent = tokenSpan(tokens, sentences[sentence]!);
    // A relative clause is no source ("who spoke on condition of anonymity"): its subject before it is, found below.
    const proposed = t.source && !opensRelativeClause(tokens, t.source) ? trimmed(tokens, t.source) : undefined;
    if (isNounCompound(tokens, cue, proposed)) continue;
    const ruling = judge(tokens, sent, { cue, ...(proposed ? { source: proposed } : {}) }, doc.lex);
    if (ruling.refused || veto) {
      if (!refused) continue;
      const admitted = admittedRuling(tokens, sent, { cue, ...(proposed ? { source: proposed } : {}) }, doc.lex);
      const source = proposed ? (admitted.source ?? admitted.share) : subjectOf(tokens, sent, cue, doc.lex, [rules, out], admittedRuling);
      refused({ raw: { kind: 'verb', cue, ...(source ? { source } : {}), content, hedged: hedgedCue(tokens, cue, doc.lex) }, sentence, refusal: ruling.refused ?? veto! });
      continue;
    }
    // A cue the tagger left without a source may follow its subject's relative clause ("A shop employee, who ..., said"),
    // or continue an attribution of the same sentence ("X said ... and blamed", "she said, adding that").
    const source = proposed ? ruling.source : subjectOf(tokens, sent, cue, doc.lex, [rules, out]);
    const raw: RawAttribution = { kind: 'verb', cue, ...(source ? { source } : {}), content, hedged: hedgedCue(tokens, cue, doc.lex) };
    if (ruling.share) refused?.({ raw: { ...raw, source: ruling.share }, sentence, refusal: 'share-source' });
    out.push({ raw, sentence });
  }
  return out;
}

/** The subject of a tagger cue that has none: before its relative clause, or the source it continues; never a passive's subject. */
function subjectOf(tokens: readonly Token[], sent: Span, cue: Span, lex: Lexicon, found: readonly (readonly { raw: RawAttribution }[])[], rule: Judge = judge): Span | undefined {
  let subject = subjectBeforeRelative(tokens, cue.first, sent) ?? subjectBeforeRestrictive(tokens, cue.first, sent);
  for (const list of found) subject ??= continuedSource(tokens, sent, cue, list);
  return subject && rule(tokens, sent, { cue, source: subject }, lex).source;
}

/** The policy's judgement of a candidate: `judge`, or `admittedRuling` for a cue it refused. */
type Judge = (tokens: readonly Token[], sent: Span, c: Candidate, lex: Lexicon) => Ruling;

/** Relative words that open a clause: a tagger source of several words starting with one is that clause. */
const RELATIVE_OPENERS = new Set(['who', 'which', 'whom']);

function opensRelativeClause(tokens: readonly Token[], source: Span): boolean {
  return source.end - source.first > 1 && RELATIVE_OPENERS.has(tokens[source.first]!.lower);
}

/** A tagger cue that ran into its content ("said the talks"): it ends at its verb when a determiner follows it. */
function cueUpToContent(tokens: readonly Token[], cue: Span): Span {
  for (let i = cue.first; i < cue.end - 1; i++) {
    if (tokens[i]!.pos !== 'VERB') continue;
    let k = i + 1;
    while (k < cue.end && isSpace(tokens[k])) k++;
    if (k < cue.end && tokens[k]!.pos === 'DET') return { first: cue.first, end: i + 1 };
  }
  return { first: cue.first, end: cue.end };
}

/**
 * Prefix counts of the tokens inside a rule's cue or source, so that whether a tagger cue overlaps one is answered in
 * constant time (comparing every tagger cue with every rule made a text of many attributions quadratic).
 */
function ruleCovered(length: number, rules: readonly { raw: RawAttribution }[]): Int32Array {
  const depth = new Int32Array(length + 1);
  const add = (span: Span) => {
    if (span.end <= span.first) return;
    depth[span.first]!++;
    depth[span.end]!--;
  };
  for (const { raw } of rules) {
    add(raw.cue);
    if (raw.source) add(raw.source);
  }
  const covered = new Int32Array(length + 1);
  let open = 0;
  for (let i = 0; i < length; i++) {
    open += depth[i]!;
    covered[i + 1] = covered[i]! + (open > 0 ? 1 : 0);
  }
  return covered;
}

/** True when a token of the span lies in a rule's cue or source. */
const coversAny = (covered: Int32Array, span: Span) => covered[span.end]! - covered[span.first]! > 0;

/** A span without punctuation or spaces at its edges ("Nora Lind," -> "Nora Lind"); undefined when nothing is left. */
function trimmed(tokens: readonly Token[], span: Span): Span | undefined {
  let { first, end } = span;
  while (first < end && (tokens[first]!.pos === 'PUNCT' || isSpace(tokens[first]))) first++;
  while (end > first && (tokens[end - 1]!.pos === 'PUNCT' || isSpace(tokens[end - 1]))) end--;
  return end > first ? { first, end } : undefined;
}

/** wink tags some participles as adjectives ("alleged"): try the verb they come from. */
function participleHedged(t: Token, lex: Lexicon): boolean {
  if (!t.lower.endsWith('ed')) return false;
  return [t.lower.slice(0, -2), t.lower.slice(0, -1)].some((lemma) => lex.verbs.matchAt([{ ...t, lemma, index: 0 }], 0, 1)?.entry.hedged);
}

/** True when a word of the cue is a hedged cue in the lexicon ("alleged", "claimed", "reportedly"). */
function hedgedCue(tokens: readonly Token[], cue: Span, lex: Lexicon): boolean {
  for (let i = cue.first; i < cue.end; i++) {
    if (lex.verbs.matchAt(tokens, i, i + 1)?.entry.hedged || lex.phrases.matchAt(tokens, i, i + 1)?.entry.hedged) return true;
    if (tokens[i]!.pos === 'ADJ' && participleHedged(tokens[i]!, lex)) return true;
  }
  return false;
}

const WRITER_OR_READER = new Set(vetoes.writerOrReader.words);
const NOBODY_OR_EVERYBODY = new Set(vetoes.nobodyOrEverybody.words);
const PUNCTUATION_CUES = new Set(vetoes.punctuationCues.allowed);

/** The lower-cased word right before a token, past whitespace. */
function wordBefore(tokens: readonly Token[], at: number): string | undefined {
  let k = at - 1;
  while (k >= 0 && isSpace(tokens[k]!)) k--;
  return k >= 0 ? tokens[k]!.lower : undefined;
}

/** The lower-cased words of a span, space-separated. */
function wordsOf(tokens: readonly Token[], span: Span): string {
  return tokens.slice(span.first, span.end).filter((x) => !isSpace(x)).map((x) => x.lower).join(' ');
}

/** Why the tagger may not add an attribution on its own (tagger/vetoes.json). */
export type TaggerVeto = 'writer-or-reader' | 'nobody-or-everybody' | 'punctuation-cue';

/** The veto on a tagger attribution: the writer or reader, nobody or everybody as source, or a bare punctuation cue. */
function vetoOf(tokens: readonly Token[], t: TaggedAttribution): TaggerVeto | undefined {
  if (t.source && t.source.end - t.source.first === 1 && WRITER_OR_READER.has(tokens[t.source.first]!.lower)) return 'writer-or-reader';
  if (t.source && NOBODY_OR_EVERYBODY.has(wordsOf(tokens, t.source))) return 'nobody-or-everybody';
  // "a mountain of steel that nobody seems able to explain": the same pronoun right before a cue the tagger left
  // without a source is that cue's subject.
  if (!t.source && NOBODY_OR_EVERYBODY.has(wordBefore(tokens, t.cue.first) ?? '')) return 'nobody-or-everybody';
  const cue = tokens.slice(t.cue.first, t.cue.end).filter((x) => !isSpace(x));
  return cue.every((x) => x.pos === 'PUNCT') && !(t.source && cue.length === 1 && PUNCTUATION_CUES.has(cue[0]!.text)) ? 'punctuation-cue' : undefined;
}

/** A cue's content when the tagger gave none: the sentence after the cue, else before it. */
function restOfSentence(tokens: readonly Token[], sentence: Range | undefined, cue: { first: number; end: number }): Range | undefined {
  if (!sentence) return undefined;
  const sent = tokenSpan(tokens, sentence);
  return contentAfter(tokens, cue.end, sent) ?? charRange(tokens, sent.first, cue.first);
}
