// The learned sums model in the numeric check: totals the rules did not judge, whose parts a trained model finds listed
// in a run of figures nearby that does not add up to them. Trained by scripts/train-numeric-sums.ts (card:
// models/numeric-sums.md); loaded once per process, only by pipelines that run the trained models.
import { readFileSync } from 'node:fs';
import type { Finding, QuantityAnnotation } from '../../../core/annotations.js';
import type { Document } from '../../../core/document.js';
import { firstStartingFrom } from '../../../core/range.js';
import { decodeLogistic, type LogisticModel } from '../../../learn/logistic.js';
import { tokenAt, type Token } from '../../../nlp/tokens.js';
import { fmt, type Located } from '../context.js';
import { areLifeStages, namesKinds } from '../kinds.js';
import { ageAcrossTraits, areOverlappingAgeBands } from '../evidence.js';
import { sentenceFigures, withCountClosed } from './counted.js';
import { closedByAbstention, onDifferentThings } from '../choices.js';
import { memberOf, type ListRules, type Member } from '../members.js';
import { isSubjectGapped } from '../subjects.js';
import { lackDifferentThings, overlapRemarked, overlapsByAlso } from '../overlaps.js';
import { isChangedFrom, isGoal, isRanked, isSuperseded, partitiveOwner, saysAlso } from '../part-words.js';
import { areKinds, canPartition, gappedAfterName, mixesTraits, normUnit } from '../units.js';
import { standing, sumCandidates, type SumCandidate } from './candidates.js';
import { chooseSums, reported, type SumsModels } from './choose.js';
import { candidateFeatures } from './features.js';
import { chooseShares, shareFeatures, shareRuns } from './shares.js';
import { isComparison, type ShareRules } from '../share-reading.js';
import vetoes from './vetoes.json' with { type: 'json' };

/** The loaded models with the settings their training chose. */
export interface SumsModel {
  readonly models: SumsModels;
  /** The whole-model probability from which a sum that does not add up is reported. */
  readonly threshold: number;
  readonly floor: number;
  readonly maxDeviation: number;
  /** Shares of one whole: the model and the probability from which a run over 100 is reported. */
  readonly shares: { readonly model: LogisticModel; readonly threshold: number; readonly floor: number };
}

const WHOLE_URL = new URL('../../../../models/numeric-sums-whole.bin', import.meta.url);
const RUN_URL = new URL('../../../../models/numeric-sums-run.bin', import.meta.url);
const SHARES_URL = new URL('../../../../models/numeric-sums-shares.bin', import.meta.url);

/** Reads the three model files (totals: whole and run; shares). */
export function loadSumsModel(whole: URL | string = WHOLE_URL, run: URL | string = RUN_URL, shares: URL | string = SHARES_URL): SumsModel {
  const w = decodeLogistic(readFileSync(whole));
  const r = decodeLogistic(readFileSync(run));
  const sh = decodeLogistic(readFileSync(shares));
  const num = (meta: Record<string, unknown>, key: string, fallback: number) => (typeof meta[key] === 'number' ? (meta[key] as number) : fallback);
  return {
    models: { whole: w.model, run: r.model },
    threshold: num(w.meta, 'threshold', 0.75),
    floor: num(w.meta, 'floor', 0.2),
    maxDeviation: num(w.meta, 'maxDeviation', 0.25),
    shares: { model: sh.model, threshold: num(sh.meta, 'threshold', 0.75), floor: num(sh.meta, 'floor', 0.2) },
  };
}

let shared: SumsModel | undefined;

/** The committed model, loaded on first use and shared by every pipeline of the process. */
export function defaultSumsModel(): SumsModel {
  shared ??= loadSumsModel();
  return shared;
}

/** What the learned check reads of a document. */
export interface LearnedSumsInput {
  readonly doc: Document;
  readonly located: readonly Located[];
  readonly tokens: readonly Token[];
  /** Unit keys of the amounts (units.ts unitKeys with the carry joiners). */
  readonly units: ReadonlyMap<string, string>;
  /** The sentence index of each token. */
  readonly sentenceOf: (token: number) => number;
  /** Totals the rules judged (their findings stand; they are not judged again). */
  readonly judged: ReadonlySet<string>;
  /** The rules' findings: a total inside one is left to them. */
  readonly findings: readonly Finding[];
  /** The list rules (copulas, kinds, stages of life). */
  readonly rules: ListRules;
}

const DESCRIPTIONS = new Set(vetoes.descriptions.tags);

/** True when every act lies in one group of numeric.json's exclusive outcomes. */
function oneOutcomeGroup(acts: readonly string[], rules: ListRules): boolean {
  const groups = acts.map((a) => rules.exclusiveOutcomes.get(a) ?? []);
  return groups[0]!.some((g) => groups.every((list) => list.includes(g)));
}

/** True when a figure (after its own counted noun) is followed by a preposition: "600 oaks on the ridge", "450 along the river". */
function placed(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  let k = tokenAt(tokens, q.end);
  if (q.unit !== undefined && tokens[k]?.text === q.unit) k++;
  return tokens[k]?.pos === 'ADP' && tokens[k]?.lower !== 'of';
}

const CLOSING_JOINTS = new Set(vetoes.closedLists.words);

/**
 * "sales (900), manufacturing (700) and administration (300), and 150 contractors": a joint before the last one opens
 * with "and" and the run goes on in the same sentence, its last part not said to be the rest (vetoes.json closedLists).
 */
/**
 * "2,000 people in sales (900), manufacturing (700) and administration (300), and 150 contractors": parts that fall
 * short of a total before them, followed in the same sentence by a joint and one more figure, may leave the rest of the
 * total to that figure; the shortfall is no finding (vetoes.json closedLists).
 */
function goesOnShort(tokens: readonly Token[], c: SumCandidate): boolean {
  if (!c.after || c.sum >= c.total.q.value) return false;
  let k = tokenAt(tokens, c.parts[c.parts.length - 1]!.q.end);
  while (tokens[k] && (tokens[k]!.pos === 'SPACE' || tokens[k]!.text === ')' || tokens[k]!.text === ',')) k++;
  if (!tokens[k] || !CLOSING_JOINTS.has(tokens[k]!.lower)) return false;
  k++;
  while (tokens[k] && tokens[k]!.pos === 'SPACE') k++;
  return tokens[k]?.pos === 'NUM' || /^\d/.test(tokens[k]?.text ?? '');
}

function closedEarly(tokens: readonly Token[], c: SumCandidate): boolean {
  if (c.closed) return false;
  for (let i = 0; i + 2 < c.parts.length; i++) {
    const from = tokenAt(tokens, c.parts[i]!.q.end);
    const to = tokenAt(tokens, c.parts[i + 1]!.q.start);
    let k = from;
    while (k < to && (tokens[k]!.pos === 'SPACE' || tokens[k]!.text === ')' || tokens[k]!.text === ',')) k++;
    if (k >= to || !CLOSING_JOINTS.has(tokens[k]!.lower)) continue;
    // The part after the closed one, in the same sentence: no full stop between them.
    const next = tokens.slice(tokenAt(tokens, c.parts[i + 1]!.q.end), tokenAt(tokens, c.parts[i + 2]!.q.start));
    if (!next.some((t) => t.text === '.' || t.text === '?' || t.text === '!')) return true;
  }
  return false;
}

const RUNNING = new Set(vetoes.runningTotals.words);
const SUBSET = new Set(vetoes.subsets.words);

/**
 * What the rules know of kinds, applied to the model's runs: parts whose counted nouns mix kinds with traits that cut
 * across them ("1,900 nurses, 900 women") may overlap; parts counted in a noun the total's cannot hold are of another
 * whole; a subset ("including", "of whom") may add up to less than its whole.
 */
export function mayPartition(c: SumCandidate, input: Pick<LearnedSumsInput, 'doc' | 'tokens' | 'units' | 'rules'>): boolean {
  return partitionVeto(c, input) === undefined;
}

/**
 * The figures a run's parts are: the token after each figure and its own noun right after it. Narrower than members.ts
 * memberOf (no "of whom", no noun a few words on), which the models were trained without (measured: it changes them).
 */
function membersOf(tokens: readonly Token[], c: SumCandidate): Member[] {
  return c.parts.map((p) => {
    const at = tokenAt(tokens, p.q.end);
    return { q: p.q, at: p.q.unit !== undefined && tokens[at]?.text === p.q.unit ? at + 1 : at };
  });
}

/**
 * The candidate, closed also when its parts are answers closed by those who gave none ("…, 1,003 said they would not
 * and 171 were undecided": everyone asked), so that a shortfall is a sum that does not add up.
 */
export function withAnswersClosed(c: SumCandidate, input: Pick<LearnedSumsInput, 'tokens' | 'rules'>): SumCandidate {
  return c.closed || !closedByAbstention(input.tokens, membersOf(input.tokens, c), input.rules) ? c : { ...c, closed: true };
}

/** Which of the kinds rules keeps a run from being a total's parts (undefined when none does). */
export function partitionVeto(c: SumCandidate, input: Pick<LearnedSumsInput, 'doc' | 'tokens' | 'units' | 'rules'>): string | undefined {
  const partUnits = c.parts.map((p) => input.units.get(p.q.id));
  if (!areKinds(partUnits)) return 'traits';
  const whole = input.units.get(c.total.q.id);
  if (whole !== undefined && partUnits.some((u) => u !== undefined && !canPartition(whole, u))) return 'nouns';
  // "Of the 300 passengers, 120 were women and 200 were over 60": parts said after a copula are kinds only when the
  // rules read them so (kinds that cannot overlap, or stages of life).
  const { tokens, rules } = input;
  const members = membersOf(tokens, c);
  if (closedEarly(tokens, c) || goesOnShort(tokens, c)) return 'closed';
  // "The fund holds £40 million.\n\nIt is split into ...": a pronoun that opens a new paragraph stands for no figure of
  // the paragraph before (the rules' pronounWhole reads a pronoun's whole in its own paragraph only).
  if (c.after && c.parts[0]!.paragraph > c.total.paragraph && PARAGRAPH_PRONOUN.test(input.doc.text.slice(c.total.q.end, c.parts[0]!.q.start))) return 'paragraph';
  // "11,400 came from women and 9,800 from donors under 40": an age beside groups of no age cuts across them.
  if (ageAcrossTraits(tokens, members, rules)) return 'ages';
  // "of whom 60,000 are over 60 and 50,000 are under 80": age bands that overlap are several breakdowns.
  if (areOverlappingAgeBands(tokens, members, rules)) return 'bands';
  // "49 were on farms with no alarm and 44 on farms with no CCTV": parts that lack different things overlap.
  if (lackDifferentThings(tokens, c.parts)) return 'absences';
  // "148 had bought from the dealers and 97 had also bought elsewhere": a part that did one more thing overlaps.
  if (overlapsByAlso(tokens, c.parts)) return 'also';
  // "Of 900 voters, 500 backed the mayor and 450 opposed the budget": stances on two different things answer two questions.
  if (onDifferentThings(tokens, members, rules)) return 'stances';
  const described = (m: Member) => rules.copulas.has(tokens[m.at]?.lower ?? '') && DESCRIPTIONS.has(tokens[m.at + 1]?.pos ?? '');
  // "938 said they would, 1,003 said they would not and 171 were undecided": answers closed by those who gave none
  // (choices.ts closedByAbstention) are everyone asked, whatever is said of them.
  const answers = closedByAbstention(tokens, members, rules);
  // Kinds of one word only: the committed models were trained before kinds named by a compound ("were marsh frogs").
  if (members.some(described) && !answers && !namesKinds(tokens, members, rules, false) && !areLifeStages(tokens, members, rules)) return 'described';
  // "Of the 70 suspects, 45 were released and 30 were charged": acts that may befall one person are no split, unless
  // they are end states of one kind (numeric.json exclusiveOutcomes: "died", "survived").
  const acts = members.filter((m) => rules.copulas.has(tokens[m.at]?.lower ?? '') && tokens[m.at + 1]?.pos === 'VERB').map((m) => tokens[m.at + 1]!.lower);
  if (acts.length >= 2 && !oneOutcomeGroup(acts, rules)) return 'acts';
  // "planted 600 oaks on the ridge, 450 along the river and 300 in the park": a figure set in a place of its own, as its
  // parts are, is one more member of their list.
  // With a colon, a dash or a new sentence between them the figure is the list's total ("18 million for pipes: 11
  // million for the east end, ...").
  if (c.after && placed(tokens, c.total.q) && c.parts.every((p) => placed(tokens, p.q)) && !/[:;—–(.]|\s-\s/.test(input.doc.text.slice(c.total.q.end, c.parts[0]!.q.start))) return 'places';
  // "₹5,120 crore of the total and home textiles ₹2,310 crore; the remainder was yarn and fabric. Shipments to the UAE
  // alone ...": a remainder told in words closes the list with its rest unstated; a figure after it is of another
  // breakdown (vetoes.json unstatedRest).
  if (restUnstated(input.doc.text, c)) return 'rest';
  // "Thornby lost 1,300 homes and Colt 900, and Wenlow ... the 600": a figure after a name and "and", its verb left
  // out, is the total's sibling in one coordination, so the total is a member of the list, not its whole.
  if (c.after && c.parts[0]!.sentence === c.total.sentence && gappedAfterName(tokens, c.parts[0]!.q) && !/[:;—–(]|\s-\s/.test(input.doc.text.slice(c.total.q.end, c.parts[0]!.q.start))) return 'sibling';
  // "the government's target of 60,000", "had put the catch at 1.38 million tonnes ..., but revised the figure", "hit
  // hardest, with 1,720 thefts": a goal, a superseded figure or the top part of a ranking is no whole (as the rules read
  // them: part-words.ts).
  if (isGoal(tokens, c.total.q) || isSuperseded(tokens, c.total.q) || isRanked(tokens, c.total.q)) return 'no-whole';
  // "bringing the total to 25": a running total, which grows from a figure not stated.
  const t = tokenAt(tokens, c.total.q.start);
  if (tokens[t - 1]?.lower === 'to' && tokens.slice(Math.max(0, t - 5), t).some((x) => RUNNING.has(x.lower))) return 'running';
  if (c.sum < c.total.q.value) {
    const first = c.after ? c.parts[0]!.q.start : c.parts[c.parts.length - 1]!.q.end;
    const [from, to] = c.after ? [c.total.q.end, first] : [first, c.total.q.start];
    const words = input.doc.text.slice(from, to).toLowerCase().match(/\p{L}+/gu) ?? [];
    if (words.some((w) => SUBSET.has(w))) return 'subset';
  }
  return undefined;
}

/**
 * True when one part is followed by a form of "have" that owns a noun ("61 had previous convictions") and another by a
 * different verb ("70 were from Galkulama"): a trait beside a kind, so the parts may overlap.
 */
function hasTrait(tokens: readonly Token[], parts: readonly Located[]): boolean {
  const verbs = parts.map((p) => {
    const k = tokenAt(tokens, p.q.end);
    const t = tokens[k];
    if (!t || (t.pos !== 'VERB' && t.pos !== 'AUX')) return undefined;
    const owns = t.lemma === 'have' && ['DET', 'ADJ', 'NOUN', 'NUM'].includes(tokens[k + 1]?.pos ?? '');
    return owns ? 'have' : t.lemma;
  });
  return verbs.includes('have') && verbs.some((v) => v !== undefined && v !== 'have');
}

/** How many tokens a list's first member may stand after its colon (": a grant of £20,000"). */
const COLON_REACH = 5;

/** True when a colon stands a few words before a figure, no number between ("sources: a grant of £20,000"). */
function firstAfterColon(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  const at = tokenAt(tokens, q.start);
  for (let k = at - 1; k >= Math.max(0, at - COLON_REACH); k--) {
    if (tokens[k]!.text === ':') return true;
    if (tokens[k]!.type !== 'word' || tokens[k]!.pos === 'NUM') return false;
  }
  return false;
}

/** A subset cue right after a total, before its first part ("…, including", "…, of which", "…, of whom"). */
const SUBSET_OPENER = /^\s*,?\s*(?:including|of which|of whom|among them)\b/i;

/** A paragraph break, then a pronoun as the first word of the new paragraph. */
const PARAGRAPH_PRONOUN = /\n\s*\n\s*(?:it|they|this|these|those)\b/i;

/** How sure the model must be of a closed run to report a total the rules judged silent. */
const CLOSED_OVER_RULES = 0.8;

/** `total-unsupported` findings for sums the model finds that do not add up, with their arithmetic. */
export function learnedSums(input: LearnedSumsInput, model: SumsModel): Finding[] {
  const { doc, tokens } = input;
  const sentences = doc.all('sentence');
  /** The token after the sentence of a part. */
  const sentenceEnd = (l: Located) => tokenAt(tokens, (sentences[l.sentence]?.end ?? doc.text.length) - 1) + 1;
  const covered = coveredIds(input.located, input.findings);
  const figuresBySentence = sentenceFigures(input.located);
  // Totals the rules judged stay in the competition, so that a sum of theirs that adds up claims its parts, but are
  // never reported; figures of a rule's finding take no role.
  const candidates = sumCandidates(input.located, tokens, input.units)
    .filter((c) => {
      const ratio = c.sum / c.total.q.value;
      // "The number of attacks rose to 312 from 241": the baseline of a change is an earlier level, no part (as the
      // rules' chains read it: part-words.ts isChangedFrom). Applied when the model reads, not in its training runs.
      // "..., with many doing both": a remark that the parts overlap (overlaps.ts overlapRemarked), as the rules read it.
      // "70 were from Galkulama and 61 had previous convictions": a part said to have something beside parts said to be
      // something is a trait that cuts across them (hasTrait).
      // "Rs. 14.6 million, including Rs. 9.8 million ... and Rs. 3.1 million ..., the ASP said. ... Fines totalling Rs. 2.35
      // million": a list a subset cue opens right after its total ends with that sentence.
      const opened = c.after && SUBSET_OPENER.test(doc.text.slice(c.total.q.end, c.parts[0]!.q.start));
      const crosses = opened && c.parts.some((p) => p.sentence !== c.total.sentence);
      // "312,400 of the district's 332,600 residents were covered: 41,250 ..., 198,700 ... and the remaining 72,450": the
      // whole of a partitive is no total of a list after it; the figure before "of" is (part-words.ts partitiveOwner).
      const partitive = c.after && c.parts.every((p) => p.sentence === c.total.sentence) && partitiveOwner(tokens, input.located, c.total.q) !== undefined;
      // "The money came from three sources: a grant of £20,000 from ..., £9,650 from ... and £8,150 in ...": the first
      // figure of a list a colon opens is one of its members, not the total of the others.
      const member = c.after && c.parts[0]!.sentence === c.total.sentence && firstAfterColon(tokens, c.total.q);
      // "the factories sent 48,200 new members, the collective farms 31,500 and the universities 22,700": figures each
      // after a subject of their own, the verb left out after the first, are siblings, not a total and its parts.
      const siblings = c.after && c.parts.every((p) => p.sentence === c.total.sentence) && isSubjectGapped(tokens, [c.total, ...c.parts].map((l) => memberOf(tokens, l.q)), input.rules, false);
      // "She took £12,400 in deposits. She also kept £9,100 ... and £4,350 ...": parts in a later sentence that says "also"
      // add to the total's figure (part-words.ts saysAlso), as the rules read it.
      const also = c.after && c.parts[0]!.sentence > c.total.sentence && saysAlso(tokens, c.parts[0]!.q);
      return ratio >= 0.5 && ratio <= 2 && mayPartition(c, input) && !c.parts.some((p) => isChangedFrom(tokens, p.q)) && !overlapRemarked(tokens, c.parts, sentenceEnd(c.parts.at(-1)!)) && !hasTrait(tokens, c.parts) && !crosses && !partitive && !member && !siblings && !also;
    })
    .map((c) => withCountClosed(withAnswersClosed(c, input), tokens, figuresBySentence))
    .map((c) => ({ c, standing: standing(c, tokens, doc.text), features: candidateFeatures(c, tokens, input.sentenceOf) }));
  return chooseSums(candidates, model.models, model, claimedBy(input.findings))
    // A total the rules judged silent is the rules' unless the run says it names every part ("the remaining 12") and the
    // model is sure of it: the rules let a list stop short, which a closed list cannot.
    .filter((x) => reported(x.candidate.c, x.p, model.threshold) && (!input.judged.has(x.candidate.c.total.q.id) || (x.candidate.c.closed && x.p >= CLOSED_OVER_RULES)) && !covered.has(x.candidate.c.total.q.id))
    .map(({ candidate: { c }, p }) => {
      const arithmetic = `${c.values.map(fmt).join(' + ')} = ${fmt(c.sum)}`;
      return {
        rule: 'total-unsupported',
        severity: 'warning' as const,
        message: `"${doc.slice(c.total.q)}" reads as the total of ${c.parts.map((x) => `"${doc.slice(x.q)}"`).join(', ')}, but ${arithmetic}, ${c.sum > c.total.q.value ? 'more' : 'less'} than ${fmt(c.total.q.value)} (read by the learned sums model, confidence ${p.toFixed(2)}).`,
        start: c.total.q.start,
        end: c.total.q.end,
        annotationIds: [c.total.q.id, ...c.parts.map((x) => x.q.id)],
      };
    });
}

/**
 * The figures inside a finding's span, in O((figures + findings) log findings): findings sorted by start with the
 * largest end so far, so that a figure is covered when the findings starting before its end reach past its start.
 */
function coveredIds(located: readonly Located[], findings: readonly Finding[]): Set<string> {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  sorted.forEach((f, i) => reach.push(Math.max(f.end, i > 0 ? reach[i - 1]! : -Infinity)));
  const out = new Set<string>();
  for (const { q } of located) {
    const before = firstStartingFrom(sorted, q.end);
    if (before > 0 && reach[before - 1]! > q.start) out.add(q.id);
  }
  return out;
}

/** The figures the rules' findings read (their totals, parts and shares). */
function claimedBy(findings: readonly Finding[]): Set<string> {
  return new Set(findings.flatMap((f) => f.annotationIds ?? []));
}

/** `percentage-over-100` findings for runs of percentages the model reads as one whole's shares and that exceed 100. */
/**
 * "Of the 400 staff, 58 percent were nurses and 49 percent were women": shares said after a copula to be kinds and a
 * trait that cuts across them (units.ts mixesTraits) may overlap, as counts so counted may.
 */
export function describesTraits(tokens: readonly Token[], shares: readonly Located[], rules: ListRules): boolean {
  const nouns = shares.map((x) => {
    const at = tokenAt(tokens, x.q.end);
    const copula = rules.copulas.has(tokens[at]?.lower ?? '');
    const noun = copula ? tokens[at + 1] : undefined;
    return noun && (noun.pos === 'NOUN' || noun.pos === 'VERB') ? normUnit(noun.text) : undefined;
  });
  return mixesTraits(nouns);
}

export function learnedShares(input: Pick<LearnedSumsInput, 'doc' | 'located' | 'tokens' | 'sentenceOf' | 'findings' | 'rules'> & { readonly shareRules: ShareRules }, model: SumsModel): Finding[] {
  const { doc, tokens } = input;
  const covered = coveredIds(input.located, input.findings);
  const runs = shareRuns(input.located, (l) => isComparison(tokens, l.q, input.shareRules))
    // "62 percent chose free school meals and 55 percent rural clinics; respondents could pick two options": a remark that
    // members gave several answers (overlaps.ts overlapRemarked), as the rules read it.
    .filter((run) => !run.shares.some((x) => covered.has(x.q.id)) && !describesTraits(input.tokens, run.shares, input.rules) && !overlapRemarked(tokens, run.shares, sentenceEndOf(doc, tokens, run.shares.at(-1)!)))
    .map((run) => ({ run, features: shareFeatures(run, tokens, input.sentenceOf) }));
  return chooseShares(runs, model.shares.model, model.shares.floor, claimedBy(input.findings))
    .filter((x) => x.p >= model.shares.threshold)
    .map(({ candidate: { run }, p }) => {
      const first = run.shares[0]!.q;
      const last = run.shares[run.shares.length - 1]!.q;
      return {
        rule: 'percentage-over-100',
        severity: 'warning' as const,
        message: `${run.shares.map((x) => `"${doc.slice(x.q)}"`).join(', ')} read as shares of one whole, but ${run.shares.map((x) => fmt(x.q.value)).join(' + ')} = ${fmt(run.sum)} percent, more than 100 (read by the learned sums model, confidence ${p.toFixed(2)}).`,
        start: first.start,
        end: last.end,
        annotationIds: run.shares.map((x) => x.q.id),
      };
    });
}

/** The token after the sentence of a figure. */
function sentenceEndOf(doc: Document, tokens: readonly Token[], l: Located): number {
  const sentence = doc.all('sentence')[l.sentence];
  return tokenAt(tokens, (sentence?.end ?? doc.text.length) - 1) + 1;
}

const REST_WORDS = new RegExp(`\\b(?:${vetoes.unstatedRest.words.join('|')})\\b[^.;:]*[.;:]`, 'i');

/** True when the text between two of a run's parts says what is left of the whole and ends its clause with no figure. */
function restUnstated(text: string, c: SumCandidate): boolean {
  for (let i = 0; i + 1 < c.parts.length; i++) if (REST_WORDS.test(text.slice(c.parts[i]!.q.end, c.parts[i + 1]!.q.start))) return true;
  return false;
}
