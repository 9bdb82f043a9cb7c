import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passiveSubject, withPassiveComplement, withPassiveSubject } from './polnear-passives.js';

const at = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
const show = (text: string) => (r: { start: number; end: number } | undefined) => r && text.slice(r.start, r.end);

test('the subject of a passive cue is the first fragment of the content after it', () => {
  const text = 'The night ferry is widely expected to resume in May.';
  const content = withPassiveSubject(text, at(text, 'is widely expected'), [at(text, 'to resume in May')], 0);
  assert.deepEqual(content.map(show(text)), ['The night ferry', 'to resume in May']);
});

test('the subject starts after an opening phrase or a conjunction, or is the relative pronoun before the cue', () => {
  const text = 'With the pier closed, the harbour master was criticized for the delay, and the mayor, who was persuaded to wait, stayed silent.';
  assert.equal(show(text)(passiveSubject(text, at(text, 'was criticized'), 0)), 'the harbour master');
  assert.equal(show(text)(passiveSubject(text, at(text, 'was persuaded'), 0)), 'who');
});

test('no subject for an active cue, a passive of asking or telling, "it" or a content before the cue', () => {
  const text = 'Ana Ruiz was asked whether the pier is safe. It is expected to reopen. Tom Berg argued it would close.';
  assert.equal(passiveSubject(text, at(text, 'was asked'), 0), undefined);
  assert.equal(passiveSubject(text, at(text, 'is expected'), text.indexOf('It')), undefined);
  assert.equal(passiveSubject(text, at(text, 'argued'), text.indexOf('Tom')), undefined);
  const quote = '“The pier is safe,” was heard in the hall.';
  assert.deepEqual(withPassiveSubject(quote, at(quote, 'was heard'), [at(quote, '“The pier is safe,”')], 0), [at(quote, '“The pier is safe,”')]);
});

test('a raising verb without a source has its subject as the first fragment too', () => {
  const text = 'The new timetable seemed to calm the commuters.';
  const content = withPassiveSubject(text, at(text, 'seemed'), [at(text, 'to calm the commuters')], 0);
  assert.deepEqual(content.map(show(text)), ['The new timetable', 'to calm the commuters']);
});

test('a content that is only the subject of a passive takes the complement after the cue up to a comma', () => {
  const text = 'Ana Ruiz was declared the winner in the harbour ward, and the count ended. The pier was closed.';
  const content = withPassiveComplement(text, at(text, 'was declared'), [at(text, 'Ana Ruiz')], text.indexOf(' The pier'));
  assert.deepEqual(content.map(show(text)), ['Ana Ruiz', 'the winner in the harbour ward']);
  const closed = withPassiveComplement(text, at(text, 'was closed'), [at(text, 'The pier')], text.length);
  assert.deepEqual(closed.map(show(text)), ['The pier']);
});
