import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boundedLines, countLines, type BoundedLine } from './lines.js';

/** The text cut into chunks of `size` bytes, as a file stream would give it. */
async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function lines(text: string, maxBytes: number, chunkSize = 3): Promise<string[]> {
  const out: string[] = [];
  for await (const line of boundedLines(chunks(text, chunkSize), maxBytes)) out.push(describe(line));
  return out;
}

const describe = (line: BoundedLine) => ('tooLarge' in line ? `${line.number}: too large (${line.size})` : `${line.number}: ${line.bytes.toString()}`);

test('lines are split across chunks, numbered from 1, with blank lines skipped but counted', async () => {
  assert.deepEqual(await lines('{"a":1}\n\n  \r\n{"b":2}\r\n{"c":3}', 100), ['1: {"a":1}', '4: {"b":2}\r', '5: {"c":3}']);
});

test('a line over the limit comes out as too large with its size, and the next line is read', async () => {
  assert.deepEqual(await lines(`{"a":1}\n${'x'.repeat(11)}\n{"b":2}\n`, 10), ['1: {"a":1}', '2: too large (11)', '3: {"b":2}']);
});

test('a line of exactly the limit is kept', async () => {
  assert.deepEqual(await lines(`${'y'.repeat(10)}\n`, 10), [`1: ${'y'.repeat(10)}`]);
});

test('a last line over the limit without a newline is still reported', async () => {
  assert.deepEqual(await lines(`{"a":1}\n${'z'.repeat(50)}`, 10, 7), ['1: {"a":1}', '2: too large (50)']);
});

test('countLines counts what boundedLines yields, whatever the lines\' sizes', async () => {
  assert.deepEqual(await countLines(chunks(`{"a":1}\n\n \n${'x'.repeat(40)}\n{"b":2}`, 4)), 3);
});

test('an aborted signal stops the lines', async () => {
  const controller = new AbortController();
  controller.abort();
  const out: BoundedLine[] = [];
  for await (const line of boundedLines(chunks('{"a":1}\n{"b":2}\n', 4), 100, controller.signal)) out.push(line);
  assert.deepEqual(out, []);
});
