// A phrasing matrix for the numeric check: the same few stories (a total and three disjoint parts; shares of one whole)
// told in every combination of how news writes a total and how it writes its parts, once with figures that do not add
// up (a finding must fire) and once with figures that do (no warning may fire). The everyday-news set measures what
// writers happened to write; this measures whether a rule that works for one phrasing also works for its neighbours,
// which is what a new writer's article tests. Every sentence is generated here from the templates below (written for
// the project); nothing is read from a corpus.
//
//   node --import tsx bench/quality/numeric-matrix.ts [--misses N] [--json FILE] [--pin]
// --pin prints the floors block for bench/quality/floors.json (numericMatrix) measured now, for the lead to paste.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { scoreCases, type CaseTallies } from './numeric-cases.js';

/** A total and three disjoint parts (a place or purpose each); money stories carry a currency and a scale word. */
interface Story {
  readonly noun: string;
  readonly verb: string;
  readonly total: number;
  readonly parts: readonly (readonly [string, number])[];
  readonly prep?: string;
  readonly money?: string;
  /** Three kinds of the whole that cannot overlap, for the part forms that name kinds instead of places. */
  readonly kinds?: readonly [string, string, string];
}

const STORIES: readonly Story[] = [
  { noun: 'people', verb: 'arrested', total: 64, parts: [['Leeds', 29], ['York', 21], ['Hull', 22]], kinds: ['men', 'women', 'children'] },
  { noun: 'homes', verb: 'flooded', total: 310, parts: [['Ashby', 140], ['Marston', 95], ['Kelby', 115]], kinds: ['houses', 'flats', 'caravans'] },
  { noun: 'patients', verb: 'admitted', total: 1240, parts: [['the north', 610], ['the south', 380], ['the east', 290]], kinds: ['adults', 'teenagers', 'children'] },
  { noun: 'million', verb: 'spent', total: 48, parts: [['roads', 21], ['schools', 15], ['housing', 20]], prep: 'on', money: '£' },
  { noun: 'billion', verb: 'allocated', total: 9, parts: [['health', 4.5], ['defence', 2.5], ['pensions', 3]], prep: 'to', money: '$' },
];

type Parts = readonly (readonly [string, number])[];

const num = (x: number) => x.toLocaleString('en-GB');
const cap = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
const prep = (s: Story) => s.prep ?? 'in';
/** A part's figure: with currency and scale for money (bare when `full` is false), bare for counts. */
const part = (s: Story, x: number, full = true) => (s.money && full ? `${s.money}${num(x)} ${s.noun}` : num(x));
const total = (s: Story) => (s.money ? `${s.money}${num(s.total)} ${s.noun}` : `${num(s.total)} ${s.noun}`);
const were = (s: Story) => (s.money ? 'went' : 'were');

/** How the parts are listed. */
const PART_FORMS: Record<string, (p: Parts, s: Story) => string> = {
  'a, b and c': (p, s) => `${part(s, p[0]![1])} ${prep(s)} ${p[0]![0]}, ${part(s, p[1]![1])} ${prep(s)} ${p[1]![0]} and ${part(s, p[2]![1])} ${prep(s)} ${p[2]![0]}`,
  'unit on the first part only': (p, s) => `${s.money ? part(s, p[0]![1]) : `${num(p[0]![1])} ${s.noun}`} ${prep(s)} ${p[0]![0]}, ${part(s, p[1]![1], false)} ${prep(s)} ${p[1]![0]} and ${part(s, p[2]![1], false)} ${prep(s)} ${p[2]![0]}`,
  'a, b, c (no "and")': (p, s) => `${part(s, p[0]![1])} ${prep(s)} ${p[0]![0]}, ${part(s, p[1]![1])} ${prep(s)} ${p[1]![0]}, ${part(s, p[2]![1])} ${prep(s)} ${p[2]![0]}`,
  'a were in X, b in Y': (p, s) => `${part(s, p[0]![1])} ${were(s)} ${prep(s)} ${p[0]![0]}, ${part(s, p[1]![1])} ${prep(s)} ${p[1]![0]} and ${part(s, p[2]![1])} ${prep(s)} ${p[2]![0]}`,
  'X accounted for a': (p, s) => `${cap(p[0]![0])} accounted for ${part(s, p[0]![1])}, ${p[1]![0]} for ${part(s, p[1]![1])} and ${p[2]![0]} for ${part(s, p[2]![1])}`,
  'a Xs, b Ys and c Zs (kinds)': (p, s) => `${num(p[0]![1])} ${s.kinds![0]}, ${num(p[1]![1])} ${s.kinds![1]} and ${num(p[2]![1])} ${s.kinds![2]}`,
  'a were Xs, b were Ys and c were Zs (kinds)': (p, s) => `${num(p[0]![1])} were ${s.kinds![0]}, ${num(p[1]![1])} were ${s.kinds![1]} and ${num(p[2]![1])} were ${s.kinds![2]}`,
  'the remaining c': (p, s) => `${part(s, p[0]![1])} ${prep(s)} ${p[0]![0]} and ${part(s, p[1]![1])} ${prep(s)} ${p[1]![0]}, while the remaining ${part(s, p[2]![1])} ${were(s)} ${prep(s)} ${p[2]![0]}`,
};

/** How the total is written and where the parts stand. */
const TOTAL_FORMS: Record<string, (s: Story, parts: string) => string> = {
  'total: parts': (s, p) => `${cap(total(s))} ${s.money ? 'was' : 'were'} ${s.verb} last year: ${p}.`,
  'a total of: parts': (s, p) => `A total of ${total(s)} ${s.money ? 'was' : 'were'} ${s.verb} last year: ${p}.`,
  'total; parts': (s, p) => `${cap(total(s))} ${s.money ? 'was' : 'were'} ${s.verb} last year; ${p}.`,
  'total — parts': (s, p) => `${cap(total(s))} ${s.money ? 'was' : 'were'} ${s.verb} last year — ${p}.`,
  'total (parts)': (s, p) => `${cap(total(s))} ${s.money ? 'was' : 'were'} ${s.verb} last year (${p}).`,
  'total, parts': (s, p) => `${cap(total(s))} ${s.money ? 'was' : 'were'} ${s.verb} last year, ${p}.`,
  'total. Parts.': (s, p) => `${cap(total(s))} ${s.money ? 'was' : 'were'} ${s.verb} last year. ${cap(p)}.`,
  'total. Of those, parts.': (s, p) => `${cap(total(s))} ${s.money ? 'was' : 'were'} ${s.verb} last year. Of that, ${p}.`.replace('Of that', s.money ? 'Of that' : 'Of those'),
  'Of the total, parts': (s, p) => `Of the ${total(s)} ${s.verb} last year, ${p}.`,
  'someone verbed total: parts': (s, p) => `Officials said they had ${s.verb} ${total(s)} last year: ${p}.`,
  'parts, total in all': (s, p) => `${cap(p)}, ${total(s)} in all.`,
  'Parts. In total, total.': (s, p) => `${cap(p)}. In total, ${total(s)} ${s.money ? 'was' : 'were'} ${s.verb} last year.`,
};

/** Parts told one sentence each, with the total before or after them (count stories only). */
const SENTENCE_FORMS: Record<string, (s: Story, p: Parts) => string> = {
  'Total. X had a. Y had b, and Z c.': (s, p) => `${cap(total(s))} were ${s.verb} last year. ${cap(p[0]![0])} had ${num(p[0]![1])}. ${cap(p[1]![0])} had ${num(p[1]![1])}, and ${p[2]![0]} ${num(p[2]![1])}.`,
  'X had a. Y had b. Z had c. That makes total.': (s, p) => `${cap(p[0]![0])} had ${num(p[0]![1])} ${s.noun}. ${cap(p[1]![0])} had ${num(p[1]![1])}. ${cap(p[2]![0])} had ${num(p[2]![1])}. That makes ${total(s)} across the county.`,
};

/** Shares of one whole, listed in several ways; over = they add up past 100, else exactly 100. */
const SHARE_FORMS: Record<string, (a: number, b: number, c: number) => string> = {
  'poll: a percent backed X, b percent Y, c percent undecided': (a, b, c) => `A poll of 1,000 voters found ${a} percent backed Smith, ${b} percent backed Jones and ${c} percent were undecided.`,
  'vote: X won a% of the vote, Y b% and Z c%': (a, b, c) => `Smith won ${a}% of the vote, Jones ${b}% and Patel ${c}%.`,
  'survey: a per cent said yes, b no, c did not know': (a, b, c) => `Of those asked, ${a} per cent said yes, ${b} per cent said no and ${c} per cent did not know.`,
  'budget: a% of the budget goes to X, b% to Y, c% to Z': (a, b, c) => `About ${a}% of the budget goes to health, ${b}% to schools and ${c}% to roads.`,
  'market: X holds a% of the market, Y b%, Z c%': (a, b, c) => `Ordtel holds ${a}% of the broadband market, Vyra ${b}% and Netta ${c}%.`,
  'vote over two sentences': (a, b, c) => `Smith won the election with ${a} percent of the vote. Jones took ${b} percent and Patel ${c} percent.`,
  'poll: in words and figures': (a, b, c) => `Asked about the ban, ${a} percent of residents supported it, while ${b} percent opposed it and another ${c} percent had no view.`,
};

export interface MatrixResult extends CaseTallies {
  /** A hash of every case's text, so that floors are only compared on the cases they were measured on. */
  readonly hash: string;
}

/** One case: the same story with figures that do not add up (`over`) and that do (`even`), and the forms it tallies under. */
export interface MatrixCase {
  readonly keys: readonly string[];
  readonly over: string;
  readonly even: string;
  /** The figures of each version: [whole (100 for shares), ...parts]. */
  readonly figures: { readonly over: readonly number[]; readonly even: readonly number[] };
}

/** Every case of the matrix, in a fixed order. */
export function matrixCases(): MatrixCase[] {
  const cases: MatrixCase[] = [];
  for (const s of STORIES) {
    const even: Parts = [s.parts[0]!, s.parts[1]!, [s.parts[2]![0], Math.round((s.total - s.parts[0]![1] - s.parts[1]![1]) * 10) / 10]];
    for (const [tk, tf] of Object.entries(TOTAL_FORMS)) {
      for (const [pk, pf] of Object.entries(PART_FORMS)) {
        // "X accounted for" names its own frame; after the parts the total has nothing to attach to.
        if (pk === 'X accounted for a' && (tk.startsWith('parts') || tk.startsWith('Parts'))) continue;
        // Kinds are named for the stories that count people or things; "were" is no part of a total written after them.
        if (pk.endsWith('(kinds)') && (!s.kinds || (pk.startsWith('a were') && (tk.startsWith('parts') || tk.startsWith('Parts'))))) continue;
        cases.push({
          keys: [`total: ${tk}`, `parts: ${pk}`, 'all totals'],
          over: tf(s, pf(s.parts, s)),
          even: tf(s, pf(even, s)),
          figures: { over: [s.total, ...s.parts.map((p) => p[1])], even: [s.total, ...even.map((p) => p[1])] },
        });
      }
    }
  }
  for (const s of STORIES.filter((story) => !story.money)) {
    const even: Parts = [s.parts[0]!, s.parts[1]!, [s.parts[2]![0], s.total - s.parts[0]![1] - s.parts[1]![1]]];
    for (const [k, f] of Object.entries(SENTENCE_FORMS)) {
      cases.push({ keys: [`total: ${k}`, 'all totals'], over: f(s, s.parts), even: f(s, even), figures: { over: [s.total, ...s.parts.map((p) => p[1])], even: [s.total, ...even.map((p) => p[1])] } });
    }
  }
  for (const [k, f] of Object.entries(SHARE_FORMS)) {
    for (const [a, b, c, d] of [[52, 38, 17, 10], [47, 41, 19, 12], [61, 30, 14, 9]] as const) {
      cases.push({ keys: [`shares: ${k}`, 'all shares'], over: f(a, b, c), even: f(a, b, d), figures: { over: [100, a, b, c], even: [100, a, b, d] } });
    }
  }
  return cases;
}

/** Runs every case of the matrix. */
export function runNumericMatrix(): MatrixResult {
  const cases = matrixCases();
  const hash = createHash('sha256');
  for (const c of cases) hash.update(c.over).update('\n').update(c.even).update('\n');
  return { ...scoreCases(cases), hash: hash.digest('hex') };
}

/** The measures the quality gate pins (higher is better). */
export function numericMatrixGateScores(r: MatrixResult): Record<string, number> {
  const rate = ([a, b]: [number, number] = [0, 0]) => (b ? a / b : 0);
  return {
    'totals fired': rate(r.fired['all totals']),
    'shares fired': rate(r.fired['all shares']),
    'sums that add up left silent': 1 - rate(r.falseWarnings),
    'analyses without a crash': r.crashes.length === 0 ? 1 : 0,
  };
}

/**
 * The floors block of bench/quality/floors.json for this result: each measure minus the larger of 0.02 and one case of
 * its denominator (as the news floors), rounded down to three places; no crash allowed.
 */
export function pinnedFloors(r: MatrixResult) {
  const scores = numericMatrixGateScores(r);
  const floor = (x: number, n: number) => Math.max(0, Math.floor((x - Math.max(0.02, 1 / n)) * 1000) / 1000);
  const totals = r.fired['all totals'] ?? [0, 0];
  const shares = r.fired['all shares'] ?? [0, 0];
  return {
    dataSha256: r.hash,
    floors: {
      'totals fired': floor(scores['totals fired']!, totals[1]),
      'shares fired': floor(scores['shares fired']!, shares[1]),
      'sums that add up left silent': floor(scores['sums that add up left silent']!, r.falseWarnings[1]),
      'analyses without a crash': 1,
    },
    measured: `totals fired ${totals.join('/')}, shares ${shares.join('/')}, sums that add up warned ${r.falseWarnings.join('/')}, crashes ${r.crashes.length}`,
  };
}

/** The result as a Markdown table. */
export function numericMatrixTable(r: MatrixResult): string {
  const rows = Object.entries(r.fired).sort(([a], [b]) => a.localeCompare(b));
  const lines = ['| form | findings that fired |', '|---|---|'];
  for (const [k, [a, b]] of rows) lines.push(`| ${k} | ${a}/${b} (${(a / b).toFixed(2)}) |`);
  lines.push(`| sums that add up but were warned | ${r.falseWarnings[0]}/${r.falseWarnings[1]} |`);
  lines.push(`| analyses that crashed | ${r.crashes.length} |`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = runNumericMatrix();
  console.log(numericMatrixTable(r));
  const k = process.argv.indexOf('--misses');
  if (k > 0) {
    const n = Number(process.argv[k + 1] ?? 20);
    for (const m of r.misses.slice(0, n)) console.log(`- missed: ${m}`);
    for (const m of r.false.slice(0, n)) console.log(`- false warning: ${m}`);
    for (const m of r.crashes.slice(0, n)) console.log(`- crash: ${m}`);
  }
  if (process.argv.includes('--pin')) console.log(JSON.stringify(pinnedFloors(r), null, 2));
  const j = process.argv.indexOf('--json');
  if (j > 0) writeFileSync(process.argv[j + 1]!, `${JSON.stringify(r, null, 1)}\n`);
}
