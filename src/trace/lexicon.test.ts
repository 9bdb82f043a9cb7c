import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { traceQueryFromText } from '../engine/trace-query.js';
import { kindConflict } from './alignment.js';
import { createLexicon, decodeLexicon, encodeLexicon, getLexicon, lemmaCandidates, LEXICON_URL, type LexiconData } from './lexicon.js';
import { getWordMeaning } from './meaning.js';
import { getNearness } from './nearness.js';
import { DEFAULT_NEAR, DEFAULT_SIMILARITY, fingerprint, traceScore, type NearOptions } from './similarity.js';

const fp = (text: string) => {
  const query = traceQueryFromText(text);
  return fingerprint(query.text, query.figures, query.masks ?? []);
};

test('a synset shared is the same thing; a hypernym within the levels is broader or narrower', () => {
  const lexicon = getLexicon();
  assert.deepEqual(
    [lexicon.relation('surgery', 'operation'), lexicon.relation('homes', 'houses'), lexicon.relation('closes', 'shuts'), lexicon.relation('ship', 'vessel'), lexicon.relation('vessel', 'ship'), lexicon.relation('wall', 'barrier')],
    ['same', 'same', 'same', 'narrower', 'broader', 'narrower'],
  );
});

test('a close common hypernym of the first senses and nothing nearer is a sibling: a different thing of the same kind', () => {
  const lexicon = getLexicon();
  assert.equal(lexicon.relation('wall', 'bridge'), 'sibling');
  assert.equal(lexicon.relation('bridge', 'wall'), 'sibling');
  assert.equal(lexicon.relation('jobs', 'workers'), 'unrelated');
  assert.equal(lexicon.relation('tarnholm', 'bridge'), 'unknown');
});

test('inflections are read per part of speech: "armed" is the verb "arm", never the noun', () => {
  assert.ok(lemmaCandidates('nurses', 'n').includes('nurse'));
  assert.ok(lemmaCandidates('stopped', 'v').includes('stop'));
  assert.ok(!lemmaCandidates('armed', 'n').includes('arm'));
  assert.ok(lemmaCandidates('armed', 'v').includes('arm'));
  const lexicon = getLexicon();
  assert.ok(lexicon.senses('armed').every((s) => s >= decodeLexicon(readFileSync(LEXICON_URL)).nounSynsets));
});

test('the table round-trips through its encoding', () => {
  const data: LexiconData = { nounSynsets: 2, hypernyms: [[], [0], []], lemmas: [{ lemma: 'a', synsets: [0] }, { lemma: 'b', synsets: [1, 2] }] };
  assert.deepEqual(decodeLexicon(encodeLexicon(data)), data);
  const withModifiers: LexiconData = { ...data, modifiers: ['a', 'c'] };
  assert.deepEqual(decodeLexicon(encodeLexicon(withModifiers)), withModifiers);
  const lexicon = createLexicon(data, { levels: 1, siblingLevels: 1, minDepth: 0, verbs: false, siblingSenses: 1 });
  assert.equal(lexicon.relation('b', 'a'), 'narrower');
  assert.equal(lexicon.relation('c', 'a'), 'unknown');
});

test('a look-alike that swaps one thing for another of its kind is a conflict; a retelling with a broader word is not', () => {
  const meaning = getWordMeaning();
  const lexicon = getLexicon();
  const query = fp('Tarnholm will spend 120 million on a new flood wall, the council said.');
  assert.deepEqual(kindConflict(query, fp('Tarnholm will spend 120 million on a new bridge, the council said.'), meaning, lexicon), { word: 'wall', with: 'bridge' });
  assert.equal(kindConflict(query, fp('Tarnholm will spend 120 million on a new flood barrier, the council said.'), meaning, lexicon), null);
  const near: NearOptions = { near: getNearness(), ...DEFAULT_NEAR, meaning };
  assert.equal(traceScore(query, fp('Tarnholm will spend 120 million on a new bridge, the council said.'), () => 1, DEFAULT_SIMILARITY, near), 0);
  assert.ok(traceScore(query, fp('Tarnholm will spend 120 million on a new bridge, the council said.'), () => 1, DEFAULT_SIMILARITY, { ...near, lexicon: null }) >= 0.5);
});

test('an event is a verb form or a noun with a sense under WordNet\'s event, and no light verb of many senses', () => {
  const lexicon = getLexicon();
  const words = ['deported', 'sold', 'surgery', 'physiotherapy', 'get', 'make', 'former', 'the'];
  assert.deepEqual(words.map((w) => lexicon.event(w, 10)), [true, true, true, true, false, false, false, false]);
  assert.deepEqual([lexicon.event('get', 10), lexicon.event('get', 1000)], [false, true]);
});
