import type { Finding, QuantityAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { fmt, guaranteed, type Located } from './context.js';
import { settingBefore } from './share-settings.js';
import { judgeSentence } from './share-groups.js';
import { asPercent, clauseBreakBetween, groupBefore, isComparison, isFraction, isRate, isResidual, isShare, wholeOf, type Share, type ShareRules } from './share-reading.js';
import { continues, levelInClosedRun } from './share-runs.js';
import settings from './numeric.json' with { type: 'json' };

export type { ShareRules } from './share-reading.js';

const FRONTED = new Set(['of', 'among', 'amongst', 'out']);
const OVERALL = new Set(settings.overallShares.words);

/**
 * `percentage-over-100`: one share over 100% of a whole, or shares of one whole in one sentence adding up to more. A
 * share without a stated whole is of the whole the sentence's shares name ("60 percent of voters backed Smith, 45
 * percent backed Jones"); a ratio to a baseline ("120 percent of the 2019 level") or a change ("up 14 percent") is no share.
 */
export function checkShares(doc: Document, figures: readonly Located[], tokens: readonly Token[], sentenceTokens: (s: number) => [number, number], rules: ShareRules): Finding[] {
  const findings: Finding[] = [];
  const located = carryPercent(tokens, figures.map((l) => (isFraction(l.q) ? { ...l, q: asPercent(l.q) } : l)));
  let sentence: Share[] = [];
  const stated = new Set<string>();
  let among: { group: string; end: number } | undefined;
  const flush = () => {
    findings.push(...judgeSentence(doc, tokens, sentence, rules));
    sentence = [];
    stated.clear();
    among = undefined;
  };
  for (let i = 0; i < located.length; i++) {
    const { q } = located[i]!;
    if (i > 0 && located[i - 1]!.sentence !== located[i]!.sentence) {
      const continued = continues(tokens, sentenceTokens, located[i - 1]!, located, i, stated, among, rules);
      among = undefined;
      if (!continued) flush();
    }
    if (!isShare(q)) continue;
    const whole = wholeOf(tokens, q, rules.baselines);
    const comparison = (isComparison(tokens, q, rules) && !levelInClosedRun(tokens, located, i, rules)) || whole?.baseline === true;
    if (whole && !comparison && guaranteed(q).low > 100) findings.push(overFinding(doc, q));
    // A rate ("Turnout reached 64 percent") may still not exceed its own whole, but is not added to the shares beside it.
    if (comparison || isRate(tokens, q, rules)) continue;
    // "Among landlords ..., 70 percent opposed the ban and 38 percent supported it": the group holds to the clause's end,
    // and past a semicolon to a share that names no group or whole of its own ("Among those certain to vote, 41 percent
    // backed Lindqvist, 34 percent Ek and 17 percent Holt; 11 percent were undecided").
    const group = groupBefore(tokens, q) ?? (among && (whole === undefined ? !colonBetween(tokens, among.end, q.start) : !clauseBreakBetween(tokens, among.end, q.start)) ? among.group : undefined);
    among = group === undefined ? undefined : { group, end: q.end };
    // "48 percent overall": a share of everyone (numeric.json overallShares), never of the group named beside it.
    const overall = whole === undefined && OVERALL.has(tokens[tokenAt(tokens, q.end)]?.lower ?? '');
    const carried = stated.size === 1 && !overall ? stated.values().next().value! : '';
    if (whole) stated.add(whole.lemma);
    const of = { whole: group ?? whole?.lemma ?? (overall ? 'overall' : carried), carried: group === undefined && whole === undefined && carried !== '' };
    const [from] = sentenceTokens(located[i]!.sentence);
    const setting = settingBefore(tokens, q, from, rules.settings);
    const fronted = FRONTED.has(tokens[from]?.lower ?? '');
    sentence.push({ q, at: whole?.end ?? tokenAt(tokens, q.end), ...of, sentence: located[i]!.sentence, setting, fronted, residual: isResidual(tokens, q, rules) });
  }
  flush();
  return findings;
}

function overFinding(doc: Document, q: QuantityAnnotation): Finding {
  const message = `"${doc.slice(q)}" is stated as a share of a whole, but a share cannot exceed 100% (it guarantees ${fmt(guaranteed(q).low)}%).`;
  return { rule: 'percentage-over-100', severity: 'warning', message, start: q.start, end: q.end, annotationIds: [q.id] };
}

/** What may follow a bare figure that leaves out the percent of the share before it. */
const CARRY_ENDS = new Set([',', ';', '.', 'and', ')', 'while']);

/**
 * "put the Civic Alliance on 34 percent, the Greens on 22, Labour on 21 and others on 9": a bare whole number up to 100
 * that takes the same word before it as a share of its sentence ("on", "at") and ends its item leaves out that share's
 * percent; it is a share too. "34 percent of voters live in 22 towns" gives the number a noun, and "in" is no word of
 * the share's, so it stays a count.
 */
function carryPercent(tokens: readonly Token[], figures: readonly Located[]): Located[] {
  let lead: { word: string; sentence: number } | undefined;
  return figures.map((l) => {
    const { q } = l;
    const k = tokenAt(tokens, q.start);
    const word = tokens[k - 1]?.lower ?? '';
    if (isShare(q)) {
      lead = { word, sentence: l.sentence };
      return l;
    }
    const bare = q.quantityKind === 'count' && q.unit === undefined && q.bound === 'exact' && Number.isInteger(q.value) && q.value <= 100;
    const sameFrame = lead !== undefined && lead.sentence === l.sentence && lead.word === word && tokens[k - 1]?.type === 'word' && tokens[k - 1]!.pos === 'ADP';
    if (!bare || !sameFrame || !CARRY_ENDS.has(tokens[tokenAt(tokens, q.end)]?.lower ?? '.')) return l;
    return { ...l, q: { ...q, quantityKind: 'percent', unit: '%' } };
  });
}

/** True when a colon stands between two offsets (a semicolon only parts the items of one list). */
function colonBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = tokenAt(tokens, from); k < tokens.length && tokens[k]!.start < to; k++) if (tokens[k]!.text === ':') return true;
  return false;
}
