import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { normUnit } from './units.js';

/** Word lists that tell a list of figures parting one whole from several breakdowns of a group. */
export interface ListRules {
  readonly stance: ReadonlySet<string>;
  readonly prepositions: ReadonlySet<string>;
  readonly joiners: ReadonlySet<string>;
  readonly copulas: ReadonlySet<string>;
}

/** What is written right after one figure of a list. */
export interface Member {
  readonly q: QuantityAnnotation;
  /** First token of what is said of the figure: after its own counted noun, or after the whole "of voters" (shares). */
  readonly at: number;
}

/** How far after a figure its counted noun, preposition or stance word is looked for (keeps the check linear). */
const REACH = 4;
// NOUN: the tagger reads some verbs after a figure as nouns ("3,000 work in the north").
const SKIP_TO_PREPOSITION = new Set(['VERB', 'AUX', 'ADV', 'PART', 'NOUN']);
const ATTRIBUTE_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'DET']);
const ATTRIBUTE_WORDS = new Set(['over', 'under', 'aged', 'older', 'younger', 'between', 'above', 'below']);
const CLAUSE_END = new Set([',', ';', ':', '.', 'and', 'while', 'but']);

/** A figure of a list with the token after its own counted noun ("20 people in ..." → "in"). */
export function memberOf(tokens: readonly Token[], q: QuantityAnnotation): Member {
  const after = tokenAt(tokens, q.end);
  if (q.unit === undefined || q.quantityKind !== 'count') return { q, at: after };
  for (let k = after; k < Math.min(tokens.length, after + REACH); k++) {
    if (tokens[k]!.text === q.unit) return { q, at: k + 1 };
    if (CLAUSE_END.has(tokens[k]!.lower)) break;
  }
  return { q, at: after };
}

/** "in the north" after "610": the preposition and its object, past a verb such as "goes"; undefined when none follows. */
function prepositionAfter(tokens: readonly Token[], at: number, rules: ListRules): { prep: string; object: string } | undefined {
  for (let k = at; k < Math.min(tokens.length, at + REACH); k++) {
    const tok = tokens[k]!;
    if (rules.prepositions.has(tok.lower)) {
      let o = k + 1;
      while (o < tokens.length && o < k + REACH && tokens[o]!.pos === 'DET') o++;
      return { prep: tok.lower, object: tokens[o]?.lower ?? '' };
    }
    if (!SKIP_TO_PREPOSITION.has(tok.pos)) return undefined;
  }
  return undefined;
}

/** "backed Smith" → "back smith", "were undecided" → "undecided": the stance a figure takes, if any. */
function stanceAfter(tokens: readonly Token[], at: number, rules: ListRules): string | undefined {
  for (let k = at; k < Math.min(tokens.length, at + REACH); k++) {
    const tok = tokens[k]!;
    if (CLAUSE_END.has(tok.lower)) return undefined;
    if (rules.stance.has(tok.lower) || rules.stance.has(tok.lemma)) {
      const next = tokens[k + 1];
      return next?.pos === 'PROPN' ? `${tok.lemma} ${next.lower}` : tok.lemma;
    }
  }
  return undefined;
}

/** "were women", "were over 60": a description of the figure's members, one of several that may overlap. */
function describes(tokens: readonly Token[], at: number, rules: ListRules): boolean {
  const verb = tokens[at];
  const next = tokens[at + 1];
  if (!verb || !next || !rules.copulas.has(verb.lower)) return false;
  if (rules.stance.has(next.lower) || rules.prepositions.has(next.lower)) return false;
  return ATTRIBUTE_POS.has(next.pos) || ATTRIBUTE_WORDS.has(next.lower);
}

const allDistinct = (keys: readonly (string | undefined)[]) => keys.every((k) => k !== undefined) && new Set(keys).size === keys.length;

/** Several figures each followed by "were" and a description ("65% were women, 40% were over 60"): breakdowns, not parts. */
export function isBreakdown(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  return members.filter((m) => describes(tokens, m.at, rules)).length >= 2;
}

/**
 * Positive evidence that figures part one whole: the same preposition with a different object after each ("in the
 * north", "in the south"), a different counted noun each ("20 men, 25 women"), or a different stance each ("backed
 * Smith", "backed Jones", "were undecided").
 */
export function partsOneWhole(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  const preps = members.map((m) => prepositionAfter(tokens, m.at, rules));
  if (preps.every((p) => p !== undefined && p.prep === preps[0]!.prep) && allDistinct(preps.map((p) => p?.object))) return true;
  const units = members.map((m) => (m.q.quantityKind === 'count' && m.q.unit ? normUnit(m.q.unit) : undefined));
  if (allDistinct(units)) return true;
  return allDistinct(members.map((m) => stanceAfter(tokens, m.at, rules)));
}

/** A list closed by "and" (or "while", "with"...) between its last two figures names all its parts. */
export function isClosedList(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  if (members.length < 2) return false;
  const from = tokenAt(tokens, members.at(-2)!.q.end);
  const to = Math.min(tokenAt(tokens, members.at(-1)!.q.start), from + 40);
  for (let k = from; k < to; k++) if (rules.joiners.has(tokens[k]!.lower)) return true;
  return false;
}
