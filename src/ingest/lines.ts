/** One line of a JSON Lines stream, numbered from 1: its bytes, or only its size when it is over the limit. */
export type BoundedLine =
  | { readonly number: number; readonly bytes: Buffer }
  | { readonly number: number; readonly tooLarge: true; readonly size: number };

const NEWLINE = 0x0a;

/** ASCII whitespace, as a JSON text may have around a value; a line of nothing else is blank and yields nothing. */
function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0b || byte === 0x0c;
}

function hasContent(piece: Uint8Array): boolean {
  for (const byte of piece) if (!isSpace(byte)) return true;
  return false;
}

/**
 * Splits a byte stream into lines, never holding more than `maxBytes` of one line plus the chunk in hand: a line that
 * grows past `maxBytes` is dropped as it streams (its bytes are counted, not kept) and given as `tooLarge` with its
 * size once its end is found, so that the next line is read as usual. Blank lines are skipped (their numbers still
 * count). `maxBytes` 0 keeps nothing: every non-blank line comes out as `tooLarge` (to count lines cheaply).
 * Stops, without a last partial line, when `signal` is aborted.
 */
export async function* boundedLines(stream: AsyncIterable<Uint8Array>, maxBytes: number, signal?: AbortSignal): AsyncGenerator<BoundedLine> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let content = false;
  let number = 0;
  const finish = (): BoundedLine | undefined => {
    number++;
    const line: BoundedLine | undefined = !content ? undefined : size > maxBytes ? { number, tooLarge: true, size } : { number, bytes: Buffer.concat(parts, size) };
    parts = [];
    size = 0;
    content = false;
    return line;
  };
  const take = (piece: Uint8Array) => {
    if (!content && hasContent(piece)) content = true;
    size += piece.length;
    // Past the limit the line is only counted: what was kept is let go at once.
    if (size > maxBytes) parts = [];
    else parts.push(piece);
  };
  for await (const chunk of stream) {
    if (signal?.aborted) return;
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE, start); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      take(chunk.subarray(start, end));
      const line = finish();
      if (line) yield line;
      start = end + 1;
    }
    if (start < chunk.length) take(chunk.subarray(start));
  }
  if (size > 0) {
    const line = finish();
    if (line) yield line;
  }
}

/** How many non-blank lines a stream has (what {@link boundedLines} would yield), reading it once and keeping nothing. */
export async function countLines(stream: AsyncIterable<Uint8Array>, signal?: AbortSignal): Promise<number> {
  let count = 0;
  for await (const _line of boundedLines(stream, 0, signal)) count++;
  return count;
}
