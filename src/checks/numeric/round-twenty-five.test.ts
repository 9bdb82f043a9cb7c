// Round 25 of issue 13 (the lead). Every text here is written for this test; each rule has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('a part whose members "also" did one more thing overlaps the parts before it; "Colt also took" adds one', () => {
  const text = 'The racket came to light after 212 farmers lodged complaints. Of them, 148 had bought seed from the two dealers and 97 had also bought from other outlets, she added.';
  assert.deepEqual(brief(text), []);
  assert.deepEqual(brief(text.replace(' also', '')), [['total-unsupported', '212']]);
  assert.deepEqual(brief('The firm hired 500 staff. Arnby took 300 and Colt also took 250.'), [['total-unsupported', '500']]);
});
