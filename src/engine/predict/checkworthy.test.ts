import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ClaimtraceError } from '../../core/errors.js';
import { defaultCheckworthyModel, scoreSentence } from '../../annotators/claims/model.js';
import { predictCheckworthy, readTable, scoreCheckworthyTsv, splitRecord } from './checkworthy.js';

const model = defaultCheckworthyModel();
const FIGURE = 'The harbour authority spent $40 million on the new pier last year.';
const QUESTION = 'What will the harbour do with the new pier?';

test('a quoted field is unwrapped and its doubled quotes undone; bare quotes inside a field are kept', () => {
  assert.deepEqual(splitRecord('7\t"She said ""no"" twice."\tYes', '\t'), ['7', 'She said "no" twice.', 'Yes']);
  assert.deepEqual(splitRecord('8\tThe "new" pier\tNo', '\t'), ['8', 'The "new" pier', 'No']);
  assert.deepEqual(splitRecord('9,"one, two",x', ','), ['9', 'one, two', 'x']);
});

test('empty fields and a trailing separator are kept as empty strings', () => {
  assert.deepEqual(splitRecord('1\t\t', '\t'), ['1', '', '']);
});

test('the table reader skips blank lines, drops a byte-order mark and numbers rows by their line', () => {
  const { columns, rows } = readTable('\uFEFFSentence_id\tText\r\n1\tA.\r\n\r\n2\tB.\r\n');
  assert.deepEqual([columns, rows], [['Sentence_id', 'Text'], [{ line: 2, fields: ['1', 'A.'] }, { line: 4, fields: ['2', 'B.'] }]]);
});

test('columns may come in any order and others are ignored; labels follow the model threshold', () => {
  const { output, failures } = scoreCheckworthyTsv(`class_label\tText\tSentence_id\nNo\t${FIGURE}\ts1\nNo\t${QUESTION}\ts2\n`, { model });
  const [s1, s2] = [scoreSentence(model, FIGURE), scoreSentence(model, QUESTION)];
  const label = (s: number) => (s >= model.threshold ? 'Yes' : 'No');
  assert.equal(output, `Sentence_id\tscore\tlabel\ns1\t${s1.toFixed(3)}\t${label(s1)}\ns2\t${s2.toFixed(3)}\t${label(s2)}\n`);
  assert.deepEqual(failures, []);
});

test('the threshold option decides the label', () => {
  const { output } = scoreCheckworthyTsv(`Sentence_id\tText\ns1\t${QUESTION}\n`, { threshold: 0 });
  assert.match(output, /^s1\t\d\.\d{3}\tYes$/m);
});

test('malformed rows are reported with their line and skipped; the others are scored', () => {
  const input = `Sentence_id\tText\n\t${FIGURE}\ns2\tone\textra field\ns3\t${FIGURE}\n`;
  const { output, scored, failures } = scoreCheckworthyTsv(input);
  assert.deepEqual(failures, [{ line: 2, reason: 'no Sentence_id' }, { line: 3, reason: 'expected 2 fields, got 3' }]);
  assert.deepEqual([scored, output.split('\n').slice(1, -1).map((row) => row.split('\t')[0])], [1, ['s3']]);
});

test('an input without Sentence_id and Text columns is refused with a stable code', () => {
  assert.throws(() => scoreCheckworthyTsv('id\tsentence\n1\tA.\n'), (err) => err instanceof ClaimtraceError && err.code === 'E_INPUT_UNREADABLE');
});

test('a threshold outside 0..1 is refused', () => {
  assert.throws(() => scoreCheckworthyTsv('Sentence_id\tText\n', { threshold: 2 }), (err) => err instanceof ClaimtraceError && err.code === 'E_OPTION_INVALID');
});

test('predictCheckworthy writes the output file and a missing input is E_INPUT_NOT_FOUND', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'claimtrace-cw-'));
  await writeFile(join(dir, 'in.tsv'), `Sentence_id\tText\n1\t${FIGURE}\n`);
  const result = await predictCheckworthy(join(dir, 'in.tsv'), join(dir, 'out.tsv'));
  assert.deepEqual(result, { scored: 1, failures: [] });
  assert.match(await readFile(join(dir, 'out.tsv'), 'utf8'), /^Sentence_id\tscore\tlabel\n1\t\d\.\d{3}\t(Yes|No)\n$/);
  await assert.rejects(predictCheckworthy(join(dir, 'none.tsv'), join(dir, 'x.tsv')), (err) => err instanceof ClaimtraceError && err.code === 'E_INPUT_NOT_FOUND');
});
