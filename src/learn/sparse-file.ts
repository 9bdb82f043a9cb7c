// The container of every trained model: gzip (level 9) of [magic][u32 header length][JSON header][u32 n]
// [u32 bucket × n][i16 weight × n·width][tail]. Only buckets with a non-zero weight are stored, each with `width`
// 16-bit weights (one per label); the header carries the scale and what the model needs besides; the tail holds
// anything else (a chain model's transitions).
import { gunzipSync, gzipSync } from 'node:zlib';

const u32 = (n: number) => Buffer.from(new Uint32Array([n]).buffer);

/** Writes the container. */
export function writeSparseFile(magic: string, header: unknown, buckets: readonly number[], values: Int16Array, tail: Uint8Array = new Uint8Array(0)): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const parts = [Buffer.from(magic), u32(json.length), json, u32(buckets.length), Buffer.from(new Uint32Array(buckets).buffer), Buffer.from(values.buffer, values.byteOffset, values.byteLength), Buffer.from(tail)];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

/** What {@link readSparseFile} gives back: the header, the stored buckets and their weights, and the tail bytes. */
export interface SparseFile<H> {
  readonly header: H;
  readonly buckets: Uint32Array;
  readonly values: Int16Array;
  readonly tail: Buffer;
}

/** Reads the container; `width` gives the weights per bucket from the header. Throws `not a claimtrace <what>` on any other file. */
export function readSparseFile<H>(file: Uint8Array, magic: string, what: string, width: (header: H) => number): SparseFile<H> {
  const raw = gunzipSync(file);
  if (raw.subarray(0, magic.length).toString('latin1') !== magic) throw new Error(`not a claimtrace ${what}`);
  let at = magic.length;
  const headerLength = raw.readUInt32LE(at);
  at += 4;
  const header = JSON.parse(raw.subarray(at, at + headerLength).toString('utf8')) as H;
  at += headerLength;
  const n = raw.readUInt32LE(at);
  at += 4;
  const copy = (bytes: number) => {
    const slice = Uint8Array.from(raw.subarray(at, at + bytes));
    at += bytes;
    return slice.buffer;
  };
  const buckets = new Uint32Array(copy(n * 4));
  const values = new Int16Array(copy(n * width(header) * 2));
  return { header, buckets, values, tail: raw.subarray(at) };
}
