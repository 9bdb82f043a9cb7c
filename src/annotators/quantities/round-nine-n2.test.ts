// Round 9 of issue 13, hand N2 (t147-t152): scales and units as news from other places writes them. South Asian scale
// words ("Rs 60 crore", "2.5 lakh"), a bare "m" that counts millions of something ("3.4m passengers", "1.2m of the
// total", "reached 2.3m, of which 900,000 ..."), a measure whose unit keeps the sentence's full stop ("1.95m."), and
// "from X to Y" after a verb that lengthens or shortens ("extends the term from four to six years": two figures, no
// range). Every text is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocument } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { createSentenceAnnotator } from '../sentences/index.js';
import { createQuantityAnnotator } from './index.js';

/** [covered text, kind, bound, value, unit] of each quantity. */
const read = (text: string): (string | number | undefined)[][] =>
  [...createPipeline([createSentenceAnnotator(), createQuantityAnnotator()]).run(createDocument(text)).all('quantity')].map((q) => [
    text.slice(q.start, q.end),
    q.quantityKind,
    q.bound,
    q.value,
    q.unit,
  ]);

const CASES: readonly (readonly [string, string, (string | number | undefined)[][]])[] = [
  ['crore after "Rs" is money in tens of millions', 'The state set aside Rs 60 crore for the canal.', [['Rs 60 crore', 'money', 'exact', 600_000_000, '₹']]],
  ['lakh is a hundred thousand', 'Some 2.5 lakh farmers lost crops.', [['Some 2.5 lakh', 'count', 'approx', 250_000, 'farmers']]],
  ['"Rs." with its period is the rupee', 'Tickets cost Rs. 250 each.', [['Rs. 250', 'money', 'exact', 250, '₹']]],
  ['Nordic and Swiss codes before an amount are money', 'It cost SEK 4 billion, kr 300 and CHF 12.', [['SEK 4 billion', 'money', 'exact', 4_000_000_000, 'kr'], ['kr 300', 'money', 'exact', 300, 'kr'], ['CHF 12', 'money', 'exact', 12, 'CHF']]],
  ['Australian, Canadian and Kenyan currency signs before an amount are money', 'It cost A$2.5bn, C$4m and KSh 300.', [['A$2.5bn', 'money', 'exact', 2_500_000_000, 'A$'], ['C$4m', 'money', 'exact', 4_000_000, 'C$'], ['KSh 300', 'money', 'exact', 300, 'KSh']]],
  ['"pc" and "pct" after a number are percent', 'About 40pc backed it and 3.5 pct did not.', [['About 40pc', 'percent', 'approx', 40, '%'], ['3.5 pct', 'percent', 'exact', 3.5, '%']]],
  ['a bare "m" before a plural noun counts millions', 'The airport handled 3.4m passengers.', [['3.4m', 'count', 'exact', 3_400_000, 'passengers']]],
  ['a bare "m" before "of the" counts millions', 'Trains carried 1.2m of the total.', [['1.2m', 'count', 'exact', 1_200_000, 'total']]],
  ['a bare "m" beside a count in hundreds of thousands counts millions', 'Visits reached 2.3m in June, of which 900,000 were online.', [['2.3m', 'count', 'exact', 2_300_000, undefined], ['900,000', 'count', 'exact', 900_000, undefined]]],
  ['a bare "m" in a list opened by "of the total" counts millions', 'Cars made up 4.5m of the total, vans 2.9m and lorries 1.3m.', [['4.5m', 'count', 'exact', 4_500_000, undefined], ['2.9m', 'count', 'exact', 2_900_000, undefined], ['1.3m', 'count', 'exact', 1_300_000, undefined]]],
  ['"from X to Y" after "extends" is two figures', 'The law extends the mayor\'s term from four to six years.', [['four', 'count', 'exact', 4, undefined], ['six years', 'duration', 'exact', 6, 'years']]],
];

for (const [why, text, expected] of CASES) test(why, () => assert.deepEqual(read(text), expected));

const CONTRASTS: readonly (readonly [string, string, (string | number | undefined)[][]])[] = [
  ['"PCs" after a number are counted computers', 'The school bought 30 PCs.', [['30', 'count', 'exact', 30, 'PCs']]],
  ['a currency code apart from its number is no money', 'The SEK desk counted 40 notes.', [['40', 'count', 'exact', 40, 'notes']]],
  ['a bare "m" before a singular noun stays metres', 'They built a 40m tower.', [['40m', 'other', 'exact', 40, 'm']]],
  ['a bare "m" before an adjective stays metres', 'The wall is 2.6m high.', [['2.6m', 'other', 'exact', 2.6, 'm']]],
  ['a bare "m" of a singular thing stays metres', 'Storms tore down 3m of the old fence.', [['3m', 'other', 'exact', 3, 'm']]],
  ['a sprint event stays metres', 'She won the 400m hurdles.', [['400m', 'other', 'exact', 400, 'm']]],
  ['a measure that keeps the full stop stays a measure', 'She cleared 1.95m.', [['1.95m', 'other', 'exact', 1.95, 'm']]],
  ['"from X to Y" after "ranged" stays a range', 'Terms ranged from four to six years.', [['from four to six years', 'duration', 'range', 4, 'years']]],
];

for (const [why, text, expected] of CONTRASTS) test(why, () => assert.deepEqual(read(text), expected));
