// A probe of everyday phrasings for the numeric check, written in the fifty-third round before the tool was run on it:
// 82 short news items (numeric-probe.json) across wire, crime, health, economy, polls, elections, budgets, attendance,
// enrolment, surveys, casualties, exports and energy, each told once with figures that do not add up (a warning must
// fire) and once with figures that do (no warning may fire). Scored as the phrasing matrix is (numeric-matrix.ts): a
// case fires when the analysis gives a total-unsupported or percentage-over-100 finding anywhere in it. The matrix
// varies a few stories over a grid of forms; this varies the wording itself, item by item, to show whether the rules
// carry to phrasings their writers had not seen. Once fixes are made from it, it is tuning data like the matrix.
// A second probe (numeric-probe-2.json, 63 items of phrasing families the first does not cover: sport, courts,
// elections by district, farming, transport, disasters, company results, "said"/"told" clauses between figures,
// figures in words, brackets, "respectively", tables as prose) is scored the same way with --file.
//
//   node --import tsx bench/quality/numeric-probe.ts [--file bench/quality/numeric-probe-2.json] [--misses] [--json FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreCases, type CaseTallies } from './numeric-cases.js';

/** One item of the probe: a text with slots, the slots' values in both versions, and which slots sum to which. */
export interface ProbeItem {
  readonly id: string;
  readonly topic: string;
  readonly tags: readonly string[];
  readonly text: string;
  /** "t = a + b" or "100 = a + b + c": a slot or a number on each side. */
  readonly sum: string;
  readonly over: Readonly<Record<string, string>>;
  readonly even: Readonly<Record<string, string>>;
}

/** The first probe's file; the second is numeric-probe-2.json beside it. */
export const PROBE_FILE = fileURLToPath(new URL('./numeric-probe.json', import.meta.url));
/** The second probe's file. */
export const PROBE_FILE_2 = fileURLToPath(new URL('./numeric-probe-2.json', import.meta.url));

/** A probe's items, as written (the first probe unless another file is given). */
export function probeItems(file = PROBE_FILE): ProbeItem[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { items: ProbeItem[] };
  return data.items;
}

/** The text of an item with one version's values in its slots. */
export function fill(item: ProbeItem, values: Readonly<Record<string, string>>): string {
  return item.text.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = values[k];
    if (v === undefined) throw new Error(`${item.id}: no value for {${k}}`);
    return v;
  });
}

/** Whether an item is shares of one whole (its whole is 100) rather than a total and its parts. */
export const isShares = (item: ProbeItem) => /^100\s*=/.test(item.sum);

/** Each item's result: what fired by form, topic and tag, what was warned falsely, what crashed. */
export type ProbeResult = CaseTallies;

/** Runs every item of a probe (the first unless another file is given). */
export function runNumericProbe(file = PROBE_FILE): ProbeResult {
  return scoreCases(
    probeItems(file).map((item) => ({
      keys: [isShares(item) ? 'all shares' : 'all totals', `topic: ${item.topic}`, ...item.tags.map((t) => `tag: ${t}`)],
      over: fill(item, item.over),
      even: fill(item, item.even),
      label: `[${item.id}] `,
    })),
  );
}

/** The result as a Markdown table: the two totals, then each topic and tag. */
export function numericProbeTable(r: ProbeResult): string {
  const cell = ([a, b]: [number, number]) => `${a}/${b} (${(a / b).toFixed(2)})`;
  const lines = ['| form | findings that fired |', '|---|---|'];
  for (const k of ['all totals', 'all shares']) if (r.fired[k]) lines.push(`| ${k} | ${cell(r.fired[k])} |`);
  const rest = Object.entries(r.fired).filter(([k]) => !k.startsWith('all ')).sort(([a], [b]) => a.localeCompare(b));
  for (const [k, v] of rest) lines.push(`| ${k} | ${cell(v)} |`);
  lines.push(`| sums that add up but were warned | ${r.falseWarnings[0]}/${r.falseWarnings[1]} |`);
  lines.push(`| analyses that crashed | ${r.crashes.length} |`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = process.argv.indexOf('--file');
  const file = f > 0 ? resolve(process.argv[f + 1]!) : PROBE_FILE;
  const r = runNumericProbe(file);
  const t = r.fired['all totals'] ?? [0, 0];
  const s = r.fired['all shares'] ?? [0, 0];
  console.log(`numeric probe${file === PROBE_FILE ? '' : ` (${basename(file)})`}: ${t[0] + s[0]}/${t[1] + s[1]} flagged (totals ${t.join('/')}, shares ${s.join('/')}), sums that add up warned ${r.falseWarnings.join('/')}, crashes ${r.crashes.length}`);
  console.log(numericProbeTable(r));
  if (process.argv.includes('--misses')) {
    for (const m of r.misses) console.log(`- missed: ${m.replace(/\n/g, ' / ')}`);
    for (const m of r.false) console.log(`- false warning: ${m.replace(/\n/g, ' / ')}`);
    for (const m of r.crashes) console.log(`- crash: ${m}`);
  }
  const j = process.argv.indexOf('--json');
  if (j > 0) writeFileSync(process.argv[j + 1]!, `${JSON.stringify(r, null, 1)}\n`);
}
