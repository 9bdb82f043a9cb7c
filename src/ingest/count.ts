import { openRegularFile } from './inputs.js';
import { countLines } from './lines.js';
import { isInputUrl, listInputs } from './walk.js';

/** Options of {@link countInputs}. */
export interface CountOptions {
  /** Stops counting (the answer is then undefined). */
  readonly signal?: AbortSignal;
  /** Most bytes of plain JSON Lines read to count their records; past it the total is unknown. Default 2 GiB. */
  readonly maxScanBytes?: number;
}

const DEFAULT_MAX_SCAN_BYTES = 2 * 1024 ** 3;

/**
 * How many sources {@link expandInputs} will yield for the inputs (articles and refused inputs), when that is cheap to
 * know: folders are listed, and plain JSON Lines files are read once to count their non-blank lines (at disk speed,
 * without parsing). A compressed JSON Lines file would have to be decompressed twice, so its presence makes the total
 * unknown (undefined), as does more than `maxScanBytes` of JSON Lines.
 */
export async function countInputs(inputs: readonly string[], options: CountOptions = {}): Promise<number | undefined> {
  const maxScan = options.maxScanBytes ?? DEFAULT_MAX_SCAN_BYTES;
  let total = 0;
  let scanned = 0;
  for await (const entry of listInputs(inputs)) {
    if (options.signal?.aborted) return undefined;
    if (isInputUrl(entry)) return undefined; // a page or a list: known only once fetched
    if ('error' in entry || entry.type !== 'jsonl') {
      total++;
      continue;
    }
    if (entry.gz) return undefined;
    let opened;
    try {
      opened = await openRegularFile(entry.path);
    } catch {
      total++; // refused when read, as one failed source
      continue;
    }
    try {
      scanned += opened.size;
      if (scanned > maxScan) return undefined;
      total += await countLines(opened.handle.createReadStream({ highWaterMark: 256 * 1024, autoClose: false }), options.signal);
    } catch {
      return undefined;
    } finally {
      await opened.handle.close();
    }
  }
  return options.signal?.aborted ? undefined : total;
}
