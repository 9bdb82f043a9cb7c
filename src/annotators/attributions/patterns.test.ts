import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityType } from '../../core/annotations.js';
import { annotate, views, type AttributionView } from './test-helpers.js';

interface Case {
  readonly name: string;
  readonly text: string;
  readonly entities?: readonly (readonly [string, EntityType])[];
  readonly expected: readonly AttributionView[];
}

const cases: readonly Case[] = [
  {
    name: '"According to SOURCE, CONTENT" takes the rest of the sentence as content',
    text: 'According to the Harbour Gazette, the ferry service will close in May.',
    entities: [['Harbour Gazette', 'outlet']],
    expected: [{ source: 'the Harbour Gazette', cue: 'According to', content: 'the ferry service will close in May', grade: 'named', hedged: false }],
  },
  {
    name: '"CONTENT, according to SOURCE" takes the clause before the comma as content',
    text: 'Trawler landings fell by a third, according to the Fisheries Ministry.',
    entities: [['Fisheries Ministry', 'agency']],
    expected: [{ source: 'the Fisheries Ministry', cue: 'according to', content: 'Trawler landings fell by a third', grade: 'named', hedged: false }],
  },
  {
    name: 'a reporting verb with "that" takes the that-clause as content',
    text: 'Mayor Lina Holm said that harbour fees rose by 12 percent.',
    entities: [['Lina Holm', 'person']],
    expected: [{ source: 'Mayor Lina Holm', cue: 'said', content: 'that harbour fees rose by 12 percent', grade: 'named', hedged: false }],
  },
  {
    name: 'modal and perfect auxiliaries belong to the cue',
    text: 'Later, the Coast Guard would reveal that two trawlers had sunk. The Coast Guard has revealed that a third is missing.',
    expected: [
      { source: 'the Coast Guard', cue: 'would reveal', content: 'that two trawlers had sunk', grade: 'named', hedged: false },
      { source: 'The Coast Guard', cue: 'has revealed', content: 'that a third is missing', grade: 'named', hedged: false },
    ],
  },
  {
    name: 'an addressee may stand between "tell" and "that"',
    text: 'The Fisheries Ministry would tell its skippers that the quotas were safe.',
    entities: [['Fisheries Ministry', 'agency']],
    expected: [{ source: 'The Fisheries Ministry', cue: 'would tell', content: 'the quotas were safe', grade: 'named', hedged: false }],
  },
  {
    name: 'a lead-in such as "would come forth to" belongs to the cue',
    text: 'Several marine biologists would come forth to attest that the reef was dying.',
    expected: [{ source: 'Several marine biologists', cue: 'would come forth to attest', content: 'that the reef was dying', grade: 'vague', hedged: false }],
  },
  {
    name: 'an inverted "says SOURCE" takes the clause before the comma, without a leading discourse marker',
    text: 'In fact, the harbour lost half of its trade, says the Institute for Coastal Studies.',
    entities: [['Institute for Coastal Studies', 'organization']],
    expected: [{ source: 'the Institute for Coastal Studies', cue: 'says', content: 'the harbour lost half of its trade', grade: 'named', hedged: false }],
  },
  {
    name: 'an inverted "SOURCE said" takes the clause before the comma',
    text: 'The quay will reopen in June, Lina Holm said.',
    entities: [['Lina Holm', 'person']],
    expected: [{ source: 'Lina Holm', cue: 'said', content: 'The quay will reopen in June', grade: 'named', hedged: false }],
  },
  {
    name: 'a quotation before "NAME said" is the content, without its comma',
    text: '“We are ready for the season,” Lina Holm said.',
    entities: [['Lina Holm', 'person']],
    expected: [{ source: 'Lina Holm', cue: 'said', content: 'We are ready for the season', grade: 'named', hedged: false }],
  },
  {
    name: 'a quotation after "NAME called X" is the content',
    text: 'Lina Holm called the new quay a “gift to the whole town” last week.',
    entities: [['Lina Holm', 'person']],
    expected: [{ source: 'Lina Holm', cue: 'called', content: 'gift to the whole town', grade: 'named', hedged: false }],
  },
  {
    name: '"SOURCE is confident that" is a stance cue',
    text: 'The Coastal Agency is confident that the dunes will hold.',
    entities: [['Coastal Agency', 'agency']],
    expected: [{ source: 'The Coastal Agency', cue: 'is confident', content: 'that the dunes will hold', grade: 'named', hedged: false }],
  },
  {
    name: '"As it’s been revealed in SOURCE, CONTENT" takes the source after the cue',
    text: 'As it’s been revealed in a report by the Audit Office, the repairs cost twice the estimate.',
    entities: [['Audit Office', 'agency']],
    expected: [{ source: 'a report by the Audit Office', cue: 'As it’s been revealed in', content: 'the repairs cost twice the estimate', grade: 'named', hedged: false }],
  },
  {
    name: '"As SOURCE put it, CONTENT" takes the content after the comma',
    text: 'As the harbour master put it, the town is tired of promises.',
    expected: [{ source: 'the harbour master', cue: 'put it', content: 'the town is tired of promises', grade: 'vague', hedged: false }],
  },
  {
    name: '"If SOURCE is to be believed, CONTENT" is hedged',
    text: 'If the Harbour Gazette is to be believed, the mayor will resign.',
    entities: [['Harbour Gazette', 'outlet']],
    expected: [{ source: 'the Harbour Gazette', cue: 'is to be believed', content: 'the mayor will resign', grade: 'named', hedged: true }],
  },
  {
    name: '"it is claimed that" has no source',
    text: 'It is claimed that the old pier is unsafe.',
    expected: [{ cue: 'It is claimed', content: 'that the old pier is unsafe', grade: 'none', hedged: true }],
  },
  {
    name: '"it is understood that" opens a clause with no source, like "reportedly"',
    text: 'It is understood that the harbour board has dismissed 12 pilots.',
    expected: [{ cue: 'It is understood', content: 'that the harbour board has dismissed 12 pilots', grade: 'none', hedged: true }],
  },
  {
    name: '"we are told that" is hearsay the writer passes on without a source',
    text: 'We are told that the ferry will be sold.',
    expected: [{ cue: 'We are told', content: 'that the ferry will be sold', grade: 'none', hedged: true }],
  },
  {
    name: 'a name with two appositions (a title, a place) before the cue is the source, not the place',
    text: 'Dr Mina Osei, head of surgery at Kell General Hospital in the northern town, Varby, wrote in a letter to the Kell Herald that 40 beds had closed.',
    entities: [['Dr Mina Osei', 'person']],
    expected: [{ source: 'Dr Mina Osei', cue: 'wrote', content: '40 beds had closed', grade: 'named', hedged: false }],
  },
  {
    name: 'after a quotation, "TITLE, NAME, told OUTLET": the source is the titled name, the outlet is the addressee',
    text: '“We will not move,” the guild’s secretary, Tomas Berg, told the Kell Gazette.',
    entities: [['Tomas Berg', 'person'], ['Kell Gazette', 'outlet']],
    expected: [{ source: 'the guild’s secretary, Tomas Berg', cue: 'told', content: 'We will not move', grade: 'named', hedged: false }],
  },
  {
    name: 'a singular document subject after a comma with an agreeing verb ending the sentence: "CONTENT, the judgment states."',
    text: 'The port had broken its own rules, the judgment states.',
    expected: [{ source: 'the judgment', cue: 'states', content: 'The port had broken its own rules', grade: 'anaphoric', hedged: false }],
  },
  {
    name: '"the judgment" points back at "a 42-page judgment" (a judgment is a document, like a filing)',
    text: 'In a 42-page judgment, Judge Anneke Rolf found that the port had erred. The port had argued otherwise, the judgment states.',
    entities: [['Anneke Rolf', 'person']],
    expected: [
      { source: 'Judge Anneke Rolf', cue: 'found', content: 'that the port had erred', grade: 'named', hedged: false },
      { source: 'the judgment', cue: 'states', content: 'The port had argued otherwise', grade: 'anaphoric', hedged: false, resolvesTo: 'a 42-page judgment' },
    ],
  },
  {
    name: 'an article right after a noun opens a new phrase: "a figure the council says" has the source "the council"',
    text: 'The town council has closed the lido. Repairs will cost 620,000 pounds, a figure the council says it cannot meet.',
    expected: [{ source: 'the council', cue: 'says', content: 'it cannot meet', grade: 'anaphoric', hedged: false, resolvesTo: 'town council' }],
  },
  {
    name: 'a bare "Police" again is still vague: an earlier bare "police" names nothing more',
    text: 'Three men fled with rings worth 380,000 euros, police said. Police believe the gang struck before.',
    expected: [
      { source: 'police', cue: 'said', content: 'Three men fled with rings worth 380,000 euros', grade: 'vague', hedged: false },
      { source: 'Police', cue: 'believe', content: 'the gang struck before', grade: 'vague', hedged: false },
    ],
  },
  {
    name: 'a bare plural of agents "from" a named body is named by it ("Campaigners from the Friends of Ashby Lido")',
    text: 'Campaigners from the Friends of Ashby Lido said the site had been left to decay.',
    expected: [{ source: 'Campaigners from the Friends of Ashby Lido', cue: 'said', content: 'the site had been left to decay', grade: 'named', hedged: false }],
  },
  {
    name: 'residents "from" a street stay vague',
    text: 'Residents from Elm Street said the water was brown.',
    expected: [{ source: 'Residents from Elm Street', cue: 'said', content: 'the water was brown', grade: 'vague', hedged: false }],
  },
  {
    name: 'a costing by its source ("costed them at N"), and a participle inside the object of "put ... at N"',
    text: 'The council’s consultants costed the bus lanes at 40 million pounds. Administrators put the shortfall owed to buyers at about 9 million pounds.',
    expected: [
      { source: 'The council’s consultants', cue: 'costed', content: 'the bus lanes at 40 million pounds', grade: 'vague', hedged: false },
      { source: 'Administrators', cue: 'put', content: 'the shortfall owed to buyers at about 9 million pounds', grade: 'vague', hedged: false },
    ],
  },
  {
    name: 'a long participle aside between the subject and the figure cue ("A survey of 1,200 adults, carried out by ..., put")',
    text: 'A survey of 1,200 adults, carried out by the research firm Norstat between 3 and 9 May, put support at 61 percent.',
    // Named by its maker after "by" (as "a survey published by the polling firm Civica" is in the news gold).
    expected: [{ source: 'A survey of 1,200 adults, carried out by the research firm Norstat between 3 and 9 May', cue: 'put', content: 'support at 61 percent', grade: 'named', hedged: false }],
  },
  {
    name: '"reportedly" has no source and hedges the clause',
    text: 'In May, the night ferry reportedly ran aground.',
    expected: [{ cue: 'reportedly', content: 'the night ferry reportedly ran aground', grade: 'none', hedged: true }],
  },
  {
    name: '"is said to" has no source and hedges the whole clause',
    text: 'The harbour master is said to have resigned.',
    expected: [{ cue: 'is said to', content: 'The harbour master is said to have resigned', grade: 'none', hedged: true }],
  },
  {
    name: '"There have been reports of" makes the reports a vague, hedged source',
    text: 'There have been reports of seals dying near the pier.',
    expected: [{ source: 'reports', cue: 'There have been reports of', content: 'seals dying near the pier', grade: 'vague', hedged: true }],
  },
  {
    name: 'a document subject with a bare clause is an attribution ("the files show")',
    text: 'The leaked minutes show the council ignored the warnings.',
    expected: [{ source: 'The leaked minutes', cue: 'show', content: 'the council ignored the warnings', grade: 'anaphoric', hedged: false }],
  },
  {
    name: 'an apposition between commas belongs to the source',
    text: 'Lina Holm, chair of the Harbour Board, said the dredging would start in May.',
    entities: [['Lina Holm', 'person']],
    expected: [{ source: 'Lina Holm, chair of the Harbour Board', cue: 'said', content: 'the dredging would start in May', grade: 'named', hedged: false }],
  },
  {
    name: 'a participle clause (", saying that") takes the subject of the main clause as source',
    text: 'Lina Holm rejected the plan, saying that the quay was too short.',
    entities: [['Lina Holm', 'person']],
    expected: [{ source: 'Lina Holm', cue: 'saying', content: 'that the quay was too short', grade: 'named', hedged: false }],
  },
  {
    name: 'a party tag in brackets belongs to the source',
    text: 'Sen. Ola Brandt (L-North) said the levy was unfair.',
    expected: [{ source: 'Sen. Ola Brandt (L-North)', cue: 'said', content: 'the levy was unfair', grade: 'named', hedged: false }],
  },
];

for (const c of cases) {
  test(c.name, () => {
    assert.deepEqual(views(annotate(c.text, c.entities)), c.expected);
  });
}

test('the writer’s own "it must be pointed out that" is no attribution', () => {
  assert.deepEqual(views(annotate('It must be pointed out that the pier is old.')), []);
});

test('reporting verbs without reported content are no attributions', () => {
  assert.deepEqual(views(annotate('The crew found the keys. Fees per day rose. One could point out the risks by noting them.')), []);
});

test('a demonstrative subject ("This shows that") is the writer’s reasoning, not a source', () => {
  assert.deepEqual(views(annotate('This shows that the town is tired.')), []);
});

test('a hedge adverb inside the verb group hedges that attribution instead of adding one', () => {
  assert.deepEqual(views(annotate('Lina Holm allegedly said that the pier was sold.', [['Lina Holm', 'person']])), [
    { source: 'Lina Holm', cue: 'allegedly said', content: 'that the pier was sold', grade: 'named', hedged: true },
  ]);
});

test('a question about a belief is no attribution', () => {
  assert.deepEqual(views(annotate('Do the skippers really believe that the quota will rise?')), []);
});

test('a line break before "According to" opens the clause, and a colon may end the source', () => {
  assert.deepEqual(views(annotate('Harbour news\nAccording to the Harbour Gazette:\nthe ferry will stop.')), [
    { source: 'the Harbour Gazette', cue: 'According to', content: 'the ferry will stop', grade: 'named', hedged: false },
  ]);
});

test('a reporting verb coordinated with the first verb takes the clause subject as its source', () => {
  assert.deepEqual(views(annotate('The harbour master mocked the plan and said the quay would flood.', [])), [
    { source: 'The harbour master', cue: 'said', content: 'the quay would flood', grade: 'vague', hedged: false },
  ]);
});

test('a coordinated reporting verb after a pronoun subject that is the writer gives no attribution', () => {
  assert.deepEqual(views(annotate('We walked to the quay and said the ferry was late.', [])), []);
});

test('a speaker, a colon and a quotation make an attribution without a verb', () => {
  assert.deepEqual(views(annotate('Harbour master Ola Berg: “The pier is gone.”', [['Ola Berg', 'person']])), [
    { source: 'Harbour master Ola Berg', cue: ':', content: 'The pier is gone.', grade: 'named', hedged: false },
  ]);
});

test('a clause before a colon is no speaker, nor is a common noun alone', () => {
  assert.deepEqual(views(annotate('The message was clear: “The pier is gone.”')), []);
  assert.deepEqual(views(annotate('Update: “The pier is gone.”')), []);
});

test('a source runs through an adjective that links a post-modifier ("close to", "loyal to")', () => {
  assert.deepEqual(views(annotate('Officials loyal to the general said the army would stay.')).map((v) => v.source), ['Officials loyal to the general']);
});

test('"CONTENT, data from the statistics office show." attributes the clause before the comma to the data', () => {
  assert.deepEqual(views(annotate('Bus fares rose by 6 percent, data from the transport office show.')).map((v) => [v.source, v.cue, v.content]), [
    ['data from the transport office', 'show', 'Bus fares rose by 6 percent'],
  ]);
});

test('"the judgment" points back at its own first mention, not at a nearer document of another kind ("the leaked files")', () => {
  const text = 'In a 42-page judgment, Judge Anneke Rolf found that the port had erred. Its lawyers had argued that the leaked files proved nothing, the judgment states.';
  const judgment = views(annotate(text, [['Anneke Rolf', 'person']])).find((v) => v.source === 'the judgment');
  assert.equal(judgment?.grade, 'anaphoric');
  assert.equal(judgment?.resolvesTo, 'a 42-page judgment');
});

test('"state television" names the one state broadcaster', () => {
  const named = views(annotate('The harvest was the largest ever, state television announced on Friday.')).find((v) => v.source === 'state television');
  assert.equal(named?.grade, 'named');
});

// Round t93-t98 (issue 13): a title and the name it stands for, subjects behind relative clauses.
test('"said TITLE, NAME." takes the title through the name, graded named', () => {
  const doc = annotate('"Rents have doubled," said the tenants\' union\'s housing officer, Mirela Dobos.');
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade]), [["the tenants' union's housing officer, Mirela Dobos", 'named']]);
});

test('"CONTENT, according to TITLE, NAME." takes the name too', () => {
  const doc = annotate('The depot will close in March, according to the county\'s head of transport, Ilse Varga.');
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade]), [["the county's head of transport, Ilse Varga", 'named']]);
});

test('"CONTENT, TITLE, NAME, told OUTLET." is the title and name, never the outlet', () => {
  const doc = annotate('Most drivers backed the toll, the pollster\'s chief analyst, Jonas Brekke, told the Gazette.');
  assert.deepEqual(views(doc).map((v) => [v.source, v.cue]), [["the pollster's chief analyst, Jonas Brekke", 'told']]);
});

test('"NAME, AGE, who ..., announced" is the name; the object after the verb is never the source', () => {
  const doc = annotate('Governor Ana Ruiz, 58, who toured the flooded towns on Sunday, announced that families would get grants of up to 3,000 euros.');
  assert.deepEqual(views(doc).map((v) => [v.source, v.cue]), [['Governor Ana Ruiz', 'announced']]);
  assert.deepEqual(views(annotate('Governor Ana Ruiz, who toured the flooded towns on Sunday, announced grants of up to 3,000 euros per family.')), []);
});

test('"Visitors who toured the plant said" is the visitors, not the plant', () => {
  const doc = annotate('Visitors who toured the new bottling plant said they had never seen such clean machinery.');
  assert.deepEqual(views(doc).map((v) => [v.source, v.cue]), [['Visitors', 'said']]);
});

test('a survey with a participle aside "found 52 percent in favour": the survey is the source of the figure', () => {
  const doc = annotate('The survey, conducted by the pollster Tallis among 900 tenants in April, found 61 percent in favour of a rent cap.');
  assert.deepEqual(views(doc).map((v) => [v.source, v.cue]), [['The survey, conducted by the pollster Tallis among 900 tenants in April', 'found']]);
  assert.deepEqual(views(annotate('Divers found 3 bodies in the wreck.')), []);
});

test('"the report lists 14 faults" is a document\'s count; its object is never the source', () => {
  const doc = annotate('The audit, obtained by the Ledger, lists 23 breaches of the safety code.');
  // The participle aside says who obtained the audit; the audit is the source.
  assert.deepEqual(views(doc).map((v) => [v.source, v.cue]), [['The audit', 'lists']]);
  assert.deepEqual(views(annotate('The firm lists 40 shops on its website.')), []);
});

test('"NAME, writing for the majority, said": the phrase after the preposition is no source', () => {
  const doc = annotate('Judge Ruth Osei, writing for the majority, said the contract was clear.');
  assert.ok(!views(doc).some((v) => v.source === 'the majority'));
});
