// The file format of a chain model: gzip of [magic "CTCM1"][u32 header length][JSON header][u32 n][u32 buckets x n]
// [i16 weights x n*L][f32 transitions x (L+1)*L]. Only buckets with a non-zero weight are stored, quantised to 16 bits
// with one scale, so a model is a few MB on disk and loads in tens of milliseconds.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ChainModel } from './chain.js';

const MAGIC = 'CTCM1';

/** Facts stored with a model (what it was trained on, how, with which scores). */
export type ModelMeta = Record<string, unknown>;

/** Serialises a model with its metadata. */
export function encodeModel(model: ChainModel, meta: ModelMeta): Buffer {
  const L = model.labels.length;
  const buckets = model.weights.length / L;
  const given = model.scale ?? 1;
  let maxAbs = 0;
  for (const w of model.weights) maxAbs = Math.max(maxAbs, Math.abs(w * given));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const kept: number[] = [];
  for (let b = 0; b < buckets; b++) {
    for (let l = 0; l < L; l++) {
      if (Math.round((model.weights[b * L + l]! * given) / scale) !== 0) {
        kept.push(b);
        break;
      }
    }
  }
  const header = Buffer.from(JSON.stringify({ labels: model.labels, bits: model.bits, scale, meta }), 'utf8');
  const index = new Uint32Array(kept);
  const values = new Int16Array(kept.length * L);
  kept.forEach((b, k) => {
    for (let l = 0; l < L; l++) values[k * L + l] = Math.round((model.weights[b * L + l]! * given) / scale);
  });
  const u32 = (n: number) => Buffer.from(new Uint32Array([n]).buffer);
  const raw = Buffer.concat([Buffer.from(MAGIC), u32(header.length), header, u32(kept.length), Buffer.from(index.buffer), Buffer.from(values.buffer), Buffer.from(new Float32Array(model.transitions).buffer)]);
  return gzipSync(raw, { level: 9 });
}

/** Reads a model written by {@link encodeModel}. Throws on a file that is not one. */
export function decodeModel(file: Uint8Array): { model: ChainModel; meta: ModelMeta } {
  const raw = gunzipSync(file);
  if (raw.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error('not a claimtrace chain model');
  let at = MAGIC.length;
  const u32 = () => {
    const v = raw.readUInt32LE(at);
    at += 4;
    return v;
  };
  const headerLength = u32();
  const header = JSON.parse(raw.subarray(at, at + headerLength).toString('utf8')) as { labels: string[]; bits: number; scale: number; meta: ModelMeta };
  at += headerLength;
  const n = u32();
  const L = header.labels.length;
  const copy = (bytes: number) => {
    const slice = new Uint8Array(bytes);
    slice.set(raw.subarray(at, at + bytes));
    at += bytes;
    return slice.buffer;
  };
  const index = new Uint32Array(copy(n * 4));
  const values = new Int16Array(copy(n * L * 2));
  const transitions = new Float32Array(copy((L + 1) * L * 4));
  const weights = new Int16Array((1 << header.bits) * L);
  for (let k = 0; k < n; k++) for (let l = 0; l < L; l++) weights[index[k]! * L + l] = values[k * L + l]!;
  return { model: { labels: header.labels, bits: header.bits, weights, scale: header.scale, transitions }, meta: header.meta };
}
