import assert from 'node:assert/strict';
import { test } from 'node:test';
import { binaryFileMessage, binaryKind } from './file-kind.js';

const bytes = (text: string) => new TextEncoder().encode(text);

test('a PDF is named by its signature', () => {
  assert.equal(binaryKind(bytes('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')), 'PDF');
});

test('a PNG and a .docx (ZIP) are named by their signatures', () => {
  assert.equal(binaryKind(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)), 'PNG image');
  assert.equal(binaryKind(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00)), 'ZIP archive, e.g. .docx or .epub');
});

test('a NUL byte or many control bytes without a signature are binary', () => {
  assert.equal(binaryKind(bytes('Harbour fees rose.\u0000\u0001')), 'binary');
  assert.equal(binaryKind(Uint8Array.of(0x41, 0x01, 0x02, 0x03, 0x42, 0x43, 0x44, 0x45)), 'binary');
});

test('plain text, HTML, UTF-16 with its byte order mark and an empty file are not binary', () => {
  assert.equal(binaryKind(bytes('The ferry carried 300 people,\r\n\tsaid the operator.\f')), null);
  assert.equal(binaryKind(bytes('<!doctype html><p>Fees rose by 4%.</p>')), null);
  assert.equal(binaryKind(Uint8Array.of(0xff, 0xfe, 0x48, 0x00, 0x69, 0x00)), null);
  assert.equal(binaryKind(new Uint8Array(0)), null);
});

test('the message names the file and, when known, its kind', () => {
  assert.equal(binaryFileMessage('report.pdf', 'PDF'), 'report.pdf looks binary (PDF), not text or HTML. Save it as text or HTML first.');
  assert.equal(binaryFileMessage('notes.dat', 'binary'), 'notes.dat looks binary, not text or HTML. Save it as text or HTML first.');
});
