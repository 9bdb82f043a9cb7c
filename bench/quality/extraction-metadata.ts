// Metadata coverage on the article-extraction benchmark's pages: how often claimtrace finds a title, byline,
// published date and site name. The benchmark has no metadata gold, so this is coverage, not accuracy; `--list`
// prints every page's values for checking by hand.
// Usage: node --import tsx bench/quality/extraction-metadata.ts [--list]   (reads ../shared/data at run time)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { DocumentMeta } from '../../src/core/document.js';
import { extractHtml } from '../../src/extract/index.js';

const SHARED = process.env.CLAIMTRACE_SHARED ?? join(import.meta.dirname, '..', '..', '..', 'shared');
const DATA = join(SHARED, 'data', 'article-extraction-benchmark');
const FIELDS = ['title', 'byline', 'published', 'site'] as const;

/** Each page's metadata, keyed by page id. */
export function extractMetadata(dir = join(DATA, 'html')): Record<string, DocumentMeta> {
  const out: Record<string, DocumentMeta> = {};
  for (const name of readdirSync(dir).sort()) {
    const raw = readFileSync(join(dir, name));
    const html = (name.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
    out[name.replace(/\.html?(\.gz)?$/, '')] = extractHtml(html).meta;
  }
  return out;
}

/** Share of pages with each field found. */
export function coverage(metas: Record<string, DocumentMeta>): Record<(typeof FIELDS)[number], number> {
  const pages = Object.values(metas);
  return Object.fromEntries(FIELDS.map((field) => [field, pages.filter((meta) => meta[field] !== undefined).length / pages.length])) as Record<(typeof FIELDS)[number], number>;
}

if (process.argv[1]?.endsWith('extraction-metadata.ts')) {
  const metas = extractMetadata();
  if (process.argv.includes('--list')) for (const [id, meta] of Object.entries(metas)) console.log(id.slice(0, 12), JSON.stringify(meta));
  const share = coverage(metas);
  console.log(`\nMetadata coverage, ${Object.keys(metas).length} pages:\n\n| field | pages with it |\n|---|---|`);
  for (const field of FIELDS) console.log(`| ${field} | ${(share[field] * 100).toFixed(1)}% |`);
}
