import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countWords, normaliseText, normalisedTextHash, pipelineSignature } from './keys.js';

test('normalising folds case, curly quotes, dashes, no-break spaces and line breaks', () => {
  assert.equal(normaliseText('  The \u201cPort\u201d\u00a0spent\r\n12\u201314 million \u2018euros\u2019 '), 'the "port" spent 12-14 million \'euros\'');
});

test('texts that differ only in typography hash alike', () => {
  assert.equal(normalisedTextHash('Harbour \u201cfees\u201d rose.'), normalisedTextHash('harbour "fees"\nrose.'));
});

test('texts that differ in a word hash differently', () => {
  assert.notEqual(normalisedTextHash('Harbour fees rose.'), normalisedTextHash('Harbour fees fell.'));
});

test('words are counted as runs of non-space characters', () => {
  assert.equal(countWords(' The port\u00a0spent 12 million \u{1F6A2}\r\n'), 6);
});

test('the pipeline signature names version, annotators and settings', () => {
  assert.equal(pipelineSignature({ name: 'claimtrace', version: '1.2.0', annotators: ['sentences@1', 'claims@2'] }, 'models=off'), 'claimtrace@1.2.0 sentences@1,claims@2 models=off');
});
