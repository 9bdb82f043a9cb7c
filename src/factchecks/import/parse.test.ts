import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ClaimtraceError } from '../../core/errors.js';
import { parseColumns } from './csv.js';
import { parseFactChecks } from './parse.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

/** The error code `fn` throws. */
function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof ClaimtraceError) return err.code;
    throw err;
  }
  return 'no error';
}

test('a page with a ClaimReview in a @graph gives its claim, rating, publisher by reference, dates, language and claimant', () => {
  const parsed = parseFactChecks(fixture('claimreview-page.html'));
  assert.equal(parsed.format, 'claimreview-html');
  assert.deepEqual(parsed.factChecks, [{
    claim: 'Ferry fares to Vellmar Island doubled in 2024.',
    url: 'https://harbourcheck.example/checks/ferry-fares-double',
    rating: { name: null, alternateName: 'Mostly false', value: 2, best: 5, worst: 1 },
    publisher: { name: 'Harbour Check', url: 'https://harbourcheck.example/' },
    date: '2024-05-06',
    language: 'en',
    claimant: 'Tomas Ekdal',
    claimDate: '2024-05-01',
    title: 'Did the Vellmar ferry fares double?',
  }]);
});

test('a fetched page without a url in its ClaimReview takes the address it was fetched from', () => {
  const parsed = parseFactChecks(fixture('claimreview-page.html'), { pageUrl: 'https://harbourcheck.example/amp/ferry' });
  assert.equal(parsed.factChecks[0]!.url, 'https://harbourcheck.example/amp/ferry');
});

test('a JSON-LD script that is not valid JSON is a skipped record and the others are read', () => {
  const html = '<html><head><script type="application/ld+json">{ "@type": "ClaimReview", </script>'
    + '<script type=application/ld+json>[{"@type":"ClaimReview","url":"https://a.example/c","claimReviewed":"The bridge opened in 1999."}]</script></head></html>';
  const parsed = parseFactChecks(html);
  assert.deepEqual(parsed.factChecks.map((f) => f.claim), ['The bridge opened in 1999.']);
  assert.deepEqual(parsed.skipped.map((s) => [s.record, s.code]), [['script[0]', 'E_FACTCHECK_INVALID']]);
});

test('scripts that are not JSON-LD are never read, even when they mention ClaimReview', () => {
  const html = '<script>var x = {"@type":"ClaimReview","url":"https://a.example/c","claimReviewed":"Hidden."}</script><p>No markup here.</p>';
  assert.equal(codeOf(() => parseFactChecks(html)), 'E_FACTCHECK_NONE');
});

test('a script that never closes ends the scan without reading past it', () => {
  const html = `<script type="application/ld+json">${'<script type="application/ld+json">'.repeat(20_000)}`;
  assert.equal(codeOf(() => parseFactChecks(html)), 'E_FACTCHECK_NONE');
});

test('a Google Fact Check Tools response gives one fact-check per claimReview, textual rating as alternateName and site as publisher URL', () => {
  const parsed = parseFactChecks(fixture('google-claims.json'));
  assert.equal(parsed.format, 'google-claims');
  assert.deepEqual(parsed.factChecks.map((f) => [f.claim, f.url, f.rating.alternateName, f.publisher.url, f.language, f.date, f.claimant, f.claimDate]), [
    ['The Tarnholm lighthouse will be sold to a hotel chain.', 'https://harbourcheck.example/checks/lighthouse-sale', 'False', 'https://harbourcheck.example/', 'en', '2024-02-14', 'Coast Post reader forum', '2024-02-11'],
    ['The Tarnholm lighthouse will be sold to a hotel chain.', 'https://faktakoll.example/fyren', 'Falskt', 'https://faktakoll.example/', 'sv', '2024-02-15', 'Coast Post reader forum', '2024-02-11'],
  ]);
});

test('a Google review without a link is skipped by its path with E_FACTCHECK_INVALID', () => {
  const parsed = parseFactChecks(fixture('google-claims.json'));
  assert.deepEqual(parsed.skipped, [{ record: '$.claims[1].claimReview[0]', code: 'E_FACTCHECK_INVALID', reason: 'it has no http(s) link to the fact-check (url)' }]);
});

test('an empty Google response is read as no fact-checks, not as an error', () => {
  assert.deepEqual(parseFactChecks('{"claims": []}'), { format: 'google-claims', factChecks: [], skipped: [] });
});

test('a Data Commons DataFeed gives the ClaimReviews of its items, skipping one without a claim', () => {
  const parsed = parseFactChecks(fixture('datacommons-feed.json'));
  assert.equal(parsed.format, 'datacommons-feed');
  assert.deepEqual(parsed.factChecks.map((f) => [f.claim, f.rating.value, f.rating.alternateName, f.rating.name, f.claimant, f.date, f.language]), [
    ['The north quay has been closed for three years.', 1, 'False', null, 'Brennmoor Harbour Board', '2024-03-02', null],
    ['Fish prices at the Tarnholm market rose 40% in a year.', null, null, 'Mostly true', null, '2024-04-09', 'en'],
  ]);
  assert.deepEqual(parsed.skipped.map((s) => [s.record, s.reason]), [['$.dataFeedElement[1].item[0]', 'it names no claim (claimReviewed)']]);
});

test('ClaimReview JSON Lines are read line by line', () => {
  const lines = [
    '{"@type":"ClaimReview","url":"https://a.example/1","claimReviewed":"The pier is 300 metres long."}',
    '',
    '{"@type":"ClaimReview","url":"https://a.example/2","claimReviewed":"The pier was built in 1910."}',
  ].join('\n');
  const parsed = parseFactChecks(lines);
  assert.deepEqual(parsed.factChecks.map((f) => f.url), ['https://a.example/1', 'https://a.example/2']);
});

test('a TSV with --columns maps its headers to fields and skips a row whose link is not a URL', () => {
  const columns = parseColumns('claim=Claim text,rating=Verdict,url=Link,publisher=Checked by,date=Published');
  const parsed = parseFactChecks(fixture('checks.tsv'), { columns });
  assert.equal(parsed.format, 'tsv');
  assert.deepEqual(parsed.factChecks.map((f) => [f.claim, f.rating.name, f.publisher.name, f.date]), [
    ['Ferry fares to Vellmar Island doubled in 2024.', 'Mostly false', 'Harbour Check', '2024-05-06'],
    ['Tarnholm school roof repairs were never paid for.', 'False', 'Coast Facts', '2024-05-12'],
  ]);
  assert.deepEqual(parsed.skipped.map((s) => [s.record, s.code]), [['line 3', 'E_FACTCHECK_INVALID']]);
});

test('a CSV whose headers are named like the fields needs no --columns', () => {
  const csv = 'claim,Rating,URL\n"The tunnel is 4 km long, the board says.",True,https://a.example/tunnel\n';
  assert.deepEqual(parseFactChecks(csv).factChecks.map((f) => [f.claim, f.rating.name]), [['The tunnel is 4 km long, the board says.', 'True']]);
});

test('a CSV without a claim or url column asks for --columns', () => {
  assert.equal(codeOf(() => parseFactChecks('Statement,Verdict\nThe tunnel is long.,True\n')), 'E_OPTION_INVALID');
});

test('a --columns entry naming a header the file does not have is refused', () => {
  assert.equal(codeOf(() => parseFactChecks('claim,url\nA.,https://a.example/\n', { columns: parseColumns('rating=Verdict') })), 'E_OPTION_INVALID');
});

test('--columns refuses an unknown field and a pair without =', () => {
  assert.deepEqual([codeOf(() => parseColumns('verdict=Rating')), codeOf(() => parseColumns('claim'))], ['E_OPTION_INVALID', 'E_OPTION_INVALID']);
});

test('a CSV column named __proto__ is only a name: no object prototype changes', () => {
  const csv = '__proto__,claim,url\npolluted,The quay reopened.,https://a.example/q\n';
  const parsed = parseFactChecks(csv);
  assert.equal(parsed.factChecks.length, 1);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('a JSON-LD __proto__ key sets no prototype and a constructor key is not read as a field', () => {
  const json = '{"__proto__":{"polluted":true},"@type":"ClaimReview","url":"https://a.example/p","claimReviewed":"The ferry is free on Sundays."}';
  const parsed = parseFactChecks(json);
  assert.equal(parsed.factChecks.length, 1);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('JSON nested deeper than the walk goes is searched no further and does not crash', () => {
  const deep = `${'['.repeat(5000)}{"@type":"ClaimReview","url":"https://a.example/d","claimReviewed":"Deep."}${']'.repeat(5000)}`;
  assert.equal(codeOf(() => parseFactChecks(deep)), 'E_FACTCHECK_NONE');
});

test('a claim over 5,000 characters is skipped with its length', () => {
  const json = JSON.stringify({ '@type': 'ClaimReview', url: 'https://a.example/long', claimReviewed: 'word '.repeat(1200) });
  assert.match(parseFactChecks(json).skipped[0]!.reason, /^its claim is 5999 characters long/);
});

test('text that is neither HTML, JSON nor CSV, and invalid JSON, are format errors', () => {
  assert.deepEqual([codeOf(() => parseFactChecks('just a sentence')), codeOf(() => parseFactChecks('{"claims": [')), codeOf(() => parseFactChecks('  '))], ['E_FACTCHECK_FORMAT', 'E_FACTCHECK_FORMAT', 'E_FACTCHECK_FORMAT']);
});

test('JSON without any ClaimReview says so', () => {
  assert.equal(codeOf(() => parseFactChecks('{"@type":"NewsArticle","headline":"Pier sold"}')), 'E_FACTCHECK_NONE');
});

test('character references and line breaks in fields are cleaned', () => {
  const json = '{"@type":"ClaimReview","url":"https://a.example/e","claimReviewed":"Fish &amp; chips cost\\n&#8364;9 at the quay.","author":{"name":"Coast&nbsp;Facts"}}';
  const [fc] = parseFactChecks(json).factChecks;
  assert.deepEqual([fc!.claim, fc!.publisher.name], ['Fish & chips cost €9 at the quay.', 'Coast Facts']);
});

test('arbitrary text, JSON and markup either parse or fail with a catalogue code, never anything else', async () => {
  const fc = await import('fast-check');
  const inputs = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.json({ maxDepth: 6 }),
    fc.string({ maxLength: 200 }).map((s) => `<script type="application/ld+json">${s}</script>`),
    fc.string({ maxLength: 200 }).map((s) => `claim,url\n${s}`),
    fc.record({ claimReviewed: fc.jsonValue(), url: fc.oneof(fc.webUrl(), fc.jsonValue()), reviewRating: fc.jsonValue(), author: fc.jsonValue(), datePublished: fc.jsonValue(), itemReviewed: fc.jsonValue(), inLanguage: fc.jsonValue() })
      .map((r) => JSON.stringify({ '@type': 'ClaimReview', ...r })),
  );
  fc.assert(fc.property(inputs, (text) => {
    try {
      const parsed = parseFactChecks(text);
      for (const s of parsed.skipped) assert.equal(s.code, 'E_FACTCHECK_INVALID');
    } catch (err) {
      assert.ok(err instanceof ClaimtraceError, String(err));
    }
  }), { numRuns: 2000, seed: 14 });
});

test('a list of saved Google response pages is read page by page, and JSON Lines of pages line by line', () => {
  const page = (n: number) => ({ claims: [{ text: `The tunnel toll is ${n} euros.`, claimReview: [{ url: `https://a.example/toll-${n}`, textualRating: 'False' }] }] });
  assert.deepEqual(parseFactChecks(JSON.stringify([page(1), page(2)])).factChecks.map((f) => f.url), ['https://a.example/toll-1', 'https://a.example/toll-2']);
  const lines = parseFactChecks(`${JSON.stringify(page(3))}\n${JSON.stringify({ claims: [{ text: 'No review.' }] })}`);
  assert.deepEqual([lines.factChecks.map((f) => f.url), lines.skipped.map((s) => s.record)], [['https://a.example/toll-3'], ['line 2.claims[0]']]);
});
