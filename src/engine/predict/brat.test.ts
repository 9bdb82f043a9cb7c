import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from '../../core/report-schema.js';
import { overlapIndex } from '../../core/range.js';
import { quotationIndex, toBrat } from './brat.js';
import { polnearContent, withClosingMarks, withObject, withoutOwn, withThat } from './polnear-contents.js';
import { raisedSubject, withAgent } from './polnear-sources.js';

/** A report with one attribution, its spans given by their words in the text. */
function reportOf(text: string, source: string, cue: string): Report {
  const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
  const content = span('it would hurt farmers');
  return {
    document: { text },
    attributions: [{ id: 'a1', source: { ...span(source), type: 'named' }, grade: 'named', cue: span(cue), content, hedged: false }],
  } as unknown as Report;
}

test('a source standing for a relative pronoun right before its cue is written as the pronoun, as PolNeAR marks it', () => {
  const text = 'The bill was drafted by Jane Ortiz, who said it would hurt farmers.';
  const lines = toBrat(reportOf(text, 'Jane Ortiz', 'said')).split('\n');
  assert.equal(lines[0], `T1\tSource 36 39\twho`);
});

test('a source right before its cue is written as it is', () => {
  const text = 'Jane Ortiz said it would hurt farmers.';
  assert.equal(toBrat(reportOf(text, 'Jane Ortiz', 'said')).split('\n')[0], 'T1\tSource 0 10\tJane Ortiz');
});

test('a quotation\'s marks, with the comma inside them, belong to its content, as PolNeAR marks it', () => {
  const text = '“Prices will rise,” said Ana Ruiz.';
  const parts = polnearContent(text, { start: 1, end: 17 }, { start: 20, end: 33 }, []);
  assert.deepEqual(parts.map((p) => text.slice(p.start, p.end)), ['“Prices will rise,”']);
});

test('a quotation split by its source and cue is one content in two fragments', () => {
  const text = '“Prices will rise,” said Ana Ruiz, a spokeswoman, “and wages will not.” The port closed.';
  const around = { start: text.indexOf('said'), end: text.indexOf(', “and') };
  const parts = polnearContent(text, { start: 1, end: 17 }, around, []);
  assert.deepEqual(parts.map((p) => text.slice(p.start, p.end)), ['“Prices will rise,”', '“and wages will not.”']);
  const next = '"We are ready," she said. "The boats are fuelled."';
  const split = polnearContent(next, { start: 1, end: 13 }, { start: 16, end: 24 }, []);
  assert.deepEqual(split.map((p) => next.slice(p.start, p.end)), ['"We are ready,"', '"The boats are fuelled."']);
});

test('NYT\'s doubled apostrophes are quotation marks, and a split quotation may resume after a few words past the cue', () => {
  const nyt = "''We are ready,'' she said. ''The boats are fuelled.''";
  const cue = { start: nyt.indexOf('she'), end: nyt.indexOf('said') + 4 };
  const parts = polnearContent(nyt, { start: 2, end: 15 }, cue, []);
  assert.deepEqual(parts.map((p) => nyt.slice(p.start, p.end)), ["''We are ready,''", "''The boats are fuelled.''"]);
  const blog = '“We are ready,” he wrote in a blog post. “The boats are fuelled.”';
  const wrote = { start: blog.indexOf('he wrote'), end: blog.indexOf('wrote') + 5 };
  const split = polnearContent(blog, { start: 1, end: 14 }, wrote, []);
  assert.deepEqual(split.map((p) => blog.slice(p.start, p.end)), ['“We are ready,”', '“The boats are fuelled.”']);
  // A nested attribution inside the second quotation does not keep it apart; one that starts at its mark does.
  const nested = { start: blog.indexOf('boats'), end: blog.indexOf('fuelled') };
  assert.equal(polnearContent(blog, { start: 1, end: 14 }, wrote, [nested]).length, 2);
  const own = { start: blog.indexOf('The boats'), end: blog.length - 1 };
  assert.equal(polnearContent(blog, { start: 1, end: 14 }, wrote, [own]).length, 1);
});

test('a split quotation in doubled apostrophes resumes after a describing clause with an apostrophe in it', () => {
  const text = "''The pier is safe,'' said Lena Hart, the harbour board's engineer. ''We checked every pile.''";
  const said = { start: text.indexOf('said'), end: text.indexOf('Hart') + 4 };
  const parts = polnearContent(text, { start: 2, end: 18 }, said, []);
  assert.deepEqual(parts.map((p) => text.slice(p.start, p.end)), ["''The pier is safe,''", "''We checked every pile.''"]);
});

test('the second part of a split quotation that goes on into the next paragraph ends with its paragraph', () => {
  const text = '“The ferry will run,” the skipper said. “We sail at dawn, whatever the tide does.\n\n“Bring warm coats.”';
  const said = { start: text.indexOf('the skipper'), end: text.indexOf('said') + 4 };
  const parts = polnearContent(text, { start: 1, end: 19 }, said, []);
  assert.deepEqual(parts.map((p) => text.slice(p.start, p.end)), ['“The ferry will run,”', '“We sail at dawn, whatever the tide does.']);
});

test('a second quotation that is another attribution\'s content, or a content without quotation marks, stays apart', () => {
  const text = '“Prices will rise,” she said. “No,” he replied.';
  const other = { start: text.indexOf('No'), end: text.indexOf('No') + 2 };
  assert.equal(polnearContent(text, { start: 1, end: 17 }, { start: 20, end: 28 }, [other]).length, 1);
  const plain = 'Ana Ruiz said prices will rise.';
  assert.deepEqual(polnearContent(plain, { start: 14, end: 30 }, { start: 0, end: 13 }, []), [{ start: 14, end: 30 }]);
});

test('a split content is written as brat fragments', () => {
  const text = '“Prices will rise,” she said, “and wages will not.”';
  const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
  const report = { document: { text }, attributions: [{ id: 'a1', source: { ...span('she'), type: 'anaphoric' }, grade: 'anaphoric', cue: span('said'), content: span('Prices will rise'), hedged: false }] } as unknown as Report;
  const line = toBrat(report).split('\n').find((l) => l.includes('Content'));
  assert.equal(line, 'T3\tContent 0 19;30 51\t“Prices will rise,” “and wages will not.”');
});

test('a source after its cue keeps the clause that describes it; one in lower case, or before a clause of the writer\'s, does not', () => {
  const text = 'Prices will rise, said Ana Ruiz, a spokeswoman for the U.S. port. Ana Ruiz, a spokeswoman, said no.';
  const span = (words: string, from = 0) => ({ start: text.indexOf(words, from), end: text.indexOf(words, from) + words.length, text: words });
  const report = (source: ReturnType<typeof span>, cue: ReturnType<typeof span>) => ({ document: { text }, attributions: [{ id: 'a1', source: { ...source, type: 'named' }, grade: 'named', cue, content: span('Prices will rise'), hedged: false }] }) as unknown as Report;
  assert.equal(toBrat(report(span('Ana Ruiz'), span('said'))).split('\n')[0], 'T1\tSource 23 64\tAna Ruiz, a spokeswoman for the U.S. port');
  assert.equal(toBrat(report(span('Ana Ruiz', 40), span('said', 40))).split('\n')[0], 'T1\tSource 66 90\tAna Ruiz, a spokeswoman,');
  const clause = 'Prices will rise, said Ruiz, but nobody listened.';
  const r = { document: { text: clause }, attributions: [{ id: 'a1', source: { start: 23, end: 27, text: 'Ruiz', type: 'named' }, grade: 'named', cue: { start: 18, end: 22, text: 'said' }, content: { start: 0, end: 16, text: 'Prices will rise' }, hedged: false }] } as unknown as Report;
  assert.equal(toBrat(r).split('\n')[0], 'T1\tSource 23 27\tRuiz');
});

test('a source before its cue keeps the title between them, not a relative clause, an adverb or a prepositional aside', () => {
  const cases: [string, string][] = [
    ['Ana Ruiz, the port\'s spokeswoman, said prices will rise.', 'Ana Ruiz, the port\'s spokeswoman,'],
    ['Ana Ruiz, 61, a retired pilot, said prices will rise.', 'Ana Ruiz, 61, a retired pilot,'],
    ['Ana Ruiz, who runs the port, said prices will rise.', 'Ana Ruiz'],
    ['Ana Ruiz, however, said prices will rise.', 'Ana Ruiz'],
    ['Ana Ruiz, in a statement, said prices will rise.', 'Ana Ruiz'],
  ];
  for (const [text, expected] of cases) {
    const source = { start: 0, end: 8, text: 'Ana Ruiz', type: 'named' };
    const cue = { start: text.indexOf('said'), end: text.indexOf('said') + 4, text: 'said' };
    const content = { start: text.indexOf('prices'), end: text.length - 1, text: 'prices will rise' };
    const report = { document: { text }, attributions: [{ id: 'a1', source, grade: 'named', cue, content, hedged: false }] } as unknown as Report;
    assert.equal(toBrat(report).split('\n')[0], `T1\tSource 0 ${expected.length}\t${expected}`, text);
  }
});

/** A report of attributions given as [source, cue, content] words of the text (each at its first occurrence). */
function reportOfParts(text: string, parts: [string | undefined, string, string][]): Report {
  const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
  const attributions = parts.map(([source, cue, content], i) => ({ id: `a${i + 1}`, ...(source ? { source: { ...span(source), type: 'named' } } : {}), grade: source ? 'named' : 'none', cue: span(cue), content: span(content), hedged: false }));
  return { document: { text }, attributions } as unknown as Report;
}

test('an attribution whose cue lies inside another attribution\'s content is left out, as PolNeAR never nests them', () => {
  const text = 'Ana Ruiz said the mayor believes the port will close.';
  const brat = toBrat(reportOfParts(text, [['Ana Ruiz', 'said', 'the mayor believes the port will close'], ['the mayor', 'believes', 'the port will close']]));
  assert.deepEqual(brat.split('\n').filter((l) => l.startsWith('E')), ['E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3']);
  assert.ok(!brat.includes('believes\t') && !brat.includes('\tbelieves'));
});

test('two attributions whose contents run into each other are both kept', () => {
  const text = 'Ana Ruiz said the port will close and Ben Ode warned of strikes.';
  const brat = toBrat(reportOfParts(text, [['Ana Ruiz', 'said', 'the port will close and Ben Ode warned'], ['Ben Ode', 'warned', 'Ana Ruiz said the port will close and Ben Ode warned of strikes']]));
  assert.equal(brat.split('\n').filter((l) => l.startsWith('E')).length, 2);
});

test('a quotation split by its source and cue is joined from its second part, and its opening marks may be the content\'s own', () => {
  const text = '“We are ready,” Ana Ruiz told the paper on Monday. “The boats are fuelled.”';
  const second = { start: text.indexOf('The boats'), end: text.indexOf('fuelled') + 7 };
  const around = { start: text.indexOf('Ana'), end: text.indexOf('paper') + 5 };
  assert.deepEqual(polnearContent(text, second, around, []).map((p) => text.slice(p.start, p.end)), ['“We are ready,”', '“The boats are fuelled.”']);
  // The first quotation is another attribution's content: the second part stays alone.
  const other = { start: 1, end: 13, cue: { start: 200, end: 204 } };
  assert.equal(polnearContent(text, second, around, [other]).length, 1);
  const nyt = "''We are ready,'' she said. ''The boats are fuelled.''";
  const cue = { start: nyt.indexOf('she'), end: nyt.indexOf('said') + 4 };
  const parts = polnearContent(nyt, { start: 0, end: 15 }, cue, []);
  assert.deepEqual(parts.map((p) => nyt.slice(p.start, p.end)), ["''We are ready,''", "''The boats are fuelled.''"]);
});

test('a source given with the closing marks of the quotation before it is written without them', () => {
  const text = "''We are ready,'' Ana Ruiz said. ''The boats are fuelled.''";
  const report = { document: { text }, attributions: [{ id: 'a1', source: { start: 15, end: 26, text: "'' Ana Ruiz", type: 'named' }, grade: 'named', cue: { start: 27, end: 31, text: 'said' }, content: { start: 0, end: 15, text: "''We are ready," }, hedged: false }] } as unknown as Report;
  const lines = toBrat(report).split('\n');
  assert.equal(lines[0], 'T1\tSource 18 26\tAna Ruiz');
  assert.equal(lines[2], "T3\tContent 0 17;33 59\t''We are ready,'' ''The boats are fuelled.''");
});

test('a content that a source and cue interrupt after a comma goes on after them, to the end of the sentence', () => {
  const text = 'Time, he added, was on their side. The port closed.';
  const around = { start: text.indexOf('he'), end: text.indexOf('added') + 5 };
  const parts = polnearContent(text, { start: 0, end: 4 }, around, [], text.indexOf('The port') - 1);
  assert.deepEqual(parts.map((p) => text.slice(p.start, p.end)), ['Time', 'was on their side']);
  // Fewer than three words after them, or another attribution's cue there: the content stays whole.
  const short = 'Time, he added, on Friday.';
  assert.equal(polnearContent(short, { start: 0, end: 4 }, { start: 6, end: 14 }, [], short.length).length, 1);
  const other = { start: 0, end: 0, cue: { start: text.indexOf('was'), end: text.indexOf('was') + 3 } };
  assert.equal(polnearContent(text, { start: 0, end: 4 }, around, [other], text.indexOf('The port') - 1).length, 1);
});

test('a content that a source and cue interrupt goes on past a few words after the cue and a comma, not into a quotation', () => {
  const text = 'Instead, the mayor told reporters, the pier will reopen in May. Later, she told the council, “The pier is fine.”';
  const around = { start: text.indexOf('the mayor'), end: text.indexOf('told') + 4 };
  const parts = polnearContent(text, { start: 0, end: 7 }, around, [], text.indexOf(' Later'));
  assert.deepEqual(parts.map((p) => text.slice(p.start, p.end)), ['Instead', 'the pier will reopen in May']);
  const later = text.indexOf('Later');
  const quoted = polnearContent(text, { start: later, end: later + 5 }, { start: text.indexOf('she'), end: text.indexOf('she told') + 8 }, [], text.length);
  assert.equal(quoted.length, 1);
});

test('a content that is the subject of its cue goes on after the cue ("Kasich appears to have the state to himself")', () => {
  const text = 'Kasich appears to have the state all to himself.';
  const cue = { start: text.indexOf('appears'), end: text.indexOf('appears') + 7 };
  const parts = polnearContent(text, { start: 0, end: 6 }, cue, [], text.length);
  assert.deepEqual(parts.map((p) => text.slice(p.start, p.end)), ['Kasich', 'to have the state all to himself']);
});

test('a content before its cue that ends with a closing mark starts at the quotation\'s opening mark', () => {
  const nyt = "''It is an expansion at a busy time in the campaign,'' she said.";
  const said = { start: nyt.indexOf('she'), end: nyt.indexOf('said') + 4 };
  const parts = polnearContent(nyt, { start: nyt.indexOf('the campaign'), end: nyt.indexOf(",''") }, said, []);
  assert.deepEqual(parts.map((p) => nyt.slice(p.start, p.end)), ["''It is an expansion at a busy time in the campaign,''"]);
  const curly = 'He left. “It is over. We lost,” she said.';
  const cue = { start: curly.indexOf('she'), end: curly.indexOf('said') + 4 };
  const whole = polnearContent(curly, { start: curly.indexOf('We lost'), end: curly.indexOf(',”') }, cue, []);
  assert.deepEqual(whole.map((p) => curly.slice(p.start, p.end)), ['“It is over. We lost,”']);
});

test('a cue followed by "in a statement" is written with it, as PolNeAR marks it more often than not', () => {
  const text = 'The ministry said in a statement that the port will close.';
  const report = { document: { text }, attributions: [{ id: 'a1', source: { start: 0, end: 12, text: 'The ministry', type: 'named' }, grade: 'named', cue: { start: 13, end: 17, text: 'said' }, content: { start: text.indexOf('that'), end: text.length - 1, text: '' }, hedged: false }] } as unknown as Report;
  assert.equal(toBrat(report).split('\n')[1], 'T2\tCue 13 32\tsaid in a statement');
});

test('a source before its cue keeps a relative clause that runs on from it up to the comma before the cue', () => {
  const text = 'A plumber who attended the rally, said prices will rise.';
  const report = { document: { text }, attributions: [{ id: 'a1', source: { start: 0, end: 9, text: 'A plumber', type: 'vague' }, grade: 'vague', cue: { start: text.indexOf('said'), end: text.indexOf('said') + 4, text: 'said' }, content: { start: text.indexOf('prices'), end: text.length - 1, text: '' }, hedged: false }] } as unknown as Report;
  assert.equal(toBrat(report).split('\n')[0], 'T1\tSource 0 33\tA plumber who attended the rally,');
});

test('a source that starts inside a hyphenated or slashed word starts at the word', () => {
  const text = 'Her 72-year-old mother said prices will rise.';
  const start = text.indexOf('old mother');
  const report = { document: { text }, attributions: [{ id: 'a1', source: { start, end: start + 10, text: 'old mother', type: 'vague' }, grade: 'vague', cue: { start: text.indexOf('said'), end: text.indexOf('said') + 4, text: 'said' }, content: { start: text.indexOf('prices'), end: text.length - 1, text: '' }, hedged: false }] } as unknown as Report;
  assert.equal(toBrat(report).split('\n')[0], 'T1\tSource 4 22\t72-year-old mother');
});

test('a cue of make, take or give takes the short object and preposition that open its content ("made no mention of")', () => {
  const text = 'The mayor made no mention of the closure.';
  const report = { document: { text }, attributions: [{ id: 'a1', source: { start: 0, end: 9, text: 'The mayor', type: 'named' }, grade: 'named', cue: { start: 10, end: 14, text: 'made' }, content: { start: 15, end: text.length - 1, text: '' }, hedged: false }] } as unknown as Report;
  const lines = toBrat(report).split('\n');
  assert.equal(lines[1], 'T2\tCue 10 28\tmade no mention of');
  assert.equal(lines[2], 'T3\tContent 29 40\tthe closure');
});

test('the issuer of a statement is the source and the issuing the cue, as PolNeAR marks them', () => {
  const text = 'Minutes later, the ferry company issued a statement saying the crossing would resume.';
  const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
  const report = {
    document: { text },
    sentences: [{ start: 0, end: text.length }],
    attributions: [{ id: 'a1', source: { ...span('a statement'), type: 'vague' }, grade: 'vague', cue: span('saying'), content: span('the crossing would resume'), hedged: false }],
  } as unknown as Report;
  assert.deepEqual(toBrat(report).split('\n').slice(0, 2), ['T1\tSource 15 32\tthe ferry company', 'T2\tCue 33 58\tissued a statement saying']);
});

test('a statement as a source with no verb of issuing before it stays the source', () => {
  const text = 'A statement from the ferry company said the crossing would resume.';
  const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
  const report = {
    document: { text },
    sentences: [{ start: 0, end: text.length }],
    attributions: [{ id: 'a1', source: { ...span('A statement'), type: 'vague' }, grade: 'vague', cue: span('said'), content: span('the crossing would resume'), hedged: false }],
  } as unknown as Report;
  assert.equal(toBrat(report).split('\n')[0], 'T1\tSource 0 11\tA statement');
});

test('a source after its cue keeps its describing clause past an abbreviated title in it', () => {
  const text = 'The ferry will be late again, said Ana Ruiz, who advised Gov. Ivo Lund for six years.';
  const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
  const report = {
    document: { text },
    sentences: [{ start: 0, end: text.length }],
    attributions: [{ id: 'a1', source: { ...span('Ana Ruiz'), type: 'named' }, grade: 'named', cue: span('said'), content: span('The ferry will be late again'), hedged: false }],
  } as unknown as Report;
  assert.equal(toBrat(report).split('\n')[0], 'T1\tSource 35 84\tAna Ruiz, who advised Gov. Ivo Lund for six years');
});

test('a content that runs over its own cue and source ends before them', () => {
  const text = 'The ferry carried 812 cars in May, according to a port tally.';
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const [fragment] = withoutOwn(text, [{ start: 0, end: text.length - 1 }], [at('according to'), at('a port tally')]);
  assert.equal(text.slice(fragment!.start, fragment!.end), 'The ferry carried 812 cars in May');
});

test('a content its own cue interrupts keeps both sides as fragments', () => {
  const text = 'Fares, the council said, will rise in June.';
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const fragments = withoutOwn(text, [{ start: 0, end: text.length - 1 }], [at('said'), at('the council')]);
  assert.deepEqual(fragments.map((f) => text.slice(f.start, f.end)), ['Fares', 'will rise in June']);
});

test('a content right after "that" starts at the "that", unless the "that" is a source', () => {
  const text = 'The mayor said that fares will rise. A report that said fares will rise.';
  const at = (words: string, from = 0) => ({ start: text.indexOf(words, from), end: text.indexOf(words, from) + words.length });
  const [first] = withThat(text, [at('fares will rise')], []);
  assert.equal(text.slice(first!.start, first!.end), 'that fares will rise');
  const later = at('fares will rise', 40);
  assert.deepEqual(withThat(text, [later], [at('that', 40)]), [later]);
});

test('a content that opens a quotation and ends at its close keeps the closing marks', () => {
  const text = "She called the plan ''reckless,'' and left. He called it “bold.” Then: “fine”";
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const show = (r: { start: number; end: number }[]) => r.map((f) => text.slice(f.start, f.end));
  assert.deepEqual(show(withClosingMarks(text, [at("the plan ''reckless")])), ["the plan ''reckless,''"]);
  assert.deepEqual(show(withClosingMarks(text, [at('it “bold')])), ['it “bold.”']);
  assert.deepEqual(show(withClosingMarks(text, [at('the plan')])), ['the plan']);
});

test('a sourceless passive cue takes the agent after "by" as its source, up to the word that opens the rest', () => {
  const text = 'The closure was first reported by the Harbour Gazette. The plan has been criticized by some of the pilots for its cost.';
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const show = (r?: { start: number; end: number }) => r && text.slice(r.start, r.end);
  assert.equal(show(withAgent(text, at('was first reported by'), [at('The closure')]).source), 'the Harbour Gazette');
  const criticized = withAgent(text, at('has been criticized'), [at('by some of the pilots for its cost')]);
  assert.equal(show(criticized.source), 'some of the pilots');
  assert.deepEqual(criticized.fragments.map(show), ['for its cost']);
  const only = withAgent(text, at('was first reported'), [at('by the Harbour Gazette')]);
  assert.equal(show(only.source), 'the Harbour Gazette');
  assert.deepEqual(only.fragments, []);
});

test('an agent in the middle of the content, or no "by" after the cue, gives no source', () => {
  const text = 'The move was seen as a demotion by some in the party. The plan was praised.';
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  assert.equal(withAgent(text, at('was seen'), [at('as a demotion by some in the party')]).source, undefined);
  assert.equal(withAgent(text, at('was praised'), [at('The plan')]).source, undefined);
});

test('a content that opens with a quotation after words of its clause starts at those words', () => {
  const text = 'She called the plan “reckless” on Monday. He said, “It is fine.” They called it, “odd.”';
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const show = (r: { start: number; end: number }[]) => r.map((f) => text.slice(f.start, f.end));
  const none = overlapIndex([]);
  assert.deepEqual(show(withObject(text, [at('“reckless”')], at('called').end, none)), ['the plan “reckless”']);
  assert.deepEqual(show(withObject(text, [at('“It is fine.”')], at('said').end, none)), ['“It is fine.”']);
  assert.deepEqual(show(withObject(text, [at('“odd.”')], at('called it').start + 6, none)), ['“odd.”']);
  assert.deepEqual(show(withObject(text, [at('“reckless”')], at('called').end, overlapIndex([at('the plan')]))), ['“reckless”']);
});

test('an offset inside curly, straight or doubled-apostrophe quotation marks of its paragraph is in a quotation', () => {
  const text = "“We hope,” she said. \"Fares fall\" now. ''Ships sail,'' he wrote.\n\nNew “start";
  const inside = quotationIndex(text);
  assert.equal(inside(text.indexOf('hope')), true);
  assert.equal(inside(text.indexOf('she')), false);
  assert.equal(inside(text.indexOf('fall')), true);
  assert.equal(inside(text.indexOf('now')), false);
  assert.equal(inside(text.indexOf('sail')), true);
  assert.equal(inside(text.indexOf('wrote')), false);
  assert.equal(inside(text.indexOf('New')), false);
  assert.equal(inside(text.indexOf('start')), true);
});

test('a cue inside a quotation is left out unless it is a verb of saying', () => {
  const text = 'Ana Ruiz said: “Critics believe the port is doomed. Ben Ode told us it is not.” Critics believe it.';
  const brat = toBrat(reportOfParts(text, [['Critics', 'believe', 'the port is doomed'], ['Ben Ode', 'told', 'it is not']]));
  assert.ok(!/\tCue [0-9 ]+\tbelieve$/m.test(brat));
  assert.match(brat, /\tCue [0-9 ]+\ttold$/m);
  const outside = text.lastIndexOf('believe');
  const report = reportOfParts(text, []);
  const plain = { ...report, attributions: [{ id: 'a1', source: { start: outside - 8, end: outside - 1, text: 'Critics', type: 'named' }, grade: 'named', cue: { start: outside, end: outside + 7, text: 'believe' }, content: { start: outside + 8, end: outside + 10, text: 'it' }, hedged: false }] } as unknown as Report;
  assert.match(toBrat(plain), /\tCue [0-9 ]+\tbelieve$/m);
});

test('a raising verb\'s subject is no source but the first fragment of its content', () => {
  const text = 'The ferry line appears to be losing money. Ana Ruiz said the line is fine.';
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const show = (r?: { start: number; end: number }[]) => r?.map((f) => text.slice(f.start, f.end));
  assert.deepEqual(show(raisedSubject(text, at('appears'), at('The ferry line'), [at('to be losing money')])), ['The ferry line', 'to be losing money']);
  assert.equal(raisedSubject(text, at('said'), at('Ana Ruiz'), [at('the line is fine')]), undefined);
  const brat = toBrat(reportOfParts(text, [['The ferry line', 'appears', 'to be losing money']]));
  assert.ok(!brat.includes('\tSource '));
  assert.match(brat, /\tContent 0 14;23 41\tThe ferry line to be losing money/);
});

test('a content after its cue that ends at a closing mark runs on to the end of its sentence', () => {
  const text = 'Ana Ruiz said the port is “in good shape” despite the storm. Ben Ode thinks it is “fine” and Eva Lind said so too.';
  const report = reportOfParts(text, [['Ana Ruiz', 'said', 'the port is “in good shape”'], ['Ben Ode', 'thinks', 'it is “fine”'], ['Eva Lind', 'said so', 'so too']]);
  const sentences = [{ id: 's1', start: 0, end: text.indexOf(' Ben') }, { id: 's2', start: text.indexOf('Ben'), end: text.length }];
  const lines = toBrat({ ...report, sentences } as unknown as Report).split('\n').filter((l) => l.includes('\tContent '));
  assert.equal(lines[0]!.split('\t')[2], 'the port is “in good shape” despite the storm');
  assert.equal(lines[1]!.split('\t')[2], 'it is “fine”');
});

test('a source after its cue keeps a restrictive relative clause and the names after a slash', () => {
  const text = '“The pier is safe,” said Ana Ruiz, a port engineer who inspected it. “Fares rise,” found a Gazette/Harbour Radio poll.';
  const report = reportOfParts(text, [['Ana Ruiz', 'said', '“The pier is safe,”'], ['a Gazette', 'found', '“Fares rise,”']]);
  const sources = toBrat(report).split('\n').filter((l) => l.includes('\tSource ')).map((l) => l.split('\t')[2]);
  assert.deepEqual(sources, ['Ana Ruiz, a port engineer who inspected it', 'a Gazette/Harbour Radio poll']);
});

test('a sourceless cue after ", who" or ", which" takes the pronoun as its source, unless it is a passive', () => {
  const text = '“The pier is safe,” said Ana Ruiz, who has argued that fares must fall. The ferry line, which was praised for its timetable, lost money.';
  const report = reportOfParts(text, [['Ana Ruiz', 'said', '“The pier is safe,”'], [undefined, 'argued', 'fares must fall'], [undefined, 'was praised', 'for its timetable']]);
  const lines = toBrat(report).split('\n');
  const sources = lines.filter((l) => l.includes('\tSource ')).map((l) => l.split('\t')[2]);
  assert.deepEqual(sources, ['Ana Ruiz', 'who']);
  assert.ok(lines.some((l) => l.startsWith('T') && l.includes('Attribution-no-source') && l.endsWith('\twas praised')));
});

test('a source after its cue leaves out a describing clause that opens with another attribution\'s cue', () => {
  const text = '“Fares will rise,” said Ana Ruiz, recalling the winter of the storm. “The pier is safe,” wrote Tom Berg, a port engineer.';
  const report = reportOfParts(text, [['Ana Ruiz', 'said', '“Fares will rise,”'], [undefined, 'recalling', 'the winter of the storm'], ['Tom Berg', 'wrote', '“The pier is safe,”']]);
  const sources = toBrat(report).split('\n').filter((l) => l.includes('\tSource ')).map((l) => l.split('\t')[2]);
  assert.deepEqual(sources, ['Ana Ruiz', 'Tom Berg, a port engineer']);
});

test('a source standing for a relative pronoun before its cue is the pronoun also past a dash, a contraction or an auxiliary', () => {
  const text = 'The plan came from Ana Ruiz — who’d previously argued it would hurt farmers. It was Tom Berg, who has not said it would hurt farmers.';
  const first = reportOfParts(text, [['Ana Ruiz', 'argued', 'it would hurt farmers']]);
  assert.equal(toBrat(first).split('\n')[0], 'T1\tSource 30 33\twho');
  const said = text.indexOf('said');
  const second = { document: { text }, attributions: [{ id: 'a1', source: { start: text.indexOf('Tom Berg'), end: text.indexOf('Tom Berg') + 8, text: 'Tom Berg', type: 'named' }, grade: 'named', cue: { start: said, end: said + 4, text: 'said' }, content: { start: said + 5, end: text.length - 1, text: '' }, hedged: false }] } as unknown as Report;
  assert.equal(toBrat(second).split('\n')[0]!.split('\t')[2], 'who');
});

test('a cue takes an adverb that ends its clause, "repeatedly" and the like, and "on Twitter" after it', () => {
  const cases: [string, string][] = [
    ['“The pier is safe,” Ana Ruiz said dryly. ', 'said dryly'],
    ['Ana Ruiz has said repeatedly the pier is safe. ', 'has said repeatedly'],
    ['Ana Ruiz wrote on Twitter the pier is safe. ', 'wrote on Twitter'],
    ['Ana Ruiz said nearly every pier is safe. ', 'said'],
  ];
  for (const [text, cue] of cases) {
    const verb = /(?:has )?(?:said|wrote)/.exec(text)!;
    const report = { document: { text }, attributions: [{ id: 'a1', source: { start: text.indexOf('Ana Ruiz'), end: text.indexOf('Ana Ruiz') + 8, text: 'Ana Ruiz', type: 'named' }, grade: 'named', cue: { start: verb.index, end: verb.index + verb[0].length, text: verb[0] }, content: { start: text.indexOf('pier') - 4, end: text.indexOf('safe') + 4, text: '' }, hedged: false }] } as unknown as Report;
    assert.equal(toBrat(report).split('\n').find((l) => l.includes('\tCue '))!.split('\t')[2], cue, text);
  }
});

test('a share or count as source keeps the approximation before it, not "only"', () => {
  const cases: [string, string][] = [
    ['Nearly half said it would hurt farmers.', 'Nearly half'],
    ['At least a dozen growers said it would hurt farmers.', 'At least a dozen growers'],
    ['Only 9 percent said it would hurt farmers.', '9 percent'],
  ];
  for (const [text, source] of cases) {
    const named = source === '9 percent' ? '9 percent' : source.replace(/^(?:Nearly|At least) /, '');
    assert.equal(toBrat(reportOf(text, named, 'said')).split('\n')[0]!.split('\t')[2], source, text);
  }
});

test('a source keeps no participle clause after a comma, before or after its cue, but keeps "including"', () => {
  const before = 'Tom Berg, hoping to win the harbour vote, said it would hurt farmers.';
  assert.equal(toBrat(reportOf(before, 'Tom Berg', 'said')).split('\n')[0]!.split('\t')[2], 'Tom Berg');
  const listed = 'Several growers, including Tom Berg, said it would hurt farmers.';
  assert.equal(toBrat(reportOf(listed, 'Several growers', 'said')).split('\n')[0]!.split('\t')[2], 'Several growers, including Tom Berg,');
  const text = '“The pier is safe,” said Ana Ruiz, speaking of the storm.';
  const report = reportOfParts(text, [['Ana Ruiz', 'said', '“The pier is safe,”']]);
  assert.equal(toBrat(report).split('\n')[0]!.split('\t')[2], 'Ana Ruiz');
});

test('a content that is its own source after the cue becomes what precedes the cue in its sentence', () => {
  const text = 'The pier will reopen in May, according to people close to the port. Fares rose.';
  const source = { start: text.indexOf('people'), end: text.indexOf(' port') + 5 };
  const report = { document: { text }, sentences: [{ start: 0, end: text.indexOf(' Fares') }, { start: text.indexOf('Fares'), end: text.length }], attributions: [{ id: 'a1', source: { ...source, text: '', type: 'vague' }, grade: 'vague', cue: { start: text.indexOf('according'), end: text.indexOf('according') + 12, text: 'according to' }, content: source, hedged: false }] } as unknown as Report;
  const lines = toBrat(report).split('\n');
  assert.equal(lines.find((l) => l.includes('\tContent '))!.split('\t')[2], 'The pier will reopen in May');
});

test('a content that runs over a line break without opening a quotation ends at the break, freeing the attributions after it', () => {
  const text = 'Ana Ruiz believes the pier is safe.\nTom Berg said the fares will rise.';
  const brat = toBrat(reportOfParts(text, [['Ana Ruiz', 'believes', 'the pier is safe.\nTom Berg said the fares will rise'], ['Tom Berg', 'said', 'the fares will rise']]));
  const contents = brat.split('\n').filter((l) => l.includes('\tContent ')).map((l) => l.split('\t')[2]);
  assert.deepEqual(contents, ['the pier is safe.', 'the fares will rise']);
});

test('a source after its cue takes no describing clause that runs into its own content ("According to X, the ferry ran …")', () => {
  const text = 'According to Harbour Board records, the ferry ran 333 times. According to Ana Ruiz, a port engineer, the pier is safe.';
  const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
  const cue2 = text.indexOf('According', 5);
  const report = { document: { text }, attributions: [
    { id: 'a1', source: { ...span('Harbour Board records'), type: 'vague' }, grade: 'vague', cue: { start: 0, end: 12, text: 'According to' }, content: span('the ferry ran 333 times'), hedged: false },
    { id: 'a2', source: { ...span('Ana Ruiz'), type: 'named' }, grade: 'named', cue: { start: cue2, end: cue2 + 12, text: 'According to' }, content: span('the pier is safe'), hedged: false },
  ] } as unknown as Report;
  const sources = toBrat(report).split('\n').filter((l) => l.includes('\tSource ')).map((l) => l.split('\t')[2]);
  assert.deepEqual(sources, ['Harbour Board records', 'Ana Ruiz, a port engineer']);
});
