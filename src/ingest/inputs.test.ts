import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { expandInputs } from './inputs.js';
import type { IngestSource } from './source.js';

const LIMIT = { maxBytes: 10_000 };

async function collect(inputs: string[], options = LIMIT): Promise<IngestSource[]> {
  const out: IngestSource[] = [];
  for await (const source of expandInputs(inputs, options)) out.push(source);
  return out;
}

const describeSource = (dir: string) => (s: IngestSource) =>
  'error' in s ? `${s.label.slice(dir.length + 1)} ${s.error.code}` : `${s.label.slice(dir.length + 1)} ${s.contentType ?? '?'} ${new TextDecoder().decode(s.bytes)}`;

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-inputs-'));
  mkdirSync(join(dir, 'b-sub'));
  mkdirSync(join(dir, '.hidden'));
  writeFileSync(join(dir, 'a.txt'), 'Quay');
  writeFileSync(join(dir, 'b-sub', 'c.html.gz'), gzipSync('<p>Pier</p>'));
  writeFileSync(join(dir, 'b-sub', 'd.jsonl'), '{"text":"Ferry"}\n\n{"text":"Dock"}\n');
  writeFileSync(join(dir, 'e.pdf'), 'skipped');
  writeFileSync(join(dir, '.hidden', 'f.txt'), 'skipped');
  return dir;
}

test('a folder is walked in name order: subfolders, .gz and JSON lines, known extensions only', async () => {
  const dir = folder();
  assert.deepEqual((await collect([dir])).map(describeSource(dir)), ['a.txt text/plain Quay', 'b-sub/c.html.gz text/html <p>Pier</p>', 'b-sub/d.jsonl:1 text/plain Ferry', 'b-sub/d.jsonl:3 text/plain Dock']);
});

test('a file named directly is read whatever its extension', async () => {
  const dir = folder();
  assert.deepEqual((await collect([join(dir, 'e.pdf')])).map(describeSource(dir)), ['e.pdf ? skipped']);
});

test('a missing input is a failed source and the next input still comes', async () => {
  const dir = folder();
  assert.deepEqual((await collect([join(dir, 'nope.txt'), join(dir, 'a.txt')])).map(describeSource(dir)), ['nope.txt E_INPUT_NOT_FOUND', 'a.txt text/plain Quay']);
});

test('a .gz file that is not gzip is E_INPUT_UNREADABLE', async () => {
  const dir = folder();
  writeFileSync(join(dir, 'bad.txt.gz'), 'plain text, not gzip');
  assert.deepEqual((await collect([join(dir, 'bad.txt.gz')])).map(describeSource(dir)), ['bad.txt.gz E_INPUT_UNREADABLE']);
});

test('a file over the size limit is E_INPUT_TOO_LARGE', async () => {
  const dir = folder();
  assert.deepEqual((await collect([join(dir, 'a.txt')], { maxBytes: 3 })).map(describeSource(dir)), ['a.txt E_INPUT_TOO_LARGE']);
});
