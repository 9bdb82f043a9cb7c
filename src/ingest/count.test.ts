import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { countInputs } from './count.js';
import { expandInputs } from './inputs.js';

/** A folder of every kind of input: files, a subfolder, JSON Lines with blank and oversized lines, refused entries. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-count-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.txt'), 'Quay');
  writeFileSync(join(dir, 'sub', 'b.html'), '<p>Pier</p>');
  writeFileSync(join(dir, 'sub', 'c.txt.gz'), gzipSync('Dock'));
  writeFileSync(join(dir, 'feed.jsonl'), `{"text":"Ferry"}\n\n   \r\n{"text":"${'x'.repeat(200)}"}\nnot json\n{"text":"Last"}`);
  writeFileSync(join(dir, 'skipped.pdf'), 'not counted');
  execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
  symlinkSync('/dev/zero', join(dir, 'zero.txt'));
  return dir;
}

async function expanded(inputs: string[]): Promise<number> {
  let n = 0;
  for await (const _source of expandInputs(inputs, { maxBytes: 100 })) n++;
  return n;
}

test('the count of a folder is what expandInputs yields: files, JSON lines (blank ones left out), refused entries', { timeout: 10_000 }, async () => {
  const dir = folder();
  const inputs = [dir, join(dir, 'missing.txt')];
  assert.deepEqual([await countInputs(inputs), await expanded(inputs)], [10, 10]);
});

test('a gzipped JSON Lines file makes the total unknown rather than be decompressed twice', async () => {
  const dir = folder();
  writeFileSync(join(dir, 'more.jsonl.gz'), gzipSync('{"text":"Ferry"}\n'));
  assert.equal(await countInputs([dir]), undefined);
});

test('more JSON Lines than the scan allows makes the total unknown', async () => {
  const dir = folder();
  assert.deepEqual([await countInputs([dir], { maxScanBytes: 10 }), await countInputs([join(dir, 'a.txt')], { maxScanBytes: 10 })], [undefined, 1]);
});

test('an aborted count is unknown', async () => {
  const controller = new AbortController();
  controller.abort();
  assert.equal(await countInputs([folder()], { signal: controller.signal }), undefined);
});
