import calendar from './calendar-words.json' with { type: 'json' };
import irregular from './irregular.json' with { type: 'json' };
import stopwords from './stopwords.json' with { type: 'json' };

/** A half-open [start, end) range in UTF-16 units, relative to the text it is used with. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const STOP: ReadonlySet<string> = new Set(stopwords.groups.flatMap((g) => g.words));
const NOT_NAMES: ReadonlySet<string> = new Set(calendar.words);
const IRREGULAR: ReadonlyMap<string, string> = new Map(irregular.forms.map((f) => [f.form, f.as]));
const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;
const DIGITS = /^\p{N}+$/u;

/**
 * A light suffix-stripping stem: plural, past and gerund endings and a final "e", so that "floods", "flooded" and
 * "flooding" meet. Only ever compared with stems made by this same function.
 */
export function stem(word: string): string {
  let w = IRREGULAR.get(word) ?? word;
  w = w.replace(/['\u2019]s$/u, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && w.at(-1) === w.at(-2) && !/[aeiousl]$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Whether a lower-case word is left out of fingerprints (function words, attribution cues, bound words). */
export function isStopword(word: string): boolean {
  return STOP.has(word);
}

/**
 * The stemmed content words of a text, skipping the masked spans (the figures, which are compared as values) and
 * bare digits. Unique, in order of first appearance.
 */
export function contentTerms(text: string, masks: readonly Span[] = []): string[] {
  return [...new Set(contentWords(text, masks).map(stem))];
}

/** The lower-case content words of a text (unstemmed, unique, in order), skipping masked spans, bare digits and stopwords. */
export function contentWords(text: string, masks: readonly Span[] = []): string[] {
  const words = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    if (masks.some((r) => start < r.end && r.start < end)) continue;
    const word = m[0].toLowerCase();
    if (word.length < 2 || DIGITS.test(word) || STOP.has(word)) continue;
    words.add(word);
  }
  return [...words];
}

/** The regular form an irregular word is stemmed as ("fled" → "flee"), or undefined. */
export function regularForm(word: string): string | undefined {
  return IRREGULAR.get(word);
}

const SENTENCE_END = /[.!?:;"\u201c\u201d(\n]\s*$/u;

/**
 * Proper names written mid-sentence (capitalised, not after a sentence break, not a stopword), lower-cased and unique:
 * "Thorndale" in "jobs in Thorndale". A capital at the start of a sentence says nothing, so such words are left out, and
 * so are weekdays and months (calendar-words.json).
 */
export function midSentenceNames(text: string, masks: readonly Span[] = []): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    if (!/^\p{Lu}/u.test(m[0]) || start === 0 || SENTENCE_END.test(text.slice(Math.max(0, start - 3), start))) continue;
    const end = start + m[0].length;
    if (masks.some((r) => start < r.end && r.start < end)) continue;
    const word = m[0].toLowerCase();
    if (!STOP.has(word) && !NOT_NAMES.has(word)) names.add(word);
  }
  return [...names];
}
