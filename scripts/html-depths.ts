// Prints how deep the element trees of the article-extraction benchmark's pages nest once parsed as extractHtml parses
// them (after the inert-markup and boilerplate passes), for the choice of MAX_READABLE_DEPTH (src/extract/depth.ts).
// Usage: node --import tsx scripts/html-depths.ts   (needs ../shared/data; CLAIMTRACE_SHARED to point elsewhere)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import rules from '../src/extract/boilerplate.json' with { type: 'json' };
import { MAX_READABLE_DEPTH, treeDepth } from '../src/extract/depth.js';
import type { DomNode } from '../src/extract/dom-text.js';
import { stripBoilerplateBlocks, stripInertHtml } from '../src/extract/prestrip.js';

const shared = process.env.CLAIMTRACE_SHARED ?? join(import.meta.dirname, '..', '..', 'shared');
const dir = join(shared, 'data', 'article-extraction-benchmark', 'html');
const depths: number[] = [];
for (const file of readdirSync(dir).sort()) {
  const raw = readFileSync(join(dir, file));
  const html = file.endsWith('.gz') ? (await import('node:zlib')).gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  const doc = parseHTML(stripBoilerplateBlocks(stripInertHtml(html), rules.prestrip.tags)).document as unknown as DomNode;
  depths.push(treeDepth(doc));
}
depths.sort((a, b) => a - b);
const at = (p: number) => depths[Math.min(depths.length - 1, Math.floor(p * depths.length))];
console.log(`${depths.length} pages: depth median ${at(0.5)}, 99th percentile ${at(0.99)}, deepest ${depths.at(-1)}; limit ${MAX_READABLE_DEPTH}`);
