import { closeSync, openSync, writeSync } from 'node:fs';
import { generateCorpus, type Plant } from './generate.js';

/** Planted claims and distractors by article URL, with their sentence text. */
export type Truth = Map<string, (Plant & { readonly text: string })[]>;

/**
 * Writes the generated corpus (seed 42) as one JSON Lines file, in chunks of 1,000 records so that memory stays flat at
 * 100k articles; returns the ground truth by URL. Shared by the corpus and scale benchmarks.
 */
export function writeCorpus(path: string, size: number): Truth {
  const truth: Truth = new Map();
  const fd = openSync(path, 'w');
  let chunk: string[] = [];
  for (const article of generateCorpus({ articles: size, seed: 42 })) {
    chunk.push(JSON.stringify(article.record));
    if (article.plants.length > 0) truth.set(article.record.url, article.plants.map((p) => ({ ...p, text: article.record.text.slice(p.start, p.end) })));
    if (chunk.length === 1000) {
      writeSync(fd, `${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) writeSync(fd, `${chunk.join('\n')}\n`);
  closeSync(fd);
  return truth;
}

/** The p-th percentile of sorted values (nearest rank; 0 for none). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
