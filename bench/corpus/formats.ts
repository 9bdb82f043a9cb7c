/**
 * Ways a newsroom writes the same figure: "20,000", "20 000", "twenty thousand", "20k", "some 20,000"; and, for stories
 * retold in other words, "23 thousand", "about 23 thousand", "4.5k" and "around 4,500".
 */
export type FigureFormat = 'comma' | 'space' | 'words' | 'short' | 'hedged' | 'mixed' | 'about' | 'decimal-short' | 'around';

/** The formats of paraphrased plants and distractors, in a fixed order (the generator picks among them with its seeded random source). */
export const FIGURE_FORMATS: readonly FigureFormat[] = ['comma', 'space', 'words', 'short', 'hedged'];

/** The formats of retold plants: all of the above and four more. */
export const RETOLD_FIGURE_FORMATS: readonly FigureFormat[] = [...FIGURE_FORMATS, 'mixed', 'about', 'decimal-short', 'around'];

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** A whole number below 1,000 in words ("four hundred and five"). */
function below1000(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const tail = rest < 20 ? ONES[rest]! : TENS[Math.floor(rest / 10)]! + (rest % 10 ? `-${ONES[rest % 10]}` : '');
  if (hundreds === 0) return tail;
  return `${ONES[hundreds]} hundred${rest ? ` and ${tail}` : ''}`;
}

/** A number in words when it is a round count of thousands or millions (or below 1,000); otherwise digits with commas. */
export function inWords(value: number): string {
  if (value < 1000) return below1000(value);
  if (value % 1_000_000 === 0 && value < 1e9) return `${below1000(value / 1_000_000)} million`;
  if (value % 1000 === 0 && value < 1e6) return `${below1000(value / 1000)} thousand`;
  return withSeparator(value, ',');
}

function withSeparator(value: number, separator: string): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** The figure written in one format. */
export function formatFigure(value: number, format: FigureFormat): string {
  switch (format) {
    case 'comma':
      return withSeparator(value, ',');
    case 'space':
      return withSeparator(value, ' ');
    case 'words':
      return inWords(value);
    case 'short':
      if (value >= 1_000_000) return `${value / 1_000_000} million`;
      return value % 1000 === 0 ? `${value / 1000}k` : withSeparator(value, ',');
    case 'hedged':
      return `some ${withSeparator(value, ',')}`;
    case 'mixed':
      return mixed(value);
    case 'about':
      return `about ${mixed(value)}`;
    case 'decimal-short':
      if (value >= 1_000_000) return `${value / 1_000_000}m`;
      return value >= 1000 ? `${value / 1000}k` : String(value);
    case 'around':
      return `around ${withSeparator(value, ',')}`;
  }
}

/** Digits with a word for the thousands or millions: "23 thousand", "4.5 thousand", "3.5 million" (plain digits below 1,000). */
function mixed(value: number): string {
  if (value >= 1_000_000) return `${value / 1_000_000} million`;
  return value >= 1000 ? `${value / 1000} thousand` : String(value);
}
