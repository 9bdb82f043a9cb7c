// The word-vectors file format and its loading, apart from the look-ups of vectors.ts: this module imports no NLP
// model, so a command that only compares stored claims (trace of a stored claim) can read the table without wink.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

const MAGIC = 'CTWV1\0\0\0';
/** The committed model file. */
export const WORD_VECTORS_URL = new URL('../../models/word-vectors.bin', import.meta.url);

/** What the file's header holds beside the arrays. */
export interface VectorsHeader {
  readonly dims: number;
  readonly count: number;
  /** Size of the source vocabulary the rows were taken from (in frequency order): the N of the Zipf estimate. */
  readonly sourceSize: number;
  readonly meta: Record<string, unknown>;
}

/** What a sentence representation needs from a table of word vectors (the distilled one, or full floats in the bench). */
export interface WordTable {
  readonly dims: number;
  /** Number of rows; row i is the word of frequency rank i + 1 in the source. */
  readonly count: number;
  readonly sourceSize: number;
  /** Unit first principal component of reference sentence vectors (removed from every sentence vector). */
  readonly common: Float32Array;
  /** Row of a word as given (already lower-cased), or -1. */
  indexOf(word: string): number;
  /** Adds `weight` × the row's vector to `out`. */
  addRow(row: number, weight: number, out: Float32Array): void;
}

/** The arrays of a distilled table. */
export interface VectorsData extends VectorsHeader {
  readonly words: readonly string[];
  readonly scales: Float32Array;
  readonly common: Float32Array;
  readonly values: Int8Array;
}

const pad4 = (n: number) => (4 - (n % 4)) % 4;

/** Serialises a distilled table: magic, header length, JSON header, words ('\n'-joined UTF-8), f32 scales, f32 common component, int8 rows. */
export function encodeVectors(data: VectorsData): Buffer {
  const words = Buffer.from(data.words.join('\n'), 'utf8');
  const header = JSON.stringify({ dims: data.dims, count: data.count, sourceSize: data.sourceSize, wordsBytes: words.length, meta: data.meta });
  const headerBytes = Buffer.from(header + ' '.repeat(pad4(8 + 4 + Buffer.byteLength(header))), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  return Buffer.concat([
    Buffer.from(MAGIC, 'latin1'),
    length,
    headerBytes,
    words,
    Buffer.alloc(pad4(words.length)),
    Buffer.from(data.scales.buffer, data.scales.byteOffset, data.scales.byteLength),
    Buffer.from(data.common.buffer, data.common.byteOffset, data.common.byteLength),
    Buffer.from(data.values.buffer, data.values.byteOffset, data.values.byteLength),
  ]);
}

/** Reads a file written by {@link encodeVectors}; throws on anything else. */
export function decodeVectors(file: Uint8Array): VectorsData {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a claimtrace word-vectors file');
  const headerLength = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 12, 12 + headerLength)) as VectorsHeader & { wordsBytes: number };
  let at = 12 + headerLength;
  const words = buf.toString('utf8', at, at + header.wordsBytes).split('\n');
  at += header.wordsBytes + pad4(header.wordsBytes);
  const floats = (n: number) => {
    const out = new Float32Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + n * 4));
    at += n * 4;
    return out;
  };
  const scales = floats(header.count);
  const common = floats(header.dims);
  const values = new Int8Array(buf.buffer, buf.byteOffset + at, header.count * header.dims);
  if (words.length !== header.count || values.length !== header.count * header.dims) throw new Error('truncated word-vectors file');
  return { dims: header.dims, count: header.count, sourceSize: header.sourceSize, meta: header.meta, words, scales, common, values };
}

let data: VectorsData | undefined;

/** The committed table's arrays, read on first use and kept for the life of the process (shared by every reader). */
export function loadVectorsData(): VectorsData {
  data ??= decodeVectors(readFileSync(WORD_VECTORS_URL));
  return data;
}

/**
 * The first `rows` rows of a word-vectors file (words, scales and int8 values; the common component), read without the
 * rest: the trace needs only the most frequent words, and reading and indexing all 130,000 costs it ~0.3 s on first use.
 */
export function readVectorsPrefix(path: URL, rows: number): VectorsData {
  const fd = openSync(path, 'r');
  try {
    const read = (at: number, length: number) => {
      const out = Buffer.alloc(length);
      readSync(fd, out, 0, length, at);
      return out;
    };
    const head = read(0, 12);
    if (head.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a claimtrace word-vectors file');
    const headerLength = head.readUInt32LE(8);
    const header = JSON.parse(read(12, headerLength).toString('utf8')) as VectorsHeader & { wordsBytes: number };
    const count = Math.min(rows, header.count);
    const wordsAt = 12 + headerLength;
    // Only the bytes of the first `count` words are decoded ('\n' is one byte in UTF-8 and never inside a character).
    const bytes = read(wordsAt, header.wordsBytes);
    let end = -1;
    for (let n = 0; n < count; n++) {
      end = bytes.indexOf(10, end + 1);
      if (end < 0) break;
    }
    const words = bytes.toString('utf8', 0, end < 0 ? bytes.length : end).split('\n');
    const scalesAt = wordsAt + header.wordsBytes + pad4(header.wordsBytes);
    const floats = (at: number, n: number) => new Float32Array(read(at, n * 4).buffer.slice(0, n * 4));
    const scales = floats(scalesAt, count);
    const common = floats(scalesAt + header.count * 4, header.dims);
    const valuesAt = scalesAt + header.count * 4 + header.dims * 4;
    const values = new Int8Array(read(valuesAt, count * header.dims).buffer, 0, count * header.dims);
    return { dims: header.dims, count, sourceSize: header.sourceSize, meta: header.meta, words, scales, common, values };
  } finally {
    closeSync(fd);
  }
}
