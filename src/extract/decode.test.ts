import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClaimtraceError } from '../core/errors.js';
import { decodeBytes } from './decode.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

function assertCode(fn: () => unknown, code: string): void {
  assert.throws(fn, (err: unknown) => err instanceof ClaimtraceError && err.code === code);
}

test('decodes plain UTF-8 with curly quotes and an emoji unchanged', () => {
  assert.equal(decodeBytes(utf8('The “harbour” reopened 🚢.'), 'a.txt'), 'The “harbour” reopened 🚢.');
});

test('strips a UTF-8 byte order mark', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Quay')]);
  assert.equal(decodeBytes(bytes, 'a.txt'), 'Quay');
});

test('keeps CRLF line endings so offsets match the file', () => {
  assert.equal(decodeBytes(utf8('Line one\r\nLine two'), 'a.txt'), 'Line one\r\nLine two');
});

test('decodes UTF-16 little endian with a BOM', () => {
  const bytes = new Uint8Array([0xff, 0xfe, 0x50, 0x00, 0x69, 0x00, 0x65, 0x00, 0x72, 0x00]);
  assert.equal(decodeBytes(bytes, 'a.txt'), 'Pier');
});

test('decodes UTF-16 big endian with a BOM', () => {
  const bytes = new Uint8Array([0xfe, 0xff, 0x00, 0x50, 0x00, 0x69, 0x00, 0x65, 0x00, 0x72]);
  assert.equal(decodeBytes(bytes, 'a.txt'), 'Pier');
});

test('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
  const bytes = new Uint8Array([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94]); // “Café” in Windows-1252
  assert.equal(decodeBytes(bytes, 'a.txt'), '“Café”');
});

test('refuses a PDF as binary', () => {
  assertCode(() => decodeBytes(utf8('%PDF-1.7 some text'), 'report.pdf'), 'E_INPUT_BINARY');
});

test('refuses gzip data as binary', () => {
  assertCode(() => decodeBytes(new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x41]), 'page.gz'), 'E_INPUT_BINARY');
});

test('refuses bytes containing NUL outside UTF-16', () => {
  assertCode(() => decodeBytes(new Uint8Array([0x41, 0x00, 0x42, 0x43]), 'blob'), 'E_INPUT_BINARY');
});

test('refuses text dominated by control characters', () => {
  assertCode(() => decodeBytes(new Uint8Array([0x01, 0x02, 0x03, 0x41, 0x42, 0x04, 0x05]), 'blob'), 'E_INPUT_BINARY');
});

test('refuses empty input', () => {
  assertCode(() => decodeBytes(new Uint8Array(), 'empty.txt'), 'E_INPUT_EMPTY');
});

test('refuses whitespace-only input and names it in the message', () => {
  assert.throws(() => decodeBytes(utf8(' \r\n\t '), 'blank.txt'), { code: 'E_INPUT_EMPTY', message: 'Input is empty: blank.txt' });
});
