import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ClaimtraceError, toClaimtraceError } from '../../core/errors.js';
import { analyzeDocument, extractPure, toReport } from '../analyze.js';
import { POLNEAR_MARKED, polnearAttributions, type LookalikeClass } from './attribution-lookalikes.js';
import type { AnalyzeOptions } from '../options.js';
import { toBrat } from './brat.js';
import type { PredictionFailure } from './extract.js';

/** What predict attribution writes beyond the report's attributions. */
export interface PredictAttributionOptions {
  /** The classes of the news policy's refusals written as attributions, as PolNeAR marks them; defaults to {@link POLNEAR_MARKED}. */
  readonly lookalikes?: ReadonlySet<LookalikeClass>;
  /** Whether a sourceless participle cue takes its sentence's subject as its source (attribution-subjects.ts); default true. */
  readonly participleSubjects?: boolean;
  /** Whether lines that open with a speaker's name and a colon are written (attribution-speakers.ts); default true. */
  readonly speakerLines?: boolean;
  /** Whether sentences that open with "In <a poll or survey>," are written as the poll's attributions (attribution-polls.ts); default true. */
  readonly pollOpenings?: boolean;
}

/**
 * Writes `<name>.ann` (brat, PolNeAR style) into `outDir` for every `<name>.txt` in `inDir`; a failing text gets an
 * empty file. The report's attributions are written, with the poll shares PolNeAR marks as sources, and the
 * look-alikes of the classes PolNeAR marks that the news policy refused (attribution-lookalikes.ts); `claimtrace
 * analyze` reports neither.
 */
export async function predictAttribution(inDir: string, outDir: string, options: AnalyzeOptions, predict: PredictAttributionOptions = {}): Promise<{ written: number; failures: PredictionFailure[] }> {
  const classes = predict.lookalikes ?? POLNEAR_MARKED;
  let names: string[];
  try {
    names = (await readdir(inDir)).filter((name) => name.endsWith('.txt')).sort();
  } catch {
    throw new ClaimtraceError('E_INPUT_NOT_FOUND', { path: inDir });
  }
  await mkdir(outDir, { recursive: true });
  const failures: PredictionFailure[] = [];
  for (const name of names) {
    const id = name.slice(0, -'.txt'.length);
    let ann = '';
    try {
      const bytes = await readFile(join(inDir, name));
      const doc = analyzeDocument(extractPure({ bytes, label: name, contentType: 'text/plain' }, options), options);
      const polnear = polnearAttributions(doc, toReport(doc, options), { classes, participleSubjects: predict.participleSubjects ?? true, speakerLines: predict.speakerLines ?? true, pollOpenings: predict.pollOpenings ?? true, ...(options.models ? {} : { tagger: null }) });
      ann = toBrat(polnear.report, polnear.added);
    } catch (err) {
      failures.push({ id, error: toClaimtraceError(err) });
    }
    await writeFile(join(outDir, `${id}.ann`), ann);
  }
  return { written: names.length, failures };
}
