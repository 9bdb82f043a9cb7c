// Nearest words: for each of the most frequent words of the word-vectors table, its nearest other words by cosine
// (precomputed by scripts/distil-neighbours.ts into models/word-neighbours.bin, card models/word-neighbours.md), so
// that a trace can look a query word's near words up at once instead of scanning 130,000 rows (~20 ms a word).
// Rows are the rows of models/word-vectors.bin; the file is written and read here so the script and the loader agree.
// This module imports no NLP model.
import { readFileSync } from 'node:fs';

const MAGIC = 'CTWN1\0\0\0';
/** The committed neighbour table. */
export const WORD_NEIGHBOURS_URL = new URL('../../models/word-neighbours.bin', import.meta.url);
/** An empty neighbour slot. */
const EMPTY = 0xffff;

/** The neighbour table: `count` rows of `k` slots, each a neighbour's row in the vectors table and its cosine. */
export interface NeighboursData {
  /** Words with neighbours: the first `count` rows of the vectors table (neighbours are among them too). */
  readonly count: number;
  readonly k: number;
  /** Least cosine kept. */
  readonly floor: number;
  readonly meta: Record<string, unknown>;
  /** `count × k` neighbour rows, nearest first; 0xffff in an empty slot. */
  readonly rows: Uint16Array;
  /** `count × k` cosines, quantised to 1/255 steps. */
  readonly cosines: Uint8Array;
}

const pad4 = (n: number) => (4 - (n % 4)) % 4;

/** Serialises a table: magic, header length, JSON header, u16 rows, u8 cosines. */
export function encodeNeighbours(data: NeighboursData): Buffer {
  if (data.count >= EMPTY) throw new Error('word-neighbours: too many rows for u16 slots');
  const header = JSON.stringify({ count: data.count, k: data.k, floor: data.floor, meta: data.meta });
  const headerBytes = Buffer.from(header + ' '.repeat(pad4(8 + 4 + Buffer.byteLength(header))), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  return Buffer.concat([
    Buffer.from(MAGIC, 'latin1'), length, headerBytes,
    Buffer.from(data.rows.buffer, data.rows.byteOffset, data.rows.byteLength),
    Buffer.from(data.cosines.buffer, data.cosines.byteOffset, data.cosines.byteLength),
  ]);
}

/** Reads a file written by {@link encodeNeighbours}; throws on anything else. */
export function decodeNeighbours(file: Uint8Array): NeighboursData {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a claimtrace word-neighbours file');
  const headerLength = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 12, 12 + headerLength)) as Omit<NeighboursData, 'rows' | 'cosines'>;
  const slots = header.count * header.k;
  const at = 12 + headerLength;
  if (buf.length < at + slots * 3) throw new Error('truncated word-neighbours file');
  const rows = new Uint16Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + slots * 2));
  const cosines = new Uint8Array(buf.buffer.slice(buf.byteOffset + at + slots * 2, buf.byteOffset + at + slots * 3));
  return { ...header, rows, cosines };
}

/** Quantises a cosine in [0, 1] to a byte (1/255 steps). */
export const cosineByte = (cosine: number) => Math.max(0, Math.min(255, Math.round(cosine * 255)));

/** The neighbours of a row (nearest first) with their cosines; empty for a row past the table. */
export function neighboursOfRow(data: NeighboursData, row: number): { row: number; cosine: number }[] {
  if (row < 0 || row >= data.count) return [];
  const out: { row: number; cosine: number }[] = [];
  for (let s = row * data.k, end = s + data.k; s < end && data.rows[s] !== EMPTY; s++) out.push({ row: data.rows[s]!, cosine: data.cosines[s]! / 255 });
  return out;
}

/** The value of an empty slot (for the script that fills the table). */
export const EMPTY_SLOT = EMPTY;

let table: NeighboursData | undefined;

/** The committed table, read on first use and kept for the life of the process. */
export function loadNeighbours(): NeighboursData {
  table ??= decodeNeighbours(readFileSync(WORD_NEIGHBOURS_URL));
  return table;
}
