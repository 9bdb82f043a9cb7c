import { test } from 'node:test';
import assert from 'node:assert/strict';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { getWink, WINK_PIPE } from './wink.js';

// The pipe is cut to what claimtrace reads; what it reads must be what the full default pipe gives.
const TEXT = [
  'The ministry said on Tuesday that at least 1,240 people were not evacuated, though officials disputed it.',
  "Dr. Ana Ruiz, a spokeswoman for the port, told reporters: \"We won't comment.\" She didn't say more!",
  'Prices rose 14% in the U.S. last year; e-mail @someone #news https://example.org/x?y=1 never arrived.',
].join('\n\n');

function reading(nlp: ReturnType<typeof winkNLP>): string {
  const doc = nlp.readDoc(TEXT);
  const its = nlp.its;
  const spans: unknown[] = [];
  doc.sentences().each((s: { out(f: unknown): unknown }) => spans.push(s.out(its.span)));
  return JSON.stringify([doc.tokens().out(), doc.tokens().out(its.pos), doc.tokens().out(its.type), doc.tokens().out(its.lemma as never), spans]);
}

test('the cut wink pipe reads tokens, parts of speech, lemmas and sentences as the default pipe does', () => {
  assert.deepEqual([...WINK_PIPE], ['sbd', 'pos']);
  const full = winkNLP(model);
  assert.equal(reading(getWink()), reading(full));
  assert.ok(getWink().readDoc(TEXT).sentences().length() >= 4);
});

test('a text is tokenised the same whatever the process read before it', async () => {
  const { analyzeText } = await import('./tokens.js');
  const later = "She left after a year's service. Losses reached 4bn in all.";
  const tokensOf = (text: string) => analyzeText(text).tokens.map((t) => `${t.text}/${t.pos}`);
  const alone = tokensOf(later);
  // wink keeps "year's" whole before a full stop, and "4bn" whole before a comma; its cache then knew them as words.
  tokensOf("Output fell below last year's. Losses reached 4bn, the ministry said.");
  assert.deepEqual(tokensOf(later), alone);
  assert.ok(alone.includes('year/NOUN') && alone.includes("'s/PART"), alone.join(' '));
  assert.ok(alone.includes('4/NUM'), alone.join(' '));
});
