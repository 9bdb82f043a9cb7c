// Round thirteen, the lead (issue 13), from articles written apart from the tool (t201–t224): a verb of speech under a
// modal of obligation is a prescription (policy.json prescriptions); "so-called" is the writer's label (labels); a
// person shows a quality, only documents and figures show findings (displays); an admission of charges is a plea
// (pleas); visits and thanks are deeds. Every sentence is the project's own; each rule has a contrast that keeps.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePure } from '../../engine/analyze.js';

const pairs = (text: string) => analyzePure({ text }).attributions.map((a) => [a.source?.text ?? null, a.cue.text]);
const cues = (text: string) => analyzePure({ text }).attributions.map((a) => a.cue.text);

test('a verb of speech under "should" or "must" is a prescription, not a report', () => {
  assert.deepEqual(cues('She should demand that the firm publish the accounts of every branch.'), []);
  assert.deepEqual(cues('Ministers should ask why commuters are not listening.'), []);
  // Contrast: the same verb reported stays.
  assert.deepEqual(pairs('She demanded that the firm publish the accounts of every branch.'), [['She', 'demanded']]);
});

test('"so-called" labels a group; it reports nothing', () => {
  assert.ok(!cues('Foreign so-called experts have fallen silent about the harvest.').some((c) => c.includes('called')));
  // Contrast: "called" as a verb of speech keeps its cue.
  assert.ok(cues('The mayor called the plan "a disgrace".').some((c) => c.includes('called')));
});

test('a person who shows a quality does something; a document that shows a figure reports it', () => {
  assert.deepEqual(pairs('The judge said Corrigan had shown "a cold disregard for people who trusted her".').filter(([s]) => s === 'Corrigan'), []);
  assert.deepEqual(pairs('The survey showed a sharp rise in rents.'), [['The survey', 'showed']]);
  assert.deepEqual(pairs('Documents seen by Vesta show payments of up to 200 dollars.').map(([s]) => s), ['Documents seen by Vesta']);
  // A that-clause after it is a statement even from a person.
  assert.deepEqual(pairs('Okafor showed that the plan had failed.'), [['Okafor', 'showed']]);
});

test('admitting charges is a plea; admitting that something happened is a statement', () => {
  assert.ok(!cues('Corrigan, who admitted 23 counts of fraud, was jailed for four years.').includes('admitted'));
  assert.ok(cues('Corrigan admitted that she had taken the money.').includes('admitted'));
});

test('visits and thanks are deeds', () => {
  assert.ok(!cues('People who fall ill after visiting the district are urged to call their doctor.').includes('visiting'));
  assert.ok(!cues('He thanked the President for his personal care for the fleet.').includes('thanked'));
});

test('a document after its content reports it also when a clause joined by "but" follows', () => {
  const text = 'Revenue climbed to a record €312m last season, the club\'s accounts show, but its wage bill grew even faster.';
  assert.deepEqual(pairs(text), [['the club\'s accounts', 'show']]);
  // Contrast: the noun "show" ("the club's summer show") is no cue.
  assert.deepEqual(pairs('Crowds packed the green last season for the club\'s summer show, and the bar sold out.'), []);
});

const graded = (text: string) => analyzePure({ text }).attributions.map((a) => [a.source?.text ?? null, a.grade]);

test('a title and a person\'s full name after it name the person, whatever words open the title', () => {
  assert.deepEqual(graded('Police and crime commissioner Ruth Sandhu said the figures were worrying.'), [['Police and crime commissioner Ruth Sandhu', 'named']]);
  // Contrast: a name after a preposition is whom the sources are close to, not who speaks.
  assert.deepEqual(graded('Sources close to John Smith said the deal was off.'), [['Sources close to John Smith', 'vague']]);
});

test('a plural without -s that opens a sentence is a group, not a name', () => {
  assert.deepEqual(graded('Fishermen in Zarov told reporters they had never been prouder.'), [['Fishermen in Zarov', 'vague']]);
});

test('a passive of a participle written as its base, and a compared adjective, source nothing', () => {
  assert.deepEqual(pairs('Hotel staff were evenly split.').filter(([s]) => s !== null), []);
  assert.deepEqual(pairs('Support was strongest among people who do not work in tourism.').filter(([s]) => s !== null), []);
  // Contrast: a stance adjective with its clause stays a cue with its holder.
  assert.deepEqual(pairs('Officials were confident that the bridge would open.'), [['Officials', 'were confident']]);
});

test('calling a strike, declaring an emergency, claiming an amount and not reporting are no statements', () => {
  assert.deepEqual(pairs('Trade unions have called a general strike for 14 November.'), []);
  assert.deepEqual(pairs('Governor Paolo Reske declared a state of emergency for the whole valley.'), []);
  assert.deepEqual(pairs('Passengers can claim up to €600 under European rules.'), []);
  assert.deepEqual(pairs('Western newspapers never report these achievements.'), []);
  // Contrasts: a characterisation and a declaration of a fact stay statements.
  assert.deepEqual(pairs('Councillor Tom Reddy called the vote "a betrayal of the families".').map(([s, c]) => [s, c]), [['Councillor Tom Reddy', 'called']]);
  assert.deepEqual(pairs('The minister declared that the crisis was over.'), [['The minister', 'declared']]);
});

test('a programme\'s name after a quoted statement is where it was said, not what', () => {
  const text = '"We will win this state," Carson said on NBC\'s Meet the Press.';
  const contents = analyzePure({ text }).attributions.map((a) => text.slice(a.content.start, a.content.end));
  assert.ok(contents.every((c) => c.includes('We will win this state')), contents.join(' | '));
});

test('a decision to act is an intention, not a statement', () => {
  assert.deepEqual(pairs('A fair number of the fighters decided to return home to Europe.'), []);
  // Contrast: a decision reported by someone keeps that report.
  assert.deepEqual(pairs('The court said the fighters had decided to return home.').map(([s, c]) => [s, c]).slice(0, 1), [['The court', 'said']]);
});

test('a plural that opens a sentence is the subject of the reporting verb after it, whatever the tagger reads', () => {
  assert.deepEqual(pairs('Economists at Nordbank estimate that each job at the plant supports one more.'), [['Economists at Nordbank', 'estimate']]);
  assert.deepEqual(pairs('Traders estimate exports this season at 12.5 million tonnes.'), [['Traders', 'estimate']]);
});
