// Floors and caps of check-worthiness seen through the claim stage (floors.json, ceilings, cues.json): sentences
// lifted to a floor whatever the model scores, and those capped below the threshold, each with the look-alike that
// stays where it was. The rules themselves are tested one by one in floor.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Annotation } from '../../core/annotations.js';
import { createDocument } from '../../core/document.js';
import { createSentenceAnnotator } from '../sentences/index.js';
import { createClaimAnnotator } from './index.js';
import { createCueFinder } from './cues.js';
import { defaultCheckworthyModel, scoreSentence } from './model.js';
import { textAnalysisOf } from '../../nlp/tokens.js';
import { annotate, attribution, claimsOf, quantity } from './test-helpers.js';

test('records, "never" claims and sentences only "reportedly" true are check-worthy whatever the model scores', () => {
  const text = 'The ferry is busier than ever. The mill has never once paid its rent. The skipper reportedly sold the boat.';
  const ctx = { cache: new Map<string, unknown>() };
  let doc = createDocument(text);
  doc = doc.with(createSentenceAnnotator().run(doc, ctx));
  const at = text.indexOf('reportedly');
  doc = doc.with({ annotations: [{ ...attribution('a1', at, at + 10, { start: text.indexOf('sold'), end: text.length - 1 }), sourceSpan: undefined, grade: 'none', hedged: true }] });
  const claims = doc.with(createClaimAnnotator().run(doc, ctx)).all('claim');
  assert.deepEqual(claims.map((c) => c.checkworthiness >= 0.6), [true, true, true]);
});

test('a sentence with a statistic asserts it although no word was tagged a verb; a short verb-less fragment does not', () => {
  const text = 'Harbour fees: 40 euros\n\nThe port authority sets aside 40 million euros for new cranes over the decade.';
  const doc = annotate(text, (at) => [
    quantity('q1', at('40 euros'), at('40 euros') + 8, 'money', 40),
    quantity('q2', at('40 million'), at('40 million') + 16, 'money', 4e7),
  ]);
  assert.deepEqual(doc.all('claim').map((c) => [doc.slice(c), c.claimKind]), [['The port authority sets aside 40 million euros for new cranes over the decade.', 'statistic']]);
});

test('a note that someone did not comment is capped below the threshold, unless it holds a statistic', () => {
  const text = 'The harbour board declined to comment on the lawsuit. The harbour company, which employs 300 people, did not respond to questions.';
  const ctx = { cache: new Map<string, unknown>() };
  let doc = createDocument(text);
  doc = doc.with(createSentenceAnnotator().run(doc, ctx));
  doc = doc.with({ annotations: [quantity('q1', text.indexOf('300'), text.indexOf('300') + 3, 'count', 300)] });
  const claims = doc.with(createClaimAnnotator().run(doc, ctx)).all('claim');
  assert.equal(claims[0]!.checkworthiness, 0.3);
  assert.equal(claims[1]!.checkworthiness, scoreSentence(defaultCheckworthyModel(), doc.slice(claims[1]!)));
});

test('a statement framed as settled fact is check-worthy and no opinion, though its framing holds "should" or "must"', () => {
  const text = 'It is no accident that the ferry left early. It should be stressed that the pier was closed. We should welcome the ferry.';
  const { claims } = claimsOf(text);
  assert.deepEqual(claims.map((c) => [c.claimKind, c.checkworthiness >= 0.6]), [['event', true], ['event', true], ['opinion', false]]);
});

test('a sentence opening with a mood is capped below the threshold; the same mood later in a claim is not', () => {
  const text = 'Speculation about a second ferry has grown since the vote. The ferry company sold its only boat amid fears of a strike.';
  const { doc, claims } = claimsOf(text);
  assert.equal(claims[0]!.checkworthiness, 0.3);
  assert.equal(claims[1]!.checkworthiness, scoreSentence(defaultCheckworthyModel(), doc.slice(claims[1]!)));
});

test('"is due for" a date is a schedule; "is due to" a cause is not', () => {
  const text = 'The harbour bill is due for a second vote in the council on Monday. The closure of the harbour is due to a strike by the pilots.';
  const { doc, claims } = claimsOf(text);
  assert.equal(claims[0]!.checkworthiness, 0.3);
  assert.equal(claims[1]!.checkworthiness, scoreSentence(defaultCheckworthyModel(), doc.slice(claims[1]!)));
});

test('a call for readers to get in touch is capped below the threshold; a claim naming a witness is not', () => {
  const text = 'Anyone with information about the stolen tractor can ring the rural crime team on 101. Witnesses are asked to contact the harbour office by Friday. A witness saw two men load the tractor onto a lorry.';
  const { doc, claims } = claimsOf(text);
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  assert.equal(claims[0]!.checkworthiness, Math.min(model(0), 0.3));
  assert.equal(claims[1]!.checkworthiness, Math.min(model(1), 0.3));
  assert.equal(claims[2]!.checkworthiness, model(2));
  // The cap can only be seen when the model scores above it, so the cue that sets it is checked too.
  const tokens = textAnalysisOf(text, new Map()).tokens;
  const contactAt = createCueFinder().find(tokens).filter((hit) => hit.cueClass === 'contact').map((hit) => tokens[hit.first]!.start);
  assert.deepEqual(contactAt.map((at) => claims.findIndex((c) => c.start <= at && at < c.end)), [0, 1]);
});

test('a change in the law is lifted to the floor; a sentence about a law without the change is not', () => {
  const text = 'Selling fireworks to children became a criminal offence in 2021. The shop sold fireworks all winter.';
  const { doc, claims } = claimsOf(text);
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  assert.equal(claims[0]!.checkworthiness, Math.max(model(0), 0.6));
  assert.equal(claims[1]!.checkworthiness, model(1));
});

test('when a rule starts, an invitation to an event and how long a service runs are schedules, capped below the threshold', () => {
  const text = 'The harbour levy takes effect on 1 April. Residents are invited to an open day at the lock at 10:00 on Saturday. Free parking permits are available until the end of May. The levy will take the poorest boat owners off the river.';
  const { doc, claims } = claimsOf(text);
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  for (const i of [0, 1, 2]) assert.equal(claims[i]!.checkworthiness, Math.min(model(i), 0.3));
  assert.equal(claims[3]!.checkworthiness, model(3));
});

test('existential hearsay names nobody: the sentence is lifted to the floor, starts no report, and a vague source still does', () => {
  const text = 'There have been reports of boats mooring without a permit. Most had come from the marina upstream.';
  const reports = (at: (s: string) => number): Annotation[] => [
    { ...attribution('a1', at('reports'), at(' of'), { start: at('boats'), end: at(' Most') }), cue: { start: 0, end: at(' boats') }, grade: 'vague', hedged: true },
  ];
  const doc = annotate(text, reports);
  const claims = doc.all('claim');
  assert.ok(claims[0]!.checkworthiness >= 0.6, 'hearsay alone is check-worthy');
  assert.deepEqual(claims[1]!.attributionIds, [], 'nothing is carried from hearsay');
  // A vague source with a reporting verb is a source: it starts a report that a pronoun subject continues.
  const plain = 'Boat owners say moorings are scarce. They say the marina is full.';
  const said = (at: (s: string) => number): Annotation[] => [
    { ...attribution('a1', 0, at(' say'), { start: at('moorings'), end: at(' They') }), cue: { start: at('say'), end: at('say') + 3 }, grade: 'vague' },
  ];
  const sourced = annotate(plain, said).all('claim');
  assert.deepEqual(sourced[0]!.attributionIds, ['a1']);
});

test('a forecast, a share of a group as subject, an absolute and a harm stated without a source are lifted to the floor; a timetable is capped', () => {
  const text = 'Water use will exceed supply by 2031. Most of the wells tested were dry. Not one pump was working. A diver was injured at the lock. The lock opens at 8am and closes at 6pm.';
  const { doc, claims } = claimsOf(text);
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  for (const i of [0, 1, 2, 3]) assert.equal(claims[i]!.checkworthiness, Math.max(model(i), 0.6), doc.slice(claims[i]!));
  assert.equal(claims[4]!.checkworthiness, Math.min(model(4), 0.3));
});

test('the writer\'s "I suspect" makes an opinion, and the month May is no modal', () => {
  const { claims } = claimsOf('The mayor, I suspect, has never read the report. The bridge was built in 1961 and was last inspected in May.');
  assert.deepEqual(claims.map((c) => c.claimKind), ['opinion', 'event']);
});

test('a statement ending in a full stop is a claim even when the tagger finds no verb in it; a short verb-less line is not', () => {
  const { doc, claims } = claimsOf('The canal burst its banks near the old lock on Friday. Doors open at noon.');
  assert.deepEqual(claims.map((c) => doc.slice(c)), ['The canal burst its banks near the old lock on Friday.']);
});

test('cues for a first, for all the evidence, for a share of a group and for a harm are found in any inflection', () => {
  const classes = (text: string) => {
    const tokens = textAnalysisOf(text, new Map()).tokens;
    return new Set(createCueFinder().find(tokens).map((hit) => hit.cueClass));
  };
  assert.ok(classes('It was the first time the regatta had been cancelled.').has('record'));
  assert.ok(classes('There was no evidence that the filter worked.').has('absolute'));
  assert.ok(classes('Many of the boats were insured.').has('quantifier'));
  assert.ok(classes('No one was hurt.').has('nil'));
  assert.ok(classes('Two anglers were injured.').has('incident'));
  assert.ok(!classes('The levy will kill the market.').has('incident'));
  // A death is an event in its past form; the present is a general statement, and 'die' is also German's article.
  assert.ok(classes('A ferry passenger has died in hospital.').has('incident'));
  assert.ok(!classes('Thousands of people die of flu every winter.').has('incident'));
  assert.ok(!classes('Der Rat sagte, dass die Mauer wieder aufgebaut sei.').has('incident'));
});

test('a sentence opening with a habitual time frame is capped as a scene; the same words later in a sentence are not', () => {
  const text = 'Every spring the towpath floods and the same argument starts again. The towpath has flooded badly every spring since the weir was removed.';
  const { doc, claims } = claimsOf(text);
  assert.equal(claims.length, 2);
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  assert.equal(claims[0]!.checkworthiness, Math.min(model(0), 0.3));
  assert.ok(claims[1]!.checkworthiness >= model(1));
  const tokens = textAnalysisOf(text, new Map()).tokens;
  const habitual = createCueFinder().find(tokens).filter((hit) => hit.cueClass === 'habitual').map((hit) => hit.first);
  assert.ok(habitual.includes(0), 'the opening cue is found');
  assert.ok(habitual.some((first) => first > 0), 'the later cue is found too, and left alone');
});

test('a past event dated by a month, a year or "last" and a period is lifted to the floor; a weekday, a plan or the writer\'s own past is not', () => {
  const { doc, claims } = claimsOf('The harbour board sold the old ferry terminal in March. The canal reopened last spring. Volunteers cleared the towpath on Saturday. The marina will stay closed until April. I moved to the valley in March.');
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  for (const i of [0, 1]) assert.equal(claims[i]!.checkworthiness, Math.max(model(i), 0.6), doc.slice(claims[i]!));
  for (const i of [2, 3, 4]) assert.equal(claims[i]!.checkworthiness, model(i), doc.slice(claims[i]!));
  // Three words date nothing.
  const short = claimsOf('The pier reopened. That was March.');
  assert.equal(short.claims[1]!.checkworthiness, scoreSentence(defaultCheckworthyModel(), short.doc.slice(short.claims[1]!)));
  // A participle inside a hyphenated adjective tells of no event.
  const hyphen = claimsOf('The harbour board is weighing a short-lived ferry link from March.');
  assert.equal(hyphen.claims[0]!.checkworthiness, scoreSentence(defaultCheckworthyModel(), hyphen.doc.slice(hyphen.claims[0]!)));
  // A year found by the quantities annotator dates the event as a month does; the present tense is no event.
  const year = (text: string) => annotate(text, (at) => [quantity('q1', at('1994'), at('1994') + 4, 'year', 1994)]).all('claim')[0]!.checkworthiness;
  assert.equal(year('The lock keeper\'s cottage was demolished in 1994.'), 0.6);
  assert.ok(year('The lock keeper\'s cottage dates from 1994.') < 0.6);
});

test('an arrest or a killing in the simple past, a charge and a past treatment in hospital are incidents; a treatment in the present is not', () => {
  const classes = (text: string) => new Set(createCueFinder().find(textAnalysisOf(text, new Map()).tokens).map((hit) => hit.cueClass));
  assert.ok(classes('Officers arrested two men on the quay.').has('incident'));
  assert.ok(classes('A rockfall in 1952 killed eleven quarrymen.').has('incident'));
  assert.ok(classes('The skipper was charged with reckless navigation.').has('incident'));
  assert.ok(classes('Three walkers were treated for hypothermia.').has('incident'));
  assert.ok(classes('The cyclist was taken to hospital.').has('incident'));
  assert.ok(!classes('Patients are treated for asthma at the clinic.').has('incident'));
  assert.ok(classes('The skipper was convicted of reckless navigation.').has('incident'));
  assert.ok(classes('The treasurer was found guilty of theft.').has('incident'));
  assert.ok(!classes('It was found that the lock had rusted.').has('incident'));
});

test('an event denied in the perfect or with "did not" is lifted to the floor; a denied state, a forecast or the writer\'s own is not', () => {
  const { doc, claims } = claimsOf('The lock gates have not been repaired. The ferry operator did not refund the tickets. The towpath was not open. The weir will not survive another flood. I have not seen the report. The repairs did not appear to help. If the board had not sold the weir, the mill would have closed. It did not work out.');
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  for (const i of [0, 1]) assert.equal(claims[i]!.checkworthiness, Math.max(model(i), 0.6), doc.slice(claims[i]!));
  for (const i of [2, 3, 4, 5, 6, 7]) assert.equal(claims[i]!.checkworthiness, model(i), doc.slice(claims[i]!));
  const classes = (t: string) => new Set(createCueFinder().find(textAnalysisOf(t, new Map()).tokens).map((hit) => hit.cueClass));
  assert.ok(classes('The harbour master did not elaborate.').has('no-comment'));
});

test('a note in the perfect that someone has not commented is capped like one in the past', () => {
  const { claims } = claimsOf('The harbour master has not commented on the findings.');
  assert.equal(claims[0]!.checkworthiness <= 0.3, true);
});

test('a scheduled event with a day is a prediction capped below the threshold, figures and all; a dated closure is not', () => {
  const text = 'The council will open two new car parks on Monday. The trial will be held in June. The plant will close in March with the loss of 300 jobs.';
  const doc = annotate(text, (at) => [quantity('q1', at('two'), at('two') + 3, 'count', 2), quantity('q2', at('300'), at('300') + 3, 'count', 300)]);
  const claims = doc.all('claim');
  assert.deepEqual(claims.map((c) => c.claimKind), ['prediction', 'prediction', 'statistic']);
  assert.ok(claims[0]!.checkworthiness <= 0.3 && claims[1]!.checkworthiness <= 0.3);
});

test('an effect stated in the present as a general fact is lifted to the floor; a possible or forecast one, or a plural noun, is not', () => {
  const { doc, claims } = claimsOf('Fluoride varnish reduces decay in milk teeth. The spray may reduce decay in milk teeth. The board will cut the grant. The cuts were made without a vote.');
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  assert.equal(claims[0]!.checkworthiness, Math.max(model(0), 0.6));
  for (const i of [1, 2, 3]) assert.equal(claims[i]!.checkworthiness, model(i), doc.slice(claims[i]!));
});

test('a report given as a source sources the counts of its write-up in the next paragraphs, past a sentence without a figure', () => {
  const text = 'Frogs are thriving, according to a report by the Pond Trust.\n\nVolunteers counted 4,000 frogs in 30 ponds. Toads were scarce.\n\nThe north ponds held 2,500 of them. The ponds cover 12 hectares.';
  const doc = annotate(text, (at) => [
    attribution('a1', at('a report'), text.indexOf('.'), { start: 0, end: at(', according') }),
    quantity('q1', at('4,000'), at('4,000') + 5, 'count', 4000),
    quantity('q2', at('30'), at('30') + 2, 'count', 30),
    quantity('q3', at('2,500'), at('2,500') + 5, 'count', 2500),
    quantity('q4', at('12'), at('12') + 2, 'count', 12),
  ]);
  assert.deepEqual(doc.all('claim').map((c) => c.attributionIds), [['a1'], ['a1'], [], ['a1'], []]);
});

test('a schedule in the present with a day is capped like one with "will"; a sentence that also tells of a change is not', () => {
  const text = 'The inspectorate publishes its annual report on 14 May. The harbour trust will address the meeting on Monday. Visitor numbers have doubled since 2015, and a new museum opens in June.';
  const { doc, claims } = claimsOf(text);
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  for (const i of [0, 1]) assert.equal(claims[i]!.checkworthiness, Math.min(model(i), 0.3), doc.slice(claims[i]!));
  assert.ok(claims[2]!.checkworthiness >= 0.6, doc.slice(claims[2]!));
});

test('a forecast made with "is set to" or "is expected to" is lifted as one with "will"; a plan with "set to" is not', () => {
  const { doc, claims } = claimsOf('Ferry fares are set to keep rising. Harbour dues are expected to double. The ferry is set to leave the dock.');
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  for (const i of [0, 1]) assert.equal(claims[i]!.checkworthiness, Math.max(model(i), 0.6), doc.slice(claims[i]!));
  assert.equal(claims[2]!.checkworthiness, model(2));
});

test('a group\'s stance as the whole predicate is capped; a sentence with another verb or a figure is not', () => {
  const text = 'Boat owners were less optimistic. Anglers are sceptical. Boat owners were less optimistic after the harbour board raised mooring fees.';
  const { doc, claims } = claimsOf(text);
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  for (const i of [0, 1]) assert.equal(claims[i]!.checkworthiness, Math.min(model(i), 0.3), doc.slice(claims[i]!));
  assert.equal(claims[2]!.checkworthiness, model(2));
});

test('opening or closing at a clock time is a timetable kept, even in the past and with the full stop on the time; another past event at a time is not capped', () => {
  const text = 'The ferry terminal reopened at 6am. The lock closed at 10pm. A barge sank at the lock at 10pm.';
  const { doc, claims } = claimsOf(text);
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  for (const i of [0, 1]) assert.equal(claims[i]!.checkworthiness, Math.min(model(i), 0.3), doc.slice(claims[i]!));
  // Not capped; and a barge sinking is an incident, lifted to its floor (round nine).
  assert.equal(claims[2]!.checkworthiness, Math.max(model(2), 0.6));
});

test('an effect in the plural present right after its noun subject is lifted; an infinitive or an order is not', () => {
  const { doc, claims } = claimsOf('Statins reduce the risk of a second stroke. The ministry wants to reduce the waiting lists. Reduce your salt intake.');
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  assert.equal(claims[0]!.checkworthiness, Math.max(model(0), 0.6));
  for (const i of [1, 2]) assert.equal(claims[i]!.checkworthiness, model(i), doc.slice(claims[i]!));
});

test('a cause named as the main one is lifted to the floor; a possible one or the writer\'s own reason is not', () => {
  const { doc, claims } = claimsOf('Silt was the main cause of the flooding. Silt may be the main cause of the flooding. The main cause I see is the noise.');
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  assert.equal(claims[0]!.checkworthiness, Math.max(model(0), 0.6));
  for (const i of [1, 2]) assert.equal(claims[i]!.checkworthiness, model(i), doc.slice(claims[i]!));
});

test('a no-comment note with a contraction is capped like the full form; a return home is no such note', () => {
  const classes = (text: string) => new Set(createCueFinder().find(textAnalysisOf(text, new Map()).tokens).map((hit) => hit.cueClass));
  assert.ok(classes("The harbour board didn't immediately return a request for comment.").has('no-comment'));
  assert.ok(classes("The ferry company hasn't responded to questions.").has('no-comment'));
  assert.ok(!classes("The skipper didn't return home.").has('no-comment'));
});

test('a comparison of two measurable things is lifted to the floor; a judgement, a bound before a number, a forecast or the writer\'s own is not', () => {
  const text = 'Mooring fees in Velden are higher than in the capital. The ferry deserves better than this. The ferry carried more than 300 cars. The new ferry will be faster than the old one. I am slower than my neighbour.';
  const { doc, claims } = claimsOf(text);
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  assert.equal(claims[0]!.checkworthiness, Math.max(model(0), 0.6));
  for (const i of [1, 2, 3, 4]) assert.equal(claims[i]!.checkworthiness, model(i), doc.slice(claims[i]!));
});

test('settled framing with "it is no secret that" is lifted to the floor; a wish imputed to someone under it is not', () => {
  const { doc, claims } = claimsOf('It is no secret that the ferry company has lost money on the route for years. It is no secret that the mayor wanted the depot to close.');
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  assert.equal(claims[0]!.checkworthiness, Math.max(model(0), 0.6));
  assert.equal(claims[1]!.checkworthiness, model(1), doc.slice(claims[1]!));
});

test('a rank in a place after a possessive is a record; a superlative without a place is not', () => {
  const { doc, claims } = claimsOf("Kelvedon Mills is the region's third-largest employer after the hospital. Kelvedon Mills makes the softest towels.");
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  assert.equal(claims[0]!.checkworthiness, Math.max(model(0), 0.6));
  assert.equal(claims[1]!.checkworthiness, model(1), doc.slice(claims[1]!));
});

test('a general statement with a frequency adverb before a present verb is lifted; an order, the writer\'s own or a past habit is not', () => {
  const text = 'Ferry fares usually rise before the summer season. Smaller harbours seldom break even. Never leave a dog in a hot car. We rarely see the ferry on time. The ferry usually ran late that winter.';
  const { doc, claims } = claimsOf(text);
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  for (const i of [0, 1]) assert.equal(claims[i]!.checkworthiness, Math.max(model(i), 0.6), doc.slice(claims[i]!));
  for (const i of [2, 3, 4]) assert.equal(claims[i]!.checkworthiness, model(i), doc.slice(claims[i]!));
});

test('the whole of a group as the opening subject is lifted in the past or perfect; in the present it is left alone', () => {
  const { doc, claims } = claimsOf('All five bakeries on the street closed in the spring. Every lifeboat in the fleet has been inspected. All of this is a distraction.');
  const model = (i: number) => scoreSentence(defaultCheckworthyModel(), doc.slice(claims[i]!));
  for (const i of [0, 1]) assert.equal(claims[i]!.checkworthiness, Math.max(model(i), 0.6), doc.slice(claims[i]!));
  assert.equal(claims[2]!.checkworthiness, model(2));
});

test('a change of state measured from a date with "become" is lifted to the floor', () => {
  const { doc, claims } = claimsOf('Storm surges have become more common along the estuary since the 1980s.');
  assert.equal(claims[0]!.checkworthiness, Math.max(scoreSentence(defaultCheckworthyModel(), doc.slice(claims[0]!)), 0.6));
});
