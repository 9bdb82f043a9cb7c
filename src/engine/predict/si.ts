// `predict si`: propaganda spans of PTC-style articles (`article<ID>.txt`) as `<ID>\t<start>\t<end>` lines, offsets in
// Unicode code points as the PTC files count them (converted from UTF-16 here, at the boundary).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { codePointOffsets } from '../../core/code-points.js';
import { createDocument } from '../../core/document.js';
import { ClaimtraceError, toClaimtraceError } from '../../core/errors.js';
import { createPipeline } from '../../core/pipeline.js';
import { createSentenceAnnotator } from '../../annotators/sentences/index.js';
import { createTechniqueAnnotator } from '../../annotators/techniques/index.js';
import { ruleTechniquesOf } from '../../annotators/techniques/spans/rules.js';
import { defaultSpanTagger, tagSpans, type ScoredSpan, type SpanTagger } from '../../annotators/techniques/spans/tagger.js';
import { textAnalysisOf } from '../../nlp/tokens.js';
import type { PredictionFailure } from './extract.js';

const prepare = createPipeline([createSentenceAnnotator(), createTechniqueAnnotator({ spanTagger: null })]);

/** The model's propaganda spans of one text (UTF-16 offsets), with the rule-based techniques as its stacked input. */
export function propagandaSpans(text: string, tagger: SpanTagger = defaultSpanTagger()): ScoredSpan[] {
  const ctx = { cache: new Map<string, unknown>() };
  const doc = prepare.run(createDocument(text), ctx);
  const { tokens } = textAnalysisOf(text, ctx.cache);
  return tagSpans(tagger, { tokens, sentences: doc.all('sentence'), ruleTechniques: ruleTechniquesOf(tokens, doc.all('technique')) });
}

/** Writes the spans of every `article<ID>.txt` in `inputDir` to `outPath`; an article that fails gets no spans and is reported. */
export async function predictSi(inputDir: string, outPath: string): Promise<{ articles: number; spans: number; failures: PredictionFailure[] }> {
  let names: string[];
  try {
    names = (await readdir(inputDir)).filter((n) => /^article.+\.txt$/.test(n)).sort();
  } catch {
    throw new ClaimtraceError('E_INPUT_NOT_FOUND', { path: inputDir });
  }
  const lines: string[] = [];
  const failures: PredictionFailure[] = [];
  for (const name of names) {
    const id = name.slice('article'.length, -'.txt'.length);
    try {
      const text = await readFile(join(inputDir, name), 'utf8');
      const at = codePointOffsets(text);
      for (const span of propagandaSpans(text)) lines.push(`${id}\t${at(span.start)}\t${at(span.end)}`);
    } catch (err) {
      failures.push({ id, error: toClaimtraceError(err) });
    }
  }
  await writeFile(outPath, lines.length ? `${lines.join('\n')}\n` : '');
  return { articles: names.length, spans: lines.length, failures };
}
