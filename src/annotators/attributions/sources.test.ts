import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annotate, views } from './test-helpers.js';

test('vague heads stay vague with a place or an adjective inside', () => {
  const doc = annotate('Experts in the Nordic fishing community warn that stocks are falling.', [['Nordic', 'place']]);
  assert.deepEqual(
    views(doc).map((v) => [v.source, v.grade]),
    [['Experts in the Nordic fishing community', 'vague']],
  );
});

test('a quantifier before a vague head is part of a vague source', () => {
  const doc = annotate('Thus, according to a number of local fishing sources, the quota was cut.');
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade, v.content]), [['a number of local fishing sources', 'vague', 'the quota was cut']]);
});

test('a document described by its commissioner is a named source', () => {
  const doc = annotate('As it’s been revealed in a briefing prepared for the Town Council, 40 wrecks lie in the bay.', [['Town Council', 'agency']]);
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade]), [['a briefing prepared for the Town Council', 'named']]);
});

test('a proper-noun source is named even when no entity was found', () => {
  const doc = annotate('The Brackwater Herald would reveal that the pier was sold.');
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade]), [['The Brackwater Herald', 'named']]);
});

test('"the ministry" resolves to the nearest earlier agency entity', () => {
  const doc = annotate('The Fisheries Ministry met the skippers on Monday. The ministry said that quotas would stay.', [['Fisheries Ministry', 'agency']]);
  assert.deepEqual(views(doc), [
    { source: 'The ministry', cue: 'said', content: 'that quotas would stay', grade: 'anaphoric', hedged: false, resolvesTo: 'Fisheries Ministry (e1)' },
  ]);
});

test('"she" resolves to the nearest earlier person, not to an organisation', () => {
  const doc = annotate('Lina Holm met the Harbour Board. She said that the quay was safe.', [
    ['Lina Holm', 'person'],
    ['Harbour Board', 'organization'],
  ]);
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade, v.resolvesTo]), [['She', 'anaphoric', 'Lina Holm (e1)']]);
});

test('an anaphoric source with no compatible antecedent stays unresolved', () => {
  const doc = annotate('Lina Holm opened the quay. The agency said that the reef recovered.', [['Lina Holm', 'person']]);
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade, v.resolvesTo]), [['The agency', 'anaphoric', undefined]]);
});

test('"the above mentioned paper" resolves to an earlier attribution’s document source', () => {
  const doc = annotate(
    'As it’s been revealed in a study prepared for the Town Council, 40 wrecks lie in the bay.\n\nAs it’s been pointed out in the above mentioned paper, most wrecks are old.',
    [['Town Council', 'agency']],
  );
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade, v.resolvesTo]), [
    ['a study prepared for the Town Council', 'named', undefined],
    ['the above mentioned paper', 'anaphoric', 'a study prepared for the Town Council (a1)'],
  ]);
});

test('documents obtained by "this media organization" resolve through it to the outlet', () => {
  const doc = annotate(
    'If the Harbour Gazette is to be believed, the pier was sold. The files obtained by this media organization show the buyer paid in cash.',
    [['Harbour Gazette', 'outlet']],
  );
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade, v.resolvesTo]), [
    ['the Harbour Gazette', 'named', undefined],
    ['The files obtained by this media organization', 'anaphoric', 'Harbour Gazette (e1)'],
  ]);
});

test('an attribution inside another’s content is nested in it', () => {
  const doc = annotate('According to the Harbour Gazette, the Coastal Agency is confident that the dunes will hold.', [
    ['Harbour Gazette', 'outlet'],
    ['Coastal Agency', 'agency'],
  ]);
  assert.deepEqual(views(doc), [
    { source: 'the Harbour Gazette', cue: 'According to', content: 'the Coastal Agency is confident that the dunes will hold', grade: 'named', hedged: false },
    { source: 'the Coastal Agency', cue: 'is confident', content: 'that the dunes will hold', grade: 'named', hedged: false, parent: 'a1' },
  ]);
});

test('a second attribution after ", but" ends the first one’s content instead of nesting', () => {
  const doc = annotate('The Coast Guard has revealed that the pier will close, but experts warn that it may collapse sooner.');
  assert.deepEqual(views(doc).map((v) => [v.source, v.content, v.parent]), [
    ['The Coast Guard', 'that the pier will close', undefined],
    ['experts', 'that it may collapse sooner', undefined],
  ]);
});

test('entity ids inside the source span are listed', () => {
  const doc = annotate('According to Lina Holm of the Harbour Board, the quay is safe.', [
    ['Lina Holm', 'person'],
    ['Harbour Board', 'organization'],
  ]);
  assert.deepEqual(doc.all('attribution').map((a) => a.entityIds), [['e1', 'e2']]);
});

test('a resolved pronoun counts as its antecedent’s kind, so "it" does not resolve to "she"', () => {
  const doc = annotate('Lina Holm spoke first. She said that the quay was safe. It said that fees would rise.', [['Lina Holm', 'person']]);
  assert.deepEqual(views(doc).map((v) => [v.source, v.resolvesTo]), [
    ['She', 'Lina Holm (e1)'],
    ['It', undefined],
  ]);
});

test('a sentence-initial "The above mentioned report" is one anaphoric source resolved to the report named before', () => {
  const doc = annotate('A report by the Harbour Board says 40 wrecks lie in the bay. The above mentioned report also notes that two pilots quit.', [
    ['report by the Harbour Board', 'document'],
  ]);
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade]).at(-1), ['The above mentioned report', 'anaphoric']);
  assert.match(doc.slice(doc.all('attribution').at(-1)!.resolvesTo!), /report by the Harbour Board/);
});

// Institution mentions (institutions.json): a description is a back-reference only when it needs an earlier mention.
const graded = (doc: ReturnType<typeof annotate>) => views(doc).map((v) => [v.source, v.grade, v.resolvesTo]);

test('"the ministry" with no ministry named before is a vague first mention, not an unresolved back-reference', () => {
  assert.deepEqual(graded(annotate('The ministry said 5 boats sank.')), [['The ministry', 'vague', undefined]]);
});

test('"the interior ministry" at its first mention is named by its portfolio', () => {
  assert.deepEqual(graded(annotate('The interior ministry said 5 boats sank.')), [['The interior ministry', 'named', undefined]]);
});

test('"the city engineer\'s office" at its first mention is named by its office-holder', () => {
  const doc = annotate("The bridge will close for 14 weeks, the city engineer's office said.");
  assert.deepEqual(graded(doc), [["the city engineer's office", 'named', undefined]]);
});

test('"the World Health Organization" is named', () => {
  const doc = annotate('The World Health Organization said 5 cases were found.', [['World Health Organization', 'organization']]);
  assert.deepEqual(graded(doc), [['The World Health Organization', 'named', undefined]]);
});

test('"the ministry" after "the Health Ministry" resolves to it', () => {
  const doc = annotate('The Health Ministry met the doctors. The ministry said 5 wards were closed.', [['Health Ministry', 'agency']]);
  assert.deepEqual(graded(doc), [['The ministry', 'anaphoric', 'Health Ministry (e1)']]);
});

test('"the ministry" does not resolve to an agency of another kind', () => {
  const doc = annotate('The Coast Guard searched the bay. The ministry said 5 boats sank.', [['Coast Guard', 'agency']]);
  assert.deepEqual(graded(doc), [['The ministry', 'vague', undefined]]);
});

test('"the ministry\'s annual surveillance report" resolves through its owner to the ministry named before', () => {
  const doc = annotate(
    'The Health Ministry opened 12 clinics. According to the ministry’s annual surveillance report, cases fell by a third.',
    [['Health Ministry', 'agency']],
  );
  assert.deepEqual(graded(doc), [['the ministry’s annual surveillance report', 'anaphoric', 'Health Ministry (e1)']]);
});

test('"the office\'s household survey" does not resolve to a group of economists', () => {
  const doc = annotate('Economists at the bank say that growth will slow. The office’s household survey showed that incomes fell.');
  assert.deepEqual(graded(doc), [
    ['Economists at the bank', 'vague', undefined],
    ['The office’s household survey', 'vague', undefined],
  ]);
});

test('"the office\'s household survey" resolves to the statistics office mentioned before', () => {
  const doc = annotate('The statistics office opened in 1950. The office’s household survey showed that incomes fell.');
  assert.deepEqual(graded(doc), [['The office’s household survey', 'anaphoric', 'statistics office']]);
});

test('"the paper" with no outlet named before stays an unresolved back-reference', () => {
  assert.deepEqual(graded(annotate('The paper said 5 boats sank.')), [['The paper', 'anaphoric', undefined]]);
});

test('"the paper" after a named outlet resolves to it', () => {
  const doc = annotate('The Brackwater Herald ran the story first. The paper said 5 boats sank.', [['Brackwater Herald', 'outlet']]);
  assert.deepEqual(graded(doc), [['The paper', 'anaphoric', 'Brackwater Herald (e1)']]);
});

test('"this media organization" after a named outlet resolves to it', () => {
  const doc = annotate('The files went to the Coastal Times. This media organization reported that 5 boats sank.', [['Coastal Times', 'outlet']]);
  assert.deepEqual(graded(doc), [['This media organization', 'anaphoric', 'Coastal Times (e1)']]);
});

test('"the agency" after "the Federal Aviation Administration" resolves to it', () => {
  const doc = annotate('The Federal Aviation Administration grounded the jets. The agency said 5 planes were inspected.', [
    ['Federal Aviation Administration', 'agency'],
  ]);
  assert.deepEqual(graded(doc), [['The agency', 'anaphoric', 'Federal Aviation Administration (e1)']]);
});

test('"the organization\'s report" after "the World Health Organization" resolves to it', () => {
  const doc = annotate('The World Health Organization met on Monday. The organization’s report said that 5 cases were found.', [
    ['World Health Organization', 'organization'],
  ]);
  assert.deepEqual(graded(doc), [['The organization’s report', 'anaphoric', 'World Health Organization (e1)']]);
});

test('a demonstrative with nothing to point at stays an unresolved back-reference', () => {
  assert.deepEqual(graded(annotate('This agency said 5 boats sank.')), [['This agency', 'anaphoric', undefined]]);
  assert.deepEqual(graded(annotate('This ministry said 5 boats sank.')), [['This ministry', 'anaphoric', undefined]]);
});

test('a qualified agency at its first mention is named, and "the agency" then resolves to its words', () => {
  const doc = annotate('The national disaster agency said 5 towns were flooded. The agency said that 2 dams held.');
  assert.deepEqual(graded(doc), [
    ['The national disaster agency', 'named', undefined],
    ['The agency', 'anaphoric', 'The national disaster agency (a1)'],
  ]);
});

test('a shorter repeat of an institution mentioned inside another phrase resolves to that phrase', () => {
  const doc = annotate('Piet Varga, a spokesman for the national rail operator, was there. The rail operator said repairs would cost 3 million euros.', [
    ['Piet Varga', 'person'],
  ]);
  assert.deepEqual(graded(doc).at(-1), ['The rail operator', 'anaphoric', 'national rail operator']);
});

test('a second bare "the ministry" is no better named than the first and stays vague', () => {
  const doc = annotate('The ministry said 5 boats sank. The ministry said that 2 crews were rescued.');
  assert.deepEqual(graded(doc), [
    ['The ministry', 'vague', undefined],
    ['The ministry', 'vague', undefined],
  ]);
});

test('"the government" names the one government of the country reported on', () => {
  assert.deepEqual(graded(annotate('The government said 5 boats sank.')), [['The government', 'named', undefined]]);
});

test('"police" alone is vague, "police in Marlow" is named', () => {
  assert.deepEqual(graded(annotate('Police said 5 cars burned.')), [['Police', 'vague', undefined]]);
  assert.deepEqual(graded(annotate('Police in Marlow said 5 cars burned.')), [['Police in Marlow', 'named', undefined]]);
});

test('"the local police" stays as vague as "the police": "local" picks out no force', () => {
  assert.deepEqual(graded(annotate('The local police said 5 cars burned.')), [['The local police', 'vague', undefined]]);
});

test('"a company spokesperson" speaks for the company named before', () => {
  const doc = annotate('Veltra will cut 1,850 jobs. Of those, 1,200 are on the line, a company spokesperson said.', [['Veltra', 'organization']]);
  assert.deepEqual(graded(doc), [['a company spokesperson', 'anaphoric', 'Veltra (e1)']]);
});

test('a spokesperson for a company that cannot be found is vague', () => {
  const doc = annotate('A spokeswoman for the alarm company said it was helping the police.');
  assert.deepEqual(graded(doc), [['A spokeswoman for the alarm company', 'vague', undefined]]);
});

test('"her ministry" points at the woman named before', () => {
  const doc = annotate('Karin Lund runs trade policy. Her ministry said exports fell 4 percent.', [['Karin Lund', 'person']]);
  assert.deepEqual(graded(doc), [['Her ministry', 'anaphoric', 'Karin Lund (e1)']]);
});

test('a pronoun after a resolved description resolves to what the description stands for', () => {
  const doc = annotate('The Health Ministry met the doctors. The ministry said 5 wards closed. It said that 2 reopened.', [['Health Ministry', 'agency']]);
  assert.deepEqual(graded(doc), [
    ['The ministry', 'anaphoric', 'Health Ministry (e1)'],
    ['It', 'anaphoric', 'Health Ministry (e1)'],
  ]);
});

test('a pronoun may point at an unnamed person who spoke before', () => {
  const doc = annotate('A nurse said the wards were full. “We have no beds,” she said.');
  assert.deepEqual(graded(doc), [
    ['A nurse', 'vague', undefined],
    ['she', 'anaphoric', 'A nurse (a1)'],
  ]);
});

test('a plural head capitalised only because it opens the sentence is no name', () => {
  assert.deepEqual(graded(annotate('Pharmacies in the region reported that stocks were low.')), [['Pharmacies in the region', 'vague', undefined]]);
});

test('a study published in a named journal is named by the journal', () => {
  const doc = annotate('Pupils sleep less, a study published on Monday in the journal Sleep Health Reports has found.');
  assert.deepEqual(graded(doc), [['a study published on Monday in the journal Sleep Health Reports', 'named', undefined]]);
});

test('a pronoun after an owned document resolves to the document, not to its owner', () => {
  const doc = annotate('The Health Ministry met the doctors. The ministry’s weekly bulletin showed that 5 wards closed. It said that 2 reopened.', [
    ['Health Ministry', 'agency'],
  ]);
  assert.deepEqual(graded(doc), [
    ['The ministry’s weekly bulletin', 'anaphoric', 'Health Ministry (e1)'],
    ['It', 'anaphoric', 'The ministry’s weekly bulletin (a1)'],
  ]);
});

test('"the team" resolves to the researchers named before in the text, and is vague with none', () => {
  const doc = annotate('Researchers at the University of Lindqvist followed 2,150 pupils. The team reported that 690 never used a phone.');
  assert.deepEqual(graded(doc), [['The team', 'anaphoric', 'Researchers at the University of Lindqvist']]);
  assert.deepEqual(graded(annotate('The team reported that 690 pupils never used a phone.')), [['The team', 'vague', undefined]]);
});

test('"the agency" resolves to the nearer of an agency phrase in the text and an agency entity', () => {
  const doc = annotate('The Polar Institute measured the ice. The state meteorological agency kept records. The agency said that 5 glaciers shrank.', [
    ['Polar Institute', 'organization'],
  ]);
  assert.deepEqual(graded(doc), [['The agency', 'anaphoric', 'state meteorological agency']]);
});

test('a lone capitalised quantifier is a vague source', () => {
  assert.deepEqual(graded(annotate('Several said that the school would close.')), [['Several', 'vague', undefined]]);
});

test('"the country\'s central bank" is named by its place and kind, "the bank" alone is vague', () => {
  assert.deepEqual(graded(annotate('The country’s central bank said inflation was 5 percent.')), [['The country’s central bank', 'named', undefined]]);
  assert.deepEqual(graded(annotate('The bank said inflation was 5 percent.')), [['The bank', 'vague', undefined]]);
});

test('"the ministry of health" is named by what follows it', () => {
  assert.deepEqual(graded(annotate('The ministry of health said 5 wards closed.')), [['The ministry of health', 'named', undefined]]);
});

test('"the mayor\'s office" is named, "the ministry\'s press office" is graded as the ministry', () => {
  assert.deepEqual(graded(annotate('The mayor’s office said 5 roads closed.')), [['The mayor’s office', 'named', undefined]]);
  assert.deepEqual(graded(annotate('The ministry’s press office said 5 roads closed.')), [['The ministry’s press office', 'vague', undefined]]);
});

test('a singular pronoun does not point at an unnamed group, a plural one does', () => {
  assert.deepEqual(graded(annotate('Officials said the wards were full. She said that 5 beds were free.')).at(-1), ['She', 'anaphoric', undefined]);
  assert.deepEqual(graded(annotate('Officials said the wards were full. They said that 5 beds were free.')).at(-1), ['They', 'anaphoric', 'Officials (a1)']);
});

// A team at a named institution is named by it; a single unnamed person there, and officials, stay vague.
test('a bare plural of professionals "at" a named body is named by that body', () => {
  const doc = annotate('Analysts at Corvin Bank said rates would fall.', [['Corvin Bank', 'organization']]);
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade]), [['Analysts at Corvin Bank', 'named']]);
});

test('an unnamed person or officials at a named body stay vague', () => {
  const one = annotate('An analyst at Corvin Bank said rates would fall.', [['Corvin Bank', 'organization']]);
  const officials = annotate('Officials at the Tarvo Ministry said rates would fall.', [['Tarvo Ministry', 'organization']]);
  assert.deepEqual([...views(one), ...views(officials)].map((v) => v.grade), ['vague', 'vague']);
});

// A bare definite description as a source points back at its indefinite first mention, which need not be a source.
test('"the filing" resolves to "a bankruptcy filing" introduced earlier', () => {
  const doc = annotate('The bakery chain listed debts of 40 million in a bankruptcy filing. Its rent doubled last year, the filing says.');
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade, v.resolvesTo]), [['the filing', 'anaphoric', 'a bankruptcy filing']]);
});

test('"the person" resolves to "a person at the club", an unnamed source introduced earlier', () => {
  const doc = annotate('A person at the club said the striker will leave in June. The person added that the fee is 9 million.');
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade, v.resolvesTo]), [
    ['A person at the club', 'vague', undefined],
    ['The person', 'anaphoric', 'A person'],
  ]);
});

// Category nouns for an organisation ("the association", "the club") point back at the organisation named before.
test('"the federation\'s own survey" resolves to the federation named before', () => {
  const doc = annotate('The Grain Traders Federation said prices would rise. Stocks are low, according to the federation\'s own survey.', [['Grain Traders Federation', 'organization']]);
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade, v.resolvesTo]), [
    ['The Grain Traders Federation', 'named', undefined],
    ["the federation's own survey", 'anaphoric', 'Grain Traders Federation (e1)'],
  ]);
});

// A plural agent noun capitalised at the start of a sentence is no name, even when taken for a person.
test('"Campaigners said" is vague even when the entity finder took "Campaigners" for a person', () => {
  const doc = annotate('Campaigners said the ferry fares were too high.', [['Campaigners', 'person']]);
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade]), [['Campaigners', 'vague']]);
});

test('the surname of a person named in full ("Peters said" after "Anna Peters") stays named', () => {
  const doc = annotate('Anna Peters chaired the meeting. Peters said the ferry fares were too high.', [['Anna Peters', 'person']]);
  assert.deepEqual(views(doc).filter((v) => v.source === 'Peters').map((v) => v.grade), ['named']);
});

test('"the union" points at the union, not at a source that names it only as an owner ("the union\'s treasurer")', () => {
  const doc = annotate('Harbour Dockers United, a union of port staff, said pay was too low. Ola Berg, the union\'s treasurer, said talks had failed. The union said it would strike.', [['Harbour Dockers United', 'organization'], ['Ola Berg', 'person']]);
  assert.deepEqual(views(doc).filter((v) => v.source === 'The union').map((v) => v.resolvesTo), ['Harbour Dockers United (e1)']);
});

test('"the board\'s own consultants" resolve through their owner to the board named before ("own" ties them to it)', () => {
  const doc = annotate('Tarnby District Council closed two pools last year. The council’s own consultants said the closures saved little.', [['Tarnby District Council', 'agency']]);
  assert.deepEqual(graded(doc), [['The council’s own consultants', 'anaphoric', 'Tarnby District Council (e1)']]);
});

test('"the council\'s own summary" is a document of the council named before', () => {
  const doc = annotate('Tarnby District Council cut library hours in May. The council’s own summary shows that visits fell by 30 percent.', [['Tarnby District Council', 'agency']]);
  assert.deepEqual(graded(doc), [['The council’s own summary', 'anaphoric', 'Tarnby District Council (e1)']]);
});

test('"the regulator" points back to the authority named before', () => {
  const doc = annotate('The Maritime Safety Authority inspected the ferry in March. The regulator said two lifeboats were missing.', [['Maritime Safety Authority', 'agency']]);
  assert.deepEqual(graded(doc), [['The regulator', 'anaphoric', 'Maritime Safety Authority (e1)']]);
});

test('"the coastguard" is named at its first mention: a country has one', () => {
  const doc = annotate('The coastguard said three trawlers were still missing off the cape.');
  assert.deepEqual(graded(doc), [['The coastguard', 'named', undefined]]);
});

test('"the club" and "the company\'s report" resolve to the body named before when no entity is found for it', () => {
  const opening = annotate('Castleford Harriers will sell their training ground for £4 million, the club confirmed on Friday.');
  assert.deepEqual(graded(opening), [['the club', 'anaphoric', 'Castleford Harriers']]);
  const described = annotate('Morland Textiles, the mill owner based in Tewby, cut 80 jobs. The company’s annual report shows that sales fell by a fifth.');
  assert.deepEqual(graded(described), [['The company’s annual report', 'anaphoric', 'Morland Textiles']]);
  const person = annotate('Jane Morland will sell the mill. The company said the sale would close in May.', [['Jane Morland', 'person']]);
  assert.deepEqual(graded(person).map(([, , to]) => to), [undefined]);
});

test('a survey is graded by its maker after "by", past who was asked ("A survey of 800 parents for this site by Halden Research")', () => {
  const doc = annotate('A survey of 800 parents for this site by Halden Research found that most want later school starts.');
  assert.deepEqual(graded(doc), [['A survey of 800 parents for this site by Halden Research', 'named', undefined]]);
});

test('"the council\'s planning committee" is named by its portfolio; "the council\'s press office" is the council', () => {
  assert.deepEqual(graded(annotate('The council’s planning committee said the tower was too tall.')), [['The council’s planning committee', 'named', undefined]]);
  assert.deepEqual(graded(annotate('The council’s press office said the tower was too tall.')), [['The council’s press office', 'vague', undefined]]);
});

test('a title before a name names the person, with or without a comma', () => {
  assert.deepEqual(graded(annotate('The union’s housing spokeswoman, Dalia Rees, said rents had doubled.')), [['The union’s housing spokeswoman, Dalia Rees', 'named', undefined]]);
  assert.deepEqual(graded(annotate('Deputy head of planning Omar Castell said the tower was too tall.')), [['Deputy head of planning Omar Castell', 'named', undefined]]);
});

test('"the paper" resolves to the newspaper named after "the" when the entity finder has none', () => {
  const doc = annotate('A porter told the Varley Argus that the gates were open. The paper said the gates had been open for a week.');
  assert.deepEqual(graded(doc).filter(([source]) => source === 'The paper'), [['The paper', 'anaphoric', 'Varley Argus']]);
});

test('"those groups" points back at a bare plural named before', () => {
  const doc = annotate('The minister blamed the fires on radical groups. Those groups had claimed that the forest was state land.', [], { tagger: undefined });
  const those = views(doc).find((v) => v.source === 'Those groups');
  assert.equal(those?.grade, 'anaphoric');
  assert.match(those?.resolvesTo ?? '', /radical groups/);
});

test('"a coastguard statement" is one document of the coastguard named before; "union figures" names a kind of document', () => {
  const doc = annotate('The Norvik coastguard sent two boats. A coastguard statement said the crew had been rescued.', [], { tagger: undefined });
  const statement = views(doc).find((v) => v.source === 'A coastguard statement');
  assert.match(statement?.resolvesTo ?? '', /Norvik coastguard/);
  const figures = views(annotate('Union figures show that 300 jobs went.', [], { tagger: undefined })).find((v) => v.source === 'Union figures');
  assert.equal(figures?.grade, 'vague');
});

test('"the latter" points back at what was just named', () => {
  const doc = annotate('Anglers and the Marle River Trust disagree; the latter says the weir must go.', [], { tagger: undefined });
  assert.equal(views(doc).find((v) => v.source === 'the latter')?.grade, 'anaphoric');
});

test('a description resolved to an abbreviation in brackets points at the full name before it', () => {
  const text = 'The Harbour Safety Authority (HSA) closed the pier. The authority said the pilings had rotted.';
  const doc = annotate(text, [['Harbour Safety Authority', 'agency'], ['HSA', 'agency']], { tagger: undefined });
  assert.match(views(doc).find((v) => v.source === 'The authority')?.resolvesTo ?? '', /^Harbour Safety Authority/);
});
