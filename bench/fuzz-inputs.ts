/**
 * Hostile inputs for the fuzz run (bench/fuzz.ts) and its bounded copy in test/property.test.ts: seeded fast-check
 * generators, one per kind of trouble, and the checks every report must pass.
 */
import fc from 'fast-check';
import type { Report } from '../src/core/report-schema.js';
import { ReportSchema } from '../src/core/report-schema.js';

/** One fuzz input: plain text or an HTML page. */
export type FuzzInput = { readonly text: string } | { readonly html: string };

const WORDS = [
  'According', 'to', 'the', 'Gazette', ',', 'at least', 'some', '80,000', 'up to', '12%', 'said', 'says', 'told', 'that', 'of', 'a total of',
  '“', '”', '"', '(', ')', 'If', 'is to be believed', 'experts', 'warn', 'this newspaper', 'Mr.', 'U.S.', 'No. 10', 'between 2000 and 2018',
  'tens of thousands', 'MI-5', 'reportedly', 'boats', 'sank', 'million', 'billion', 'per cent', '$4bn', '€3.2', 'half', 'two thirds', '.', '?', '!',
];
const QUOTES = ['“', '”', '"', "'", '‘', '’', '«', '»', '„', '‹', '›', '「', '」'];
const PUNCT = ['=', '-', '!', '?', '.', ',', ';', ':', '…', '—', '–', '*', '#', '"', '“', '(', ')', '[', ']', '/', '\\', '_', '~', '|', '%', '$'];
const SCRIPTS = [
  'Москва заявила, что 40 лодок затонули.', '北京表示有四十艘船沉没。', 'قال المسؤول إن ٤٠ قارباً غرقت.', 'नई दिल्ली ने कहा कि 40 नावें डूब गईं।',
  'שר האוצר אמר', 'Ελλάδα είπε', '👩‍👩‍👧‍👦', '🇳🇴', '😀', 'e\u0301', '\u202E', '\u202D', '\u200B', '\u200D', '\uFEFF', '\r\n', '\r', '\n\n', '\u2028',
  '\u00a0', '\ud800', '\udfff', 'ﬁ', 'İ', '１２３ boats', '٣٤٥', 'said', 'The council said', ' 40 boats', '.', ',', '“', '”', '\t', '\u0000', '\u0085',
];
const TAGS = ['p', 'div', 'span', 'article', 'main', 'nav', 'script', 'style', 'h1', 'li', 'ul', 'br', 'footer', 'a', 'b', 'template', 'svg', 'iframe', 'table', 'td', 'pre', 'noscript', 'title', 'meta', 'head', 'body', 'html'];
const HTML_BITS = [
  '<!--', '-->', '<![CDATA[', ']]>', '<!doctype html>', '</!-->', '<meta name="author" content="x">', '<meta property="article:published_time" content="2024-13-45">',
  '&amp;', '&#x1F600;', '&#0;', '&#xD800;', '&nbsp;', '&', '&#', '<img src=x onerror=alert(1)>', '<a href="x>', '<', '>', '"', "'", '<?xml ?>', '<svg><foreignObject>', '<math>',
  '<p class="byline">By Kari Vik</p>', '<time datetime="2024-02-30">',
];

const newsish = (maxLength: number) => fc.array(fc.constantFrom(...WORDS), { maxLength }).map((ws) => ws.join(' '));
const digits = (min: number, max: number) => fc.integer({ min, max }).chain((n) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((ds) => `${1 + (ds[0]! % 9)}${ds.slice(1).join('')}`));

/** Tokens of 200 to 40,000 characters, alone or in a sentence. */
const longToken = fc
  .tuple(fc.constantFrom('a', 'x9', 'ab-', 'ß', '😀', '.', '9', '9,', 'https://e.example/', '\u0301', 'Ab'), fc.integer({ min: 200, max: 40_000 }), fc.constantFrom('', 'The council said ', 'Officials counted '))
  .map(([unit, n, prefix]) => ({ text: `${prefix}${unit.repeat(Math.ceil(n / unit.length))} boats sank.` }));

/** Figures of 16 to 2,000 digits in every format the quantity reader knows, next to ordinary ones. */
const hugeNumber = fc
  .tuple(
    digits(16, 2000),
    fc.constantFrom('{n}', '{n}.5', '${n}', '€{n} billion', '{n}%', '{n} million', 'up to {n}', 'between 3 and {n}', 'at least {n}', '-{n}', '{n}e400', '1e{n}', '{c}', '{n} trillion trillion'),
    fc.constantFrom('boats sank', 'people', 'per cent of voters', 'euros'),
    fc.boolean(),
  )
  .map(([n, format, unit, total]) => {
    const grouped = n.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const figure = format.replace('{n}', n).replace('{c}', grouped);
    return { text: `The council said ${figure} ${unit}.${total ? ` Of those, 12 and 40 were counted, a total of ${figure}, up from 52 last year.` : ''}` };
  });

/** Quotation marks that open and never close, close without opening, or nest wrongly, around reporting verbs. */
const unbalancedQuotes = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...QUOTES), newsish(8), fc.constantFrom('He said,', 'She told reporters:', 'said', ', said the mayor.', 'according to')), { minLength: 1, maxLength: 60 }), fc.constantFrom(' ', ''))
  .map(([parts, separator]) => ({ text: parts.join(separator) }));

/** Runs of punctuation (up to 3,000 of one mark), with words between them. */
const punctuationRuns = fc
  .array(fc.oneof(fc.tuple(fc.constantFrom(...PUNCT), fc.integer({ min: 1, max: 3000 })).map(([p, n]) => p.repeat(n)), newsish(6)), { minLength: 1, maxLength: 8 })
  .map((parts) => ({ text: parts.join(' ') }));

/** Mixed scripts, emoji sequences, bidi controls, lone surrogates, CRLF and other line breaks. */
const mixedScripts = fc.array(fc.oneof(fc.constantFrom(...SCRIPTS), newsish(5)), { minLength: 1, maxLength: 80 }).map((parts) => ({ text: parts.join(' ') }));

/** HTML fragments: broken tags, comments, CDATA, entities, metadata with impossible dates. */
const htmlFragments = fc
  .array(fc.oneof(newsish(12), fc.constantFrom(...TAGS).map((t) => `<${t}>`), fc.constantFrom(...TAGS).map((t) => `</${t}>`), fc.constantFrom(...HTML_BITS)), { maxLength: 120 })
  .chain((parts) => fc.boolean().map((wrap) => ({ html: wrap ? `<html><body>${parts.join('')}` : parts.join('') })));

/** News-like word salad and arbitrary strings (any code unit, any grapheme). */
const newsText = newsish(200).map((text) => ({ text }));
const arbitrary = fc.oneof(fc.string({ unit: 'binary', maxLength: 1500 }), fc.string({ unit: 'grapheme', maxLength: 500 })).map((text) => ({ text }));

/** Every kind of fuzz input, by name. */
export const FUZZ_KINDS: Readonly<Record<string, fc.Arbitrary<FuzzInput>>> = {
  'long token': longToken,
  'huge number': hugeNumber,
  'unbalanced quotes': unbalancedQuotes,
  'punctuation runs': punctuationRuns,
  'mixed scripts, emoji, CRLF': mixedScripts,
  'HTML fragments': htmlFragments,
  'news-like words': newsText,
  'arbitrary strings': arbitrary,
};

/** `count` inputs of one kind, the same for the same seed. */
export function fuzzInputs(kind: string, count: number, seed: number): FuzzInput[] {
  return fc.sample(FUZZ_KINDS[kind]!, { seed, numRuns: count });
}

/** Paths of every number in a value that is not finite (JSON would write it as null). */
export function nonFiniteNumbers(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => nonFiniteNumbers(v, `${path}.${k}`));
}

/** Every offset range in a report, with where it came from. */
function reportRanges(report: Report): [string, { start: number; end: number }][] {
  const out: [string, { start: number; end: number }][] = [];
  const add = (what: string, list: readonly ({ start: number; end: number } | null)[]) => list.forEach((r) => r && out.push([what, r]));
  add('sentence', report.sentences);
  add('entity', report.entities);
  add('quantity', report.quantities);
  add('claim', report.claims);
  add('technique', report.techniques);
  add('finding', report.findings);
  for (const a of report.attributions) add('attribution', [a.source, a.cue, a.content, a.resolvesTo]);
  return out;
}

/** What is wrong with a report: schema violations, non-finite numbers, ranges outside the text. Empty when nothing is. */
export function reportProblems(report: Report): string[] {
  const problems = nonFiniteNumbers(report).map((path) => `non-finite number at ${path}`);
  const parsed = ReportSchema.safeParse(report);
  if (!parsed.success) problems.push(`schema: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const length = report.document.text.length;
  for (const [what, r] of reportRanges(report)) {
    if (!(Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= length)) {
      problems.push(`${what} [${r.start}, ${r.end}) outside the text of length ${length}`);
    }
  }
  return problems;
}
