// Round 10 of issue 13 (the lead), from twelve numbers-heavy articles written apart from the rules (t165–t176) and the
// phrasing matrix. Every text here is written for this test; each rule has a contrast that must stay silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('a plural noun the tagger reads as a verb after "were" is still a kind ("140 were houses")', () => {
  assert.deepEqual(brief('310 homes were flooded last year: 140 were houses, 95 were flats and 115 were caravans.'), [['total-unsupported', '310']]);
  assert.deepEqual(brief('310 homes were flooded last year: 140 were houses, 95 were flats and 75 were caravans.'), []);
});

test('answers closed by those who gave none make up everyone asked', () => {
  assert.deepEqual(brief('Of the 1,506 adults questioned, 703 backed the charge, 611 opposed it and 152 did not know.'), [['total-unsupported', '1,506']]);
  assert.deepEqual(brief('Of the 1,506 adults questioned, 703 backed the charge, 611 opposed it and 192 did not know.'), []);
  // With no answer-less group the answers may leave some out; a spoiled ballot leaves out those who did not vote.
  assert.deepEqual(brief('Of the 1,506 adults questioned, 703 backed the charge and 611 opposed it.'), []);
  assert.deepEqual(brief('Of the 900 members balloted, 520 voted for the deal, 300 voted against and 70 spoiled their papers.'), []);
  // Stances on different things answer two questions.
  assert.deepEqual(brief('Of the 1,506 adults questioned, 703 backed the charge, 611 opposed the cap and 152 did not know.'), []);
});

test('a fronted whole may carry dates before its comma, and a sum of money inside a part is no part', () => {
  const text = 'Of the 1,506 adults questioned online between May 2 and May 9, 703 backed a daily charge of £8 for driving into the centre, 611 opposed it and 152 said they did not know.';
  assert.deepEqual(brief(text), [['total-unsupported', '1,506']]);
  assert.deepEqual(brief(text.replace('152', '192')), []);
});

test('what is left of a whole is never the whole of a later list', () => {
  const text = 'Northgate accounted for 254 of the offences and Millbrook for 198, with the remaining 190 spread across rural districts.\n\nOfficers made 1,120 arrests during the year; 380 of those led to charges.';
  assert.deepEqual(brief(text).filter(([, at]) => at === '190'), []);
});

test('what one contender won is one more result, not the whole of the results after it', () => {
  const text = "Tamsin Hoyle won with 1,642 votes. Labour's Rob Easby followed on 1,208, Conservative Nadia Kerr on 731 and independent Colin Ware on 219.";
  assert.deepEqual(brief(text), []);
  // A whole won by one party and parted by place keeps its parts.
  assert.deepEqual(brief('The Greens won 1,240 votes last year. Of those, 610 came from the north, 380 from the south and 290 from the east.'), [['total-unsupported', '1,240']]);
  // A total after a list judged on half of it (the parts with a noun) would be a false alarm: the list is read whole or not at all.
  assert.deepEqual(brief(`${text} A total of 3,800 valid votes were cast.`), []);
});

test('age bands written "aged under 25" and "25 or older" part their whole; ages joined by "and" to one noun stay ages', () => {
  assert.deepEqual(brief('Of the 87 people treated for stab wounds, 52 were aged under 25 and 41 were 25 or older.'), [['total-unsupported', '87']]);
  assert.deepEqual(brief('Of the 87 people treated for stab wounds, 52 were aged under 25 and 35 were 25 or older.'), []);
  // Overlapping bands are two breakdowns.
  assert.deepEqual(brief('Of the 87 people treated, 52 were under 30 and 41 were 25 or older.'), []);
  assert.deepEqual(brief('Two men aged 45 and 50 were arrested.'), []);
});

test('a reporting clause set off by commas ends a list ("..., the trust said, and three died")', () => {
  const text = "Of the 87 people treated for stab wounds, 52 were aged under 25 and 41 were 25 or older, the hospital's trust said, and three died.";
  assert.deepEqual(brief(text), [['total-unsupported', '87']]);
  assert.deepEqual(brief(text.replace('41', '35')), []);
});

test('a participle of result after a list (", giving turnover of", ", making") names what the list comes to', () => {
  assert.deepEqual(brief('Broadcasting brought in £96m, matchday income £41m and commercial deals £52m, giving turnover of £184m.'), [['total-unsupported', '£184m']]);
  assert.deepEqual(brief('Broadcasting brought in £96m, matchday income £41m and commercial deals £52m, giving turnover of £189m.'), []);
  assert.deepEqual(brief('Leeds had 29 arrests, York 21 and Hull 22, making 74 arrests.'), [['total-unsupported', '74']]);
  // The cue marks the figure after it, never the last part before it; "making it" names no sum.
  assert.deepEqual(brief('Leeds had 29 arrests, York 21 and Hull 22, making it the busiest year.'), []);
  assert.deepEqual(brief('The council cut 40 jobs in March and 25 in May, giving staff 30 days of notice.'), []);
});

test('shares whose later items leave out "percent" after the same preposition are shares too', () => {
  assert.deepEqual(brief('Respondents put the Civic Alliance on 34 percent, the Greens on 22, Labour on 21, the Liberty Party on 17 and others on 9.'), [['percentage-over-100', '34 percent, the Greens on 22, Labour on 21, the Liberty Party on 17 and others on 9']]);
  assert.deepEqual(brief('Respondents put the Civic Alliance on 34 percent, the Greens on 22, Labour on 21, the Liberty Party on 14 and others on 9.'), []);
  // Another preposition with a noun after it counts something else.
  assert.deepEqual(brief('The Alliance polled 34 percent in 22 towns and 81 percent in 9 cities.'), []);
});

test('shares given to holders by one preposition and closed by "for others" part one whole with the first', () => {
  const text = 'Labour took all three seats with 48 percent of the vote, against 27 percent for the Conservatives, 19 percent for the Greens and 11 percent for others.';
  assert.deepEqual(brief(text), [['percentage-over-100', '48 percent of the vote, against 27 percent for the Conservatives, 19 percent for the Greens and 11 percent']]);
  assert.deepEqual(brief(text.replace('11 percent', '6 percent')), []);
  // Shares of a vote need no "others": each voter votes once.
  const parties = 'Labour took all three seats with 48 percent of the vote, against 27 percent for the Conservatives, 19 percent for the Greens and 11 percent for the Liberals.';
  assert.deepEqual(brief(parties).map((f) => f[0]), ['percentage-over-100']);
  assert.deepEqual(brief(parties.replace('11 percent', '6 percent')), []);
});

test('a list after a dash, labelled by names of several words, parts the figure before the dash', () => {
  const text = "The car parks brought in £2.7m between them last year - Castle Street £1.4m, Riverside £720,000, Market Hall £560,000 and Station Road £310,000 - the council's finance office said.";
  assert.deepEqual(brief(text), [['total-unsupported', '£2.7m']]);
  assert.deepEqual(brief(text.replace('£2.7m', '£2.99m')), []);
});

test('a sum of money is never the whole of counts in a later paragraph; its own list is judged instead', () => {
  const text = "The car parks brought in £2.7m between them last year - Castle Street £1.4m, Riverside £720,000, Market Hall £560,000 and Station Road £310,000 - the council's finance office said.\n\nWardens issued 18,640 notices. Of the 2,310 appeals lodged, 1,420 were rejected and 640 upheld; the remaining 250 are still being heard.";
  const findings = brief(text);
  assert.deepEqual(findings.map((f) => f[1]), ['£2.7m']);
  assert.deepEqual(brief(text.replace('£2.7m', '£2.99m')), []);
});

test('parts that name their whole ("254 of the offences") may start after a sentence without an amount', () => {
  const text = 'Police recorded 642 offences last year. The chief constable called the drop fragile.\n\nThe city of Northgate accounted for 254 of the offences and Millbrook for 198, with the remaining 212 spread across rural districts.';
  assert.deepEqual(brief(text), [['total-unsupported', '642']]);
  assert.deepEqual(brief(text.replace('212', '190')), []);
  // Parts that do not name the whole are not reached over the sentence between.
  assert.deepEqual(brief(text.replace('254 of the offences', '254 burglaries')), []);
});

test('kinds with nouns of their own part a whole after a semicolon, a dash or a fronted whole too', () => {
  assert.deepEqual(brief('310 homes were flooded last year; 140 houses, 95 flats and 115 caravans.'), [['total-unsupported', '310']]);
  assert.deepEqual(brief('310 homes were flooded last year — 140 houses, 95 flats and 115 caravans.'), [['total-unsupported', '310']]);
  assert.deepEqual(brief('310 homes were flooded last year; 140 houses, 95 flats and 75 caravans.'), []);
  // A list a spaced hyphen opens ends at the next one: "at 40 surrender bins" is no kind of blade.
  assert.deepEqual(brief('A spring amnesty took 2,075 blades off the streets - 1,630 kitchen knives, 310 machetes and 135 swords - at 40 surrender bins.'), []);
});

test('answers on the direction of a change (improved / no change / worse) part their whole; two words for one answer do not', () => {
  const text = 'According to a survey, 88 percent of rural residents say their lives have improved over the past year, 9 percent see no change and 6 percent believe things have become worse.';
  assert.deepEqual(brief(text).map((f) => f[0]), ['percentage-over-100']);
  assert.deepEqual(brief(text.replace('88 percent', '85 percent')), []);
  assert.deepEqual(brief('Of the firms, 60 percent said sales improved and 55 percent said profits were better.'), []);
});

test('shares said to be kinds are judged by the same rule as counts (kinds.ts namesKinds): kinds of job part a whole, a trait beside them does not', () => {
  assert.deepEqual(brief('Of the 400 staff, 58 percent were nurses and 49 percent were doctors.').map((f) => f[0]), ['percentage-over-100']);
  assert.deepEqual(brief('Of the 400 staff, 58 percent were nurses and 39 percent were doctors.'), []);
  assert.deepEqual(brief('Of the 400 staff, 58 percent were nurses and 49 percent were women.'), []);
});
