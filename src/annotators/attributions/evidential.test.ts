// Round 4 of issue 13: evidential sources (figures, data, records, counts, analyses, statements, court papers) and
// look-alikes that name no source (pleas, orders, legal states, participles inside a noun phrase), as whole classes of
// phrasing, from wire, local, health, crime, economy, polls, science, courts, sport and business stories. Texts written
// for these tests. Sources are checked on the shipped path (rules, then the trained tagger, under one policy).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annotate, views } from './test-helpers.js';

const shipped = (text: string) => views(annotate(text, [], {}));
const sourcesOf = (text: string) => shipped(text).flatMap((v) => (v.source ? [v.source] : []));

const SOURCED: readonly (readonly [string, string, string])[] = [
  ['wire: "put the figure at"', 'The county coroner put the figure at 14 deaths.', 'The county coroner'],
  ['crime: "put the number of X at"', 'Police put the number of arrests at 212.', 'Police'],
  ['economy: "puts the cost at"', 'The treasury puts the cost of the scheme at 4 billion euros.', 'The treasury'],
  ['local: "the figures show that"', 'The figures show that 3,400 households lost power on Sunday.', 'The figures'],
  ['economy: "data from X show" with a clause', 'Data from the statistics office show unemployment fell to 4.1 percent in May.', 'Data from the statistics office'],
  ['health: figures obtained under freedom of information', 'Figures obtained under freedom of information show that 1,200 patients waited more than a year.', 'Figures obtained under freedom of information'],
  ['economy: an institution "estimates that"', 'The Bank of Estland estimates that growth will slow to 1.2 percent.', 'The Bank of Estland'],
  ['business: "estimates" before a figure', 'The ministry estimates 8,000 jobs are at risk.', 'The ministry'],
  ['science: "an analysis by X found" a clause', 'An analysis by the Marlow Institute found 17 of the 40 banks had raised fees.', 'An analysis by the Marlow Institute'],
  ['wire: "according to a count by"', 'According to a count by the Marlow Gazette, 61 shops have closed on the high street.', 'a count by the Marlow Gazette'],
  ['crime: "records seen by X show"', 'Records seen by the Chronicle show the council paid 2.3 million for the land.', 'Records seen by the Chronicle'],
  ['courts: "a report by X found"', 'A report by the National Audit Office found that the project ran 40 percent over budget.', 'A report by the National Audit Office'],
  ['science: "X\'s analysis suggests"', "The Resolution Foundation's analysis suggests rents rose 9 percent.", "The Resolution Foundation's analysis"],
  ['sport: "in a statement" before the source', 'In a statement, the club said its manager had resigned.', 'the club'],
  ['business: "said in a statement that"', 'The airline said in a statement that 120 flights were cancelled.', 'The airline'],
  ['local: "told reporters that"', 'The fire chief told reporters that 30 crews fought the blaze overnight.', 'The fire chief'],
  ['science: "wrote in"', 'Professor Ama Owusu wrote in the Lancet that the vaccine cut infections by half.', 'Professor Ama Owusu'],
  ['health: "X confirmed that"', 'The hospital confirmed that two patients had died.', 'The hospital'],
  ['courts: "court documents say"', 'Court documents say the company hid losses of 4 million.', 'Court documents'],
  ['courts: "the indictment alleges"', 'The indictment alleges that Peters took 300,000 dollars in bribes.', 'The indictment'],
  ['polls: "the survey shows" before a figure', 'The survey shows 58 percent of renters back the cap.', 'The survey'],
  ['economy: "official data showed"', 'Official data showed exports fell 6 percent in March.', 'Official data'],
  ['courts: "the court heard that"', 'The court heard that Mills had taken 40,000 pounds.', 'The court'],
  ['economy: a forecast of a figure', 'Analysts at Nordbank forecast growth of 2 percent next year.', 'Analysts at Nordbank'],
  ['business: a calculation of a figure', 'The union calculates losses of 3 million.', 'The union'],
  ['economy: "projects" an object with a figure', "The council's transport department projects an income of 24 million a year.", "The council's transport department"],
  ['polls: "puts" the margin at a figure', 'The firm puts the margin of error at plus or minus 3 percentage points.', 'The firm'],
  ['wire: subject before a participle aside, which names the publisher, not the source', 'The figures, published by the office on Tuesday, show that 2.3 million people attended.', 'The figures'],
  ['polls: subject before "carried out by"', 'The poll, carried out by Vantage between 2 and 6 June, found that 44 percent backed the tram.', 'The poll'],
  ['science: subject before "led by"', 'The study, led by a team at Orvik University, concluded that the reef had shrunk by a third.', 'The study'],
  ['local: subject before "commissioned by"', 'A review, commissioned by the county council, found that 30 bridges needed repairs.', 'A review'],
  ['polls: an aside with the sample stays in the source', 'The survey, carried out among 1,250 tenants in March, found that rents had doubled.', 'The survey, carried out among 1,250 tenants in March'],
  ['science: "suspect" a belief', 'Detectives suspect the gang was behind 12 similar thefts.', 'Detectives'],
];

for (const [why, text, source] of SOURCED) {
  test(`source found: ${why}`, () => {
    const found = sourcesOf(text);
    assert.ok(
      found.some((s) => s === source),
      `expected source "${source}", got ${JSON.stringify(shipped(text).map((v) => [v.source, v.cue]))}`,
    );
  });
}

const NO_SOURCE: readonly (readonly [string, string])[] = [
  ['travel: "can claim compensation"', 'Passengers can claim compensation of up to 600 euros.'],
  ['courts: a plea', 'Halvorsen has pleaded not guilty to all charges.'],
  ['courts: a guilty plea', 'The driver pleaded guilty to careless driving on Tuesday.'],
  ['local: a participle inside a noun phrase', 'A group claiming to represent farmers blocked the motorway.'],
  ['crime: "claiming" benefits', 'A man claiming benefits he was not entitled to was jailed for a year.'],
  ['local: an order given to someone', 'The tenants were told to leave by Friday.'],
  ['wire: crews ordered to stand down', 'Crews were told to stand down at midnight.'],
  ['business: a legal state', 'The builder was declared bankrupt in March.'],
  ['business: a legal state inside a relative clause', 'The company, which was declared insolvent in June, owes creditors 3 million.'],
  ['health: a passive warning against an act', 'Residents have been warned against swimming in the lake.'],
  ['property: "the said property"', 'The said property was sold at auction.'],
  ['crime: "reported crime"', 'Reported crime in the district rose 12 percent last year.'],
  ['sport: "shows" a broadcast', 'The network shows the final on Saturday evening.'],
  ['health: patients asked to stay away', 'Patients were asked to stay away from the ward.'],
  ['shipping: a visit, not a call', 'Vessels calling at the ports pay a fee of 300 euros.'],
  ['local: noise heard, not a statement', 'Residents heard gunfire at 2 am.'],
  ['business: money put into a scheme', 'The council put 2 million pounds into the scheme.'],
];

for (const [why, text] of NO_SOURCE) {
  test(`no attribution: ${why}`, () => assert.deepEqual(shipped(text), []));
}
