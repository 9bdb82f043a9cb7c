import type { Token } from '../../nlp/tokens.js';
import { isCapitalised } from './candidate.js';
import type { NameRules } from './rules.js';

/** A capitalised token sequence that may be a name: tokens `[first, end)`. */
export interface NameRun {
  readonly first: number;
  readonly end: number;
  /** True when the run follows a connector ("Residents of Northport"): it is not the subject of a verb after it. */
  readonly complement: boolean;
}

/** What run finding needs besides the tokens. */
export interface RunContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** 1 at the first token of every sentence. */
  readonly sentenceStart: Uint8Array;
  readonly rules: NameRules;
}

const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', ':', '«', '—', '–']);

/** True for a capitalised word that can be part of a name (not a pronoun, article, day or month). */
export function isNameWord(token: Token | undefined, rules: NameRules): boolean {
  return (
    token !== undefined && isCapitalised(token) && !rules.closedPos.has(token.pos) && !rules.calendarWords.has(token.text)
  );
}

/** True when the token opens its sentence (possibly after an opening quote, bracket or colon). */
export function isSentenceInitial(ctx: RunContext, i: number): boolean {
  let k = i;
  while (k > 0 && !ctx.sentenceStart[k] && OPENERS.has(ctx.tokens[k - 1]!.text)) k--;
  return ctx.sentenceStart[k] === 1;
}

/** Every capitalised run in the text, left to right, never crossing a sentence or a line break. */
export function findNameRuns(ctx: RunContext): NameRun[] {
  const runs: NameRun[] = [];
  const { tokens, rules } = ctx;
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i], rules)) {
      i++;
      continue;
    }
    const next = extendRun(ctx, i);
    const first = trimStart(ctx, i, next);
    const end = trimEnd(ctx, first, next);
    if (first < end) runs.push({ first, end, complement: first > i && ctx.rules.connectors.has(tokens[first - 1]!.text) });
    i = next;
  }
  return runs;
}

function extendRun(ctx: RunContext, from: number): number {
  const { tokens, rules } = ctx;
  let last = from;
  let sawPrep = false;
  let sawHead = rules.prefixHeads.has(tokens[from]!.text);
  for (let j = from + 1; j < tokens.length; j = last + 1) {
    if (ctx.sentenceStart[j] || hasLineBreak(ctx, last, j)) break;
    if (isNameWord(tokens[j], rules)) {
      last = j;
      sawHead ||= rules.prefixHeads.has(tokens[j]!.text);
      continue;
    }
    const joined = joinConnectors(ctx, j, sawPrep, sawHead);
    if (!joined) break;
    sawPrep = joined.prep;
    last = joined.next;
    sawHead ||= rules.prefixHeads.has(tokens[last]!.text);
  }
  return last + 1;
}

/** The name word after a joinable connector sequence starting at `j`, and whether a preposition was crossed. */
function joinConnectors(ctx: RunContext, j: number, sawPrep: boolean, sawHead: boolean): { next: number; prep: boolean } | undefined {
  const { tokens, rules } = ctx;
  let k = j;
  let prep = sawPrep;
  for (; k < tokens.length && k - j < 3; k++) {
    const token = tokens[k]!;
    const rule = rules.connectors.get(token.text === token.lower ? token.lower : '');
    if (!rule) break;
    if (rule === 'after-connector' && !prep) return undefined;
    if (rule === 'after-head' && !sawHead) return undefined;
    if (rule === 'particle' && token.text === '-' && !isGlued(tokens, k)) return undefined;
    if (rule === 'always' || rule === 'after-head') prep = true;
  }
  if (k === j || ctx.sentenceStart[k] || !isNameWord(tokens[k], rules) || hasLineBreak(ctx, k - 1, k)) return undefined;
  return { next: k, prep };
}

function isGlued(tokens: readonly Token[], k: number): boolean {
  return tokens[k - 1]?.end === tokens[k]!.start && tokens[k + 1]?.start === tokens[k]!.end;
}

function hasLineBreak(ctx: RunContext, a: number, b: number): boolean {
  const gap = ctx.text.slice(ctx.tokens[a]!.end, ctx.tokens[b]!.start);
  return gap.includes('\n') || gap.includes('\r');
}

/**
 * Drops an ordinary word that is capitalised only because it opens the sentence ("Later Olsen said",
 * "Officials of the Ministry") or a title-case headline ("Still"), then any connector left in front.
 */
function trimStart(ctx: RunContext, first: number, end: number): number {
  const { tokens, rules } = ctx;
  const token = tokens[first]!;
  let at = first;
  if (rules.notNames.has(token.lower)) at++;
  else if (isSentenceInitial(ctx, first) && (rules.initialPos.has(token.pos) || isNounBeforeConnector(ctx, first, end))) at++;
  while (at < end && !isNameWord(tokens[at], rules)) at++;
  return at;
}

/** A plural noun followed by a connector, like "Officials of the Ministry" (wink tags it PROPN; "Ministry of X" stays). */
function isNounBeforeConnector(ctx: RunContext, i: number, end: number): boolean {
  const token = ctx.tokens[i]!;
  const next = ctx.tokens[i + 1];
  const plural = token.text.length > 3 && /\p{Ll}s$/u.test(token.text);
  return i + 1 < end && plural && !ctx.rules.prefixHeads.has(token.text) && ctx.rules.connectors.has(next?.text ?? '');
}

/** Drops ordinary words a title-case headline capitalises at the end of a run ("Harbour Times Now"). */
function trimEnd(ctx: RunContext, first: number, end: number): number {
  let at = end;
  while (at > first && (ctx.rules.notNames.has(ctx.tokens[at - 1]!.lower) || !isNameWord(ctx.tokens[at - 1], ctx.rules))) at--;
  return at;
}
