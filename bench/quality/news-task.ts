// The everyday-news evaluation set (bench/news/README.md): the runner analyses every article of a half with the
// default pipeline and its models (what `claimtrace analyze` runs) and writes the predictions to
// bench/out/predictions/news-<half>.json; the scorer reads them back and counts them against the hand gold.
// Usage: npm run bench:news [-- --half tune|validation|sample] [--errors]   (all present sets by default; --errors
// lists tune and sample errors, the held-back validation half's only with --validation-errors)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeDocument, extractPure, resolveOptions } from '../../src/engine/analyze.js';
import { rates, resolveGold, scoreArticle, sumCounts, uncoveredText, type ArticleScore, type NewsGold, type NewsGoldFile, type NewsPrediction, type NewsRates } from './news-metric.js';

const ROOT = join(import.meta.dirname, '..', '..');
const NEWS = join(ROOT, 'bench', 'news');
const OUT = join(ROOT, 'bench', 'out', 'predictions');
/** The sets, in table order; the sample is a third-party article scored only where its text is on this machine. */
export const NEWS_SETS = ['tune', 'validation', 'sample'] as const;
/** One of {@link NEWS_SETS}. */
export type NewsSet = (typeof NEWS_SETS)[number];

/** A gold file or article that could not be used, or an article the pipeline failed on. */
export interface NewsProblem {
  /** The file, or the article id and field. */
  readonly where: string;
  readonly kind: 'left out' | 'pipeline failed';
  /** What went wrong; may quote the article. */
  readonly detail: string;
}

/** The gold of one set as read, with the files that could not be used and why. */
interface LoadedSet {
  readonly articles: readonly NewsGold[];
  readonly problems: readonly NewsProblem[];
  /** Text that no claim entry seems to cover (the article is still scored). */
  readonly warnings: readonly string[];
  /** sha256 over the gold files (and a sample's text hash), for the floors. */
  readonly hash: string;
}

/** The gold files of a set: every `*.json` of bench/news/<set>/ (sample: sample-gold.json, one article or a list). */
function goldFiles(set: NewsSet): string[] {
  const dir = join(NEWS, set);
  if (!existsSync(dir)) return [];
  if (set === 'sample') return existsSync(join(dir, 'sample-gold.json')) ? [join(dir, 'sample-gold.json')] : [];
  return readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((n) => join(dir, n));
}

/** The text a gold file is about: inline, or a file outside the repo whose sha256 must match. */
function textOf(file: NewsGoldFile, path: string): string {
  if (typeof file.text === 'string') return file.text;
  if (!file.textFile) throw new Error(`${file.id}: neither text nor textFile`);
  const candidates = isAbsolute(file.textFile) ? [file.textFile] : [resolve(ROOT, file.textFile), resolve(dirname(path), file.textFile)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`${file.id}: text file ${file.textFile} is not on this machine`);
  const bytes = readFileSync(found);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (file.textSha256 && sha !== file.textSha256) throw new Error(`${file.id}: ${file.textFile} has sha256 ${sha.slice(0, 12)}, the gold was written for ${file.textSha256.slice(0, 12)}`);
  return bytes.toString('utf8');
}

/** Reads and resolves a set's gold. */
export function loadNewsSet(set: NewsSet): LoadedSet {
  return loadGoldFiles(goldFiles(set));
}

/** Reads and resolves gold files (each one article or a list); one that does not resolve is reported and left out. */
export function loadGoldFiles(paths: readonly string[]): LoadedSet {
  const articles: NewsGold[] = [];
  const problems: NewsProblem[] = [];
  const warnings: string[] = [];
  const hash = createHash('sha256');
  for (const path of paths) {
    const raw = readFileSync(path);
    hash.update(basename(path)).update(raw);
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch (err) {
      problems.push({ where: basename(path), kind: 'left out', detail: `not JSON (${(err as Error).message})` });
      continue;
    }
    for (const file of (Array.isArray(parsed) ? parsed : [parsed]) as NewsGoldFile[]) {
      try {
        const text = textOf(file, path);
        if (file.textSha256) hash.update(file.textSha256);
        const gold = resolveGold(file, text);
        articles.push(gold);
        for (const gap of uncoveredText(gold)) warnings.push(`${gold.id}: no claim entry covers ${JSON.stringify(gap.slice(0, 60))}`);
      } catch (err) {
        const message = (err as Error).message;
        const colon = message.indexOf(': ');
        const where = colon === -1 ? String(file?.id ?? basename(path)) : message.slice(0, colon);
        problems.push({ where, kind: 'left out', detail: colon === -1 ? message : message.slice(colon + 2) });
      }
    }
  }
  return { articles, problems, warnings, hash: hash.digest('hex') };
}

/** The pipeline's output for one article, reduced to what the measures read. */
export function predictArticle(text: string, options = resolveOptions({})): NewsPrediction {
  const doc = analyzeDocument(extractPure({ text }, options), options);
  const span = (r: { start: number; end: number }) => ({ start: r.start, end: r.end });
  return {
    attributions: doc.all('attribution').map((a) => ({
      ...(a.sourceSpan ? { sourceSpan: span(a.sourceSpan) } : {}),
      cue: span(a.cue),
      grade: a.grade,
      hedged: a.hedged,
      ...(a.resolvesTo ? { resolvesTo: span(a.resolvesTo) } : {}),
    })),
    quantities: doc.all('quantity').map((x) => ({ id: x.id, start: x.start, end: x.end, value: x.value, bound: x.bound, quantityKind: x.quantityKind })),
    findings: doc.findings.map((f) => ({ rule: f.rule, start: f.start, end: f.end, annotationIds: [...f.annotationIds] })),
  };
}

function predictOrEmpty(gold: NewsGold, options: ReturnType<typeof resolveOptions>, failures: NewsProblem[]): NewsPrediction {
  try {
    return predictArticle(gold.text, options);
  } catch (err) {
    failures.push({ where: gold.id, kind: 'pipeline failed', detail: `${(err as Error).message}; scored as predicting nothing` });
    return { attributions: [], quantities: [], findings: [] };
  }
}

/** One set's result. */
export interface NewsResult {
  readonly set: NewsSet;
  readonly articles: number;
  readonly problems: readonly NewsProblem[];
  readonly warnings: readonly string[];
  readonly hash: string;
  readonly perArticle: readonly ArticleScore[];
  readonly rates: NewsRates;
  readonly ms: number;
}

/** Runs the pipeline on a set (predictions to bench/out/predictions/news-<set>.json) and scores them; undefined when the set has no gold here. */
export function runNews(set: NewsSet, outDir = OUT, only: readonly string[] = []): NewsResult | undefined {
  const whole = loadNewsSet(set);
  // --only: articles whose id starts with one of the given prefixes (a new round scored fresh before it joins).
  const loaded = only.length === 0 ? whole : { ...whole, articles: whole.articles.filter((a) => only.some((p) => a.id.startsWith(p))) };
  if (loaded.articles.length === 0 && loaded.problems.length === 0) return undefined;
  const t0 = performance.now();
  const options = resolveOptions({});
  const failures: NewsProblem[] = [];
  // An article the pipeline fails on is scored as predicting nothing, and named among the set's problems.
  const predictions = Object.fromEntries(loaded.articles.map((gold) => [gold.id, predictOrEmpty(gold, options, failures)]));
  const ms = performance.now() - t0;
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, `news-${set}.json`);
  writeFileSync(path, `${JSON.stringify(predictions)}\n`);
  const read = JSON.parse(readFileSync(path, 'utf8')) as Record<string, NewsPrediction>;
  const perArticle = loaded.articles.map((gold) => scoreArticle(gold, read[gold.id]!));
  return { set, articles: loaded.articles.length, problems: [...loaded.problems, ...failures], warnings: loaded.warnings, hash: loaded.hash, perArticle, rates: rates(sumCounts(perArticle.map((a) => a.counts))), ms };
}

/** The measures of each set side by side, as a Markdown table (value, then numerator/denominator). */
export function newsTable(results: readonly NewsResult[]): string {
  const cell = ([value, n, d]: readonly [number, number, number]) => (d === 0 ? '–' : `${value.toFixed(3)} (${n}/${d})`);
  const lines = [`| measure | ${results.map((r) => `${r.set} (${r.articles})`).join(' | ')} |`, `|---|${results.map(() => '---|').join('')}`];
  for (const key of Object.keys(results[0]?.rates ?? {})) lines.push(`| ${key} | ${results.map((r) => cell(r.rates[key]!)).join(' | ')} |`);
  return lines.join('\n');
}

/** Each article's errors, one line each. */
export function newsErrors(result: NewsResult): string {
  return result.perArticle.map((a) => [`## ${result.set} ${a.id} (${a.errors.length})`, ...a.errors.map((e) => `- ${e}`)].join('\n')).join('\n\n');
}

/** Rates of errors (lower is better) and the name each is gated under as its complement. */
const LOWER_IS_BETTER: Readonly<Record<string, string>> = {
  'look-alikes taken (rate)': 'look-alikes left alone',
  'non-figures as statistics (rate)': 'non-figures left alone',
  'numeric false warnings': 'numeric warnings right',
  'silent sums broken (rate)': 'silent sums left alone',
  'false-flag rate': 'sourced claims left unflagged',
};

/** Measures for the floors, each oriented so that higher is better (rates of errors become their complement). */
export function newsGateScores(r: NewsRates): Record<string, number> {
  const higher = ['source recall', 'source precision', 'grade accuracy', 'antecedent accuracy', 'hedged accuracy', 'figure recall', 'bound accuracy', 'numeric findings recall', 'unsourced claims recall'];
  const scores: Record<string, number> = {};
  for (const key of higher) if (!Number.isNaN(r[key]![0])) scores[key] = r[key]![0];
  for (const [key, name] of Object.entries(LOWER_IS_BETTER)) if (!Number.isNaN(r[key]![0])) scores[name] = 1 - r[key]![0];
  return scores;
}

/**
 * Floors for a set as bench/quality/floors.json holds them (`--pin` prints them for the lead to paste): each gate score
 * minus the larger of 0.02 and one item of its denominator, rounded down to 3 decimals, with the set's hash.
 */
export function pinnedFloors(r: NewsResult): { dataSha256: string; epsilon: number; floors: Record<string, number>; measured: Record<string, number> } {
  const scores = newsGateScores(r.rates);
  const denominators: Record<string, number> = {};
  for (const [key, [, , d]] of Object.entries(r.rates)) denominators[key] = d;
  const rateOf = Object.fromEntries(Object.entries(LOWER_IS_BETTER).map(([rate, name]) => [name, rate]));
  const floors: Record<string, number> = {};
  for (const [key, value] of Object.entries(scores)) {
    const d = denominators[rateOf[key] ?? key] ?? 0;
    floors[key] = Math.floor((value - Math.max(0.02, d > 0 ? 1 / d : 0)) * 1000) / 1000;
  }
  return { dataSha256: r.hash, epsilon: 0.005, floors, measured: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, Math.round(v * 1000) / 1000])) };
}

/** Prints a set's summary lines: problems, time, and for the sample the share of unsourced claims flagged. */
export function newsNotes(result: NewsResult): string {
  // The validation half's words are never printed: its problems name only the file and field, its warnings a count.
  const held = result.set === 'validation';
  const problems = result.problems.map((p) => `${p.where}: ${p.kind}${held && p.kind === 'left out' ? '' : `: ${p.detail}`}`);
  const warnings = result.warnings.length > 0 ? [`${result.warnings.length} stretch(es) of text without a claim entry${held ? '' : ' (npm run bench:news -- --errors lists them)'}`] : [];
  const notes = [...problems.map((p) => `${result.set}: ${p}`), ...warnings.map((w) => `${result.set}: check the gold: ${w}`)];
  notes.push(`${result.set}: ${result.articles} articles analysed in ${Math.round(result.ms)} ms`);
  if (result.set === 'sample') {
    const [, n, d] = result.rates['unsourced claims recall']!;
    notes.push(`sample: unattributed claims flagged: ${n} of ${d}`);
  }
  return notes.join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const halfAt = args.indexOf('--half');
  const wanted = halfAt === -1 ? [...NEWS_SETS] : [args[halfAt + 1] as NewsSet];
  if (wanted.some((set) => !NEWS_SETS.includes(set))) throw new Error(`--half takes one of ${NEWS_SETS.join(', ')}`);
  const onlyAt = args.indexOf('--only');
  const only = onlyAt === -1 ? [] : (args[onlyAt + 1] ?? '').split(',').filter(Boolean);
  const results = wanted.map((set) => runNews(set, OUT, only)).filter((r): r is NewsResult => r !== undefined);
  if (results.length === 0) return void console.log('bench:news: no gold found');
  // Errors quote the articles: the held-back validation half's only with --validation-errors (its writer and the lead).
  const errorSets = results.filter((r) => (r.set === 'validation' ? args.includes('--validation-errors') : args.includes('--errors')));
  for (const result of errorSets) console.log(`${[...result.warnings.map((w) => `${result.set}: check the gold: ${w}`), newsErrors(result)].join('\n')}\n`);
  for (const result of results) console.log(newsNotes(result));
  if (args.includes('--pin')) return void console.log(JSON.stringify(Object.fromEntries(results.filter((r) => r.set !== 'sample').map((r) => [r.set, pinnedFloors(r)])), null, 2));
  console.log(`\nEveryday news (bench/news), micro-averaged over each set:\n\n${newsTable(results)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
