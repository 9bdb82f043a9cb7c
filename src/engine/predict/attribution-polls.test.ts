import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pollOpenings } from './attribution-polls.js';

const words = (text: string) => (r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);
const sentencesOf = (text: string) => [...text.matchAll(/[^.]+\.\s*/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));

test('a sentence opening with "In <a poll>," is the poll\'s attribution: the poll, "In", the clause to the sentence end', () => {
  const text = 'The ferry runs again. In a harbour survey released Monday, 61 percent of residents backed the pier. Nobody objected.';
  const w = words(text);
  assert.deepEqual(pollOpenings(text, sentencesOf(text), []).map((a) => [w(a.source), w(a.cue), w(a.content)]), [['a harbour survey released Monday', 'In', '61 percent of residents backed the pier']]);
});

test('"in the polls" inside a sentence, an opening without a poll and a poll another attribution touches are not written', () => {
  const text = 'Berg leads in the polls, by far. In the harbour, boats wait. In the latest poll, Berg leads.';
  const poll = text.indexOf('the latest poll');
  assert.deepEqual(pollOpenings(text, sentencesOf(text), [{ start: poll, end: poll + 3 }]), []);
});
