import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ClaimtraceError, toClaimtraceError } from '../../core/errors.js';
import { analyzePure } from '../analyze.js';
import type { AnalyzeOptions } from '../options.js';
import { toBrat } from './brat.js';
import type { PredictionFailure } from './extract.js';

/** Writes `<name>.ann` (brat, PolNeAR style) into `outDir` for every `<name>.txt` in `inDir`; a failing text gets an empty file. */
export async function predictAttribution(inDir: string, outDir: string, options: AnalyzeOptions): Promise<{ written: number; failures: PredictionFailure[] }> {
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
      ann = toBrat(analyzePure({ bytes, label: name, contentType: 'text/plain' }, options));
    } catch (err) {
      failures.push({ id, error: toClaimtraceError(err) });
    }
    await writeFile(join(outDir, `${id}.ann`), ann);
  }
  return { written: names.length, failures };
}
