import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocument } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { createSentenceAnnotator } from '../sentences/index.js';
import { createTechniqueAnnotator, type TechniqueOptions } from './index.js';

/** Runs the rule finder alone unless the options bring models (the trained path has its own tests below). */
const run = (text: string, options: TechniqueOptions = {}) =>
  createPipeline([createSentenceAnnotator(), createTechniqueAnnotator({ spanTagger: null, ...options })]).run(createDocument(text));

/** [technique, start, end, covered text] of every technique span. */
const spans = (text: string, options?: TechniqueOptions) => {
  const doc = run(text, options);
  return doc.all('technique').map((t) => [t.technique, t.start, t.end, doc.slice(t)]);
};

test('each lexicon class marks its phrase, not the whole sentence', () => {
  const table: [string, (string | number)[][]][] = [
    ['The council made a devastating cut.', [['Loaded_Language', 19, 30, 'devastating']]],
    ['Gangs of thugs roamed the quay.', [['Name_Calling,Labeling', 9, 14, 'thugs']]],
    ['They fought for our country at sea.', [['Flag-Waving', 12, 27, 'for our country']]],
    ['A deadly gas leaked near the pier.', [['Appeal_to_fear-prejudice', 2, 8, 'deadly']]],
    ['The so-called audit took a day.', [['Doubt', 4, 13, 'so-called']]],
    ['It was the largest ever catch.', [['Exaggeration,Minimisation', 7, 23, 'the largest ever']]],
    ['The levy stays, end of story.', [['Thought-terminating_Cliches', 16, 28, 'end of story']]],
    ['But what about the old mayor?', [['Whataboutism,Straw_Men,Red_Herring', 0, 14, 'But what about']]],
    ['There is no alternative to the plan.', [['Black-and-White_Fallacy', 0, 23, 'There is no alternative']]],
    ['Everyone knows the pier is unsafe.', [['Bandwagon,Reductio_ad_hitlerum', 0, 14, 'Everyone knows']]],
    ['The storm was the sole reason for the loss.', [['Causal_Oversimplification', 14, 29, 'the sole reason']]],
    ['Experts agree the dune will move.', [['Appeal_to_Authority', 0, 13, 'Experts agree']]],
    ['The crowd chanted enough is enough outside.', [['Slogans', 18, 34, 'enough is enough']]],
  ];
  for (const [text, expected] of table) assert.deepEqual(spans(text), expected, text);
});

test('the longest lexicon phrase wins', () => {
  assert.deepEqual(spans('The puppet regime fell.'), [['Name_Calling,Labeling', 4, 17, 'puppet regime']]);
});

test('curly apostrophes match phrases written with straight ones', () => {
  assert.deepEqual(spans('There’s no alternative, said the clerk.'), [['Black-and-White_Fallacy', 0, 22, 'There’s no alternative']]);
});

test('a gapped pattern spans from its first phrase to its second and absorbs the lexicon hit inside', () => {
  assert.deepEqual(spans('The new clerk is no better than the Nazis.'), [
    ['Bandwagon,Reductio_ad_hitlerum', 17, 41, 'no better than the Nazis'],
  ]);
});

test('an either/or put to the reader is a black-and-white fallacy', () => {
  assert.deepEqual(spans('You are either for the pier or for the mall.'), [
    ['Black-and-White_Fallacy', 0, 30, 'You are either for the pier or'],
  ]);
});

test('a predicted harm is an appeal to fear, and a gap never crosses a sentence end', () => {
  assert.deepEqual(spans('The leak will lead to mass deaths.'), [['Appeal_to_fear-prejudice', 9, 33, 'will lead to mass deaths']]);
  assert.deepEqual(spans('The leak will lead to repairs. Deaths fell.'), []);
});

test('hashtags and runs of capitals are slogans, an all-capitals headline is not', () => {
  assert.deepEqual(spans('HARBOUR BUDGET ROW\n\nProtesters held signs: SAVE OUR PIER and #NoToTheMall.'), [
    ['Slogans', 43, 56, 'SAVE OUR PIER'],
    ['Slogans', 61, 73, '#NoToTheMall'],
  ]);
});

test('with repeatedPhrases on, a content phrase repeated three times is marked at every occurrence, twice is not', () => {
  const three = 'The ferry levy rose. Critics hate the ferry levy. The ferry levy stays.';
  assert.deepEqual(spans(three, { repeatedPhrases: true }), [
    ['Repetition', 4, 14, 'ferry levy'],
    ['Repetition', 38, 48, 'ferry levy'],
    ['Repetition', 54, 64, 'ferry levy'],
  ]);
  assert.deepEqual(spans('The ferry levy rose. Critics hate the ferry levy.', { repeatedPhrases: true }), []);
  assert.deepEqual(spans(three), [], 'off by default: repeated topic phrases are not propaganda');
});

test('a loaded word used twice is also marked as repetition', () => {
  assert.deepEqual(spans('A vicious storm hit. The vicious wind stayed.'), [
    ['Loaded_Language', 2, 9, 'vicious'],
    ['Repetition', 2, 9, 'vicious'],
    ['Loaded_Language', 25, 32, 'vicious'],
    ['Repetition', 25, 32, 'vicious'],
  ]);
});

test('evidence names the lexicon entry and its reason', () => {
  const [technique] = run('Gangs of thugs roamed the quay.').all('technique');
  assert.equal(technique?.evidence, 'name.people: insulting or stigmatising labels for people');
  assert.equal(technique?.score, 0.65);
});

test('minScore drops low-precision hits such as "never"', () => {
  assert.deepEqual(spans('The ferry never runs late.'), [['Exaggeration,Minimisation', 10, 15, 'never']]);
  assert.deepEqual(spans('The ferry never runs late.', { minScore: 0.5 }), []);
});

test('the trained span finder adds labelled spans with a score and the features behind them', () => {
  const text = [
    'The corrupt, spineless cowards in the harbour office betrayed every honest family in Vellmar.',
    'These traitors will destroy our town unless we rise up and stop them now!',
  ].join('\n');
  const doc = run(text, { spanTagger: undefined, classifier: undefined });
  const model = doc.all('technique').filter((t) => t.evidence.startsWith('model:'));
  assert.ok(model.length > 0, 'the model finds at least one span');
  for (const t of model) {
    assert.ok(t.score > 0 && t.score <= 1, `score ${t.score} is a probability`);
    assert.match(t.evidence, /^model: span 0\.\d\d, \S+ 0\.\d\d \(.+\)$/);
  }
});

test('the models add nothing where the rules alone are asked for', () => {
  const text = 'These traitors will destroy our town unless we rise up and stop them now!';
  assert.ok(run(text).all('technique').every((t) => !t.evidence.startsWith('model:')));
});
