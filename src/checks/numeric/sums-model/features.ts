// Features of a candidate sum for the learned sums model: how the total and its run are written (the words between
// them, the joints between the parts, where the run ends, the counted nouns), never the values, so that a model
// learned from sums that add up can judge runs that do not.
import { hash1 } from '../../../learn/hashing.js';
import { tokenAt, type Token } from '../../../nlp/tokens.js';
import type { SumCandidate } from './candidates.js';
import cues from './cues.json' with { type: 'json' };

/** Each cue word (or mark) to its groups. */
const CUE_GROUPS = new Map<string, string[]>();
for (const [group, { words }] of Object.entries(cues.groups)) for (const w of words) CUE_GROUPS.set(w, [...(CUE_GROUPS.get(w) ?? []), group]);

/** One feature per cue group found among the tokens, prefixed by the place. */
export function cueFeatures(f: string[], place: string, toks: readonly Token[]): void {
  const seen = new Set<string>();
  for (const t of toks) for (const g of CUE_GROUPS.get(t.lower) ?? []) seen.add(g);
  for (const g of seen) f.push(`cue.${place}=${g}`);
}

/** How many tokens of a stretch between figures are read word by word. */
const STRETCH = 8;
/** How many tokens around the total are read as its context. */
const AROUND = 3;

/** What a token reads as in a joint: punctuation and small words as themselves, other words as their part of speech. */
const KEPT = new Set(['and', 'or', 'while', 'with', 'of', 'in', 'for', 'from', 'to', 'by', 'on', 'at', 'another', 'further', 'more', 'other', 'rest', 'remaining', 'whom', 'which', 'them', 'those', 'including', 'total', 'all', 'altogether', 'combined', 'among', 'a', 'the', 'were', 'was', 'are', 'is', 'had', 'have', 'per', 'each']);

export function shape(t: Token): string {
  if (t.type === 'punctuation') return t.text;
  return KEPT.has(t.lower) ? t.lower : t.pos;
}

/** The tokens strictly between two token indices (at most `cap` of them, from the left). */
export function between(tokens: readonly Token[], from: number, to: number, cap = STRETCH): Token[] {
  const out: Token[] = [];
  for (let k = Math.max(0, from); k < Math.min(to, tokens.length) && out.length < cap; k++) if (tokens[k]!.pos !== 'SPACE') out.push(tokens[k]!);
  return out;
}

/** The feature strings of a candidate (readable; hashed by {@link candidateFeatures}). */
export function candidateFeatureNames(c: SumCandidate, tokens: readonly Token[], sentenceOf: (token: number) => number): string[] {
  const f: string[] = [];
  const dir = c.after ? 'A' : 'B';
  const k = c.parts.length;
  const span = Math.max(...c.parts.map((p) => Math.abs(p.sentence - c.total.sentence)));
  f.push(`dir=${dir}`, `skip=${dir}${c.skipped}`, `k=${Math.min(k, 5)}`, `span=${span}`, `dir.span=${dir}${span}`, `dir.k=${dir}${Math.min(k, 5)}`);
  const tStart = tokenAt(tokens, c.total.q.start);
  const tEnd = tokenAt(tokens, c.total.q.end);
  // Around the total.
  for (let d = 1; d <= AROUND; d++) {
    const b = tokens[tStart - d];
    if (b && sentenceOf(tStart - d) === c.total.sentence) f.push(`t-${d}=${b.lower}`, `t-${d}s=${shape(b)}`);
    else f.push(`t-${d}=<s>`);
    const a = tokens[tEnd + d - 1];
    if (a && sentenceOf(tEnd + d - 1) === c.total.sentence) f.push(`t+${d}=${a.lower}`, `t+${d}s=${shape(a)}`);
    else f.push(`t+${d}=</s>`);
  }
  cueFeatures(f, 'tb', between(tokens, tStart - 4, tStart).filter((t) => sentenceOf(t.index) === c.total.sentence));
  cueFeatures(f, 'ta', between(tokens, tEnd, tEnd + 4).filter((t) => sentenceOf(t.index) === c.total.sentence));
  f.push(`t.bound=${c.total.q.bound}`, `t.unit=${c.total.q.unit === undefined ? 'none' : 'some'}`);
  // Between the total and the nearest part.
  const first = c.after ? c.parts[0]! : c.parts[k - 1]!;
  const [from, to] = c.after ? [tEnd, tokenAt(tokens, first.q.start)] : [tokenAt(tokens, first.q.end), tStart];
  const gap = between(tokens, from, to, 40);
  const bucket = gap.length <= 2 ? String(gap.length) : gap.length <= 5 ? '3-5' : gap.length <= 10 ? '6-10' : '11+';
  f.push(`tp.len=${dir}${bucket}`, `tp.sent=${dir}${first.sentence !== c.total.sentence}`);
  for (const t of gap.slice(0, STRETCH)) f.push(`tp.w=${dir}${t.lower}`);
  for (const t of gap.slice(-STRETCH)) f.push(`tp.e=${dir}${t.lower}`);
  cueFeatures(f, `tp${dir}`, gap);
  if (gap.some((t) => t.text === ':')) f.push(`tp.colon=${dir}`);
  if (gap.some((t) => t.text === '—' || t.text === '–' || t.text === '-')) f.push(`tp.dash=${dir}`);
  if (gap.some((t) => t.text === '(')) f.push(`tp.paren=${dir}`);
  // The joints between the parts.
  const joints: string[] = [];
  for (let i = 0; i + 1 < k; i++) {
    const j = between(tokens, tokenAt(tokens, c.parts[i]!.q.end), tokenAt(tokens, c.parts[i + 1]!.q.start), 40);
    const sig = j.length <= 6 ? j.map(shape).join(' ') : `long${c.parts[i + 1]!.sentence !== c.parts[i]!.sentence ? '.s' : ''}`;
    joints.push(sig);
    f.push(`joint=${sig}`, `joint.last=${i + 2 === k}|${sig}`);
    for (const t of j.slice(0, 4)) f.push(`joint.w=${t.lower}`);
    cueFeatures(f, i + 2 === k ? 'jl' : 'j', j);
    if (c.parts[i + 1]!.sentence !== c.parts[i]!.sentence) f.push('joint.sent');
  }
  f.push(`joints.same=${new Set(joints.slice(0, -1)).size <= 1}`);
  // Parallel parts: the same shape of words right after (or right before) each part ("£310,000 from X, £260,000 from Y").
  const afterShape = c.parts.map((p) => {
    const t = tokens[tokenAt(tokens, p.q.end)];
    return t ? shape(t) : '';
  });
  const beforeShape = c.parts.map((p) => {
    const t = tokens[tokenAt(tokens, p.q.start) - 1];
    return t ? shape(t) : '';
  });
  f.push(`par.after=${new Set(afterShape).size === 1 ? afterShape[0] : 'mixed'}`, `par.before=${new Set(beforeShape.slice(1)).size === 1 ? beforeShape[1] : 'mixed'}`);
  f.push(`par.n=${(new Set(afterShape).size === 1 ? 1 : 0) + (new Set(beforeShape.slice(1)).size === 1 ? 1 : 0)}`);
  // Where the run ends (parts after) or starts (parts before): the figure of its class that would come next.
  const edge = c.after ? c.parts[k - 1]! : c.parts[0]!;
  if (c.after) {
    const e = tokenAt(tokens, edge.q.end);
    for (let d = 0; d < 2; d++) {
      const t = tokens[e + d];
      f.push(`end+${d}=${t && sentenceOf(e + d) === edge.sentence ? t.lower : '</s>'}`);
    }
  } else {
    const s = tokenAt(tokens, edge.q.start);
    for (let d = 1; d <= 2; d++) {
      const t = tokens[s - d];
      f.push(`start-${d}=${t && sentenceOf(s - d) === edge.sentence ? t.lower : '<s>'}`);
    }
  }
  // The counted nouns: the word after each figure.
  const nounOf = (q: SumCandidate['total']['q']) => {
    const t = tokens[tokenAt(tokens, q.end)];
    return t && t.type === 'word' && (t.pos === 'NOUN' || t.pos === 'PROPN') ? t.lemma : '';
  };
  const tn = nounOf(c.total.q);
  const pn = c.parts.map((p) => nounOf(p.q));
  const named = pn.filter((n) => n !== '');
  f.push(`pn.named=${named.length === 0 ? 'none' : named.length === k ? 'all' : 'some'}`);
  if (named.length > 0) f.push(`pn.same=${new Set(named).size === 1}`, `pn.total=${tn === '' ? 'none' : named.includes(tn) ? 'shared' : 'other'}`);
  f.push(`p.bounds=${c.parts.every((p) => p.q.bound === 'exact') ? 'exact' : 'mixed'}`);
  f.push(`p.kind=${c.parts.map((p) => p.q.quantityKind).join('.') === c.parts.map(() => c.total.q.quantityKind).join('.') ? 'same' : 'mixed'}`);
  return f;
}

/** The hashed features of a candidate. */
export function candidateFeatures(c: SumCandidate, tokens: readonly Token[], sentenceOf: (token: number) => number): Int32Array {
  return Int32Array.from(candidateFeatureNames(c, tokens, sentenceOf), (name) => hash1(7, name) | 0);
}
