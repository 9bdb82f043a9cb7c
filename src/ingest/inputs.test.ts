import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
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
  'error' in s ? `${s.label.slice(dir.length + 1)} ${s.error.code}` : 'link' in s ? `${s.label.slice(dir.length + 1)} link ${s.link}` : `${s.label.slice(dir.length + 1)} ${s.contentType ?? '?'} ${new TextDecoder().decode(s.bytes)}`;

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

test('a JSON line over the limit is E_RECORD_TOO_LARGE and the records after it are read, also gzipped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-inputs-'));
  // The second line is one byte over the limit (10 bytes of JSON around the text).
  const lines = `{"text":"Ferry"}\n{"text":"${'w'.repeat(LIMIT.maxBytes - 10)}"}\n{"text":"Dock"}\n`;
  writeFileSync(join(dir, 'feed.jsonl'), lines);
  writeFileSync(join(dir, 'feed.ndjson.gz'), gzipSync(lines));
  const sources = await collect([dir]);
  assert.deepEqual(sources.map(describeSource(dir)), [
    'feed.jsonl:1 text/plain Ferry', 'feed.jsonl:2 E_RECORD_TOO_LARGE', 'feed.jsonl:3 text/plain Dock',
    'feed.ndjson.gz:1 text/plain Ferry', 'feed.ndjson.gz:2 E_RECORD_TOO_LARGE', 'feed.ndjson.gz:3 text/plain Dock',
  ]);
  assert.match('error' in sources[1]! ? sources[1].error.message : '', /^Record .*feed\.jsonl:2 is 10001 bytes, over the limit of 10000 bytes; it was skipped/);
});

test('a .gz file that inflates past the limit is E_INPUT_TOO_LARGE', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-inputs-'));
  writeFileSync(join(dir, 'bomb.txt.gz'), gzipSync(Buffer.alloc(LIMIT.maxBytes + 1, 0x61)));
  assert.deepEqual((await collect([dir])).map(describeSource(dir)), ['bomb.txt.gz E_INPUT_TOO_LARGE']);
});

/** A folder holding special files under article names, and one good article after them. */
function specialFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-inputs-'));
  execFileSync('mkfifo', [join(dir, 'a-fifo.txt')]);
  symlinkSync('/dev/zero', join(dir, 'b-zero.txt'));
  symlinkSync(join(dir, 'z.txt'), join(dir, 'c-link.txt'));
  mkdirSync(join(dir, 'sub'));
  symlinkSync(join(dir, 'sub'), join(dir, 'd-dir-link.html'));
  symlinkSync(dir, join(dir, 'loop'));
  writeFileSync(join(dir, 'z.txt'), 'Quay');
  return dir;
}

test('a FIFO, a link to /dev/zero and a link to a folder are refused as not regular files; a link to a file is read', { timeout: 10_000 }, async () => {
  const dir = specialFolder();
  const sources = await collect([dir]);
  assert.deepEqual(sources.map(describeSource(dir)), ['a-fifo.txt E_INPUT_UNREADABLE', 'b-zero.txt E_INPUT_UNREADABLE', 'c-link.txt text/plain Quay', 'd-dir-link.html E_INPUT_UNREADABLE', 'z.txt text/plain Quay']);
  assert.deepEqual(sources.map((s) => ('error' in s ? s.error.params.reason : '')), ['not a regular file but a FIFO', 'not a regular file but a symbolic link to a character device', '', 'not a regular file but a symbolic link to a folder', '']);
});

test('a FIFO or /dev/zero named directly is refused at once', { timeout: 10_000 }, async () => {
  const dir = specialFolder();
  assert.deepEqual((await collect([join(dir, 'a-fifo.txt'), '/dev/zero', join(dir, 'b-zero.txt')])).map((s) => ('error' in s ? `${s.error.code} ${s.error.params.reason}` : s.label)), [
    'E_INPUT_UNREADABLE not a regular file but a FIFO', 'E_INPUT_UNREADABLE not a regular file but a character device', 'E_INPUT_UNREADABLE not a regular file but a character device',
  ]);
});

test('refusing a 100 MB JSON line, plain or gzipped, holds less than half of it in memory', { timeout: 60_000, skip: process.platform !== 'linux' && 'peak RSS is read from /proc' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-inputs-'));
  const huge = Buffer.alloc(100 * 1024 * 1024, 0x61);
  const lines = Buffer.concat([Buffer.from('{"text":"Ferry"}\n{"text":"'), huge, Buffer.from('"}\n{"text":"Dock"}\n')]);
  writeFileSync(join(dir, 'huge.jsonl'), lines);
  writeFileSync(join(dir, 'huge.jsonl.gz'), gzipSync(lines, { level: 1 }));
  // Peak RSS from /proc (VmHWM): getrusage's maxRSS is carried over from the parent through fork and exec on Linux.
  const script = `
    const { readFileSync } = await import('node:fs');
    const peak = () => Number(/VmHWM:\\s*(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
    const { expandInputs } = await import(${JSON.stringify(new URL('./inputs.ts', import.meta.url).href)});
    const before = peak();
    const out = [];
    for await (const s of expandInputs(process.argv.slice(1), { maxBytes: 5 * 1024 * 1024 })) out.push('error' in s ? s.error.code : 'ok');
    console.log(JSON.stringify({ out, before, grew: peak() - before }));`;
  const res = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, join(dir, 'huge.jsonl'), join(dir, 'huge.jsonl.gz')], { encoding: 'utf8' }));
  assert.deepEqual(res.out, ['ok', 'E_RECORD_TOO_LARGE', 'ok', 'ok', 'E_RECORD_TOO_LARGE', 'ok']);
  assert.ok(res.grew < 50 * 1024 * 1024, `RSS grew by ${(res.grew / 1024 / 1024).toFixed(1)} MB from ${(res.before / 1024 / 1024).toFixed(1)} MB`);
});
