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
      const merged = mergeSpans(doc.text, tokens, sentenceSpans, abbrevs);
      const annotations: SentenceAnnotation[] = merged.map((range) => ({ kind: 'sentence', id: nextId(), source, ...range }));
      return { annotations };
    },
  };
  return stage;
}

function mergeSpans(
  text: string,
  tokens: readonly Token[],
  spans: readonly { first: number; end: number }[],
  abbrevs: ReadonlySet<string>,
): Range[] {
  const out: { first: number; end: number }[] = [];
  for (const span of spans) {
    const prev = out.at(-1);
    if (prev && shouldJoin(text, tokens, prev, span, abbrevs)) prev.end = span.end;
    else out.push({ ...span });
  }
  return out.map((s) => ({ start: tokens[s.first]!.start, end: tokens[s.end - 1]!.end }));
}

function shouldJoin(
  text: string,
  tokens: readonly Token[],
  prev: { first: number; end: number },
  next: { first: number; end: number },
  abbrevs: ReadonlySet<string>,
): boolean {
  const last = tokens[prev.end - 1]!;
  const first = tokens[next.first]!;
  // Sentences never run across a paragraph break.
  if (/\n[ \t\u00a0]*\r?\n/.test(text.slice(last.end, first.start))) return false;
  if (isOpenInside(tokens, prev)) return true;
  if (/^\p{Ll}/u.test(first.text) && !/^(?:e\.g|i\.e)/.test(first.lower)) return true;
  const word = last.text === '.' ? tokens[prev.end - 2] : last;
  const bare = word?.lower.replace(/\.$/, '');
  return bare !== undefined && abbrevs.has(bare) && /^[\p{Lu}\d]/u.test(first.text);
}

/** True when a quote or bracket opened in the span is still open at its end. */
function isOpenInside(tokens: readonly Token[], span: { first: number; end: number }): boolean {
  const stack: string[] = [];
  let straight = 0;
  for (let i = span.first; i < span.end; i++) {
    const t = tokens[i]!.text;
    if (t === '"') straight++;
    else if (OPENERS[t]) stack.push(OPENERS[t]!);
    else if (stack.at(-1) === t) stack.pop();
  }
  return stack.length > 0 || straight % 2 === 1;
}
