import type { FileHandle } from 'node:fs/promises';
import { openRegularFile } from './inputs.js';
import { LIST_MAX_BYTES } from './lists/expand.js';
import { countLines } from './lines.js';
import { eachListLine, mayBeList, sniffBytes, SNIFF_CHARS } from './lists/sniff.js';
import { isInputUrl, listInputs, type InputFile } from './walk.js';

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
 * know: folders are listed, plain JSON Lines files are read once to count their non-blank lines (at disk speed,
 * without parsing), and a plain URL list is read to count its lines. A compressed JSON Lines file would have to be
 * decompressed twice, so its presence makes the total unknown (undefined), as does more than `maxScanBytes` of JSON
 * Lines and URL lists, an input given as a URL, a feed, a sitemap, or a compressed `.xml.gz` (their items are known
 * only once parsed or fetched). A file whose first bytes cannot start a list counts as one article.
 */
export async function countInputs(inputs: readonly string[], options: CountOptions = {}): Promise<number | undefined> {
  const maxScan = options.maxScanBytes ?? DEFAULT_MAX_SCAN_BYTES;
  let total = 0;
  let scanned = 0;
  for await (const entry of listInputs(inputs)) {
    if (options.signal?.aborted) return undefined;
    if (isInputUrl(entry)) return undefined; // a page or a list: known only once fetched
    if ('error' in entry) {
      total++;
      continue;
    }
    if (entry.type !== 'jsonl') {
      const items = await countFile(entry, maxScan - scanned);
      if (items === undefined) return undefined;
      total += items.count;
      scanned += items.scanned;
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

/**
 * The sources of a file that is not JSON Lines: 1 for an article (only its first bytes read; HTML by extension and
 * compressed text not opened), its lines for a URL list, undefined for a feed, a sitemap or a compressed `.xml`.
 */
async function countFile(entry: InputFile, budget: number): Promise<{ count: number; scanned: number } | undefined> {
  if (entry.gz) return entry.type === 'xml' ? undefined : { count: 1, scanned: 0 };
  if (entry.type === 'text/html') return { count: 1, scanned: 0 };
  let opened;
  try {
    opened = await openRegularFile(entry.path);
  } catch {
    return { count: 1, scanned: 0 }; // refused when read, as one failed source
  }
  try {
    const head = await readBytes(opened.handle, SNIFF_CHARS);
    if (!mayBeList(head)) return { count: 1, scanned: 0 };
    if (opened.size > Math.min(budget, LIST_MAX_BYTES)) return undefined;
    const { sniffed, text } = sniffBytes(await readBytes(opened.handle, opened.size), entry.type ? { type: entry.type } : {});
    if (sniffed.kind === 'article' || sniffed.kind === 'unrecognised') return { count: 1, scanned: opened.size };
    return sniffed.kind === 'url-list' && text !== undefined ? { count: countOf(eachListLine(text)), scanned: opened.size } : undefined;
  } catch {
    return undefined;
  } finally {
    await opened.handle.close();
  }
}

function countOf(items: Iterable<unknown>): number {
  let count = 0;
  for (const _item of items) count++;
  return count;
}

async function readBytes(handle: FileHandle, length: number): Promise<Uint8Array> {
  const { bytesRead, buffer } = await handle.read(Buffer.alloc(length), 0, length, 0);
  return buffer.subarray(0, bytesRead);
}
