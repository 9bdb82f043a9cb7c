import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../nlp/tokens.js';
import { annotate, views } from '../test-helpers.js';
import { groupSpans, LABELS, type RoleSpan } from './spans.js';
import { defaultAttributionTagger, tagAttributions } from './tagger.js';

const shipped = { tagger: undefined };

/** The tagger's own attributions (before the rules and the sourcing policy) as words. */
function tagged(text: string): string[][] {
  const a = analyzeText(text);
  const { attributions } = tagAttributions(defaultAttributionTagger(), { tokens: a.tokens, paragraphs: a.paragraphs, sentences: a.paragraphs, ruleRoles: new Uint8Array(a.tokens.length) });
  const words = (s?: { first: number; end: number }) => (s ? text.slice(a.tokens[s.first]!.start, a.tokens[s.end - 1]!.end) : '-');
  return attributions.map((t) => [words(t.source), words(t.cue), words(t.content)]);
}

const span = (role: RoleSpan['role'], from: number, to: number): RoleSpan => ({ role, from, to, first: from, end: to });

test('a source joins the nearest cue of its own sentence, content the nearest cue anywhere in the paragraph', () => {
  // positions 0-1 source, 2 cue, 3-6 content (sentence 0); 8 cue, 9-12 content (sentence 1)
  const spans = [span('S', 0, 2), span('C', 2, 3), span('T', 3, 7), span('C', 8, 9), span('T', 9, 13)];
  const groups = groupSpans(spans, (k) => (k < 8 ? 0 : 1));
  assert.deepEqual(
    groups.map((g) => [g.source?.from, g.cue.from, g.content?.from]),
    [
      [0, 2, 3],
      [undefined, 8, 9],
    ],
  );
});

test('the committed model carries its labels, seed and induced cue lemmas', () => {
  const tagger = defaultAttributionTagger();
  assert.deepEqual(tagger.model.labels, LABELS);
  assert.equal(typeof tagger.meta.seed, 'number');
  assert.ok(tagger.cueLemmas.has('say') && tagger.cueLemmas.has('tell'));
  assert.ok(!tagger.cueLemmas.has('harbour'));
});

test('the tagger finds an appeal the rules have no cue for ("urged")', () => {
  const text = 'Council leader Ana Brisk urged residents to stay calm as the storm approached.';
  assert.deepEqual(views(annotate(text)), []);
  assert.deepEqual(views(annotate(text, [], shipped)), [{ source: 'Council leader Ana Brisk', cue: 'urged', content: 'residents to stay calm as the storm approached', grade: 'named', hedged: false }]);
});

test('the tagger finds an indirect question ("asked whether") with a vague plural source', () => {
  const [found] = views(annotate('Harbour workers asked whether the ferry contract would be renewed.', [], shipped));
  assert.deepEqual(found, { source: 'Harbour workers', cue: 'asked', content: 'whether the ferry contract would be renewed', grade: 'vague', hedged: false });
});

test('a hedged verb found only by the tagger keeps its hedge ("alleged")', () => {
  const [found] = views(annotate('Anya Koval alleged that the harbour master took bribes.', [['Anya Koval', 'person']], shipped));
  assert.deepEqual([found?.cue, found?.grade, found?.hedged], ['alleged', 'named', true]);
});

test('the writer or the reader proposed as a source by the tagger is refused', () => {
  const text = 'We believe that the port was sold in secret.';
  assert.deepEqual(tagged(text), [['We', 'believe', 'that the port was sold in secret']]);
  assert.deepEqual(views(annotate(text, [], shipped)), []);
});

test('where the rules found the cue, their attribution stands unchanged', () => {
  const text = 'According to the Vellmar Courier, the ferry will stop running in May.';
  assert.deepEqual(views(annotate(text, [['Vellmar Courier', 'outlet']], shipped)), views(annotate(text, [['Vellmar Courier', 'outlet']])));
});

test('nobody or everybody proposed as a source by the tagger is refused', () => {
  // The retrained model of round 4 no longer proposes "nobody" in "... that nobody seems able to explain".
  const text = 'There are 3,000 containers on the quays, and nobody seems to know why.';
  assert.ok(tagged(text).some(([source]) => source === 'nobody'), JSON.stringify(tagged(text)));
  assert.deepEqual(views(annotate(text, [], shipped)), []);
});
