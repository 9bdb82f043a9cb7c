import type { Technique } from '../../core/annotations.js';
import type { Range } from '../../core/range.js';
import { createPhraseMatcher } from '../../nlp/phrases.js';
import type { Token } from '../../nlp/tokens.js';
import { hitOver, type TechniqueHit } from './hits.js';
import patterns from './patterns.json' with { type: 'json' };

/** A gapped pattern: a first phrase, then within maxGap tokens a then phrase. */
export interface GapPattern {
  readonly id: string;
  readonly technique: Technique;
  readonly score: number;
  readonly first: readonly string[];
  readonly then: readonly string[];
  readonly maxGap: number;
  readonly reason: string;
}

interface ShapeRule {
  readonly technique: Technique;
  readonly score: number;
  readonly reason: string;
}

/** The default gapped patterns (patterns.json). */
export const DEFAULT_PATTERNS: readonly GapPattern[] = Object.freeze(patterns.entries as GapPattern[]);
const CAPS_RUN = patterns.shapes.capsRun as ShapeRule & { readonly minWords: number };
const HASHTAG = patterns.shapes.hashtag as ShapeRule;
const SENTENCE_STOP = new Set(['.', '!', '?', ';']);
const CAPS_WORD = /^\p{Lu}[\p{Lu}'’-]*$/u;

/** Precompiles the gapped patterns; `find` scans each first match up to maxGap tokens ahead. */
export function createPatternFinder(list: readonly GapPattern[]): { find(tokens: readonly Token[]): TechniqueHit[] } {
  const compiled = list.map((pattern) => ({
    pattern,
    first: createPhraseMatcher([pattern], (p) => p.first.map(straight)),
    then: createPhraseMatcher([pattern], (p) => p.then.map(straight)),
  }));
  return {
    find(tokens) {
      const hits: TechniqueHit[] = [];
      for (const { pattern, first, then } of compiled) {
        for (const m of first.findAll(tokens)) {
          const limit = Math.min(tokens.length, m.end + pattern.maxGap + 1);
          for (let j = m.end; j < limit && !SENTENCE_STOP.has(tokens[j]!.text); j++) {
            const tail = then.matchAt(tokens, j);
            if (tail) {
              hits.push(hitOver(tokens, m.first, tail.end, pattern));
              break;
            }
          }
        }
      }
      return hits;
    },
  };
}

function straight(phrase: string): string {
  return phrase.replaceAll('’', "'");
}

/** Slogan shapes: hashtags, and runs of capitalised words that are not an all-capitals paragraph (a headline). */
export function findSloganShapes(text: string, tokens: readonly Token[], paragraphs: readonly Range[]): TechniqueHit[] {
  const hits: TechniqueHit[] = [];
  const paragraphEnd = new Map(paragraphs.map((p) => [p.start, p.end]));
  const isHeadline = (start: number) => paragraphEnd.has(start) && !/\p{Ll}/u.test(text.slice(start, paragraphEnd.get(start)));
  let runStart = -1;
  for (let i = 0; i <= tokens.length; i++) {
    const tok = tokens[i];
    if (tok?.type === 'hashtag') hits.push(hitOver(tokens, i, i + 1, { id: 'slogan.hashtag', ...HASHTAG }));
    const caps = tok !== undefined && tok.text.length > 1 && CAPS_WORD.test(tok.text);
    if (caps && runStart < 0) runStart = i;
    if (caps || runStart < 0) continue;
    const words = i - runStart;
    if (words >= CAPS_RUN.minWords && !isHeadline(tokens[runStart]!.start)) hits.push(hitOver(tokens, runStart, i, { id: 'slogan.caps', ...CAPS_RUN }));
    runStart = -1;
  }
  return hits;
}
