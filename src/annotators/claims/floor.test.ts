import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Bound, QuantityAnnotation } from '../../core/annotations.js';
import type { CueClass } from './cues.js';
import { textAnalysisOf } from '../../nlp/tokens.js';
import { checkworthyCeiling, checkworthyFloor, DEFAULT_FLOORS, hedgeFloor } from './floor.js';

const figure = (bound: Bound): QuantityAnnotation => ({ kind: 'quantity', id: 'q1', source: 'test@1', start: 0, end: 5, value: 16000, bound, quantityKind: 'count' });
const floorOf = (bounds: Bound[], cues: CueClass[] = []) => checkworthyFloor({ statistics: bounds.map(figure), cueClasses: new Set(cues) });

test('a figure with a lower or upper bound, or a range, lifts the sentence to the floor', () => {
  for (const bound of ['at-least', 'at-most', 'range'] as const) assert.equal(floorOf([bound]), 0.6, bound);
});

test('an exact or merely rounded figure earns no floor', () => {
  assert.equal(floorOf(['exact']), 0);
  assert.equal(floorOf(['approx']), 0);
});

test('a total cue with a figure lifts the sentence to the floor', () => {
  assert.equal(floorOf(['exact'], ['total']), 0.6);
});

test('without a statistic neither a total cue nor anything else earns a floor', () => {
  assert.equal(floorOf([], ['total']), 0);
});

const words = (text: string) => textAnalysisOf(text, new Map()).tokens;
const duration = (bound: Bound): QuantityAnnotation => ({ ...figure(bound), quantityKind: 'duration' });
const wordFloor = (text: string, cues: CueClass[] = [], quantities: QuantityAnnotation[] = []) =>
  checkworthyFloor({ statistics: [], quantities, cueClasses: new Set(cues), tokens: words(text) });

test('a record cue lifts a sentence without a figure', () => {
  assert.equal(wordFloor('Ferry traffic is busier than ever.', ['record']), 0.6);
});

test('a superlative set in time lifts a sentence without a figure; one without a time frame does not', () => {
  assert.equal(wordFloor('The harbour froze, the coldest winter in a generation.'), 0.6);
  assert.equal(wordFloor('Ticket sales were the highest since the bridge opened.'), 0.6);
  assert.equal(wordFloor('This is the quickest way to the harbour.'), 0);
});

test('a "never" claim lifts a sentence without a figure', () => {
  assert.equal(wordFloor('The mill has never paid its rent.', ['absolute']), 0.6);
});

test('a bounded span of time lifts the sentence, an unbounded one or a schedule does not', () => {
  assert.equal(wordFloor('The skipper faces up to six years in jail.', [], [duration('at-most')]), 0.6);
  assert.equal(wordFloor('The skipper spent six years at sea.', [], [duration('exact')]), 0);
  assert.equal(wordFloor('The fair will run over four days.', ['prediction'], [duration('at-least')]), 0);
});

test('a sentence whose only attributions are hedges naming nobody is check-worthy', () => {
  assert.equal(hedgeFloor([{ grade: 'none', hedged: true }]), 0.6);
  assert.equal(hedgeFloor([{ grade: 'none', hedged: true }, { grade: 'named', hedged: false }]), 0);
  assert.equal(hedgeFloor([{ grade: 'none', hedged: false }]), 0);
  assert.equal(hedgeFloor([]), 0);
});

test('the hedge rule is not a word floor', () => {
  assert.equal(wordFloor('The crew reportedly left.'), 0);
});

test('a no-comment cue caps a sentence without a statistic, and not one with a statistic', () => {
  assert.equal(checkworthyCeiling({ statistics: [], cueClasses: new Set(['no-comment']) }), 0.3);
  assert.equal(checkworthyCeiling({ statistics: [figure('exact')], cueClasses: new Set(['no-comment']) }), 1);
  assert.equal(checkworthyCeiling({ statistics: [], cueClasses: new Set(['record']) }), 1);
});

test('a penalty cue lifts a sentence only beside a term or an amount', () => {
  assert.equal(wordFloor('The skipper was given three years.', ['penalty'], [duration('exact')]), 0.6);
  assert.equal(wordFloor('The skipper was given a warning.', ['penalty']), 0);
});

test('a change measured from a date lifts a sentence without a statistic; a change without "since" does not', () => {
  assert.equal(wordFloor('Harbour fees have doubled since the spring.'), 0.6);
  assert.equal(wordFloor('Waiting times have risen by about a week since 2020.'), 0.6);
  assert.equal(wordFloor('Harbour fees have doubled.'), 0);
  assert.equal(wordFloor('The fees rose, and since then the boats have left.'), 0);
});

test('a mood as the opening subject caps a sentence without a statistic; a mood later in the sentence does not', () => {
  assert.equal(checkworthyCeiling({ statistics: [], cueClasses: new Set(['mood']), openingClasses: new Set(['mood']) }), 0.3);
  assert.equal(checkworthyCeiling({ statistics: [], cueClasses: new Set(['mood']), openingClasses: new Set() }), 1);
  assert.equal(checkworthyCeiling({ statistics: [figure('exact')], cueClasses: new Set(['mood']), openingClasses: new Set(['mood']) }), 1);
});

test('a schedule caps a sentence without a statistic', () => {
  assert.equal(checkworthyCeiling({ statistics: [], cueClasses: new Set(['schedule']) }), 0.3);
});

test('a share of a group as the opening subject lifts a sentence; the same words later in it do not', () => {
  const opening = (classes: CueClass[], opens: CueClass[], past = true) =>
    checkworthyFloor({ statistics: [], cueClasses: new Set(classes), openingClasses: new Set(opens), tokens: words('x'), past });
  assert.equal(opening(['quantifier'], ['quantifier']), 0.6);
  assert.equal(opening(['quantifier'], []), 0);
  // In the present a share of a group is mostly the writer's view: "Most commuters simply want a train that turns up".
  assert.equal(opening(['quantifier'], ['quantifier'], false), 0);
});

test('"not a single", "not one", "no one" lift a sentence that tells of the past, not one in the present', () => {
  const nil = (text: string, past: boolean, perfect = false) =>
    checkworthyFloor({ statistics: [], cueClasses: new Set<CueClass>(['nil']), tokens: words(text), past, perfect });
  assert.equal(nil('No one was hurt in the crash.', true), 0.6);
  assert.equal(nil('Not one ferry has sailed on time.', false, true), 0.6);
  assert.equal(nil('No one wants a toll on the bridge.', false), 0);
  assert.equal(nil('No one answered when we rang.', true), 0);
});

test('a superlative a verb-less noun phrase from its frame is a record, one a clause away is not', () => {
  assert.equal(wordFloor('It is the best plan the harbour board has had since the war.'), 0);
});

test('a forecast of a measurable outcome lifts a sentence; a plan or a timetable does not', () => {
  assert.equal(wordFloor('The river will peak on Thursday.'), 0.6);
  assert.equal(wordFloor('Bus fares will keep rising until 2030.'), 0.6);
  assert.equal(wordFloor('Rents will not fall this year.'), 0.6);
  assert.equal(wordFloor('The library will open on Sundays.'), 0);
  assert.equal(wordFloor('The fair will run over four days.'), 0);
});

test('an irregular superlative set in time, a ranking in place and a comparison with any other case are records', () => {
  assert.equal(wordFloor('It was the worst season since the club was founded.'), 0.6);
  assert.equal(wordFloor('Its beaches are the cleanest in the world.'), 0.6);
  assert.equal(wordFloor('Rents here are higher than in any other town of the valley.'), 0.6);
  assert.equal(wordFloor('It was the worst thing to say.'), 0);
  // A comparison with one other town is no record (it earns the comparison floor instead).
  const record = DEFAULT_FLOORS.filter((r) => r.rule === 'record');
  assert.equal(checkworthyFloor({ statistics: [], cueClasses: new Set(), tokens: words('Rents here are higher than in the next town.') }, record), 0);
  assert.equal(wordFloor('Rents here are higher than in the next town.'), 0.6);
  assert.equal(wordFloor('Fewer people smoke here than a decade ago.'), 0.6);
});

test('a clock time caps a timetable without a statistic, but not a past event or a figure', () => {
  const ceiling = (text: string, statistics: QuantityAnnotation[] = [], past = false) =>
    checkworthyCeiling({ statistics, cueClasses: new Set(), tokens: words(text), past });
  assert.equal(ceiling('The pool is open from 7am to 9 p.m. on weekdays.'), 0.3);
  assert.equal(ceiling('The committee meets at 18:30 in the town hall.'), 0.3);
  assert.equal(ceiling('The fire broke out at 2am.', [], true), 1);
  assert.equal(ceiling('Tickets cost 40 at the 10am show.', [figure('exact')]), 1);
  assert.equal(ceiling('The committee meets in the town hall.'), 1);
});

test('an ordinal rank after "the" set in time is a record, read to the end of its clause', () => {
  assert.equal(wordFloor('It was the third ferry to sink in the strait this winter, and the second this year.'), 0.6);
  assert.equal(wordFloor('Storm Edda is the second storm to reach the bay this season.'), 0.6);
  assert.equal(wordFloor('It was the fourth by-election in the district this year.'), 0.6);
  assert.equal(wordFloor('Patients get a second dose after a year.'), 0);
  assert.equal(wordFloor('The third ferry, which left at noon, sank; it was a year old.'), 0);
});

test('a superlative and its time frame may stand a noun phrase apart', () => {
  assert.equal(wordFloor('That is the worst autumn figure on the canal since nationalisation.'), 0.6);
});

test('a first in a period after a possessive is a record; a consequence forecast as fact is a forecast', () => {
  assert.equal(wordFloor("The win was the town's first cup final in 40 years."), 0.6);
  assert.equal(wordFloor('The first bus leaves the square.'), 0);
  assert.equal(wordFloor('Closing the bridge will lead to longer queues in the centre.'), 0.6);
});

test('a first, a claim about all the evidence and a share of a group are floored by their cues', () => {
  assert.equal(wordFloor('It is the first time the regatta has been cancelled.', ['record']), 0.6);
  assert.equal(wordFloor('There is no evidence that the filter works.', ['absolute']), 0.6);
});

test('a forecast reads through "keep" and "continue" to the verb that says what is forecast', () => {
  assert.equal(wordFloor('Rents will continue to climb this year.'), 0.6);
  assert.equal(wordFloor('The talks will continue next week.'), 0);
  assert.equal(wordFloor('Wardens will continue to patrol the park.'), 0);
});

test('the word floors do not lift a sentence in which the writer speaks of themself', () => {
  assert.equal(wordFloor('No one answered the door when we knocked.', ['absolute']), 0);
  assert.equal(wordFloor('It was the worst storm I have seen since 1990.'), 0);
  assert.equal(wordFloor('Not one councillor has read our report.', ['absolute']), 0.6);
});

test('a scene of people waiting or gathering at a time of day is capped; a figure, an act of another kind or no time of day is not', () => {
  const ceilingOf = (text: string, statistics: QuantityAnnotation[] = []) => checkworthyCeiling({ statistics, cueClasses: new Set(), tokens: words(text) });
  assert.equal(ceilingOf('On Sunday evening, fans gathered outside the ground and waited for the team bus.'), 0.3);
  assert.equal(ceilingOf('About 2,000 fans gathered outside the ground on Sunday evening.', [figure('approx')]), 1);
  assert.equal(ceilingOf('On Sunday evening, fans blocked the road outside the ground.'), 1);
  assert.equal(ceilingOf('Fans gathered outside the ground and waited for the team bus.'), 1);
});

test('a frequency adverb before a present verb earns the generic floor; before a past verb or opening an order it does not', () => {
  assert.equal(wordFloor('Harbour dues usually rise in April.'), 0.6);
  assert.equal(wordFloor('Trawlers in the bay rarely land cod.'), 0.6);
  assert.equal(wordFloor('Never swim in the harbour.'), 0);
  assert.equal(wordFloor('The trawlers rarely landed cod that year.'), 0);
});

test('a superlative after the possessive of a place is a rank; after the possessive of a person it is not', () => {
  assert.equal(wordFloor("Halden is the country's second-busiest port."), 0.6);
  assert.equal(wordFloor("It was the world's oldest lighthouse."), 0.6);
  assert.equal(wordFloor("It was my grandfather's finest boat."), 0);
});

test('a safety or harm property after "be" earns the floor; "safe to say" does not', () => {
  assert.equal(wordFloor('The blue-green algae in the lake are toxic to dogs.'), 0.6);
  assert.equal(wordFloor('Tap water in the village is not safe to drink.'), 0.6);
  assert.equal(wordFloor('It is safe to say the plan failed.'), 0);
});

test('what a firm owns or employs in the present earns the floor; a timetable does not', () => {
  assert.equal(wordFloor('The Brannock family owns three of the four quarries.'), 0.6);
  assert.equal(wordFloor('The ferry runs every hour in summer.'), 0);
});

test('"fewer" before a noun compares without "than"; opening a bound it does not', () => {
  assert.equal(wordFloor('Pupils at the school now miss fewer lessons.'), 0.6);
  assert.equal(wordFloor('Fewer than 300 people live on the island.'), 0);
});

test('a share or the whole of a group as the subject with "now" earns the floor in the present; without "now" it does not', () => {
  assert.equal(wordFloor('Every farm in the valley now has a mains connection.', ['quantifier']), 0);
  assert.equal(checkworthyFloor({ statistics: [], cueClasses: new Set(['quantifier']), openingClasses: new Set(['quantifier']), tokens: words('Every farm in the valley now has a mains connection.') }), 0.6);
  assert.equal(checkworthyFloor({ statistics: [], cueClasses: new Set(['quantifier']), openingClasses: new Set(['quantifier']), tokens: words('Every farm in the valley has its own well.') }), 0);
});

test('a schedule verb the tagger reads as a noun after a bare subject is still a schedule; a noun after a determiner is not', () => {
  const ceilingOf = (text: string) => checkworthyCeiling({ statistics: [], cueClasses: new Set(), tokens: words(text) });
  assert.equal(ceilingOf('Parliament votes on the harbour budget on 18 December.'), 0.3);
  assert.equal(ceilingOf('The council votes on the harbour budget on Tuesday.'), 0.3);
  assert.equal(ceilingOf('The votes on the harbour budget on 18 December were close.'), 1);
});

test('"most" grading an adverb or an adjective before a comma opens no share of a group', () => {
  const opening = (text: string) => checkworthyFloor({ statistics: [], cueClasses: new Set(['quantifier']), openingClasses: new Set(['quantifier']), tokens: words(text), past: true });
  assert.equal(opening('Most recently, the harbour board closed the slipway.'), 0);
  assert.equal(opening('Most surprising, perhaps, was the vote.'), 0);
  assert.equal(opening('Most young skippers left the harbour.'), 0.6);
});
