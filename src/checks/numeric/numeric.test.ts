import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../core/annotations.js';
import { createDocument } from '../../core/document.js';
import { ClaimtraceError } from '../../core/errors.js';
import { createPipeline } from '../../core/pipeline.js';
import { createQuantityAnnotator } from '../../annotators/quantities/index.js';
import { createSentenceAnnotator } from '../../annotators/sentences/index.js';
import { createNumericCheck } from './index.js';

const check = (text: string): Finding[] =>
  [...createPipeline([createSentenceAnnotator(), createQuantityAnnotator(), createNumericCheck()]).run(createDocument(text)).findings];

const brief = (text: string) => check(text).map((f) => [f.rule, text.slice(f.start, f.end), f.annotationIds.join(' ')]);

const HARBOUR =
  'The coast guard has been watching some 3,000 former smugglers for years. In Sandholm, there are at least 2,500 of such people, ' +
  'while Eastby hosts some 1,200 Salafists on top of up to 6,000 former radical smugglers. ' +
  'It means that there are at least some 12,000 people with a smuggling past living in those three towns alone.';

test('a lower-bound total built from an upper-bound part is flagged total-unsupported', () => {
  const [finding, ...rest] = check(HARBOUR);
  assert.equal(rest.length, 0);
  assert.deepEqual(
    { ...finding, message: undefined },
    { rule: 'total-unsupported', severity: 'warning', message: undefined, start: 239, end: 259, annotationIds: ['q5', 'q1', 'q2', 'q3', 'q4'] },
  );
  assert.equal(HARBOUR.slice(239, 259), 'at least some 12,000');
  assert.equal(
    finding?.message,
    '"at least some 12,000" people is a lower bound of 12,000, but the figures before it guarantee only 6,700 (3,000 + 2,500 + 1,200 + 0). ' +
      '"up to 6,000" smugglers is an upper bound and adds 0 to a lower bound: a lower-bound total built from an upper-bound part. ' +
      'The stated figures reach 12,700 only by counting the upper bound as if it were certain.',
  );
});

test('a lower-bound total that its parts guarantee is not flagged', () => {
  const text = 'Norrvik has 400 fishermen. Sandholm has at least 350 sailors and Eastby 250 dockers. In total, at least 1,000 people work the water.';
  assert.deepEqual(brief(text), []);
});

test('an exact total that differs from the sum of its parts is a sum mismatch', () => {
  const text = 'The ferry carried 400 passengers in May and 350 passengers in June. Altogether 800 passengers were counted.';
  const findings = check(text);
  assert.deepEqual(brief(text), [['total-unsupported', '800', 'q3 q1 q2']]);
  assert.equal(findings[0]?.message, 'Sum mismatch: "800" passengers allows 800, but the figures before it add up to 750 (400 + 350).');
});

test('an exact total that equals the sum of its parts is not flagged', () => {
  assert.deepEqual(brief('The ferry carried 400 passengers in May and 350 passengers in June. In total, 750 passengers used it.'), []);
});

test('an approximate total within its tolerance of the sum is not flagged', () => {
  assert.deepEqual(brief('The ferry carried 400 passengers in May and 350 passengers in June. Altogether about 800 passengers used it.'), []);
});

test('an upper-bound total that its parts already exceed is flagged', () => {
  const text = 'The clinic treated 300 patients in spring and 250 patients in summer. That makes no more than 500 patients this year.';
  assert.deepEqual(brief(text), [['total-unsupported', 'no more than 500', 'q3 q1 q2']]);
});

test('"together with" joins names and is not a total cue', () => {
  assert.deepEqual(brief('The ferry carried 400 passengers in May and 350 passengers in June, together with 900 passengers of the old line.'), []);
});

test('parts counted in an unrelated unit are not summed into a total of people', () => {
  assert.deepEqual(brief('The port owns 400 boats and 350 cranes. In total, 5,000 people work there.'), []);
});

test('shares of one whole adding up to over 100% in one sentence are flagged', () => {
  const text = 'In the harbour vote, 52% backed the plan, 41% opposed it and 11% abstained.';
  const findings = check(text);
  assert.deepEqual(brief(text), [['percentage-over-100', '52% backed the plan, 41% opposed it and 11%', 'q1 q2 q3']]);
  assert.equal(findings[0]?.message, 'Shares of one whole in one sentence add up to 104% (52% + 41% + 11%), more than 100%: "52%", "41%", "11%".');
});

test('shares of several breakdowns of one group are not summed', () => {
  assert.deepEqual(brief('Of the new pilots, 77% were over 30, 65% were women and 40% were hired abroad.'), []);
});

test('a single share over 100% of a whole is flagged', () => {
  assert.deepEqual(brief('Turnout reached 130% of registered voters in one ward.'), [['percentage-over-100', '130%', 'q1']]);
});

test('shares of different wholes and changes in percent are not summed', () => {
  assert.deepEqual(brief('About 45% of men and 60% of women agreed, and support rose from 40% to 75%.'), []);
});

test('a range whose low end exceeds its high end is flagged range-inverted', () => {
  const text = 'Between 50 and 20 nurses quit last spring.';
  const findings = check(text);
  assert.deepEqual(brief(text), [['range-inverted', 'Between 50 and 20', 'q1']]);
  assert.equal(findings[0]?.message, '"Between 50 and 20" is a range whose low end (50) exceeds its high end (20).');
});

test('a range of two negative figures is written from either end and is never inverted', () => {
  assert.deepEqual(brief('The vaccine must be stored at between -60 and -80 degrees C.'), []);
  assert.deepEqual(brief('Temperatures fell to between -5 and -15 degrees overnight.'), []);
  assert.deepEqual(brief('Losses were between 80 and 60 million.').map((f) => f[0]), ['range-inverted']);
});

test('a fall "from 50 to 20" is a change, not an inverted range', () => {
  assert.deepEqual(brief('The crew fell from 50 to 20 sailors.'), []);
});

test('the same count stated twice with intervals that do not overlap is flagged quantity-restated', () => {
  const text = 'Last year 1,200 nurses left the county health service. Later the union said more than 1,500 nurses left the county health service.';
  const findings = check(text);
  assert.deepEqual(brief(text), [['quantity-restated', 'more than 1,500', 'q1 q2']]);
  assert.equal(findings[0]?.severity, 'info');
  assert.equal(
    findings[0]?.message,
    '"more than 1,500" nurses restates "1,200" nurses (both about: leave, county, health, service), but the figures do not overlap: 1,200 against 1,500 or more.',
  );
});

test('counts of the same unit in sentences about different years are not restatements', () => {
  assert.deepEqual(brief('In 2019, 1,200 nurses left the county health service. In 2021, 1,500 nurses left the county health service.'), []);
});

test('counts that share fewer than two content words are not restatements', () => {
  assert.deepEqual(brief('Some 1,200 nurses left the service. Around 3,000 nurses marched through the capital.'), []);
});

test('a negative share tolerance is refused', () => {
  assert.throws(() => createNumericCheck({ shareTolerance: -1 }), (err) => err instanceof ClaimtraceError && err.code === 'E_OPTION_INVALID');
});

/** [rule, covered text, start, end, annotation ids, message] of each finding. */
const full = (text: string) => check(text).map((f) => [f.rule, text.slice(f.start, f.end), f.start, f.end, f.annotationIds.join(' '), f.message]);

test('a total before its parts, across a colon, carries its unit to the bare parts', () => {
  const text = 'A total of 50 people were hurt: 20 in the first blast and 40 in the second.';
  assert.deepEqual(full(text), [
    ['total-unsupported', '50', 11, 13, 'q1 q2 q3', 'Sum mismatch: "50" people allows 50, but the figures after it add up to 60 (20 + 40).'],
  ]);
});

test('shares of one whole without repeating it add up to over 100%', () => {
  const text = '60 percent of voters backed Smith, 45 percent backed Jones and 10 percent were undecided.';
  assert.deepEqual(full(text), [
    [
      'percentage-over-100', '60 percent of voters backed Smith, 45 percent backed Jones and 10 percent', 0, 73, 'q1 q2 q3',
      'Shares of one whole in one sentence add up to 115% (60% + 45% + 10%), more than 100%: "60 percent", "45 percent", "10 percent".',
    ],
  ]);
});

test('a budget split into parts carries its scale word to the bare parts', () => {
  const text = 'The budget of 48 billion splits into 21 billion for health, 15 for schools, 9 for roads and 5 for defence.';
  assert.deepEqual(full(text), [
    [
      'total-unsupported', '48 billion', 14, 24, 'q1 q2 q3 q4 q5',
      'Sum mismatch: "48 billion" allows 48 billion, but the figures after it add up to 50 billion (21 billion + 15 billion + 9 billion + 5 billion).',
    ],
  ]);
});

test('a figure followed by a colon list of places is a total of its parts', () => {
  const text = 'Cases rose to 1,240 last year: 610 in the north, 380 in the south and 190 in the east.';
  assert.deepEqual(full(text), [
    ['total-unsupported', '1,240', 14, 19, 'q1 q2 q3 q4', 'Sum mismatch: "1,240" allows 1,240, but the figures after it add up to 1,180 (610 + 380 + 190).'],
  ]);
});

test('a list in the next sentence that exceeds a total with a total cue is flagged', () => {
  const text = 'A total of 5,000 people work there. 3,000 work in the north and 2,500 in the south.';
  assert.deepEqual(full(text), [
    ['total-unsupported', '5,000', 11, 16, 'q1 q2 q3', 'Parts exceed the whole: "5,000" people allows 5,000, but the parts listed within it already add up to 5,500 (3,000 + 2,500).'],
  ]);
});

test('a sum of money split into parts carries its currency and scale', () => {
  const text = 'The fund of $10 billion is split into $6 billion for roads and 5 for rail.';
  assert.deepEqual(full(text), [
    ['total-unsupported', '$10 billion', 12, 23, 'q1 q2 q3', 'Sum mismatch: "$10 billion" allows 10 billion, but the figures after it add up to 11 billion (6 billion + 5 billion).'],
  ]);
});

test('"including" parts that exceed their total are flagged', () => {
  const text = 'Police detained 30 people on Friday, including 22 women and 10 men.';
  assert.deepEqual(full(text), [
    ['total-unsupported', '30', 16, 18, 'q1 q2 q3', 'Parts exceed the whole: "30" people allows 30, but the parts listed within it already add up to 32 (22 + 10).'],
  ]);
});

test('"of whom" parts that exceed their total are flagged', () => {
  const text = 'Police detained 40 people, of whom 25 were released and 20 charged.';
  assert.deepEqual(full(text), [
    ['total-unsupported', '40', 16, 18, 'q1 q2 q3', 'Parts exceed the whole: "40" people allows 40, but the parts listed within it already add up to 45 (25 + 20).'],
  ]);
});

test('parts of a fronted whole with "the rest" that exceed it are flagged', () => {
  const text = 'Of the 300 passengers, 220 were British, 90 French and the rest German.';
  assert.deepEqual(full(text), [
    ['total-unsupported', '300', 7, 10, 'q1 q2 q3', 'Parts exceed the whole: "300" passengers allows 300, but the parts listed within it already add up to 310 (220 + 90).'],
  ]);
});

for (const [why, text] of [
  ['a total before parts that add up to it', 'A total of 60 people were hurt: 20 in the first blast and 40 in the second.'],
  ['a split budget whose parts add up to it', 'The budget of 50 billion splits into 21 billion for health, 15 for schools, 9 for roads and 5 for defence.'],
  ['a colon list that adds up', 'Cases rose to 1,180 last year: 610 in the north, 380 in the south and 190 in the east.'],
  ['"including" parts that add up to less than the total (a subset)', 'Police detained 30 people on Friday, including 12 women and 10 men.'],
  ['"of whom" parts that add up to less than the total', 'Police detained 40 people, of whom 15 were released and 20 charged.'],
  ['"of whom" groups that each have their own verb and may overlap', 'Police detained 40 people, of whom 25 were released and 20 were charged.'],
  ['a fronted whole with "the rest"', 'Of the 300 passengers, 120 were British, 90 French and the rest German.'],
  ['breakdowns of one group that may overlap', 'Of the 300 passengers, 120 were women and 200 were over 60.'],
  ['parts counted in another unit than the total', 'The city has 3 plans: 200 homes in the north and 300 in the south.'],
  ['a ratio to a baseline', 'Exports rose to 120 percent of the 2019 level.'],
  ['a ratio to output', 'Public debt stands at 110% of GDP.'],
  ['changes in percent', 'Sales were up 14 percent and costs rose 9 percent, while 60 percent of shops were open.'],
  ['shares answering several questions', '60% of voters backed the tax and 70% of voters backed the ban.'],
  ['shares of one group describing it several ways', 'In the poll, 40% of voters were women, 65% were over 50 and 30% were students.'],
  ['ages, times, dates, road numbers, ordinals and list counts', 'A 45-year-old man was hurt at 9 pm on 4 May on Route 9, near Highway 101 in the 3rd district; Ohio, Iowa and Utah sent crews, and those three states paid 40 workers.'],
] as const) {
  test(`no numeric finding for ${why}`, () => {
    assert.deepEqual(brief(text), []);
  });
}

test('parts before a total cue in the same sentence are summed into it', () => {
  const text = 'Rioters damaged 31 shops in Kell, 12 in Dorn and 9 in Vass, 47 in all.';
  assert.deepEqual(full(text), [
    ['total-unsupported', '47', 60, 62, 'q4 q1 q2 q3', 'Sum mismatch: "47" allows 47, but the figures before it add up to 52 (31 + 12 + 9).'],
  ]);
});

test('"Of these," in the next sentence lists parts within the last figure of the sentence before', () => {
  const text = 'The range held 310 glaciers. Of these, 188 are retreating fast, 97 retreating slowly and 41 stable.';
  assert.deepEqual(brief(text), [['total-unsupported', '310', 'q1 q2 q3 q4']]);
});

test('a list split by semicolons in the next sentence may not exceed the total before it', () => {
  const text = 'The fair raised 64,000 pounds for charity. The hospice received 30,000 pounds; the food bank 22,000; the church 17,000.';
  assert.deepEqual(full(text), [
    ['total-unsupported', '64,000', 16, 22, 'q1 q2 q3 q4', 'Parts exceed the whole: "64,000" pounds allows 64,000, but the parts listed within it already add up to 69,000 (30,000 + 22,000 + 17,000).'],
  ]);
});

test('one part larger than its "of whom" total is flagged', () => {
  assert.deepEqual(brief('Police detained 45 people, of whom 52 were foreigners.'), [['total-unsupported', '45', 'q1 q2']]);
});

test('a measure split by kind carries its unit past "of"', () => {
  const text = 'Farms produced 48 million tonnes of grain: 27 million tonnes of wheat, 14 million of barley and 9 million of maize.';
  assert.deepEqual(brief(text), [['total-unsupported', '48 million tonnes', 'q1 q2 q3 q4']]);
});

for (const [why, text, covered] of [
  ['poll shares given to names', 'Vance is on 44 percent and Rui Osei on 39 percent, with 11 percent undecided and 9 percent backing others.', '44 percent and Rui Osei on 39 percent, with 11 percent undecided and 9 percent'],
  ['shares beside an undecided share', 'Some 85 percent trust the government, while 22 percent trust the opposition and 9 percent are undecided.', 'Some 85 percent trust the government, while 22 percent trust the opposition and 9 percent'],
  ['shares won by different subjects', 'The party won 71 percent of the vote while the opposition together won 36 percent.', '71 percent of the vote while the opposition together won 36 percent'],
  ['shares of a budget going to different places', 'Some 40 percent of the budget goes to health, 35 percent to schools and 30 percent to defence.', 'Some 40 percent of the budget goes to health, 35 percent to schools and 30 percent'],
] as const) {
  test(`${why} that add up to over 100% are flagged`, () => {
    assert.deepEqual(brief(text).map((f) => f.slice(0, 2)), [['percentage-over-100', covered]]);
  });
}

for (const [why, text] of [
  ['outcomes that leave some of the total unaccounted for', 'Police arrested 12 people: 5 were charged and 3 released.'],
  ['places after a semicolon that leave some of the total elsewhere', 'The region has 2.3 million residents; 1.2 million live in the capital and 800,000 in the port city.'],
  ['shares of two groups named with "among"', 'Among women, 55 percent backed Smith; among men, 60 percent did.'],
  ['shares at different times', 'Smith won 52 percent in 2018 and 57 percent in 2022.'],
  ['a share of a group followed by punctuation', 'Among voters under 30, support reached 71 percent, while among those over 65 it was 47 percent.'],
  ['a rate and a target', 'Coverage stands at 86 percent, below the 95 percent experts consider safe.'],
  ['overlapping groups of one fronted whole, each with its own verb', 'Of the 23 patients, 17 were children under 10 and 20 had not been vaccinated.'],
] as const) {
  test(`no numeric finding for ${why}`, () => {
    assert.deepEqual(brief(text), []);
  });
}

test('"includes" parts that exceed a sum of money are flagged', () => {
  const text = 'The package of 2 billion dollars includes 1.2 billion for food and 900 million for shelter.';
  assert.deepEqual(full(text), [
    [
      'total-unsupported', '2 billion dollars', 15, 32, 'q1 q2 q3',
      'Parts exceed the whole: "2 billion dollars" allows 2 billion, but the parts listed within it already add up to 2.1 billion (1.2 billion + 900 million).',
    ],
  ]);
});

test('a bare figure in an earlier sentence is not a part of a later total', () => {
  assert.deepEqual(brief('He said 40 people were hurt and 10 died. Altogether 300 people attended.'), []);
});

test('a list of places may end with "elsewhere"', () => {
  const text = 'Officials counted 19 deaths on Monday: 11 in the capital, 4 in Dorn, and 3 elsewhere.';
  assert.deepEqual(full(text), [
    ['total-unsupported', '19', 18, 20, 'q1 q2 q3 q4', 'Sum mismatch: "19" deaths allows 19, but the figures after it add up to 18 (11 + 4 + 3).'],
  ]);
});

test('a figure after "while" is no part of the list before it', () => {
  const text = 'The army said it had killed 200 fighters: 150 in the north and 80 in the east, while losing 12 soldiers.';
  assert.deepEqual(brief(text), [['total-unsupported', '200', 'q1 q2 q3']]);
});

for (const [why, text] of [
  ['shares answering questions of saying', 'Nearly 70 percent of respondents said the economy was the top issue, and 55 percent named health care.'],
  ['shares doing different things without a stated whole', 'About 60 percent of the residents live in flats, and 45 percent own a car.'],
  ['a running total', 'The ministry reported 350 new cases on Tuesday, including 40 in care homes, bringing the total to 12,400.'],
  ['a part of one list taken as the total of the next', 'Cases rose to 1,240: 610 in the north, 380 in the south and 250 in the east; 200 of them were children and 100 were over 80.'],
] as const) {
  test(`no numeric finding for ${why}`, () => {
    assert.deepEqual(brief(text), []);
  });
}

test('a fronted whole whose gapped parts exceed it is flagged', () => {
  assert.deepEqual(brief('Of the 435 seats, Democrats hold 223 and Republicans 222.'), [['total-unsupported', '435', 'q1 q2 q3']]);
});
