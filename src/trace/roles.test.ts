import assert from 'node:assert/strict';
import { test } from 'node:test';
import { traceQueryFromText } from '../engine/trace-query.js';
import { DEFAULT_CONTRAST } from './contrast.js';
import { getLexicon } from './lexicon.js';
import { getWordMeaning } from './meaning.js';
import { getNearness } from './nearness.js';
import { markedVerb, roleSwap, roleWords, rolesAround } from './roles.js';
import { DEFAULT_NEAR, DEFAULT_SIMILARITY, fingerprint, traceScore, type NearOptions } from './similarity.js';

const fp = (text: string) => {
  const query = traceQueryFromText(text);
  return fingerprint(query.text, query.figures, query.masks ?? [], { roles: true });
};
const even = () => 1;
const ORDER = 'Brenmark Rail will buy 40 trains from Ostwald Works, the company said.';

test('two parties that change places around the same verb are a role swap', () => {
  assert.deepEqual(roleSwap(fp(ORDER), fp('Ostwald Works will buy 40 trains from Brenmark Rail, the company said.'), getLexicon()), { verb: 'buy', doer: 'brenmark', other: 'ostwald' });
});

test('a passive recast keeps who does what: the doer follows "by"', () => {
  const active = fp('Customs officers in Harlow inspected 900 lorries, the ministry said.');
  assert.equal(roleSwap(active, fp('According to the ministry, 900 lorries were inspected by customs officers in Harlow.'), getLexicon()), null);
  assert.deepEqual(roleSwap(active, fp('Customs officers in Harlow were inspected by 900 lorries, the ministry said.'), getLexicon())?.verb, 'inspected');
});

test('the roles around a passive verb: the words before it are acted on, the words after "by" act', () => {
  const words = roleWords('900 lorries were inspected by customs officers', [{ start: 0, end: 3 }]);
  assert.deepEqual(words, ['lorries', 'were', 'inspected', 'by', 'customs', 'officers']);
  const roles = rolesAround(words, 2);
  assert.deepEqual([[...roles!.doer], [...roles!.rest]], [['custom', 'officer'], ['lorry']]);
});

test('a word is read as a verb only when written as one: a participle, or after an auxiliary or "to"', () => {
  const words = roleWords('surgery waiting lists have grown while patients are waiting to buy time');
  assert.deepEqual(words.map((_, i) => markedVerb(words, i)), [false, false, false, false, true, false, false, false, true, false, true, false]);
  // A nominalisation says nothing of roles.
  assert.equal(rolesAround(roleWords('the monitoring of fighters by agencies'), 1), null);
});

test('with the roles read, a role swap scores 0 where the words alone would match it; they are off by default', () => {
  // By default a fingerprint does not keep its words in order, so no roles can be read from it.
  const plain = fingerprint('Ostwald Works will buy 40 trains.', []);
  assert.equal(plain.roleWords, undefined);
  const near: NearOptions = { near: getNearness(), ...DEFAULT_NEAR, meaning: getWordMeaning() };
  const roles: NearOptions = { ...near, contrast: { ...DEFAULT_CONTRAST, roles: true } };
  const swapped = fp('Ostwald Works will buy 40 trains from Brenmark Rail, the company said.');
  assert.equal(traceScore(fp(ORDER), swapped, even, DEFAULT_SIMILARITY, roles), 0);
  assert.ok(traceScore(fp(ORDER), swapped, even, DEFAULT_SIMILARITY, near) >= 0.5);
  assert.ok(traceScore(fp(ORDER), fp('Some 40 trains from Ostwald Works will be bought by Brenmark Rail, the company said.'), even, DEFAULT_SIMILARITY, roles) >= 0.5);
});
