// Issue 13, round 13 (the lead): a forecast whose verb the tagger reads as an adjective ("will double") is a forecast
// all the same. Sentences are the project's own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePure } from '../../engine/analyze.js';

const worth = (text: string) => analyzePure({ text }).claims[0]!.checkworthiness;

test('"will double" and "will halve" are forecasts stated as fact, whatever the tagger reads', () => {
  assert.ok(worth('The catch will double again within five years.') >= 0.6);
  assert.ok(worth('Emissions will halve.') >= 0.6);
  // Contrast: "double" as an adjective after "a" forecasts nothing.
  assert.ok(worth('A double room will cost more.') < 0.5);
});
