// The words a match compares: lower-cased, accents folded, thousands separators dropped, function words left out and
// stemmed with the trace's stemmer (src/trace/terms.ts), so that "vaccines" and "vaccinated" meet as they do in trace.
// Numbers are kept as terms (a shared "122" is strong evidence), and so are the capitalised names written mid-sentence.
import { isStopword, midSentenceNames, stem } from '../../trace/terms.js';

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;
const NUMBER = /^\p{N}+(?:\.\p{N}+)?$/u;

/** Lower case with accents folded ("Périer" → "perier"); thousands separators removed ("23,000" → "23000"). */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/(\d),(?=\d{3}\b)/gu, '$1')
    .toLowerCase();
}

/** Lower-to-upper or digit-to-upper joins inside a word: "HurricaneDorian", "G7Summit", "realDonaldTrump". */
const JOINED = /(?<=[\p{Ll}\p{N}])(?=\p{Lu}\p{Ll})/u;

/**
 * Words written joined, as in hashtags and handles, also given as their parts: "HurricaneDorian" → "HurricaneDorian
 * Hurricane Dorian". For queries only (a fact-check is written in plain words).
 */
export function splitJoinedWords(text: string): string {
  return text.replace(/[\p{L}\p{N}]{4,}/gu, (word) => {
    const parts = word.split(JOINED);
    return parts.length > 1 && parts.every((p) => p.length >= 2) ? `${word} ${parts.join(' ')}` : word;
  });
}

/** The terms of a text in order, repeats kept (BM25 counts them): stems of content words and numbers. */
export function matchTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of foldText(text).matchAll(WORD)) {
    const word = m[0].replace(/['\u2019]s$/u, '');
    if (NUMBER.test(word)) out.push(word);
    else if (word.length >= 2 && !isStopword(word)) out.push(stem(word));
  }
  return out;
}

/** The numbers a text states (thousands separators removed), unique, in order. */
export function matchNumbers(text: string): string[] {
  const numbers = new Set<string>();
  for (const m of foldText(text).matchAll(/\p{N}+(?:\.\p{N}+)?/gu)) numbers.add(m[0]);
  return [...numbers];
}

/** The capitalised names written mid-sentence (the trace's rule), accents folded, unique. */
export function matchNames(text: string): string[] {
  return [...new Set(midSentenceNames(text).map(foldText))];
}
