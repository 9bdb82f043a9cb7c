// The everyday-news evaluation set (bench/news/, format in bench/news/README.md): gold files are resolved to spans of
// their text, then one article's predictions (attributions, quantities, findings) are counted against them. Pure: the
// task (news-task.ts) reads the files, runs the pipeline and prints.

/** A half-open [start, end) range in UTF-16 units. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where a gold field points: a substring of the text (with an occurrence index beside it) or explicit offsets. */
export type Locator = string | Span;

type Grade = 'named' | 'vague' | 'anaphoric' | 'none';

/** One gold file as written (substrings, or offsets when the text is a third-party file not in the repo). */
export interface NewsGoldFile {
  readonly id: string;
  readonly genre?: string;
  readonly text?: string;
  readonly textFile?: string;
  readonly textSha256?: string;
  readonly attributions?: readonly {
    readonly source: Locator | null;
    readonly sourceAt?: number;
    readonly cue: Locator;
    readonly cueAt?: number;
    readonly grade: Grade;
    readonly antecedent?: Locator | null;
    readonly antecedentAt?: number;
    readonly hedged?: boolean;
  }[];
  readonly notAttributions?: readonly Located[];
  readonly figures?: readonly (Located & { readonly value?: number; readonly bound?: string })[];
  readonly notFigures?: readonly Located[];
  readonly numericFindings?: readonly { readonly rule: string; readonly at: Locator; readonly atAt?: number; readonly why?: string }[];
  readonly numericSilent?: readonly Located[];
  readonly claims: readonly { readonly text: Locator; readonly flag: boolean; readonly why?: string }[];
}

/** A listed span: `text` a substring with `at` its occurrence, or `text`/`at` given as offsets. */
interface Located {
  readonly text?: Locator;
  readonly at?: number | Span;
  readonly why?: string;
}

/** A gold attribution as spans. */
export interface GoldAttribution {
  readonly source?: Span;
  readonly cue: Span;
  readonly grade: Grade;
  readonly antecedent?: Span;
  readonly hedged: boolean;
}

/** A gold article with every locator turned into a span of `text`. */
export interface NewsGold {
  readonly id: string;
  readonly genre: string;
  readonly text: string;
  readonly attributions: readonly GoldAttribution[];
  readonly notAttributions: readonly Span[];
  readonly figures: readonly (Span & { readonly value?: number; readonly bound?: string })[];
  readonly notFigures: readonly Span[];
  readonly numericFindings: readonly (Span & { readonly rule: string })[];
  readonly numericSilent: readonly Span[];
  readonly claims: readonly (Span & { readonly flag: boolean })[];
}

/** What the pipeline produced for one article, reduced to what the measures read. */
export interface NewsPrediction {
  readonly attributions: readonly { readonly sourceSpan?: Span; readonly cue: Span; readonly grade: string; readonly hedged: boolean; readonly resolvesTo?: Span }[];
  readonly quantities: readonly (Span & { readonly id: string; readonly value: number; readonly bound: string; readonly quantityKind: string })[];
  readonly findings: readonly (Span & { readonly rule: string; readonly annotationIds: readonly string[] })[];
}

/** The occurrence of `needle` numbered `nth` (0-based; each search starts one unit after the previous match). */
export function nthIndexOf(text: string, needle: string, nth = 0): number {
  let i = text.indexOf(needle);
  for (let n = 0; n < nth && i !== -1; n++) i = text.indexOf(needle, i + 1);
  return i;
}

/** A locator as a span of `text`; throws with the field's name when it does not fit the text. */
function spanOf(text: string, loc: Locator, nth: number | undefined, field: string): Span {
  if (typeof loc === 'string') {
    const start = loc === '' ? -1 : nthIndexOf(text, loc, nth ?? 0);
    if (start === -1) throw new Error(`${field}: "${loc}" (occurrence ${nth ?? 0}) is not in the text`);
    return { start, end: start + loc.length };
  }
  if (!Number.isInteger(loc.start) || !Number.isInteger(loc.end) || loc.start < 0 || loc.end > text.length || loc.start >= loc.end) {
    throw new Error(`${field}: offsets ${JSON.stringify(loc)} are outside the text`);
  }
  return { start: loc.start, end: loc.end };
}

function locatedSpan(text: string, item: Located, field: string): Span {
  if (item.text !== undefined) return spanOf(text, item.text, typeof item.at === 'number' ? item.at : 0, field);
  if (item.at !== undefined && typeof item.at === 'object') return spanOf(text, item.at, 0, field);
  throw new Error(`${field}: neither text nor offsets`);
}

/** Resolves a gold file against its text; claims must come in text order without overlapping. */
export function resolveGold(file: NewsGoldFile, text: string): NewsGold {
  const id = file.id;
  const attributions = (file.attributions ?? []).map((a, i) => ({
    ...(a.source !== null ? { source: spanOf(text, a.source, a.sourceAt, `${id} attributions[${i}].source`) } : {}),
    cue: spanOf(text, a.cue, a.cueAt, `${id} attributions[${i}].cue`),
    grade: a.grade,
    ...(a.antecedent ? { antecedent: spanOf(text, a.antecedent, a.antecedentAt, `${id} attributions[${i}].antecedent`) } : {}),
    hedged: a.hedged === true,
  }));
  const claims = file.claims.map((c, i) => ({ ...spanOf(text, c.text, 0, `${id} claims[${i}]`), flag: c.flag }));
  claims.forEach((c, i) => {
    if (i > 0 && c.start < claims[i - 1]!.end) throw new Error(`${id} claims[${i}]: out of text order or overlapping the claim before`);
  });
  return {
    id,
    genre: file.genre ?? '',
    text,
    attributions,
    notAttributions: (file.notAttributions ?? []).map((x, i) => locatedSpan(text, x, `${id} notAttributions[${i}]`)),
    figures: (file.figures ?? []).map((f, i) => ({ ...locatedSpan(text, f, `${id} figures[${i}]`), value: f.value, bound: f.bound })),
    notFigures: (file.notFigures ?? []).map((x, i) => locatedSpan(text, x, `${id} notFigures[${i}]`)),
    numericFindings: (file.numericFindings ?? []).map((f, i) => ({ ...spanOf(text, f.at, f.atAt, `${id} numericFindings[${i}]`), rule: f.rule })),
    numericSilent: (file.numericSilent ?? []).map((x, i) => locatedSpan(text, x, `${id} numericSilent[${i}]`)),
    claims,
  };
}

const SENTENCE_END = /[.!?]["”’)]*(?:\s|$)/g;

/**
 * Text that no claim entry seems to cover: anything but whitespace before the first claim or after a claim that
 * quotes a whole sentence, and more than the rest of one sentence after a claim that quotes only its first words.
 */
export function uncoveredText(gold: NewsGold): string[] {
  const gaps: string[] = [];
  const lead = gold.text.slice(0, gold.claims[0]?.start ?? gold.text.length).trim();
  if (lead !== '') gaps.push(lead);
  gold.claims.forEach((claim, i) => {
    const gap = gold.text.slice(claim.end, gold.claims[i + 1]?.start ?? gold.text.length).trim();
    const whole = /[.!?]["”’)]*$/.test(gold.text.slice(claim.start, claim.end));
    if (gap !== '' && (whole || [...gap.matchAll(SENTENCE_END)].length > 1)) gaps.push(gap);
  });
  return gaps;
}

/** Numeric warnings: a finding of one of these rules that matches no gold numeric finding is a false positive. */
export const NUMERIC_RULES: ReadonlySet<string> = new Set(['total-unsupported', 'percentage-over-100', 'range-inverted']);
/** Findings that flag a sentence as stating something without a source. */
export const UNSOURCED_RULES: ReadonlySet<string> = new Set(['unsourced-claim', 'unsourced-statistic']);
/** Quantity kinds that read as statistics. */
const STATISTIC_KINDS: ReadonlySet<string> = new Set(['count', 'percent', 'money']);

/** Numerators and denominators of one article (or of a set, summed); see {@link rates}. */
export interface NewsCounts {
  goldSources: number;
  sourcesMatched: number;
  predictedSources: number;
  predictedSourcesOnGold: number;
  gradeRight: number;
  antecedentGold: number;
  antecedentRight: number;
  hedgedRight: number;
  goldSourceless: number;
  sourcelessFound: number;
  lookAlikes: number;
  lookAlikesTaken: number;
  figures: number;
  figuresFound: number;
  boundRight: number;
  notFigures: number;
  notFiguresReported: number;
  numericGold: number;
  numericFound: number;
  numericPredicted: number;
  numericFalse: number;
  silent: number;
  silentBroken: number;
  flagged: number;
  flaggedFound: number;
  unflagged: number;
  falseFlags: number;
}

/** One article's counts and its errors in words. */
export interface ArticleScore {
  readonly id: string;
  readonly counts: NewsCounts;
  readonly errors: readonly string[];
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const overlapLength = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Zeroed counts. */
export function emptyCounts(): NewsCounts {
  return {
    goldSources: 0, sourcesMatched: 0, predictedSources: 0, predictedSourcesOnGold: 0, gradeRight: 0, antecedentGold: 0, antecedentRight: 0, hedgedRight: 0,
    goldSourceless: 0, sourcelessFound: 0, lookAlikes: 0, lookAlikesTaken: 0, figures: 0, figuresFound: 0, boundRight: 0, notFigures: 0, notFiguresReported: 0,
    numericGold: 0, numericFound: 0, numericPredicted: 0, numericFalse: 0, silent: 0, silentBroken: 0, flagged: 0, flaggedFound: 0, unflagged: 0, falseFlags: 0,
  };
}

/**
 * One-to-one matching of gold sources to predicted attributions whose source overlaps: first pairs whose cues overlap
 * too, then by source overlap alone (largest overlap first). Returns the predicted index of each gold (or -1).
 */
export function matchSources(gold: readonly GoldAttribution[], predicted: NewsPrediction['attributions']): number[] {
  const match = gold.map(() => -1);
  const used = new Set<number>();
  for (const needCue of [true, false]) {
    gold.forEach((g, gi) => {
      if (!g.source || match[gi] !== -1) return;
      let best = -1;
      let bestLength = 0;
      predicted.forEach((p, pi) => {
        if (used.has(pi) || !p.sourceSpan || !overlaps(p.sourceSpan, g.source!)) return;
        if (needCue && !overlaps(p.cue, g.cue)) return;
        const length = overlapLength(p.sourceSpan, g.source!);
        if (length > bestLength) [best, bestLength] = [pi, length];
      });
      if (best !== -1) {
        match[gi] = best;
        used.add(best);
      }
    });
  }
  return match;
}

/** Counts one article's predictions against its gold. */
export function scoreArticle(gold: NewsGold, pred: NewsPrediction): ArticleScore {
  const c = emptyCounts();
  const errors: string[] = [];
  const q = (s: Span) => JSON.stringify(gold.text.slice(s.start, s.end));
  scoreAttributions(gold, pred, c, errors, q);
  scoreFigures(gold, pred, c, errors, q);
  scoreNumeric(gold, pred, c, errors, q);
  scoreClaims(gold, pred, c, errors, q);
  return { id: gold.id, counts: c, errors };
}

type Quote = (s: Span) => string;

function scoreAttributions(gold: NewsGold, pred: NewsPrediction, c: NewsCounts, errors: string[], q: Quote): void {
  const match = matchSources(gold.attributions, pred.attributions);
  gold.attributions.forEach((g, gi) => {
    if (!g.source) {
      c.goldSourceless++;
      if (pred.attributions.some((p) => overlaps(p.cue, g.cue))) c.sourcelessFound++;
      else errors.push(`missed sourceless cue ${q(g.cue)}`);
      return;
    }
    c.goldSources++;
    const p = pred.attributions[match[gi]!];
    if (!p) return void errors.push(`missed source ${q(g.source)} (cue ${q(g.cue)})`);
    c.sourcesMatched++;
    if (p.grade === g.grade) c.gradeRight++;
    else errors.push(`grade of ${q(g.source)}: ${p.grade}, gold ${g.grade}`);
    if (p.hedged === g.hedged) c.hedgedRight++;
    else errors.push(`hedged of ${q(g.source)}: ${p.hedged}, gold ${g.hedged}`);
    if (g.grade === 'anaphoric' && g.antecedent) {
      c.antecedentGold++;
      if (p.resolvesTo && overlaps(p.resolvesTo, g.antecedent)) c.antecedentRight++;
      else errors.push(`antecedent of ${q(g.source)}: ${p.resolvesTo ? q(p.resolvesTo) : 'none'}, gold ${q(g.antecedent)}`);
    }
  });
  const goldSources = gold.attributions.flatMap((g) => (g.source ? [g.source] : []));
  for (const p of pred.attributions) {
    if (!p.sourceSpan) continue;
    c.predictedSources++;
    if (goldSources.some((s) => overlaps(s, p.sourceSpan!))) c.predictedSourcesOnGold++;
    else errors.push(`spurious source ${q(p.sourceSpan)} (cue ${q(p.cue)})`);
  }
  for (const span of gold.notAttributions) {
    c.lookAlikes++;
    const taken = pred.attributions.find((p) => overlaps(p.cue, span) || (p.sourceSpan && overlaps(p.sourceSpan, span)));
    if (taken) {
      c.lookAlikesTaken++;
      errors.push(`look-alike ${q(span)} taken as an attribution (cue ${q(taken.cue)})`);
    }
  }
}

function scoreFigures(gold: NewsGold, pred: NewsPrediction, c: NewsCounts, errors: string[], q: Quote): void {
  for (const f of gold.figures) {
    c.figures++;
    const found = pred.quantities.filter((x) => overlaps(x, f)).sort((a, b) => overlapLength(b, f) - overlapLength(a, f))[0];
    if (!found) {
      errors.push(`missed figure ${q(f)}`);
      continue;
    }
    c.figuresFound++;
    if (found.bound === f.bound) c.boundRight++;
    else errors.push(`bound of ${q(f)}: ${found.bound}, gold ${f.bound}`);
  }
  const cited = new Set(pred.findings.filter((f) => f.rule === 'unsourced-statistic').flatMap((f) => f.annotationIds));
  for (const span of gold.notFigures) {
    c.notFigures++;
    const reported = pred.quantities.find((x) => overlaps(x, span) && (STATISTIC_KINDS.has(x.quantityKind) || cited.has(x.id)));
    if (reported) {
      c.notFiguresReported++;
      errors.push(`non-figure ${q(span)} read as a statistic (${reported.quantityKind} ${q(reported)})`);
    }
  }
}

function scoreNumeric(gold: NewsGold, pred: NewsPrediction, c: NewsCounts, errors: string[], q: Quote): void {
  const numeric = pred.findings.filter((f) => NUMERIC_RULES.has(f.rule));
  for (const g of gold.numericFindings) {
    c.numericGold++;
    if (numeric.some((f) => f.rule === g.rule && overlaps(f, g))) c.numericFound++;
    else errors.push(`missed ${g.rule} at ${q(g)}`);
  }
  for (const f of numeric) {
    c.numericPredicted++;
    if (gold.numericFindings.some((g) => g.rule === f.rule && overlaps(f, g))) continue;
    c.numericFalse++;
    errors.push(`false ${f.rule} at ${q(f)}`);
  }
  for (const span of gold.numericSilent) {
    c.silent++;
    if (numeric.some((f) => overlaps(f, span))) {
      c.silentBroken++;
      errors.push(`numeric warning on silent ${q(span)}`);
    }
  }
}

function scoreClaims(gold: NewsGold, pred: NewsPrediction, c: NewsCounts, errors: string[], q: Quote): void {
  const unsourced = pred.findings.filter((f) => UNSOURCED_RULES.has(f.rule));
  for (const claim of gold.claims) {
    const flagged = unsourced.some((f) => overlaps(f, claim));
    const short = (s: Span) => q({ start: s.start, end: Math.min(s.end, s.start + 70) });
    if (claim.flag) {
      c.flagged++;
      if (flagged) c.flaggedFound++;
      else errors.push(`unflagged unsourced claim ${short(claim)}`);
    } else {
      c.unflagged++;
      if (flagged) {
        c.falseFlags++;
        errors.push(`false unsourced flag on ${short(claim)}`);
      }
    }
  }
}

/** Sums articles' counts. */
export function sumCounts(list: readonly NewsCounts[]): NewsCounts {
  const total = emptyCounts();
  for (const counts of list) for (const key of Object.keys(total) as (keyof NewsCounts)[]) total[key] += counts[key];
  return total;
}

/** The measures of a set, each as [value, numerator, denominator]; a measure with nothing to count is NaN. */
export type NewsRates = Record<string, readonly [number, number, number]>;

/** The measures of bench/news/README.md from summed counts. Higher is better except where the name says rate or false. */
export function rates(c: NewsCounts): NewsRates {
  const r = (n: number, d: number) => [d === 0 ? Number.NaN : n / d, n, d] as const;
  return {
    'source recall': r(c.sourcesMatched, c.goldSources),
    'source precision': r(c.predictedSourcesOnGold, c.predictedSources),
    'grade accuracy': r(c.gradeRight, c.sourcesMatched),
    'antecedent accuracy': r(c.antecedentRight, c.antecedentGold),
    'hedged accuracy': r(c.hedgedRight, c.sourcesMatched),
    'sourceless cues found': r(c.sourcelessFound, c.goldSourceless),
    'look-alikes taken (rate)': r(c.lookAlikesTaken, c.lookAlikes),
    'figure recall': r(c.figuresFound, c.figures),
    'bound accuracy': r(c.boundRight, c.figuresFound),
    'non-figures as statistics (rate)': r(c.notFiguresReported, c.notFigures),
    'numeric findings recall': r(c.numericFound, c.numericGold),
    'numeric false warnings': r(c.numericFalse, c.numericPredicted),
    'silent sums broken (rate)': r(c.silentBroken, c.silent),
    'unsourced claims recall': r(c.flaggedFound, c.flagged),
    'false-flag rate': r(c.falseFlags, c.unflagged),
  };
}
