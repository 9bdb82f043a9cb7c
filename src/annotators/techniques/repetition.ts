import type { Token } from '../../nlp/tokens.js';
import type { TechniqueHit } from './hits.js';
import settings from './repetition.json' with { type: 'json' };

/** Settings of the repetition rule (repetition.json). */
export interface RepetitionSettings {
  /** Whether any repeated content phrase counts, or only repeated charged words. */
  readonly phraseRuleEnabled: boolean;
  readonly minPhraseRepeats: number;
  readonly minEmotionalRepeats: number;
  readonly phraseScore: number;
  readonly emotionalScore: number;
  readonly stopwords: ReadonlySet<string>;
}

/** The default repetition settings. */
export const DEFAULT_REPETITION: RepetitionSettings = Object.freeze({
  phraseRuleEnabled: settings.phraseRule.enabled,
  minPhraseRepeats: settings.minPhraseRepeats.value,
  minEmotionalRepeats: settings.minEmotionalRepeats.value,
  phraseScore: settings.phraseScore.value,
  emotionalScore: settings.emotionalScore.value,
  stopwords: new Set(settings.stopwords.words),
});

const PHRASE_REASON = settings.minPhraseRepeats.reason;
const EMOTIONAL_REASON = settings.minEmotionalRepeats.reason;

/** Marks every occurrence of a repeated two-content-word phrase, merging overlapping repeats into one span. */
export function findRepeatedPhrases(text: string, tokens: readonly Token[], opts: RepetitionSettings = DEFAULT_REPETITION): TechniqueHit[] {
  const positions = new Map<string, number[]>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (!isContent(a, opts) || !isContent(b, opts) || (a.pos === 'PROPN' && b.pos === 'PROPN')) continue;
    if (!/^[ \t\u00a0]+$/.test(text.slice(a.end, b.start))) continue;
    const key = `${a.lower} ${b.lower}`;
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  }
  const marked = new Map<number, string>();
  for (const [key, list] of positions) {
    if (list.length < opts.minPhraseRepeats) continue;
    for (const i of list) {
      if (!marked.has(i)) marked.set(i, `'${key}' ×${list.length}`);
      if (!marked.has(i + 1)) marked.set(i + 1, marked.get(i)!);
    }
  }
  return runsOf(tokens, marked, opts.phraseScore);
}

function isContent(tok: Token, opts: RepetitionSettings): boolean {
  return tok.type === 'word' && tok.pos !== 'NUM' && tok.lower.length > 1 && !opts.stopwords.has(tok.lower);
}

/** Consecutive marked tokens become one span. */
function runsOf(tokens: readonly Token[], marked: ReadonlyMap<number, string>, score: number): TechniqueHit[] {
  const hits: TechniqueHit[] = [];
  const indices = [...marked.keys()].sort((a, b) => a - b);
  for (let k = 0; k < indices.length; ) {
    let end = k + 1;
    while (end < indices.length && indices[end] === indices[end - 1]! + 1) end++;
    const first = tokens[indices[k]!]!;
    const last = tokens[indices[end - 1]!]!;
    const evidence = `repetition.phrase: ${marked.get(indices[k]!)}; ${PHRASE_REASON}`;
    hits.push({ start: first.start, end: last.end, technique: 'Repetition', score, evidence });
    k = end;
  }
  return hits;
}

/** Marks every occurrence of a loaded-language phrase that appears at least minEmotionalRepeats times. */
export function findRepeatedLoaded(text: string, loaded: readonly TechniqueHit[], opts: RepetitionSettings = DEFAULT_REPETITION): TechniqueHit[] {
  const groups = new Map<string, TechniqueHit[]>();
  for (const hit of loaded) {
    const key = text.slice(hit.start, hit.end).toLowerCase();
    const list = groups.get(key);
    if (list) list.push(hit);
    else groups.set(key, [hit]);
  }
  const hits: TechniqueHit[] = [];
  for (const [key, list] of groups) {
    if (list.length < opts.minEmotionalRepeats) continue;
    const evidence = `repetition.emotional: '${key}' ×${list.length}; ${EMOTIONAL_REASON}`;
    for (const hit of list) hits.push({ start: hit.start, end: hit.end, technique: 'Repetition', score: opts.emotionalScore, evidence });
  }
  return hits;
}
