import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readTcLines, scoreTc, type TcLine } from '../bench/quality/tc-metric.js';

const line = (id: string, technique: string, start: number, end: number): TcLine => ({ id, technique, start, end });

test('TC lines are read with numeric offsets, blank lines skipped', () => {
  assert.deepEqual(readTcLines('5\tDoubt\t3\t9\n\n6\t?\t0\t4\n'), [line('5', 'Doubt', 3, 9), line('6', '?', 0, 4)]);
});

test('a TC line without four tab-separated fields is refused', () => {
  assert.throws(() => readTcLines('5\tDoubt\t3\n'), /TC line 1/);
});

test('micro-F1 is the share of spans labelled right when every span is predicted once', () => {
  const gold = [line('1', 'Doubt', 0, 5), line('1', 'Slogans', 9, 20), line('2', 'Repetition', 4, 8), line('2', 'Doubt', 10, 12)];
  const pred = [line('1', 'Doubt', 0, 5), line('1', 'Doubt', 9, 20), line('2', 'Repetition', 4, 8), line('2', 'Doubt', 10, 12)];
  assert.equal(scoreTc(gold, pred).micro.f1, 0.75);
});

test('labels of a span with two gold techniques are matched in the best order', () => {
  const gold = [line('1', 'Doubt', 0, 5), line('1', 'Loaded_Language', 0, 5)];
  const pred = [line('1', 'Loaded_Language', 0, 5), line('1', 'Doubt', 0, 5)];
  assert.equal(scoreTc(gold, pred).micro.tp, 2);
});

test('predicting the same technique twice for a two-technique span earns one match', () => {
  const gold = [line('1', 'Doubt', 0, 5), line('1', 'Loaded_Language', 0, 5)];
  const pred = [line('1', 'Doubt', 0, 5), line('1', 'Doubt', 0, 5)];
  assert.deepEqual([scoreTc(gold, pred).micro.tp, scoreTc(gold, pred).micro.f1], [1, 0.5]);
});

test('per-class scores count a wrong label as a false positive of one class and a miss of another', () => {
  const gold = [line('1', 'Doubt', 0, 5), line('1', 'Slogans', 9, 20)];
  const pred = [line('1', 'Doubt', 0, 5), line('1', 'Doubt', 9, 20)];
  const { perClass } = scoreTc(gold, pred, ['Doubt', 'Slogans', 'Repetition']);
  assert.deepEqual(
    [perClass.Doubt!.precision, perClass.Doubt!.recall, perClass.Slogans!.recall, perClass.Slogans!.predicted, perClass.Repetition!.f1],
    [0.5, 1, 0, 0, 0],
  );
});

test('a prediction at offsets no gold span has matches nothing', () => {
  const s = scoreTc([line('1', 'Doubt', 0, 5)], [line('1', 'Doubt', 0, 6)]);
  assert.deepEqual([s.micro.tp, s.micro.precision, s.micro.recall], [0, 0, 0]);
});
