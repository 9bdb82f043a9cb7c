/** Tokens a snippet shows, as the SQLite store's FTS5 snippet() does. */
export const SNIPPET_TOKENS = 16;

/** A column of text and where its matched words are (UTF-16 ranges, from ts_headline's marks). */
export interface MarkedColumn {
  readonly text: string;
  readonly matches: readonly (readonly [number, number])[];
  /** What each match is of (the query lexeme), so 'tender' and 'tenders' count as one matched word; else the matched text. */
  readonly keys?: readonly string[];
}

/** Words as FTS5's unicode61 tokenizer reads them: runs of letters, digits, marks and private-use characters. */
export const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

interface Token {
  readonly start: number;
  readonly end: number;
  /** The matched word (lower case) when this token is a match; else null. */
  readonly match: string | null;
}

function tokensOf(column: MarkedColumn): Token[] {
  const tokens: Token[] = [];
  let m = 0;
  for (const found of column.text.matchAll(WORD)) {
    const start = found.index;
    const end = start + found[0].length;
    while (m < column.matches.length && column.matches[m]![1] <= start) m++;
    const hit = m < column.matches.length && column.matches[m]![0] < end ? column.matches[m]! : null;
    tokens.push({ start, end, match: hit ? column.keys?.[m] ?? column.text.slice(hit[0], hit[1]).toLowerCase() : null });
  }
  return tokens;
}

/** Token indexes that open a sentence: the first, and any after white space that follows a '.' or ':' (as FTS5 finds them). */
function sentenceStarts(text: string, tokens: readonly Token[]): number[] {
  const starts = tokens.length > 0 ? [0] : [];
  for (let i = 1; i < tokens.length; i++) {
    let j = tokens[i]!.start - 1;
    while (j >= 0 && ' \t\n\r'.includes(text[j]!)) j--;
    if (j !== tokens[i]!.start - 1 && (text[j] === '.' || text[j] === ':')) starts.push(i);
  }
  return starts;
}

/** FTS5's window score: 1000 for each distinct matched word in [from, from + n), 1 for each repeat; and the window centred on them. */
function scoreWindow(tokens: readonly Token[], from: number, n: number): { score: number; centred: number } {
  const seen = new Set<string>();
  let score = 0;
  let first = -1;
  let last = 0;
  for (let i = Math.max(from, 0); i < Math.min(from + n, tokens.length); i++) {
    const match = tokens[i]!.match;
    if (match === null) continue;
    score += seen.has(match) ? 1 : 1000;
    seen.add(match);
    if (first < 0) first = i;
    last = i + 1;
  }
  let centred = first - Math.trunc((n - (last - first)) / 2);
  if (centred + n > tokens.length) centred = tokens.length - n;
  return { score, centred: Math.max(centred, 0) };
}

/**
 * A snippet as the SQLite store's FTS5 `snippet()` makes it, so both stores show the same words: of all columns, the
 * window of `n` tokens with the most distinct matched words, preferring one that opens a sentence (+100, +120 for the
 * first), '…' where the window leaves text out; and the ranges of the matched words in the snippet.
 */
export function fts5Snippet(columns: readonly MarkedColumn[], n = SNIPPET_TOKENS): { snippet: string; highlights: [number, number][] } {
  let best = { score: 0, column: 0, start: 0 };
  const tokenised = columns.map(tokensOf);
  columns.forEach((column, c) => {
    const tokens = tokenised[c]!;
    const starts = sentenceStarts(column.text, tokens);
    // The sentence holding each match: matches come in order, so the search goes on from the previous one's sentence.
    let jj = 0;
    tokens.forEach((token, at) => {
      if (token.match === null) return;
      const { score, centred } = scoreWindow(tokens, at, n);
      if (score > best.score) best = { score, column: c, start: centred };
      if (tokens.length <= n) return;
      while (jj < starts.length - 1 && starts[jj + 1]! <= at) jj++;
      const sentence = starts[jj]!;
      if (sentence < at) {
        const bonus = scoreWindow(tokens, sentence, n).score + (sentence === 0 ? 120 : 100);
        if (bonus > best.score) best = { score: bonus, column: c, start: sentence };
      }
    });
  });
  return render(columns[best.column]?.text ?? '', tokenised[best.column] ?? [], best.start, n);
}

function render(text: string, tokens: readonly Token[], start: number, n: number): { snippet: string; highlights: [number, number][] } {
  const last = Math.min(start + n, tokens.length) - 1;
  if (last < 0) return { snippet: text, highlights: [] };
  const from = start > 0 ? tokens[start]!.start : 0;
  const to = last >= tokens.length - 1 ? text.length : tokens[last]!.end;
  const prefix = start > 0 ? '\u2026' : '';
  const snippet = `${prefix}${text.slice(from, to)}${to < text.length ? '\u2026' : ''}`;
  const shift = prefix.length - from;
  const highlights: [number, number][] = [];
  for (let i = start; i <= last; i++) {
    if (tokens[i]!.match !== null) highlights.push([tokens[i]!.start + shift, tokens[i]!.end + shift]);
  }
  return { snippet, highlights };
}
