// Round nine, hand U: unsourced claims in phrasings the earlier rounds lacked (settled framings with "nobody", denied
// passives, superlatives with an adverb and rankings in a region, dates counted from another event, invariant pasts,
// and a source that holds only the standard of a comparison). Each rule with a near sentence where it must not fire.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AttributionAnnotation } from '../../core/annotations.js';
import { textAnalysisOf } from '../../nlp/tokens.js';
import { checkworthyFloor, DEFAULT_FLOORS } from './floor.js';
import { defaultCheckworthyModel, scoreSentence } from './model.js';
import { annotate, claimsOf } from './test-helpers.js';
import { createCueFinder } from './cues.js';

const model = defaultCheckworthyModel();
/** Each sentence of the text: its check-worthiness, and whether that is the model's own score (no floor or cap). */
const scored = (text: string) => {
  const { doc, claims } = claimsOf(text);
  return claims.map((c) => ({ text: doc.slice(c), score: c.checkworthiness, own: c.checkworthiness === scoreSentence(model, doc.slice(c)) }));
};
const words = (text: string) => textAnalysisOf(text, new Map()).tokens;
const pastFloor = (text: string) => checkworthyFloor({ statistics: [], quantities: [], cueClasses: new Set(), tokens: words(text), past: true });

test('"nobody disputes that" and "no one denies that" frame a fact as settled and lift it to the floor', () => {
  for (const s of scored('Nobody disputes that the old pier costs more to insure than the new one. No one denies that the canal lock leaks.')) {
    assert.ok(s.score >= 0.6, s.text);
  }
});

test('a need framed as settled is a judgement: "nobody disputes that the harbour needs a dredger" is not lifted', () => {
  const [s] = scored('Nobody disputes that the harbour needs a new dredger.');
  assert.ok(s!.own && s!.score < 0.6, `${s!.score}`);
});

test('"has been hurt" tells of an injury, an incident; "hurt" as a feeling in the present is not one', () => {
  const [hurt, feeling] = scored('Nobody has been hurt in the two fires at the depot. The decision hurts the traders on Mill Row.');
  assert.ok(hurt!.score >= 0.6, `${hurt!.score}`);
  assert.ok(feeling!.own, `${feeling!.score}`);
});

test('a denied passive with its verb ("were not consulted") is a negated event; a denied mood or reaction is not', () => {
  const [consulted, warned, amused, pleased] = scored(
    'The allotment holders were not consulted about the sale. The tenant was not warned of the rent rise. The ferry crews were not amused. The traders were not pleased with the stalls.',
  );
  assert.ok(consulted!.score >= 0.6, `${consulted!.score}`);
  assert.ok(warned!.score >= 0.6, `${warned!.score}`);
  assert.ok(amused!.score < 0.6, `${amused!.score}`);
  assert.ok(pleased!.score < 0.6, `${pleased!.score}`);
});

test('a denied state with an adjective after "was not" earns no negated-event floor', () => {
  assert.equal(checkworthyFloor({ statistics: [], quantities: [], cueClasses: new Set(), tokens: words('The ferry was not busy on the crossing.') }), 0);
});

test('"the most widely used" ... "in the world" is a ranking in place, as "the largest in the world" is', () => {
  assert.equal(pastFloor('Copper wire is the most widely used conductor in the world.'), 0.6);
  assert.equal(pastFloor('The Tarn is the most heavily fished lake in the region.'), 0.6);
});

test('"the most" before an adverb and a participle with no place or time after it is no ranking', () => {
  assert.equal(pastFloor('Copper wire is the most widely used conductor for this job.'), 0);
  assert.equal(pastFloor('Most widely used drugs are cheap.'), 0);
});

test('a ranking in a county or a province is a record like one in the country', () => {
  assert.equal(pastFloor('The quarry was the biggest employer in the county.'), 0.6);
  assert.equal(pastFloor('Kell Street has the oldest chapel in the province.'), 0.6);
  assert.equal(pastFloor('The quarry was the biggest employer of the lot.'), 0);
});

test('a superlative before "city" or "town" is no ranking ("The best people in a small town serve on the board")', () => {
  assert.equal(pastFloor('The best sailors in a small town crew the lifeboat.'), 0);
});

/** The dated-past floor alone, on a sentence that tells of the past. */
const dated = (text: string) =>
  checkworthyFloor({ statistics: [], quantities: [], cueClasses: new Set(), tokens: words(text), past: true }, DEFAULT_FLOORS.filter((r) => r.rule === 'dated-past'));

test('a date counted from another event ("two years later", "the winter after", "within a year of") dates a past event', () => {
  assert.equal(dated('The bakery reopened two years later under new owners.'), 0.6);
  assert.equal(dated('Its pub closed the winter after.'), 0.6);
  assert.equal(dated('The library shut within a year of the bank.'), 0.6);
  assert.equal(dated('Wolves came back to the hills in the late 1980s.'), 0.6);
});

test('a period that dates nothing ("day after day", "for a year", "years of work") earns no date floor', () => {
  assert.equal(dated('Day after day the ferry sailed half empty.'), 0);
  assert.equal(dated('The bakery stayed open for a year.'), 0);
  assert.equal(dated('The bridge took years of work.'), 0);
});

test('a verb whose past is its base form ("shut", "cut") after a singular subject tells of the past', () => {
  const [shut] = scored('The village post office shut within a year of the school.');
  assert.ok(shut!.score >= 0.6, `${shut!.score}`);
});

test('the base form after a plural subject may be the present and is not read as the past', () => {
  const [shut] = scored('The village shops shut within an hour of the last bus.');
  assert.ok(shut!.score < 0.6, `${shut!.score}`);
});

const source = (text: string, src: string, cue: string): AttributionAnnotation => {
  const at = text.indexOf(src);
  const c = text.indexOf(cue);
  return { kind: 'attribution', id: 'a1', source: 'test@1', start: at, end: c + cue.length, sourceSpan: { start: at, end: at + src.length }, cue: { start: c, end: c + cue.length }, content: { start: 0, end: at }, grade: 'named', hedged: false };
};

test('a source after "than" or "as ... as" holds only the standard of the comparison and does not source the sentence', () => {
  for (const [text, src, cue] of [
    ['Ticket sales were far lower than the promoters had forecast.', 'the promoters', 'had forecast'],
    ['The repairs were never as cheap as the harbour board claimed.', 'the harbour board', 'claimed'],
  ] as const) {
    const doc = annotate(text, () => [source(text, src, cue)]);
    assert.deepEqual(doc.all('claim')[0]!.attributionIds, [], text);
  }
});

test('a source before its comparison, or "As ... said" opening the sentence, still sources it', () => {
  const a = 'The promoters said ticket sales were lower than last year.';
  const docA = annotate(a, () => [{ ...source(a, 'The promoters', 'said'), content: { start: a.indexOf('ticket'), end: a.length - 1 } }]);
  assert.deepEqual(docA.all('claim')[0]!.attributionIds, ['a1']);
  const b = 'As the harbour board said, the repairs were cheap.';
  const docB = annotate(b, () => [{ ...source(b, 'the harbour board', 'said'), content: { start: b.indexOf('the repairs'), end: b.length - 1 } }]);
  assert.deepEqual(docB.all('claim')[0]!.attributionIds, ['a1']);
});

const changeFloor = (text: string) =>
  checkworthyFloor({ statistics: [], quantities: [], cueClasses: new Set(), tokens: words(text) }, DEFAULT_FLOORS.filter((r) => r.rule === 'change-since'));

test('a change over a counted period ("has shrunk for a decade", "over the past ten years") is measured as from a date', () => {
  assert.equal(changeFloor('The choir has shrunk for a decade.'), 0.6);
  assert.equal(changeFloor('Ferry fares have doubled over the past ten years.'), 0.6);
});

test('a change with a frame word before something other than a period ("rose in the shops", "fell for the third time") is not', () => {
  assert.equal(changeFloor('Bread prices rose in the village shops.'), 0);
  assert.equal(changeFloor('The river fell for the third time.'), 0);
});

test('a change going on in the present ("are rising") is a trend; the past progressive sets a scene', () => {
  assert.equal(changeFloor('Thefts of catalytic converters are rising.'), 0.6);
  assert.equal(changeFloor('The tide was rising over the causeway.'), 0);
});

const effectFloor = (text: string) =>
  checkworthyFloor({ statistics: [], quantities: [], cueClasses: new Set(), tokens: words(text) }, DEFAULT_FLOORS.filter((r) => r.rule === 'effect-claim'));

test('an effect claimed as achieved in the perfect ("has cut journey times") earns the effect floor', () => {
  assert.equal(effectFloor('The new footbridge has cut journey times to the station.'), 0.6);
  assert.equal(effectFloor('The speed cameras have reduced crashes on the coast road.'), 0.6);
});

test('a verb of effect in the perfect that is no effect claimed ("has raised concerns") or outside the perfect is not', () => {
  assert.equal(effectFloor('The harbour board has raised concerns about the footbridge.'), 0);
  assert.equal(effectFloor('The footbridge is meant to cut journey times.'), 0);
});

test('"almost every" opening a sentence in the present with "now" states the whole of a group', () => {
  const [s] = scored('Almost every pub on the quay is now a holiday let.');
  assert.ok(s!.score >= 0.6, `${s!.score}`);
  const [contrast] = scored('In almost every pub on the quay you can hear the band.');
  assert.ok(contrast!.score < 0.6, `${contrast!.score}`);
});

test('a link stated as fact ("is linked to", "is associated with") is a claim of cause; a link a source makes is not the writer\'s', () => {
  const [linked, associated] = scored('Mould in bedrooms is linked to asthma in children. Shift work is associated with poor sleep.');
  assert.ok(linked!.score >= 0.6, `${linked!.score}`);
  assert.ok(associated!.score >= 0.6, `${associated!.score}`);
});

test('"linked" as an act of joining in the past active ("The crews linked the hoses") is no claimed link', () => {
  const [s] = scored('The fire crews linked the two hoses.');
  assert.ok(s!.own, `${s!.score}`);
});

test('thinning, widening and worsening going on in the present are trends like rising and falling', () => {
  assert.equal(changeFloor('The sea ice is thinning every winter.'), 0.6);
  assert.equal(changeFloor('The pay gap at the council is widening.'), 0.6);
  assert.equal(changeFloor('The rope was thinning at one end.'), 0);
});

test('what a place holds or alone is ("is home to", "the only", "is owned by") is a claim of record', () => {
  for (const s of scored('The estuary is home to the last seal colony on the coast. The causeway is the only road to the island. The quarry is owned by the harbour master.')) {
    assert.ok(s.score >= 0.6, s.text);
  }
});

test('"has no" in its idioms ("has no time for", "no intention of") and "the only" in a plan are not lifted by the presence floor', () => {
  const [idiom, intention, plan] = scored('The harbour master has no time for yacht owners. The crowd had no intention of leaving the quay. The causeway will be the only road to the island from June.');
  assert.ok(idiom!.own, `${idiom!.score}`);
  assert.ok(intention!.own, `${intention!.score}`);
  assert.ok(plan!.score < 0.6, `${plan!.score}`);
});

test('what the law requires or forbids in the present ("The law requires", "is illegal", "is banned in") is a claim of law', () => {
  for (const s of scored('The law requires ferry crews to carry flares. Parking on the causeway is illegal. Night fishing is banned in the estuary.')) {
    assert.ok(s.score >= 0.6, s.text);
  }
});

test('a ban or law as a wish or a question is no claim of law', () => {
  const [s] = scored('Should night fishing be banned in the estuary?');
  assert.ok(s!.score < 0.6, `${s!.score}`);
});

test('a lemma cue is read through an "-ly" adverb: "was seriously injured" is an incident as "was injured" is', () => {
  const [s] = scored('A pedestrian was seriously injured on the coast road.');
  assert.ok(s!.score >= 0.6, `${s!.score}`);
  const hits = createCueFinder().find(words('A pedestrian was seriously injured.'));
  assert.deepEqual(hits.filter((h) => h.cueClass === 'incident').map((h) => h.first), [2]);
});

test('an adverb that is no "-ly" manner word ("was not injured", "was soon injured") is not read through', () => {
  const hits = createCueFinder().find(words('Nobody was soon there.'));
  assert.deepEqual(hits.filter((h) => h.cueClass === 'incident'), []);
  const once = createCueFinder().find(words('A guard was injured.'));
  assert.equal(once.filter((h) => h.cueClass === 'incident').length, 1);
});

test('a regulator\'s licence or approval stated as fact ("is licensed in") is a claim of law', () => {
  const [s] = scored('The eye drops are already licensed in Canada.');
  assert.ok(s!.score >= 0.6, `${s!.score}`);
});

test('"broke all records" and "without a single" are a record and an absolute claimed about the past', () => {
  const [record, nil] = scored('The autumn fair broke all records for takings. The crews rebuilt the pier without a single injury.');
  assert.ok(record!.score >= 0.6, `${record!.score}`);
  assert.ok(nil!.score >= 0.6, `${nil!.score}`);
});

test('"without a single" in a plan ("will finish without a single delay") is no past event', () => {
  const [s] = scored('The crews will finish the pier without a single delay.');
  assert.ok(s!.score < 0.6, `${s!.score}`);
});

test('departures and losses going on among many ("are leaving", "are closing") are trends; one bus leaving is a scene', () => {
  assert.equal(changeFloor('Young doctors are leaving the island in droves.'), 0.6);
  assert.equal(changeFloor('Village pubs are closing at a rate of two a week.'), 0.6);
  assert.equal(changeFloor('The last ferry is leaving now.'), 0);
});

const impersonal = (text: string, cue: string): AttributionAnnotation => {
  const at = text.indexOf(cue);
  return { kind: 'attribution', id: 'a1', source: 'test@1', start: at, end: at + cue.length, cue: { start: at, end: at + cue.length }, content: { start: at + cue.length, end: text.length - 1 }, grade: 'none', hedged: false };
};

test('an impersonal frame naming no holder ("It has been revealed that") passes a claim on as hearsay: check-worthy', () => {
  const text = 'It has been revealed that the harbour master sold two moorings.';
  const doc = annotate(text, () => [impersonal(text, 'It has been revealed that')]);
  assert.ok(doc.all('claim')[0]!.checkworthiness >= 0.6);
});

test('a sourceless attribution that is no impersonal frame (a poll\'s "backed") gets no hearsay floor', () => {
  const text = 'The harbour tenants backed the plan.';
  const doc = annotate(text, () => [impersonal(text, 'backed')]);
  assert.ok(doc.all('claim')[0]!.checkworthiness < 0.6);
});

test('harms, losses and rescues told as fact ("was gutted by fire", "seized", "sank", "caught fire") are incidents', () => {
  for (const s of scored('The chip shop was gutted by fire on the quay. Customs officers seized a van of cigarettes. The dredger sank within minutes. A tractor caught fire on the causeway.')) {
    assert.ok(s.score >= 0.6, s.text);
  }
});

test('a loss of the writer\'s own or one in a plan ("will be destroyed") is no incident of record', () => {
  const [own, plan] = scored('I was destroyed by the result. The old sheds will be destroyed next spring.');
  assert.ok(own!.score < 0.6, `${own!.score}`);
  assert.ok(plan!.score < 0.6, `${plan!.score}`);
});

test('a stance after "were not" beside another verb ("were not impressed, and the shares fell") is no denied event', () => {
  const [s] = scored('Ferry passengers were not impressed, and bookings fell.');
  assert.ok(s!.own, `${s!.score}`);
});





test('an incident phrase over an "-ing" form ("are hurting", "is destroying") is a process or a figure of speech, no incident', () => {
  const hits = createCueFinder().find(words('The fishermen are hurting. The new tax is destroying the harbour towns.'));
  assert.deepEqual(hits.filter((h) => h.cueClass === 'incident'), []);
  const told = createCueFinder().find(words('Two fishermen were hurt.'));
  assert.equal(told.filter((h) => h.cueClass === 'incident').length, 1);
});
