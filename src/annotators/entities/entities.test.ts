import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityType } from '../../core/annotations.js';
import { createDocument } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { createSentenceAnnotator } from '../sentences/index.js';
import { createEntityAnnotator, type EntityOptions } from './index.js';

type Row = readonly [text: string, start: number, end: number, type: EntityType, norm: string];

const pipeline = createPipeline([createSentenceAnnotator(), createEntityAnnotator()]);

const entitiesOf = (text: string, options?: EntityOptions): Row[] => {
  const run = options ? createPipeline([createSentenceAnnotator(), createEntityAnnotator(options)]) : pipeline;
  const doc = run.run(createDocument(text));
  return doc.all('entity').map((e) => [doc.slice(e), e.start, e.end, e.type, e.norm] as const);
};

const CASES: readonly { name: string; text: string; want: readonly Row[] }[] = [
  {
    name: 'an outlet is marked without its determiner',
    text: 'Fishermen spoke to the Sunday Times on Friday.',
    want: [['Sunday Times', 23, 35, 'outlet', 'sunday times']],
  },
  {
    name: 'a registered "The" name is marked without "the" and needs it in front when it is one word',
    text: 'Previously, the Conversation reported a rise. Conversation helps.',
    want: [['Conversation', 16, 28, 'outlet', 'conversation']],
  },
  {
    name: 'short acronyms match case-sensitively, so the pronouns "us" and "it" never match',
    text: 'US officials met us at the port, and it rained.',
    want: [['US', 0, 2, 'place', 'united states']],
  },
  {
    name: 'a name after a lower-case noun for a kind of body is typed by that noun',
    text: 'The carmaker Veltra and the portal Free Voice disagreed.',
    want: [
      ['Veltra', 13, 19, 'organization', 'veltra'],
      ['Free Voice', 35, 45, 'outlet', 'free voice'],
    ],
  },
  {
    name: 'an institution word with a capital before a speech verb is no person',
    text: 'The Ministry said the port was closed.',
    want: [],
  },
  {
    name: 'MI-5 and MI5 share one norm',
    text: 'The report named MI-5 twice and MI5 once.',
    want: [
      ['MI-5', 17, 21, 'agency', 'mi5'],
      ['MI5', 32, 35, 'agency', 'mi5'],
    ],
  },
  {
    name: 'an unseen intelligence service is one agency with its nationality adjective',
    text: 'The Danish Coastal Intelligence Service warned the port.',
    want: [['Danish Coastal Intelligence Service', 4, 39, 'agency', 'danish coastal intelligence service']],
  },
  {
    name: 'demonyms on their own are not entities, even before a speech verb',
    text: 'Danish and Dutch sailors, mostly Germans, said nothing.',
    want: [],
  },
  {
    name: 'sentence-initial ordinary words are not entities',
    text: 'Moreover the harbour closed. Such delays hurt. However, nobody left.',
    want: [],
  },
  {
    name: 'a bracketed acronym and its later mentions share the named body\'s type and norm',
    text: 'The Harbour Safety Agency (HSA) inspected the quay. Later the HSA closed it.',
    want: [
      ['Harbour Safety Agency', 4, 25, 'agency', 'harbour safety agency'],
      ['HSA', 27, 30, 'agency', 'harbour safety agency'],
      ['HSA', 62, 65, 'agency', 'harbour safety agency'],
    ],
  },
  {
    name: 'a title stays outside a person\'s span and a later bare surname gets the same norm',
    text: 'Mayor Ingrid Dahl opened the quay. Dahl said it was safe.',
    want: [
      ['Ingrid Dahl', 6, 17, 'person', 'ingrid dahl'],
      ['Dahl', 35, 39, 'person', 'ingrid dahl'],
    ],
  },
  {
    name: 'a capitalised word before a speech verb is a person',
    text: 'Halvorsen said the nets were torn.',
    want: [['Halvorsen', 0, 9, 'person', 'halvorsen']],
  },
  {
    name: 'unseen newspaper names are outlets by their head word',
    text: 'The Northport Herald and the Coastal Review disagreed.',
    want: [
      ['Northport Herald', 4, 20, 'outlet', 'northport herald'],
      ['Coastal Review', 29, 43, 'outlet', 'coastal review'],
    ],
  },
  {
    name: '"Ministry of X" is an agency and "Institute for X" an organisation, with "of", "and", "for" inside',
    text: 'Officials of the Ministry of Fisheries and Coastal Affairs met the Institute for Harbour Studies.',
    want: [
      ['Ministry of Fisheries and Coastal Affairs', 17, 58, 'agency', 'ministry of fisheries and coastal affairs'],
      ['Institute for Harbour Studies', 67, 96, 'organization', 'institute for harbour studies'],
    ],
  },
  {
    name: 'a briefing prepared for a body is one document up to and including the body; "the above mentioned paper" is not',
    text: 'As a briefing prepared for the European Parliament shows, fees rose. The above mentioned paper says more.',
    want: [['briefing prepared for the European Parliament', 5, 50, 'document', 'briefing prepared for the european parliament']],
  },
  {
    name: 'a leaked memo is a document',
    text: 'A leaked memo described the plan.',
    want: [['leaked memo', 2, 13, 'document', 'leaked memo']],
  },
  {
    name: 'a name followed by "report" is a named document',
    text: 'Critics cited the Lindqvist report.',
    want: [['Lindqvist report', 18, 34, 'document', 'lindqvist report']],
  },
  {
    name: '"a report by X" and "a study published in X" are documents that include X',
    text: 'A report by Amnesty International and a study published in the Lancet agreed.',
    want: [
      ['report by Amnesty International', 2, 33, 'document', 'report by amnesty international'],
      ['study published in the Lancet', 40, 69, 'document', 'study published in the lancet'],
    ],
  },
  {
    name: 'the longest match wins: the New York Times is an outlet, New York alone a place',
    text: 'She read the New York Times in New York.',
    want: [
      ['New York Times', 13, 27, 'outlet', 'new york times'],
      ['New York', 31, 39, 'place', 'new york'],
    ],
  },
  {
    name: 'militant groups with hyphenated Arabic articles are organisations',
    text: 'Fighters of Jabhat al-Nusra and al-Qaeda left.',
    want: [
      ['Jabhat al-Nusra', 12, 27, 'organization', 'jabhat al nusra'],
      ['al-Qaeda', 32, 40, 'organization', 'al qaeda'],
    ],
  },
  {
    name: 'world regions are places',
    text: 'Boats sail from the Middle East to Central Asia.',
    want: [
      ['Middle East', 20, 31, 'place', 'middle east'],
      ['Central Asia', 35, 47, 'place', 'central asia'],
    ],
  },
  {
    name: 'capitalised ordinary words in a title-case headline are not entities',
    text: 'Can We Still Trust The Northport Herald?',
    want: [['Northport Herald', 23, 39, 'outlet', 'northport herald']],
  },
  {
    name: 'offsets are UTF-16 indices, after an emoji and inside curly quotes',
    text: '🎉 “Reuters” was first.',
    want: [['Reuters', 4, 11, 'outlet', 'reuters']],
  },
  {
    name: 'a possessive glued to a name stays outside the span',
    text: "Dr. Quist's boat sank.",
    want: [['Quist', 4, 9, 'person', 'quist']],
  },
  {
    name: 'a lower-case title before a name is person evidence',
    text: 'The former mayor Arne Berg said so.',
    want: [['Arne Berg', 17, 26, 'person', 'arne berg']],
  },
  {
    name: 'days of the week are not joined to a name',
    text: 'The council met Anna Berg on Monday.',
    want: [['Anna Berg', 16, 25, 'person', 'anna berg']],
  },
  {
    name: 'compound titles stay outside and two titled names in a list stay apart',
    text: 'Prime Minister Erik Lund and Foreign Secretary Ben Olsen spoke.',
    want: [
      ['Erik Lund', 15, 24, 'person', 'erik lund'],
      ['Ben Olsen', 47, 56, 'person', 'ben olsen'],
    ],
  },
  {
    name: 'an unknown acronym before a speech verb is an organisation, not a person',
    text: 'The NCIA said nothing.',
    want: [['NCIA', 4, 8, 'organization', 'ncia']],
  },
  {
    name: 'a bracketed acronym after a described document belongs to the body the document names',
    text: 'A report by the Northport Herald (NH) came out. The NH stood by it.',
    want: [
      ['report by the Northport Herald', 2, 32, 'document', 'report by the northport herald'],
      ['NH', 34, 36, 'outlet', 'northport herald'],
      ['NH', 52, 54, 'outlet', 'northport herald'],
    ],
  },
  {
    name: 'a person named with the outlet they work for gives a person and an outlet',
    text: 'Brian Olsen of the Northport Post-Gazette wrote it.',
    want: [
      ['Brian Olsen', 0, 11, 'person', 'brian olsen'],
      ['Northport Post-Gazette', 19, 41, 'outlet', 'northport post gazette'],
    ],
  },
  {
    name: 'later mentions by a particle surname or without "Jr." share the full name\'s norm',
    text: 'Actor Jane van der Berg met Martin Olsen Jr. on the quay. Van der Berg said so and Olsen agreed.',
    want: [
      ['Jane van der Berg', 6, 23, 'person', 'jane van der berg'],
      ['Martin Olsen Jr.', 28, 44, 'person', 'martin olsen jr'],
      ['Van der Berg', 58, 70, 'person', 'jane van der berg'],
      ['Olsen', 83, 88, 'person', 'martin olsen jr'],
    ],
  },
  {
    name: 'a listed name with a typographic apostrophe is found',
    text: 'The People’s Liberation Army moved.',
    want: [['People’s Liberation Army', 4, 28, 'agency', 'peoples liberation army']],
  },
  {
    name: 'a listed acronym with an inner capital never matches an ordinary word',
    text: 'Let the tide turn.',
    want: [],
  },
  {
    name: 'a name written with and without accents links as one person, each mention keeping its own text and offsets',
    text: 'Jean Perier wrote it. Critics said Périer was wrong. Jean Périer wrote more. Perier said so.',
    want: [
      ['Jean Perier', 0, 11, 'person', 'jean perier'],
      ['Périer', 35, 41, 'person', 'jean perier'],
      ['Jean Périer', 53, 64, 'person', 'jean perier'],
      ['Perier', 77, 83, 'person', 'jean perier'],
    ],
  },
];

for (const { name, text, want } of CASES) {
  test(name, () => {
    assert.deepEqual(entitiesOf(text), want);
  });
}

test('extra gazetteer entries from the options are found with their type and norm', () => {
  const extraEntries = [{ name: 'Northport Pilots Guild', aliases: ['Pilots Guild'], type: 'organization' as const }];
  assert.deepEqual(entitiesOf('The Pilots Guild agreed.', { extraEntries }), [
    ['Pilots Guild', 4, 16, 'organization', 'northport pilots guild'],
  ]);
});

test('an entity never runs across a line break', () => {
  assert.deepEqual(entitiesOf('Report from Northport\r\nHerald staff met at noon.'), []);
});

test('no two entities overlap in a text dense with names', () => {
  const doc = pipeline.run(
    createDocument('A report by the Northport Herald (NH) on the Ministry of Fisheries quoted Mayor Ingrid Dahl, the NH and Reuters.'),
  );
  const spans = doc.all('entity');
  assert.equal(spans.length, 6);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1]!.end <= spans[i]!.start);
});
