import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { countInputs } from '../count.js';
import { expandInputs } from '../inputs.js';
import { rssFeed, urlset } from './test-feeds.js';

function dirWith(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-count-lists-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

async function expanded(inputs: string[]): Promise<number> {
  let n = 0;
  for await (const _source of expandInputs(inputs, { maxBytes: 10_000 })) n++;
  return n;
}

test('a URL list counts as its lines that say something, bad lines included, as expandInputs yields them', async () => {
  const dir = dirWith({ 'urls.txt': '# list\nhttps://a.example/1\n\nnot a url\nhttps://b.example/2\n', 'story.txt': 'The quay reopened.' });
  assert.deepEqual([await countInputs([dir]), await expanded([dir])], [4, 4]);
});

test('a feed, a sitemap, a .xml.gz or a URL input makes the total unknown', async () => {
  const feed = dirWith({ 'feed.xml': rssFeed('https://gazette.example') });
  const sitemap = dirWith({ 'sitemap.xml.gz': gzipSync(urlset(['https://gazette.example/a'])) });
  assert.deepEqual([await countInputs([feed]), await countInputs([sitemap]), await countInputs(['https://gazette.example/feed.xml'])], [undefined, undefined, undefined]);
});

test('XML that is no feed still counts as one (failed) source', async () => {
  const dir = dirWith({ 'catalog.xml': '<?xml version="1.0"?><catalog/>' });
  assert.deepEqual([await countInputs([dir]), await expanded([dir])], [1, 1]);
});
