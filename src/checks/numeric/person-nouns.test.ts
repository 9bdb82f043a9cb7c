// Counts of persons named by nouns the hand-written lists and endings miss ("paramedics", "lifeguards") are parts of a
// count of people, by WordNet's nouns for persons (person-nouns.json); nouns WordNet also gives for things ("wards",
// "vouchers", "harvesters") are not. Each text is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';
import personNouns from './person-nouns.json' with { type: 'json' };

test('a colon list of persons named by WordNet nouns parts a count of people', () => {
  assert.deepEqual(brief('The prefecture deployed 310 people: 140 firefighters, 95 officers, 62 paramedics and 33 volunteers.'), [['total-unsupported', '310']]);
  assert.deepEqual(brief('The beach had 120 staff: 70 lifeguards, 30 paramedics and 32 stewards.'), [['total-unsupported', '120']]);
  assert.deepEqual(brief('The prefecture deployed 330 people: 140 firefighters, 95 officers, 62 paramedics and 33 volunteers.'), []);
});

test('things WordNet also names as persons are no persons', () => {
  for (const word of ['ward', 'carrier', 'harvester', 'trawler', 'tipper', 'monitor', 'general', 'have']) assert.ok(!personNouns.words.includes(word), word);
  for (const word of ['paramedic', 'firefighter', 'lifeguard', 'passenger', 'pensioner']) assert.ok(personNouns.words.includes(word), word);
  assert.deepEqual(brief('The hospital has 300 patients: 120 wards, 90 beds and 100 nurses.'), []);
});
