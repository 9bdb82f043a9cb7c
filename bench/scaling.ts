// Scaling benchmark: CPU time per MB of the full pipeline with the trained models at 0.5, 1, 2 and 5 MB of three kinds
// of text (invented prose, runs of punctuation, one attributed sentence repeated), each size's figure as a ratio to the
// 0.5 MB one (flat when time is linear); then the peak RSS of 5 MB of each (and of 5 MB of PTC articles, the Speed
// table's input, when ../shared is there) in a child process without flags. Runs the compiled package (dist/, or the
// folder CLAIMTRACE_DIST names), as users do. Writes bench/out/scaling.json and prints a markdown section.
// Usage: npm run build && npm run bench:scaling   (BENCH_SIZES=0.5,1 for a quick run)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { seededRandom } from '../src/learn/hashing.js';

const DIST = process.env.CLAIMTRACE_DIST ?? join(import.meta.dirname, '..', 'dist');
const { analyzePure } = (await import(pathToFileURL(join(DIST, 'engine', 'analyze.js')).href)) as typeof import('../src/engine/analyze.js');
const SHARED = process.env.CLAIMTRACE_SHARED ?? join(import.meta.dirname, '..', '..', 'shared');
const MB = 1024 * 1024;
const SIZES = (process.env.BENCH_SIZES ?? '0.5,1,2,5').split(',').map(Number);
const OUT = join(import.meta.dirname, 'out');

// Invented names and templates: news-like prose with people, places, figures, quotes, sources and hedges.
const GIVEN = ['Nora', 'Ivar', 'Mara', 'Tomas', 'Elin', 'Jonas', 'Anika', 'Pavel', 'Greta', 'Oskar', 'Lena', 'Rafael'];
const FAMILY = ['Lind', 'Brandt', 'Lindqvist', 'Okafor', 'Halvorsen', 'Marek', 'Sato', 'Ferreira', 'Kowal', 'Dunmore'];
const PLACES = ['Vellmar', 'Northport', 'Brennhaven', 'Osterby', 'Kallan', 'Merrow Bay', 'Talvik', 'Ashford Quay'];
const BODIES = ['the harbour authority', 'the port union', 'the regional council', 'the fisheries agency', 'the Northport Herald', 'the coast guard'];
const THINGS = ['boats', 'crews', 'containers', 'jobs', 'households', 'ferries', 'tonnes of cod', 'visitors'];
const VERBS = ['said', 'told reporters', 'wrote in a statement', 'claimed', 'warned', 'insisted'];
const TEMPLATES: ((r: () => number) => string)[] = [
  (r) => `${pick(r, GIVEN)} ${pick(r, FAMILY)}, a spokesperson for ${pick(r, BODIES)}, ${pick(r, VERBS)} that ${num(r)} ${pick(r, THINGS)} were affected in ${pick(r, PLACES)}.`,
  (r) => `According to ${pick(r, BODIES)}, at least ${num(r)} ${pick(r, THINGS)} left ${pick(r, PLACES)} last ${pick(r, ['week', 'month', 'year'])}.`,
  (r) => `“We will not accept ${pick(r, ['this plan', 'these cuts', 'the closure', 'another delay'])},” ${pick(r, FAMILY)} said.`,
  (r) => `The figure rose from ${num(r)} to ${num(r)} ${pick(r, THINGS)} between ${2000 + Math.floor(r() * 24)} and ${2000 + Math.floor(r() * 24)}.`,
  (r) => `Critics reportedly called the decision ${pick(r, ['a disgrace', 'reckless', 'a betrayal', 'long overdue'])}, but the mayor of ${pick(r, PLACES)} disagreed.`,
  (r) => `About ${Math.floor(r() * 90) + 5}% of residents in ${pick(r, PLACES)} backed the proposal, while ${Math.floor(r() * 40) + 5}% opposed it.`,
  (r) => `Officials said the ${pick(r, ['new pier', 'fish market', 'ferry route', 'storm wall'])} would cost ${num(r)} million euros and open in ${2025 + Math.floor(r() * 5)}.`,
  (r) => `In ${pick(r, PLACES)}, ${pick(r, GIVEN)} ${pick(r, FAMILY)} has run a ${pick(r, ['bakery', 'boatyard', 'shop', 'café'])} for ${Math.floor(r() * 30) + 2} years.`,
  (r) => `The report, obtained by ${pick(r, BODIES)}, suggests that ${pick(r, THINGS)} may have been undercounted.`,
  (r) => `It is believed that the storm damaged ${num(r)} ${pick(r, THINGS)} along the coast.`,
];
const pick = <T>(r: () => number, list: readonly T[]) => list[Math.floor(r() * list.length)]!;
const num = (r: () => number) => String(Math.floor(r() * 900) + 10);

/** Invented prose of about `bytes` bytes: paragraphs of three to six sentences. */
function prose(bytes: number, seed = 1): string {
  const r = seededRandom(seed); // every run measures the same text
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    const sentences = Array.from({ length: 3 + Math.floor(r() * 4) }, () => pick(r, TEMPLATES)(r));
    const paragraph = `${sentences.join(' ')}\n\n`;
    if (size + Buffer.byteLength(paragraph) > bytes) break;
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph);
  }
  return parts.join('');
}

const repeatTo = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Rule lines of `=`, `!` and `-`, each a third of the text. */
function punctuation(bytes: number): string {
  const third = Math.floor(bytes / 3);
  return `${'='.repeat(third)}\n${'!'.repeat(third)}\n${'-'.repeat(bytes - 2 * third - 2)}`;
}

const KINDS: Record<string, (bytes: number) => string> = {
  prose: (bytes) => prose(bytes),
  punctuation,
  repeated: (bytes) => repeatTo('The council said 5 boats sank. ', bytes),
};

function timeOne(text: string): { cpuMs: number; wallMs: number; jsonMb: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const report = analyzePure({ text });
  const used = process.cpuUsage(c0);
  const wallMs = performance.now() - t0;
  const jsonMb = JSON.stringify(report).length / MB;
  return { cpuMs: (used.user + used.system) / 1000, wallMs, jsonMb };
}

function peakRss(path: string): { peakRssMb: number; ms: number } {
  const child = join(import.meta.dirname, 'peak-memory.mjs');
  const out = execFileSync(process.execPath, [child, path], { encoding: 'utf8', env: { ...process.env, CLAIMTRACE_DIST: DIST }, maxBuffer: 1 << 20 });
  return JSON.parse(out) as { peakRssMb: number; ms: number };
}

function ptcFiveMb(): string | undefined {
  const dir = join(SHARED, 'data/ptc-semeval2020-task11/train-articles');
  if (!existsSync(dir)) return undefined;
  const texts = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  let big = '';
  for (let i = 0; Buffer.byteLength(big) + Buffer.byteLength(texts[i % texts.length]!) + 2 <= 5 * MB; i++) big += `${texts[i % texts.length]}\n\n`;
  return big;
}

mkdirSync(OUT, { recursive: true });
analyzePure({ text: 'Warm up: the council said 5 boats sank in Vellmar.' });
const rows: { kind: string; mb: number; cpuMs: number; wallMs: number; cpuMsPerMb: number; ratio: number; jsonMb: number }[] = [];
for (const [kind, make] of Object.entries(KINDS)) {
  let base: number | undefined;
  // One unmeasured run of the smallest size first: the JIT makes a kind's first run slower per MB than later ones.
  timeOne(make(Math.round(SIZES[0]! * MB)));
  for (const mb of SIZES) {
    const text = make(Math.round(mb * MB));
    const t = timeOne(text);
    const perMb = t.cpuMs / (Buffer.byteLength(text) / MB);
    base ??= perMb;
    rows.push({ kind, mb, ...t, cpuMsPerMb: perMb, ratio: perMb / base });
    console.error(`${kind} ${mb} MB: ${(perMb / 1000).toFixed(2)} s/MB CPU (${(perMb / base).toFixed(2)}× the ${SIZES[0]} MB figure), report ${t.jsonMb.toFixed(1)} MB`);
  }
}
const memory: Record<string, { peakRssMb: number; ms: number }> = {};
const fives: Record<string, string | undefined> = { ...Object.fromEntries(Object.entries(KINDS).map(([k, make]) => [k, make(5 * MB)])), 'PTC articles': ptcFiveMb() };
for (const [kind, text] of Object.entries(fives)) {
  if (text === undefined) continue;
  const path = join(OUT, `scaling-${kind.replace(/\W+/g, '-')}.txt`);
  writeFileSync(path, text);
  memory[kind] = peakRss(path);
  console.error(`${kind} 5 MB: peak RSS ${memory[kind]!.peakRssMb} MB`);
}
const result = {
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  command: 'npm run build && npm run bench:scaling',
  rows,
  memory,
};
writeFileSync(join(OUT, 'scaling.json'), `${JSON.stringify(result, null, 2)}\n`);

const fmt = (x: number, d = 2) => x.toFixed(d);
const lines = [
  '## Scaling: time and memory linear in the input',
  '',
  `Measured ${result.date.slice(0, 10)} on ${result.machine.cpu} (${result.machine.cores} cores, ${result.machine.memoryGb} GB), Node ${result.machine.node}; \`${result.command}\`.`,
  'Full pipeline with the trained models on the compiled package, CPU seconds per MB (user + system; steadier than wall time on a shared machine), one run per size after one unmeasured run of the first size; the ratio is to the same kind\'s first size, so a flat column means linear time.',
  '',
  `| text | ${SIZES.map((s) => `${s} MB`).join(' | ')} | report JSON at ${SIZES.at(-1)} MB |`,
  `|---|${SIZES.map(() => '---').join('|')}|---|`,
  ...Object.keys(KINDS).map((kind) => {
    const mine = rows.filter((r) => r.kind === kind);
    return `| ${kind} | ${mine.map((r) => `${fmt(r.cpuMsPerMb / 1000)} s/MB (${fmt(r.ratio)}×)`).join(' | ')} | ${fmt(mine.at(-1)!.jsonMb, 1)} MB |`;
  }),
  '',
  '| 5 MB of | peak RSS, child process, no flags | target | met |',
  '|---|---|---|---|',
  ...Object.entries(memory).map(([kind, m]) => `| ${kind} | ${m.peakRssMb} MB | ≤ 300 MB | ${m.peakRssMb <= 300 ? 'yes' : '**no**'} |`),
  '',
  'Texts: invented prose (seeded templates: sources, quotes, figures, hedges; paragraphs of 3–6 sentences), rule lines of `=`, `!` and `-` (a third each), and "The council said 5 boats sank. " repeated in one paragraph; PTC articles are the Speed table\'s input, read from ../shared at run time.',
];
console.log(lines.join('\n'));
