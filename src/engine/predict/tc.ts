// `predict tc`: technique classification of given spans in the PTC format. The template's offsets count Unicode code
// points (the PTC files were made in Python); they are converted to UTF-16 here, at the boundary, and echoed unchanged.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ClaimtraceError, toClaimtraceError } from '../../core/errors.js';
import type { Range } from '../../core/range.js';
import { classifySpan, defaultTechniqueClassifier, type TechniqueClassifier } from '../../annotators/techniques/classifier/classifier.js';
import { createArticleContext } from '../../annotators/techniques/classifier/features.js';
import { analyzeText } from '../../nlp/tokens.js';
import type { PredictionFailure } from './extract.js';
import { utf16Offsets } from '../../core/code-points.js';

export { utf16Offsets };

/** The label given where an article cannot be read or classified: the most frequent class of PTC train. */
export const FALLBACK_TECHNIQUE = 'Loaded_Language';

/** One template line: `<ID>\t?\t<start>\t<end>` (code points). */
export interface TemplateLine {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}


/** Reads template lines; a malformed line is an error naming the line. */
export function readTemplate(text: string, path: string): TemplateLine[] {
  const out: TemplateLine[] = [];
  for (const [n, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const parts = line.split('\t');
    if (parts.length < 4 || !/^\d+$/.test(parts[2]!) || !/^\d+$/.test(parts[3]!)) {
      throw new ClaimtraceError('E_INPUT_UNREADABLE', { path, reason: `line ${n + 1} is not <ID>\\t?\\t<start>\\t<end>` });
    }
    out.push({ id: parts[0]!, start: Number(parts[2]), end: Number(parts[3]) });
  }
  return out;
}

/**
 * Labels the spans (code point offsets) of one article. Where a span occurs several times (a multi-technique span),
 * its k-th occurrence gets the k-th most probable technique, so that the labels can match several gold ones.
 */
export function classifyArticleSpans(classifier: TechniqueClassifier, text: string, spans: readonly Range[]): string[] {
  const at = utf16Offsets(text);
  const ranges = spans.map((s) => ({ start: at(s.start), end: Math.max(at(s.start), at(s.end)) }));
  const ctx = createArticleContext(text, analyzeText(text), ranges);
  const seen = new Map<string, number>();
  const ranked = new Map<string, readonly string[]>();
  return ranges.map((range) => {
    const key = `${range.start}:${range.end}`;
    let order = ranked.get(key);
    if (!order) {
      order = classifySpan(classifier, ctx, range, 0).ranked.map((r) => r.technique);
      ranked.set(key, order);
    }
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    return order[Math.min(k, order.length - 1)]!;
  });
}

/**
 * Writes `<ID>\t<technique>\t<start>\t<end>` to `outPath` for every line of the template at `templatePath`, in its
 * order, for the articles `article<ID>.txt` in `inputDir`. An article that is missing or fails still gets a label
 * for each of its spans ({@link FALLBACK_TECHNIQUE}) and is reported as a failure.
 */
export async function predictTc(inputDir: string, templatePath: string, outPath: string, classifier?: TechniqueClassifier): Promise<{ written: number; failures: PredictionFailure[] }> {
  let templateText: string;
  try {
    templateText = await readFile(templatePath, 'utf8');
  } catch {
    throw new ClaimtraceError('E_INPUT_NOT_FOUND', { path: templatePath });
  }
  const template = readTemplate(templateText, templatePath);
  const model = classifier ?? defaultTechniqueClassifier();
  const byArticle = new Map<string, number[]>();
  template.forEach((line, i) => {
    const rows = byArticle.get(line.id);
    if (rows) rows.push(i);
    else byArticle.set(line.id, [i]);
  });
  const labels: string[] = template.map(() => FALLBACK_TECHNIQUE);
  const failures: PredictionFailure[] = [];
  for (const [id, rows] of byArticle) {
    const path = join(inputDir, `article${id}.txt`);
    try {
      const text = await readFile(path, 'utf8').catch(() => {
        throw new ClaimtraceError('E_INPUT_NOT_FOUND', { path });
      });
      const found = classifyArticleSpans(model, text, rows.map((i) => template[i]!));
      rows.forEach((i, k) => (labels[i] = found[k]!));
    } catch (err) {
      failures.push({ id, error: toClaimtraceError(err) });
    }
  }
  await writeFile(outPath, template.map((l, i) => `${l.id}\t${labels[i]}\t${l.start}\t${l.end}\n`).join(''));
  return { written: template.length, failures };
}
