import type { SentenceAnnotation } from '../../core/annotations.js';
import { idMaker } from '../../core/ids.js';
import { provenance, type Stage } from '../../core/pipeline.js';
import type { Range } from '../../core/range.js';
import { textAnalysisOf, type Token } from '../../nlp/tokens.js';
import abbreviations from './abbreviations.json' with { type: 'json' };

/** Options of the sentence annotator. */
export interface SentenceOptions {
  /** Abbreviations (lower-case, no final full stop) after which a sentence never ends. */
  readonly abbreviations?: readonly string[];
}

const DEFAULT_ABBREVIATIONS = Object.freeze(abbreviations.entries.map((e) => e.abbr));
const STOPS = new Map(abbreviations.stops.entries.map((e) => [e.abbr, 'afterFigure' in e && e.afterFigure === true]));
const NOT_BEFORE_STOP = new Set(abbreviations.stops.notBefore.words);
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '“': '”' };

/** Splits the text into sentences: wink's candidates, mended for abbreviations, quotes and brackets. */
export function createSentenceAnnotator(options: SentenceOptions = {}): Stage {
  const abbrevs = new Set(options.abbreviations ?? DEFAULT_ABBREVIATIONS);
  const stage: Stage = {
    name: 'sentences',
    version: 1,
    requires: [],
    assigns: ['sentence'],
    run(doc, ctx) {
      const { tokens, sentenceSpans } = textAnalysisOf(doc.text, ctx.cache);
      const nextId = idMaker('sentence');
      const source = provenance(stage);
      const merged = mergeSpans(doc.text, tokens, splitAtFigureStops(tokens, sentenceSpans), abbrevs);
      const annotations: SentenceAnnotation[] = merged.map((range) => ({ kind: 'sentence', id: nextId(), source, ...range }));
      return { annotations };
    },
  };
  return stage;
}

/**
 * wink's candidates, cut after a time or a scale letter with a full stop when a capital follows ("at 5:40 a.m.
 * Rescuers", "cost £53m. The council"; abbreviations.json stops). The merge after it still rejoins a cut inside a
 * quotation or brackets. One pass over the tokens.
 */
export function splitAtFigureStops(tokens: readonly Token[], spans: readonly { first: number; end: number }[]): { first: number; end: number }[] {
  const out: { first: number; end: number }[] = [];
  for (const span of spans) {
    let first = span.first;
    for (let i = span.first; i < span.end - 1; i++) {
      if (!isFigureStop(tokens, i, span.first)) continue;
      let next = i + 1;
      while (next < span.end && !tokens[next]!.text.trim()) next++;
      const word = tokens[next];
      if (next >= span.end - 1 || !word || !/^\p{Lu}/u.test(word.text) || NOT_BEFORE_STOP.has(word.lower)) continue;
      out.push({ first, end: i + 1 });
      first = next;
    }
    out.push({ first, end: span.end });
  }
  return out;
}

/** A time ("a.m.") after a number, or a scale letter with its stop written close to a number ("53m."). */
function isFigureStop(tokens: readonly Token[], i: number, floor: number): boolean {
  const t = tokens[i]!;
  if (!t.text.endsWith('.') || t.text.length < 2) return false;
  const afterFigure = STOPS.get(t.lower.slice(0, -1));
  if (afterFigure === undefined) return false;
  let k = i - 1;
  if (!afterFigure) while (k >= floor && !tokens[k]!.text.trim()) k--;
  const before = tokens[k];
  return k >= floor && before !== undefined && /\d$/.test(before.text) && (!afterFigure || before.end === t.start);
}

function mergeSpans(
  text: string,
  tokens: readonly Token[],
  spans: readonly { first: number; end: number }[],
  abbrevs: ReadonlySet<string>,
): Range[] {
  const out: { first: number; end: number }[] = [];
  // The quotes and brackets open in the last sentence, kept as it grows: a join scans only the span it adds, so a
  // quote left open for the rest of a long text costs one pass, not one pass per join.
  let open = new OpenMarks();
  for (const span of spans) {
    const prev = out.at(-1);
    if (prev && shouldJoin(text, tokens, prev, span, abbrevs, open)) prev.end = span.end;
    else {
      out.push({ ...span });
      open = new OpenMarks();
    }
    open.scan(tokens, span);
  }
  return out.map((s) => ({ start: tokens[s.first]!.start, end: tokens[s.end - 1]!.end }));
}

function shouldJoin(
  text: string,
  tokens: readonly Token[],
  prev: { first: number; end: number },
  next: { first: number; end: number },
  abbrevs: ReadonlySet<string>,
  open: OpenMarks,
): boolean {
  const last = tokens[prev.end - 1]!;
  const first = tokens[next.first]!;
  // Sentences never run across a paragraph break.
  if (/\n[ \t\u00a0]*\r?\n/.test(text.slice(last.end, first.start))) return false;
  if (open.isOpen()) return true;
  // "It cost R1.2bn", "kr61.2bn": a full stop with a digit before it and right after it, no space, is a decimal point
  // inside an amount the tokenizer cut, never the end of a sentence.
  if (last.text === '.' && first.start === last.end && /^\d/.test(first.text) && /\d$/.test(tokens[prev.end - 2]?.text ?? '') && tokens[prev.end - 2]!.end === last.start) return true;
  if (/^\p{Ll}/u.test(first.text) && !/^(?:e\.g|i\.e)/.test(first.lower)) return true;
  const word = last.text === '.' ? tokens[prev.end - 2] : last;
  const bare = word?.lower.replace(/\.$/, '');
  return bare !== undefined && abbrevs.has(bare) && /^[\p{Lu}\d]/u.test(first.text);
}

/** The quotes and brackets opened and not yet closed in the tokens scanned so far. */
export class OpenMarks {
  readonly #stack: string[] = [];
  #straight = 0;

  /** Reads tokens `[first, end)` in order. */
  scan(tokens: readonly Token[], span: { first: number; end: number }): void {
    for (let i = span.first; i < span.end; i++) {
      const t = tokens[i]!.text;
      if (t === '"') this.#straight++;
      else if (OPENERS[t]) this.#stack.push(OPENERS[t]!);
      else if (this.#stack.at(-1) === t) this.#stack.pop();
    }
  }

  /** True when a quote or bracket opened in what was scanned is still open. */
  isOpen(): boolean {
    return this.#stack.length > 0 || this.#straight % 2 === 1;
  }
}
