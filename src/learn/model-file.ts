// The file format of a chain model: the sparse container of sparse-file.ts with magic "CTCM1", L weights per bucket
// and the f32 transitions ((L+1) × L) as its tail. Weights are quantised to 16 bits with one scale, so a model is a
// few MB on disk and loads in tens of milliseconds.
import type { ChainModel } from './chain.js';
import { readSparseFile, writeSparseFile } from './sparse-file.js';

const MAGIC = 'CTCM1';

/** Facts stored with a model (what it was trained on, how, with which scores). */
export type ModelMeta = Record<string, unknown>;

/** Serialises a model with its metadata. */
export function encodeModel(model: ChainModel, meta: ModelMeta): Buffer {
  const L = model.labels.length;
  const stride = model.stride ?? L;
  const buckets = model.weights.length / stride;
  const given = model.scale ?? 1;
  let maxAbs = 0;
  for (const w of model.weights) maxAbs = Math.max(maxAbs, Math.abs(w * given)); // padding weights are 0
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const kept: number[] = [];
  for (let b = 0; b < buckets; b++) {
    for (let l = 0; l < L; l++) {
      if (Math.round((model.weights[b * stride + l]! * given) / scale) !== 0) {
        kept.push(b);
        break;
      }
    }
  }
  const header = { labels: model.labels, bits: model.bits, scale, meta };
  const values = new Int16Array(kept.length * L);
  kept.forEach((b, k) => {
    for (let l = 0; l < L; l++) values[k * L + l] = Math.round((model.weights[b * stride + l]! * given) / scale);
  });
  return writeSparseFile(MAGIC, header, kept, values, new Uint8Array(new Float32Array(model.transitions).buffer));
}

/**
 * Reads a model written by {@link encodeModel}. Throws on a file that is not one. Rows of 7 labels are padded to 8
 * (chain.ts ChainModel.stride): decoding reads a whole row per feature, scattered over a 7 MiB table, and a 14-byte
 * row at a 14-byte stride straddles two cache lines one time in five.
 */
export function decodeModel(file: Uint8Array): { model: ChainModel; meta: ModelMeta } {
  const { header, buckets, values, tail } = readSparseFile<{ labels: string[]; bits: number; scale: number; meta: ModelMeta }>(file, MAGIC, 'chain model', (h) => h.labels.length);
  const L = header.labels.length;
  const stride = L === 7 ? 8 : L;
  const transitions = new Float32Array(Uint8Array.from(tail.subarray(0, (L + 1) * L * 4)).buffer);
  const weights = new Int16Array((1 << header.bits) * stride);
  for (let k = 0; k < buckets.length; k++) for (let l = 0; l < L; l++) weights[buckets[k]! * stride + l] = values[k * L + l]!;
  return { model: { labels: header.labels, bits: header.bits, weights, scale: header.scale, transitions, stride }, meta: header.meta };
}
