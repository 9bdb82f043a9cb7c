import { franc } from 'franc-min';
import languages from './languages.json' with { type: 'json' };

/** franc-min reads at most this many characters, so sampling more is wasted. */
const SAMPLE_CHARS = 2048;
/** Fewer letters than this in the sample is too little to tell a language. */
const MIN_LETTERS = 80;

const ISO1 = new Map(languages.entries.map((entry) => [entry.iso3, entry.iso1]));

/** The language of a text as ISO 639-1 (639-3 where none exists), or undefined when the text is too short to tell. */
export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (countLetters(sample) < MIN_LETTERS) return undefined;
  const code = franc(sample, { minLength: 1 });
  if (code === 'und') return undefined;
  return ISO1.get(code) ?? code;
}

function countLetters(sample: string): number {
  return sample.match(/\p{L}/gu)?.length ?? 0;
}
