// Feature hashing: a feature is a template number plus one or more strings, hashed (FNV-1a, 32 bit) to a bucket.
// No feature dictionary is kept, so a model is a fixed-size weight table and extracting features allocates nothing
// but the bucket list.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Starts a hash for feature template `template`. */
export function hashStart(template: number): number {
  return Math.imul(FNV_OFFSET ^ Math.imul(template + 1, 0x9e3779b1), FNV_PRIME) >>> 0;
}

/** Continues hash `h` over the characters of `s`, after a separator so that ("ab","c") and ("a","bc") differ. */
export function hashMore(h: number, s: string): number {
  h = Math.imul(h ^ 0x1f, FNV_PRIME);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** The hash of a template with one string. */
export function hash1(template: number, a: string): number {
  return hashMore(hashStart(template), a);
}

/** The hash of a template with two strings. */
export function hash2(template: number, a: string, b: string): number {
  return hashMore(hashMore(hashStart(template), a), b);
}

/**
 * A growable list of hashed features kept as 32-bit integers: pushing a uint32 hash into a plain array would box it
 * as a heap number (hashes above 2^31 are not small integers), which made feature extraction allocation-bound.
 */
export class FeatureSink {
  private buf = new Int32Array(1024);
  /** How many features have been pushed. */
  length = 0;

  /** Appends one hash. */
  add(h: number): void {
    if (this.length === this.buf.length) {
      const grown = new Int32Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf[this.length++] = h;
  }

  /** Forgets the features pushed so far, keeping the buffer (a sink reused call after call allocates nothing but its results). */
  clear(): void {
    this.length = 0;
  }

  /** The features pushed so far, as a fresh array. */
  toArray(): Int32Array {
    return this.buf.slice(0, this.length);
  }
}

/** A seeded pseudo-random generator (mulberry32) returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles an array in place with a seeded generator (Fisher–Yates). */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
