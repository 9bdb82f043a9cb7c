import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { TECHNIQUES } from '../../core/annotations.js';
import { predictTc, readTemplate, utf16Offsets } from './tc.js';

const ARTICLE = 'Ministry Plans Falter\n\nThe 🚢 ministry claims the ferry plan is a triumph.\nA triumph? It is a disgrace, a total disgrace.\n';

test('code point offsets after an astral character map one UTF-16 unit further', () => {
  const at = utf16Offsets(ARTICLE);
  assert.deepEqual([at(0), at(27), at(28), at(29), at(1000)], [0, 27, 29, 30, ARTICLE.length]);
});

test('a template line that is not four tab-separated fields is an error naming the line', () => {
  assert.throws(() => readTemplate('1\t?\t0\t4\n1\t?\tx\t9\n', 't.out'), /line 2/);
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tc-'));
  writeFileSync(join(dir, 'article5001.txt'), ARTICLE);
  return dir;
}

test('every template line gets a technique with its offsets echoed, in template order', async () => {
  const dir = folder();
  // "disgrace" (first) at code points 93-101; "a triumph" at 63-72 (UTF-16 64-73, after the ship).
  writeFileSync(join(dir, 't.out'), '5001\t?\t93\t101\n5001\t?\t63\t72\n');
  const result = await predictTc(dir, join(dir, 't.out'), join(dir, 'p.out'));
  const lines = readFileSync(join(dir, 'p.out'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
  assert.deepEqual([result.written, result.failures.length, lines.map((l) => [l[0], l[2], l[3]])], [2, 0, [['5001', '93', '101'], ['5001', '63', '72']]]);
  assert.ok(lines.every((l) => (TECHNIQUES as readonly string[]).includes(l[1]!)));
});

test('a span listed twice gets two different techniques', async () => {
  const dir = folder();
  writeFileSync(join(dir, 't.out'), '5001\t?\t93\t101\n5001\t?\t93\t101\n');
  await predictTc(dir, join(dir, 't.out'), join(dir, 'p.out'));
  const [a, b] = readFileSync(join(dir, 'p.out'), 'utf8').trim().split('\n').map((l) => l.split('\t')[1]);
  assert.notEqual(a, b);
});

test('a missing article still gets the most frequent class for each span and is reported', async () => {
  const dir = folder();
  writeFileSync(join(dir, 't.out'), '9999\t?\t0\t4\n5001\t?\t93\t101\n');
  const result = await predictTc(dir, join(dir, 't.out'), join(dir, 'p.out'));
  const first = readFileSync(join(dir, 'p.out'), 'utf8').split('\n')[0];
  assert.deepEqual([first, result.failures.map((f) => [f.id, f.error.code])], ['9999\tLoaded_Language\t0\t4', [['9999', 'E_INPUT_NOT_FOUND']]]);
});

test('a missing template is an input-not-found error', async () => {
  const dir = folder();
  await assert.rejects(predictTc(dir, join(dir, 'none.out'), join(dir, 'p.out')), { code: 'E_INPUT_NOT_FOUND' });
});
