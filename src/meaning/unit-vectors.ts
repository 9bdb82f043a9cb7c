// Word vectors as unit vectors, for cosines: a table's word index and a row's int8 values scaled to length 1 (the
// row's stored scale cancels). Shared by the trace's word nearness and the fact-check re-ranker's soft coverage.
import type { VectorsData } from './vectors-format.js';

/** Each word's row in a table (its first row, the most frequent, when a word repeats). */
export function wordRows(data: Pick<VectorsData, 'words'>): Map<string, number> {
  const rows = new Map<string, number>();
  for (let i = data.words.length - 1; i >= 0; i--) rows.set(data.words[i]!, i);
  return rows;
}

/** A row as a unit vector, or null for no row (-1) or an all-zero row. */
export function unitRow(data: Pick<VectorsData, 'dims' | 'values'>, row: number): Float32Array | null {
  if (row < 0) return null;
  const { dims, values } = data;
  const x = new Float32Array(dims);
  let n = 0;
  for (let d = 0; d < dims; d++) {
    x[d] = values[row * dims + d]!;
    n += x[d]! * x[d]!;
  }
  if (n === 0) return null;
  n = Math.sqrt(n);
  for (let d = 0; d < dims; d++) x[d]! /= n;
  return x;
}

/**
 * A word's unit vector through `rowOf`, remembered per word (null too); the memory is emptied when it holds `max`
 * words, so a long-running process keeps at most that many.
 */
export function cachedUnits(data: Pick<VectorsData, 'dims' | 'values'>, rowOf: (word: string) => number, max: number): (word: string) => Float32Array | null {
  const units = new Map<string, Float32Array | null>();
  return (word) => {
    let v = units.get(word);
    if (v !== undefined) return v;
    v = unitRow(data, rowOf(word));
    if (units.size >= max) units.clear();
    units.set(word, v);
    return v;
  };
}
