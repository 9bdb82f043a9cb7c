import type { Range } from '../../core/range.js';
import { tokenSpan, type Token } from '../../nlp/tokens.js';
import { clauseStartOf, isSpace, type RawAttribution, type Scan } from './clause.js';
import type { Lexicon } from './lexicon.js';
import type { Span } from './noun-phrase.js';
import { parsePhraseCue } from './phrase-cues.js';
import { admittedRuling, judge, type Refusal } from './policy.js';
import type { TaggerVeto } from './tagged.js';
import { parseSpeakerColon } from './speaker-colon.js';
import { parseVerbCue } from './verb-cues.js';

const overlapping = (a: Span, b: Span) => a.first < b.end && b.first < a.end;

/**
 * What the cue and source policy took away: a candidate it refused (or the tagger's vetoes, tagger/vetoes.json), with
 * the source it would have accepted (a share too) and the class that refused it; or, as `share-source`, an accepted attribution whose poll share it did not take
 * as the source (the raw's source is that share).
 */
export interface RefusedRaw {
  readonly raw: RawAttribution;
  readonly sentence: number;
  readonly refusal: Refusal | TaggerVeto | 'share-source';
}

/** Receives the candidates the policy refuses (predict attribution's PolNeAR output reads them; the report never does). */
export type RefusedSink = (refused: RefusedRaw) => void;

/**
 * Every attribution in one sentence: cue candidates from the two matchers, each parsed by its kind. `refused`, when
 * given, receives the candidates the policy refuses, numbered `sentence`; what is returned does not depend on it.
 */
export function findInSentence(tokens: readonly Token[], sent: Span, lex: Lexicon, refused?: { sink: RefusedSink; sentence: number }): RawAttribution[] {
  const scan: Scan = { tokens, sent, clause: clauseStartOf(tokens, sent, lex), lex };
  const phrases = lex.phrases.findAll(tokens, sent.first, sent.end);
  const verbs = withoutOverlaps(lex.verbs.findAll(tokens, sent.first, sent.end), phrases);
  const found = new Found();
  for (const m of verbs) found.push(parseVerbCue(scan, m, found.sourceBefore(m.first)));
  for (const m of phrases) if (m.entry.kind !== 'adverb') found.push(parsePhraseCue(scan, m));
  for (const m of phrases) {
    if (m.entry.kind !== 'adverb' || found.recent().some((r) => insideFrame(tokens, r, m))) continue;
    found.push(parsePhraseCue(scan, m));
  }
  if (found.list.length === 0) found.push(parseSpeakerColon(scan));
  return underPolicy(tokens, sent, withoutQuestions(tokens, sent, found.list), lex, refused);
}

/** Every rule-found attribution of a document, sentence by sentence, with the index of its sentence; refused ones to `refused`. */
export function findInSentences(tokens: readonly Token[], sentences: readonly Range[], lex: Lexicon, refused?: RefusedSink): { raw: RawAttribution; sentence: number }[] {
  const out: { raw: RawAttribution; sentence: number }[] = [];
  sentences.forEach((s, sentence) => {
    const sent = tokenSpan(tokens, s);
    if (sent.end > sent.first) for (const raw of findInSentence(tokens, sent, lex, refused && { sink: refused, sentence })) out.push({ raw, sentence });
  });
  return out;
}

/** The attributions the cue and source policy (policy.json) accepts, with the sources it accepts. */
function underPolicy(tokens: readonly Token[], sent: Span, found: readonly RawAttribution[], lex: Lexicon, refused?: { sink: RefusedSink; sentence: number }): RawAttribution[] {
  const out: RawAttribution[] = [];
  const withSource = (raw: RawAttribution, source: Span | undefined): RawAttribution => {
    const { source: _, ...rest } = raw;
    return source ? { ...rest, source } : rest;
  };
  for (const raw of found) {
    const ruling = judge(tokens, sent, raw, lex);
    if (ruling.refused) {
      if (refused) {
        const admitted = admittedRuling(tokens, sent, raw, lex);
        refused.sink({ raw: withSource(raw, admitted.source ?? admitted.share), sentence: refused.sentence, refusal: ruling.refused });
      }
      continue;
    }
    if (ruling.share) refused?.sink({ raw: withSource(raw, ruling.share), sentence: refused.sentence, refusal: 'share-source' });
    out.push(withSource(raw, ruling.source));
  }
  return out;
}

/** Matches of `a` that overlap no match of `b` (both left to right, without overlaps among themselves): one merge pass. */
function withoutOverlaps<M extends Span>(a: readonly M[], b: readonly Span[]): M[] {
  let k = 0;
  return a.filter((m) => {
    while (k < b.length && b[k]!.end <= m.first) k++;
    return !(k < b.length && overlapping(b[k]!, m));
  });
}

/**
 * How many attributions found before a hedge adverb are checked for holding it in their frame. A sentence of an
 * article holds a handful; a sentence of thousands (a text with no full stops) made the check quadratic.
 */
const FRAME_WINDOW = 64;

/** The attributions found in one sentence, one per cue token. */
class Found {
  readonly list: RawAttribution[] = [];
  readonly #cues = new Set<number>();

  push(raw: RawAttribution | undefined): void {
    if (!raw || this.#cues.has(raw.cue.first)) return;
    this.#cues.add(raw.cue.first);
    this.list.push(raw);
  }

  /** The source of the last attribution found whose cue ends before token `at` (a verb after "and" may continue it). */
  sourceBefore(at: number): Span | undefined {
    const last = this.list.at(-1);
    return last?.source && last.cue.end <= at && last.source.end <= at ? last.source : undefined;
  }

  /** The last FRAME_WINDOW found (all of them in any ordinary sentence). */
  recent(): RawAttribution[] {
    return this.list.slice(-FRAME_WINDOW);
  }
}

/** A question ("Does anyone really believe that ...?") asks about a view; it does not report one. */
function withoutQuestions(tokens: readonly Token[], sent: Span, found: RawAttribution[]): RawAttribution[] {
  let last = sent.end - 1;
  while (last > sent.first && isSpace(tokens[last])) last--;
  if (tokens[last]?.text !== '?') return found;
  const asked = tokens[last - 1]?.end;
  return found.filter((r) => r.content.end !== asked);
}

/** True when a hedge adverb sits in another attribution's frame (between its source and cue), not in its content. */
function insideFrame(tokens: readonly Token[], raw: RawAttribution, m: Span): boolean {
  const at = tokens[m.first]!.start;
  const frame = frameOf(tokens, raw);
  return frame.start <= at && at < frame.end && !(raw.content.start <= at && at < raw.content.end);
}

/** The range from the first to the last of an attribution's lead, source, cue and content. */
export function frameOf(tokens: readonly Token[], raw: RawAttribution): Range {
  const starts = [tokens[raw.cue.first]!.start, raw.content.start];
  const ends = [tokens[raw.cue.end - 1]!.end, raw.content.end];
  if (raw.lead !== undefined) starts.push(tokens[raw.lead]!.start);
  if (raw.source) {
    starts.push(tokens[raw.source.first]!.start);
    ends.push(tokens[raw.source.end - 1]!.end);
  }
  return { start: Math.min(...starts), end: Math.max(...ends) };
}
