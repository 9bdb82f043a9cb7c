// Parts given one each to items named before them, closed by "respectively" (respectively.ts). Every text is written
// for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('"respectively" parts right after a comma elaborate the total before them', () => {
  const text = 'Aid agencies sent forty trucks into the city on Monday and Tuesday, twenty-five and nineteen respectively.';
  assert.deepEqual(brief(text), [['total-unsupported', 'forty']]);
  assert.deepEqual(brief(text.replace('nineteen', 'fifteen')), []);
  assert.deepEqual(brief('The ferry carried 1,300 passengers on Friday and Saturday, 720 and 640 respectively.'), [['total-unsupported', '1,300']]);
});

test('"respectively" parts after a comma and a verb of their own are no elaboration of the total', () => {
  assert.deepEqual(brief('The two plants employ 1,200 people, and produce 700 and 600 cars respectively.'), []);
  assert.deepEqual(brief('The two mills employ 1,200 people, making 700 and 600 tonnes respectively.'), []);
});

test('"respectively" parts given to owners the total\'s clause joins by "and" make it up only when no figure follows them', () => {
  assert.deepEqual(brief('The depot sent 2,600 parcels to Arnby, Colt and Dunmere, 1,200, 900 and 800 respectively.'), [['total-unsupported', '2,600']]);
  assert.deepEqual(brief('The depot sent 2,900 parcels to Arnby, Colt and Dunmere, 1,200, 900 and 800 respectively.'), []);
  assert.deepEqual(brief('Rovers have scored 41 league goals this season, with Okafor and Lindqvist netting 17 and 12 respectively and the rest of the squad 12.'), []);
});
