import { franc } from 'franc-min';
import languages from './languages.json' with { type: 'json' };

/** franc-min reads at most this many characters, so sampling more is wasted. */
const SAMPLE_CHARS = 2048;
/** Fewer letters than this in the sample is too little to tell a language. */
const MIN_LETTERS = 80;

/** Function words that are English and rarely words in other languages; their density is a fast, safe test for English prose. */
const ENGLISH_FUNCTION_WORDS = new Set(languages.englishFunctionWords);
/** Share of function words at which a sample is English without asking franc (English prose runs at 35–50 %). */
const ENGLISH_SHARE = 0.2;

const ISO1 = new Map(languages.entries.map((entry) => [entry.iso3, entry.iso1]));

/** The language of a text as ISO 639-1 (639-3 where none exists), or undefined when the text is too short to tell. */
export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (countLetters(sample) < MIN_LETTERS) return undefined;
  if (looksEnglish(sample)) return 'en';
  const code = franc(sample, { minLength: 1 });
  if (code === 'und') return undefined;
  return ISO1.get(code) ?? code;
}

// franc costs about 2 ms per sample; most inputs are English, which this settles in microseconds.
function looksEnglish(sample: string): boolean {
  const words = sample.slice(0, 1000).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 20) return false;
  let hits = 0;
  for (const word of words) if (ENGLISH_FUNCTION_WORDS.has(word)) hits++;
  return hits / words.length >= ENGLISH_SHARE;
}

function countLetters(sample: string): number {
  return sample.match(/\p{L}/gu)?.length ?? 0;
}
