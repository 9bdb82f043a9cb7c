// The article-extraction benchmark's metric, implemented from its description (../shared/data/article-extraction-
// benchmark/README.md): word 4-gram shingle multisets per page; precision and recall averaged per page; F1 of the means.

/** Scores of one system over a set of pages. */
export interface ExtractionScore {
  readonly pages: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly accuracy: number;
}

// Python's \w is Unicode-aware (letters, digits, marks, underscore); JavaScript's \w is ASCII only.
const tokens = (text: string): string[] => text.match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];

function shingles(words: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 4 <= words.length; i++) {
    const key = words.slice(i, i + 4).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Scores predicted article bodies against gold ones, page by page (ids of `gold`; a missing prediction is empty). */
export function scoreExtraction(gold: Readonly<Record<string, string>>, predicted: Readonly<Record<string, string>>): ExtractionScore {
  const precisions: number[] = [];
  const recalls: number[] = [];
  let exact = 0;
  const ids = Object.keys(gold);
  for (const id of ids) {
    const goldWords = tokens(gold[id]!);
    const predWords = tokens(predicted[id] ?? '');
    if (goldWords.join(' ') === predWords.join(' ')) exact++;
    const g = shingles(goldWords);
    const p = shingles(predWords);
    let tp = 0;
    let fp = 0;
    for (const [key, n] of p) {
      const hit = Math.min(n, g.get(key) ?? 0);
      tp += hit;
      fp += n - hit;
    }
    let fn = 0;
    for (const [key, n] of g) fn += n - Math.min(n, p.get(key) ?? 0);
    if (tp + fp > 0) precisions.push(tp / (tp + fp));
    if (tp + fn > 0) recalls.push(tp / (tp + fn));
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(precisions);
  const recall = mean(recalls);
  return { pages: ids.length, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, accuracy: exact / ids.length };
}
