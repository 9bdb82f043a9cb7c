import assert from 'node:assert/strict';
import { test } from 'node:test';
import { traceQueryFromText } from '../engine/trace-query.js';
import { compoundKin, DEFAULT_CONTRAST, minimalContrast, type ContrastOptions } from './contrast.js';
import { getLexicon } from './lexicon.js';
import { getWordMeaning } from './meaning.js';
import { getNearness } from './nearness.js';
import { DEFAULT_NEAR, DEFAULT_SIMILARITY, fingerprint, traceScore, type NearOptions } from './similarity.js';

const fp = (text: string) => {
  const query = traceQueryFromText(text);
  return fingerprint(query.text, query.figures, query.masks ?? []);
};
const even = () => 1;

const SAWMILL = 'The closure of the Harlow sawmill will put 640 jobs at risk, the union warned.';
const TEACHERS = 'Some 2,100 teachers in Harlow will strike on Monday over pay, the union said.';

test('a sentence that repeats the claim and puts another thing for one of its things is a minimal contrast', () => {
  const meaning = getWordMeaning();
  const lexicon = getLexicon();
  assert.deepEqual(minimalContrast(fp(SAWMILL), fp('The closure of the Harlow brewery will put 640 jobs at risk, the union warned.'), meaning, lexicon), { word: 'sawmill', with: 'brewery' });
  assert.deepEqual(minimalContrast(fp(TEACHERS), fp('Some 2,100 doctors in Harlow will strike on Monday over pay, the union said.'), meaning, lexicon), { word: 'teachers', with: 'doctors' });
});

test('a minimal contrast scores 0 where the words alone would match it', () => {
  const near: NearOptions = { near: getNearness(), ...DEFAULT_NEAR, meaning: getWordMeaning() };
  const brewery = fp('The closure of the Harlow brewery will put 640 jobs at risk, the union warned.');
  assert.equal(traceScore(fp(SAWMILL), brewery, even, DEFAULT_SIMILARITY, near), 0);
  assert.ok(traceScore(fp(SAWMILL), brewery, even, DEFAULT_SIMILARITY, { ...near, contrast: null }) >= 0.5);
});

test('the contrast is checked only at or above the caller threshold: it can only lower a score to 0', () => {
  const near: NearOptions = { near: getNearness(), ...DEFAULT_NEAR, meaning: getWordMeaning() };
  const brewery = fp('The closure of the Harlow brewery will put 640 jobs at risk, the union warned.');
  const unchecked = traceScore(fp(SAWMILL), brewery, even, DEFAULT_SIMILARITY, { ...near, contrast: null });
  assert.equal(traceScore(fp(SAWMILL), brewery, even, DEFAULT_SIMILARITY, near, unchecked + 0.01), unchecked);
  assert.equal(traceScore(fp(SAWMILL), brewery, even, DEFAULT_SIMILARITY, near, 0.5), 0);
});

test('a retelling in many other words is no minimal contrast, though it puts near words for the query words', () => {
  const meaning = getWordMeaning();
  const lexicon = getLexicon();
  assert.equal(minimalContrast(fp(SAWMILL), fp('Shutting the sawmill in Harlow would leave some 640 people without work, the union said.'), meaning, lexicon), null);
  assert.equal(minimalContrast(fp(TEACHERS), fp('Around 2,100 people who teach in Harlow classrooms plan to walk out on Monday in a dispute about their salaries, according to the union.'), meaning, lexicon), null);
});

test('a compound of the query word is the same thing: a timber mill for a sawmill', () => {
  const lexicon = getLexicon();
  assert.equal(minimalContrast(fp(SAWMILL), fp('The closure of the Harlow timber mill will put 640 jobs at risk, the union warned.'), getWordMeaning(), lexicon), null);
  assert.deepEqual([compoundKin('sawmill', 'mill', lexicon), compoundKin('shipyard', 'shipbuilding', lexicon), compoundKin('sawmill', 'brewery', lexicon), compoundKin('paper', 'papal', lexicon)], [true, true, false, false]);
});

test('a thing is a concrete noun as written: not an abstraction, an adjective, an -ing form or a word read as a verb', () => {
  const lexicon = getLexicon();
  const words = ['sawmill', 'teachers', 'brewery', 'cost', 'plans', 'council', 'former', 'safe', 'building', 'comes'];
  assert.deepEqual(words.map((w) => lexicon.thing(w, 2)), [true, true, true, false, false, false, false, false, false, false]);
  // "nurse" has more verb senses than noun senses: a noun only when verbs may outnumber nouns up to four to one.
  assert.deepEqual([lexicon.thing('nurses', 2), lexicon.thing('nurses', 4)], [false, true]);
});

// The event reading is off by default (see DEFAULT_CONTRAST); these tests read with the calibration's pick.
const EVENTS: ContrastOptions = { ...DEFAULT_CONTRAST, event: { standIn: -1, same: 0.6, light: 10, ownWords: 1, slot: true } };
const ARRESTS = 'Police in Harlow arrested 75 protesters on Saturday, officials said.';
const FLATS = 'Some 900 flats will be built in Harlow by 2031, the council said.';

test('a sentence that repeats the claim and puts another event in the slot of its verb or action noun is a minimal contrast', () => {
  const meaning = getWordMeaning();
  const lexicon = getLexicon();
  assert.deepEqual(minimalContrast(fp(ARRESTS), fp('Police in Harlow released 75 protesters on Saturday, officials said.'), meaning, lexicon, EVENTS), { word: 'arrested', with: 'released' });
  assert.deepEqual(minimalContrast(fp('Some 300 patients in Harlow are waiting for knee surgery, the trust said.'), fp('Some 300 patients in Harlow are waiting for knee physiotherapy, the trust said.'), meaning, lexicon, EVENTS), { word: 'surgery', with: 'physiotherapy' });
});

test('time words are left out of the words an event contrast may change: sold last year against built by 2031', () => {
  assert.deepEqual(minimalContrast(fp(FLATS), fp('Some 900 flats were sold in Harlow last year, the council said.'), getWordMeaning(), getLexicon(), EVENTS), { word: 'built', with: 'sold' });
});

test('the same event in other words, a light verb or a sentence recast around another verb is no event contrast', () => {
  const meaning = getWordMeaning();
  const lexicon = getLexicon();
  const none = [
    [ARRESTS, 'Police in Harlow detained 75 protesters on Saturday, officials said.'],
    [FLATS, 'Some 900 flats will be constructed in Harlow by 2031, the council said.'],
    [FLATS, 'Harlow will get some 900 flats by 2031, the council said.'],
    ['Harlow will lose 640 jobs if the sawmill shuts, the union warned.', 'The shutdown of the sawmill would cost Harlow 640 jobs, the union warned.'],
  ];
  assert.deepEqual(none.map(([a, b]) => minimalContrast(fp(a!), fp(b!), meaning, lexicon, EVENTS)), [null, null, null, null]);
});

test('with the event reading, an event contrast scores 0 where the default contrast (no events) matches it', () => {
  const near: NearOptions = { near: getNearness(), ...DEFAULT_NEAR, meaning: getWordMeaning() };
  const released = fp('Police in Harlow released 75 protesters on Saturday, officials said.');
  assert.equal(traceScore(fp(ARRESTS), released, even, DEFAULT_SIMILARITY, { ...near, contrast: EVENTS }), 0);
  assert.ok(traceScore(fp(ARRESTS), released, even, DEFAULT_SIMILARITY, near) >= 0.5);
});

test('without the event reading a changed verb is no minimal contrast', () => {
  assert.equal(minimalContrast(fp(ARRESTS), fp('Police in Harlow released 75 protesters on Saturday, officials said.'), getWordMeaning(), getLexicon()), null);
});

test('another counted thing right after the same figure is a minimal contrast, though WordNet reads it as no object', () => {
  const meaning = getWordMeaning();
  const lexicon = getLexicon();
  const HOMES = 'Dunmere will get 12,000 new homes before 2030, the planning office said.';
  assert.deepEqual(minimalContrast(fp(HOMES), fp('Dunmere will get 12,000 new parking spaces before 2030, the planning office said.'), meaning, lexicon), { word: 'homes', with: 'spaces' });
  // The same thing counted in another word, or one kind counted two ways after a word both give, is no contrast.
  assert.equal(minimalContrast(fp(HOMES), fp('Dunmere will get 12,000 new dwellings before 2030, the planning office said.'), meaning, lexicon), null);
  assert.equal(minimalContrast(fp('The city will cut 40 bus routes in Ashby next month.'), fp('The city will cut 40 bus services in Ashby next month.'), meaning, lexicon), null);
});
