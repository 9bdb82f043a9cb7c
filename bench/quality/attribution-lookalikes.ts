// Which of the news policy's refusal classes predict attribution should write as PolNeAR attributions (issue 15): per
// class, how often PolNeAR train marks a cue the policy refused (the tagger's training side: a gold cue overlaps it),
// and what writing the class does to the strict F1 on the tagger's validation split of train
// (models/attribution-tagger.validation-ids.txt). PolNeAR dev is never read here.
//   node --import tsx bench/quality/attribution-lookalikes.ts [--train] [--classes a,b,c]
// --train also counts the training side's rates (756 articles, slower); --classes scores that set together.
import { readdirSync, readFileSync } from 'node:fs';
import type { RefusedRaw } from '../../src/annotators/attributions/find.js';
import { join } from 'node:path';
import type { Document } from '../../src/core/document.js';
import { analyzeDocument, extractPure, resolveOptions, toReport } from '../../src/engine/analyze.js';
import { classOf, lookalikesOf, POLNEAR_MARKED, refusedCandidates, withShareSources, type LookalikeClass } from '../../src/engine/predict/attribution-lookalikes.js';
import { toBrat } from '../../src/engine/predict/brat.js';
import type { Report } from '../../src/core/report-schema.js';
import { textAnalysisOf, type Token } from '../../src/nlp/tokens.js';
import { ROLES, readBratSpans, scoreAttribution, type Prf, type Role } from './attribution-metric.js';
import { scoreAttributionStrict } from './attribution-strict.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TRAIN = join(process.env.CLAIMTRACE_SHARED ?? join(ROOT, '..', 'shared'), 'data', 'polnear', 'train');

/** One analysed article: its report, tokens, refused candidates and gold. */
interface Article {
  readonly id: string;
  readonly text: string;
  readonly gold: string;
  readonly doc: Document;
  readonly report: Report;
  readonly tokens: readonly Token[];
  readonly candidates: readonly RefusedRaw[];
}

/** The first annotator's gold file of each article of train, by id. */
function goldOf(ids: readonly string[]): Map<string, string> {
  const anns = readdirSync(join(TRAIN, 'attributions')).sort();
  const out = new Map<string, string>();
  for (const id of ids) {
    const file = anns.find((n) => n.startsWith(`${id}_`) && n.endsWith('.ann'));
    if (file) out.set(id, readFileSync(join(TRAIN, 'attributions', file), 'utf8'));
  }
  return out;
}

function analyse(ids: readonly string[]): Article[] {
  const options = resolveOptions({});
  const gold = goldOf(ids);
  return ids.filter((id) => gold.has(id)).map((id) => {
    const bytes = readFileSync(join(TRAIN, 'text', `${id}.txt`));
    const doc = analyzeDocument(extractPure({ bytes, label: `${id}.txt`, contentType: 'text/plain' }, options), options);
    const analysis = textAnalysisOf(doc.text, new Map());
    return { id, text: doc.text, gold: gold.get(id)!, doc, report: toReport(doc, options), tokens: analysis.tokens, candidates: refusedCandidates(doc, analysis, {}) };
  });
}

/** Strict and overlap F1 of the validation articles with the look-alikes of `classes` written. */
function scoreWith(articles: readonly Article[], classes: ReadonlySet<LookalikeClass>): { strict: Record<Role, Prf>; overlap: Record<Role, Prf> } {
  const gold: Record<string, string> = {};
  const predicted: Record<string, string> = {};
  const texts: Record<string, string> = {};
  for (const a of articles) {
    gold[a.id] = a.gold;
    texts[a.id] = a.text;
    predicted[a.id] = toBrat(withShareSources(a.report, a.tokens, a.candidates, classes), lookalikesOf(a.doc, a.tokens, a.candidates, classes));
  }
  const lenient = scoreAttribution(gold, predicted);
  return { strict: scoreAttributionStrict(gold, predicted, texts), overlap: Object.fromEntries(ROLES.map((r) => [r, lenient[r].overlap])) as Record<Role, Prf> };
}

/** Per class: refused candidates, and how many of their cues a gold cue overlaps (the rate PolNeAR marks them at); for `share-source`, how many shares a gold source overlaps. */
function rates(articles: readonly Article[]): Map<LookalikeClass, { n: number; marked: number }> {
  const out = new Map<LookalikeClass, { n: number; marked: number }>();
  for (const a of articles) {
    const cues = readBratSpans(a.gold).Cue;
    const sources = readBratSpans(a.gold).Source;
    for (const c of a.candidates) {
      if (c.refusal !== 'share-source' || !c.raw.source) continue;
      const r = out.get('share-source') ?? { n: 0, marked: 0 };
      const start = a.tokens[c.raw.source.first]!.start;
      const end = a.tokens[c.raw.source.end - 1]!.end;
      r.n++;
      if (sources.some((g) => g.some(([s, e]) => s < end && start < e))) r.marked++;
      out.set('share-source', r);
    }
    for (const c of lookalikesOf(a.doc, a.tokens, a.candidates, new Set(a.candidates.map((x) => classOf(a.tokens, x))))) {
      const r = out.get(c.refusal) ?? { n: 0, marked: 0 };
      r.n++;
      if (cues.some((g) => g.some(([s, e]) => s < c.cue.end && c.cue.start < e))) r.marked++;
      out.set(c.refusal, r);
    }
  }
  return out;
}

/**
 * The rule the written classes are chosen by: PolNeAR train marks the class's cues more often than not (a gold cue
 * overlaps at least half of its 5 or more refusals on the training side), and writing it alone does not lower the mean
 * strict F1 on the validation split (a class the validation split does not hold passes on its train rate).
 */
export function chosenByRule(train: { n: number; marked: number }, validationMeanDelta: number): boolean {
  return train.n >= 5 && 2 * train.marked >= train.n && validationMeanDelta >= 0;
}

const f = (x: number) => x.toFixed(4);
const d = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(4);

function main(): void {
  const validationIds = readFileSync(join(ROOT, 'models', 'attribution-tagger.validation-ids.txt'), 'utf8').split('\n').filter(Boolean);
  const held = new Set(validationIds);
  const validation = analyse(validationIds);
  const base = scoreWith(validation, new Set());
  console.log(`validation (${validation.length} articles), none written: strict ${ROLES.map((r) => f(base.strict[r].f1)).join(' / ')}, overlap ${ROLES.map((r) => f(base.overlap[r].f1)).join(' / ')}`);
  const chosen = process.argv.includes('--classes') ? new Set(process.argv[process.argv.indexOf('--classes') + 1]!.split(',').filter(Boolean) as LookalikeClass[]) : POLNEAR_MARKED;
  const together = scoreWith(validation, chosen);
  console.log(`validation, written [${[...chosen].join(', ')}]: strict ${ROLES.map((r) => f(together.strict[r].f1)).join(' / ')}, overlap ${ROLES.map((r) => f(together.overlap[r].f1)).join(' / ')}`);
  const trainRates = process.argv.includes('--train') ? rates(analyse(readdirSync(join(TRAIN, 'text')).filter((n) => n.endsWith('.txt')).map((n) => n.slice(0, -4)).sort().filter((id) => !held.has(id)))) : undefined;
  const valRates = rates(validation);
  const classes = [...new Set([...valRates.keys(), ...(trainRates?.keys() ?? [])])].sort();
  console.log('\n| class | train: marked / refused | validation: marked / refused | Δ strict Source | Δ Cue | Δ Content | Δ mean | written |\n|---|---|---|---|---|---|---|---|');
  for (const c of classes) {
    const s = scoreWith(validation, new Set([c])).strict;
    const delta = ROLES.map((r) => s[r].f1 - base.strict[r].f1);
    const t = trainRates?.get(c);
    const v = valRates.get(c);
    const mean = delta.reduce((x, y) => x + y, 0) / 3;
    console.log(`| ${c} | ${t ? `${t.marked} / ${t.n}` : '–'} | ${v ? `${v.marked} / ${v.n}` : '–'} | ${delta.map(d).join(' | ')} | ${d(mean)} | ${t ? (chosenByRule(t, mean) ? 'yes' : 'no') : '?'} |`);
  }
}

if (process.argv[1]?.endsWith('attribution-lookalikes.ts')) main();
