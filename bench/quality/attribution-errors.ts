// Where the strict attribution measure (attribution-strict.ts, issue 15) loses its points: per role, the gold spans the
// one-to-one matching leaves unmatched are split into boundary disagreements (a predicted span shares characters with
// it but not half of the longer one) and missed spans (nothing predicted touches it); the unmatched predicted spans into
// boundary disagreements and spurious spans. Run on a split of PolNeAR train (the tagger's validation split), never to
// look at dev articles:
//   node --import tsx bench/quality/attribution-errors.ts <split dir with text/ and attributions/> <predicted .ann dir>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, readBratSpans, type Role } from './attribution-metric.js';
import { maximumMatchingPairs, spanChars } from './attribution-strict.js';

/** Unmatched spans of one role by kind. */
export interface ErrorCounts {
  matched: number;
  goldBoundary: number;
  goldMissed: number;
  predictedBoundary: number;
  predictedSpurious: number;
}

const empty = (): ErrorCounts => ({ matched: 0, goldBoundary: 0, goldMissed: 0, predictedBoundary: 0, predictedSpurious: 0 });

/** Whether two sorted character lists share any character. */
function touches(a: readonly number[], b: readonly number[]): boolean {
  const set = new Set(a);
  return b.some((x) => set.has(x));
}

/** Counts one article's errors of every role (the same distinct spans and matching as the strict measure). */
export function articleErrors(gold: string, predicted: string, text: string): Record<Role, ErrorCounts> {
  const g = readBratSpans(gold);
  const p = readBratSpans(predicted);
  const out = Object.fromEntries(ROLES.map((role) => [role, empty()])) as Record<Role, ErrorCounts>;
  for (const role of ROLES) {
    const distinct = (spans: typeof g.Source) => [...new Map(spans.map((s) => spanChars(s, text)).filter((c) => c.length > 0).map((c) => [c.join(','), c])).values()];
    const gs = distinct(g[role]);
    const ps = distinct(p[role]);
    const pairs = maximumMatchingPairs(ps, gs);
    const goldMatched = new Set(pairs.map(([, j]) => j));
    const predictedMatched = new Set(pairs.map(([i]) => i));
    const c = out[role];
    c.matched = pairs.length;
    gs.forEach((chars, j) => {
      if (goldMatched.has(j)) return;
      if (ps.some((other) => touches(other, chars))) c.goldBoundary++;
      else c.goldMissed++;
    });
    ps.forEach((chars, i) => {
      if (predictedMatched.has(i)) return;
      if (gs.some((other) => touches(other, chars))) c.predictedBoundary++;
      else c.predictedSpurious++;
    });
  }
  return out;
}

/** Sums the errors of every article of a split against a directory of predicted .ann files (first annotator's gold). */
export function splitErrors(split: string, predictedDir: string): Record<Role, ErrorCounts> {
  const total = Object.fromEntries(ROLES.map((role) => [role, empty()])) as Record<Role, ErrorCounts>;
  const anns = readdirSync(join(split, 'attributions')).sort();
  for (const name of readdirSync(join(split, 'text')).filter((n) => n.endsWith('.txt')).sort()) {
    const id = name.slice(0, -4);
    const file = anns.find((n) => n.startsWith(`${id}_`) && n.endsWith('.ann'));
    if (!file) continue;
    const text = readFileSync(join(split, 'text', name), 'utf8');
    const errors = articleErrors(readFileSync(join(split, 'attributions', file), 'utf8'), readFileSync(join(predictedDir, `${id}.ann`), 'utf8'), text);
    for (const role of ROLES) for (const key of Object.keys(total[role]) as (keyof ErrorCounts)[]) total[role][key] += errors[role][key];
  }
  return total;
}

if (process.argv[1]?.endsWith('attribution-errors.ts')) {
  const [split, predicted] = process.argv.slice(2);
  if (!split || !predicted) throw new Error('usage: attribution-errors.ts <split dir> <predicted .ann dir>');
  const lines = ['| role | matched | gold: boundary | gold: missed | predicted: boundary | predicted: spurious |', '|---|---|---|---|---|---|'];
  for (const [role, c] of Object.entries(splitErrors(split, predicted))) lines.push(`| ${role} | ${c.matched} | ${c.goldBoundary} | ${c.goldMissed} | ${c.predictedBoundary} | ${c.predictedSpurious} |`);
  console.log(lines.join('\n'));
}
