/**
 * Hostile robots.txt files and sitemap indexes (`node --import tsx bench/robots-sitemaps.ts`): wall time of one
 * robots.txt read and one check, robots-parser 3.0.1 (the library the watcher used) against src/watch/robots-rules.ts;
 * then sitemap indexes expanded from a server on 127.0.0.1: one that lists itself 2,000 times, and one of 1,000
 * distinct children of 1 MB each (requests, bytes served, results). With BEFORE_ROOT=<another checkout with
 * node_modules>, the sitemap inputs are expanded there too (e.g. `git archive 14149ee | tar -x -C /tmp/old`).
 * SKIP_OLD_ROBOTS=1 leaves out robots-parser's slowest cases (19 s and 1.9 GB at 4,000 agents over 4,000 rules).
 */
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isAllowedBy, parseRobotsRules } from '../src/watch/robots-rules.js';

const require = createRequire(import.meta.url);
const robotsParser = require('robots-parser') as (url: string, text: string) => { isAllowed(url: string, ua: string): boolean | undefined };
const ORIGIN = 'https://gazette.example';
const ms = <T>(work: () => T): [number, T] => {
  const start = process.hrtime.bigint();
  const value = work();
  return [Number(process.hrtime.bigint() - start) / 1e6, value];
};

const ROBOTS: [string, () => string, string][] = [
  ['one pattern of 500,000 `*`, a 4,000-character path', () => `User-agent: *\nDisallow: /${'*'.repeat(500_000)}x\n`, `/${'a'.repeat(4_000)}`],
  ['one pattern of 250,000 `*a`, a 4,000-character path', () => `User-agent: *\nDisallow: /${'*a'.repeat(250_000)}x\n`, `/${'a'.repeat(4_000)}`],
  ['4,000 User-agent lines over 4,000 rules (144 KB)', () => 'User-agent: claimtrace\n'.repeat(4_000) + 'Disallow: /x\n'.repeat(4_000), '/x'],
  ['45,000 rules `Allow: /*<n>`, a 4,000-character path', () => 'User-agent: *\n' + Array.from({ length: 45_000 }, (_, i) => `Allow: /*${i.toString(36)}\n`).join(''), `/${'_'.repeat(4_000)}`],
];
console.log('| robots.txt | robots-parser read / check | robots-rules read / check |\n|---|---|---|');
for (const [name, make, path] of ROBOTS) {
  const text = make();
  const url = ORIGIN + path;
  let old = 'skipped';
  if (!(process.env.SKIP_OLD_ROBOTS && name.startsWith('4,000'))) {
    const [read, robot] = ms(() => robotsParser(`${ORIGIN}/robots.txt`, text));
    const [check, verdict] = ms(() => robot.isAllowed(url, 'claimtrace'));
    old = `${read.toFixed(0)} / ${check.toFixed(1)} ms (${verdict !== false ? 'allowed' : 'disallowed'})`;
  }
  const [read, rules] = ms(() => parseRobotsRules(text, 'claimtrace'));
  const [check, verdict] = ms(() => isAllowedBy(rules, new URL(url)));
  console.log(`| ${name} | ${old} | ${read.toFixed(0)} / ${check.toFixed(1)} ms (${verdict === undefined ? 'past the budget' : verdict ? 'allowed' : 'disallowed'}) |`);
}

const hits = { requests: 0, bytes: 0 };
const index = (locs: string[]) => `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.map((loc) => `<sitemap><loc>${loc}</loc></sitemap>`).join('')}</sitemapindex>`;
const bigChild = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://gazette.example/a</loc></url><!-- ${'x'.repeat(1024 * 1024)} --></urlset>`;
const server = createServer((req, res) => {
  hits.requests++;
  const path = req.url ?? '';
  const body = path === '/self.xml' ? index(Array.from({ length: 2_000 }, () => `${base}/self.xml`))
    : path === '/wide.xml' ? index(Array.from({ length: 1_000 }, (_, i) => `${base}/child.xml?n=${i}`))
    : bigChild;
  hits.bytes += Buffer.byteLength(body);
  res.writeHead(200, { 'content-type': 'application/xml' }).end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

console.log('\n| sitemap index | code | wall | requests | MB served | results |\n|---|---|---|---|---|---|');
for (const [label, root] of [['now', join(import.meta.dirname, '..')], ...(process.env.BEFORE_ROOT ? [['before', process.env.BEFORE_ROOT]] : [])] as [string, string][]) {
  const { expandInputs } = (await import(pathToFileURL(join(root, 'src/ingest/inputs.ts')).href)) as typeof import('../src/ingest/inputs.js');
  for (const input of ['self.xml', 'wide.xml']) {
    Object.assign(hits, { requests: 0, bytes: 0 });
    const counts = new Map<string, number>();
    const start = Date.now();
    for await (const source of expandInputs([`${base}/${input}`], { maxBytes: 5 * 1024 * 1024, fetch: { timeoutMs: 30_000, maxRedirects: 2, isAllowedAddress: (a) => a === '127.0.0.1' } })) {
      const kind = 'error' in source ? source.error.code : 'link' in source ? 'link' : 'article';
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    const results = [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ') || 'none';
    console.log(`| ${input} | ${label} | ${((Date.now() - start) / 1000).toFixed(1)} s | ${hits.requests} | ${(hits.bytes / 1024 / 1024).toFixed(0)} | ${results} |`);
  }
}
server.closeAllConnections();
server.close();
