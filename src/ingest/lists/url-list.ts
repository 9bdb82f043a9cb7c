import { ClaimtraceError } from '../../core/errors.js';
import type { IngestSource } from '../source.js';
import { absoluteHttp, siteOf } from './feed.js';
import { eachListLine, URL_LINE } from './sniff.js';

/**
 * The sources of a URL list, one per line that says something (blank lines and `#` comments skipped), labelled
 * `label:line`: an absolute http(s) URL is a link to fetch; anything else is E_LIST_ITEM_INVALID and the rest goes on.
 */
export function* urlListSources(text: string, label: string): Generator<IngestSource> {
  for (const { number, line } of eachListLine(text)) {
    const item = `${label}:${number}`;
    const link = URL_LINE.test(line) ? absoluteHttp(line, undefined) : undefined;
    if (link) yield { label: item, link, meta: { url: link, site: siteOf(link) } };
    else yield { label: item, error: new ClaimtraceError('E_LIST_ITEM_INVALID', { item, reason: `"${clip(line)}" is not an absolute http(s) URL` }) };
  }
}

function clip(line: string): string {
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}
