// What a claim says that a bag of word vectors does not tell apart, read from its words: which way something changes
// (up or down: vectors put "rise" and "fall" side by side), the places it puts outside ("jobs at suppliers outside
// Tarnholm" is not about Tarnholm's own jobs), and what its count counts ("23,000 former fighters"). Rules over word
// lists, Node-free.
import direction from './direction-words.json' with { type: 'json' };
import { isStopword, type Span } from './terms.js';
import time from './time-words.json' with { type: 'json' };

const UP: ReadonlySet<string> = new Set(direction.up.flatMap((g) => g.words));
const DOWN: ReadonlySet<string> = new Set(direction.down.flatMap((g) => g.words));
const OUTSIDE: ReadonlySet<string> = new Set(direction.outside.words);
const PHRASE_ENDS: ReadonlySet<string> = new Set([...direction.phraseEnds.words, ...time.qualifiers]);
const WORD = /[\p{L}]+/gu;

const masked = (masks: readonly Span[], start: number, end: number) => masks.some((r) => start < r.end && r.start < end);

/** The direction of change a text states outside the masked spans: 1 up, -1 down, 0 neither or as much of both (direction-words.json). */
export function directionOf(text: string, masks: readonly Span[] = []): number {
  let n = 0;
  for (const m of text.matchAll(WORD)) {
    if (masked(masks, m.index, m.index + m[0].length)) continue;
    const w = m[0].toLowerCase();
    if (UP.has(w)) n++;
    else if (DOWN.has(w)) n--;
  }
  return Math.sign(n);
}

/** Capitalised words written right after "outside" or "beyond" (lower-case): the places a claim is not about. */
export function outsideNames(text: string, masks: readonly Span[] = []): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b(\p{L}+)\s+(\p{Lu}\p{L}*)/gu)) {
    if (!OUTSIDE.has(m[1]!.toLowerCase()) || masked(masks, m.index, m.index + m[0].length)) continue;
    out.add(m[2]!.toLowerCase());
  }
  return [...out];
}

const NEXT_WORD = /^\s*([\p{L}]+(?:-[\p{L}]+)*)/u;

/**
 * The content words right after a claim's first count, at most three, lower-case, the last of a hyphenated word only
 * ("23,000 former fighters": ["former", "fighters"]; "40 bus routes": ["bus", "routes"]); empty when none. The phrase
 * ends at a stopword, a preposition or clause word (direction-words.json phraseEnds: "43,000 employees without a wage")
 * or a word that places a time ("last", "next": time-words.json qualifiers; "40 bus routes next month").
 */
export function countedPhrase(text: string, figures: readonly { readonly end: number; readonly kind: string }[], masks: readonly Span[] = []): string[] {
  const figure = figures.find((f) => f.kind === 'count');
  if (!figure) return [];
  let at = figure.end;
  const words: string[] = [];
  for (let n = 0; n < 3; n++) {
    const m = NEXT_WORD.exec(text.slice(at));
    if (!m) break;
    const start = at + m[0].length - m[1]!.length;
    const word = m[1]!.toLowerCase();
    if (isStopword(word) || PHRASE_ENDS.has(word) || masked(masks, start, start + word.length)) break;
    words.push(word.split('-').at(-1)!);
    at += m[0].length;
  }
  return words;
}
