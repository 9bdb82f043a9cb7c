// A whole named again at the start of the sentence that splits it: a pronoun ("They are made up of ..."), a
// demonstrative and the noun of an amount just stated ("Those offences break down as ..."), a noun that names a sum
// stated earlier ("The money will be split between ..."; numeric.json anaphoricWholes) or a measure of money the
// sentence before names ("Sales broke down as ..."; numeric.json moneyMeasures).
import { tokenAt, type Token } from '../../nlp/tokens.js';
import type { Located } from './context.js';
import type { PartitionInput } from './partition-input.js';
import { normUnit } from './units.js';

const WHOLE_PRONOUNS = new Set(['they', 'it', 'these', 'this', 'those']);
const PRONOUN_AUX = new Set(['are', 'is', 'were', 'was', 'will', 'be', 'would', 'have', 'has', 'been']);

/**
 * "They are made up of", "It is split into", "These break down as": when the clause before a split is a pronoun and its
 * auxiliaries only, its whole is the last count or sum of money of the sentence before, in the same paragraph.
 */
export function pronounWhole(input: PartitionInput, s: number, clauseStart: number, openerStart: number): Located | undefined {
  const { tokens } = input;
  const from = tokenAt(tokens, clauseStart);
  const at = tokens[from]?.text === ',' || tokens[from]?.text === ';' ? from + 1 : from;
  const opener = tokens[at]?.lower ?? '';
  const named = WHOLE_DETERMINERS.has(opener) ? namedNoun(tokens, at + 1, openerStart) : undefined;
  // "Revenue rose to 4.2bn kroner ...\n\nSales broke down as 2.6bn kroner ...": a bare noun that names a measure of
  // money (numeric.json moneyMeasures) which the sentence before also names.
  const measure = !named && !WHOLE_PRONOUNS.has(opener) ? input.moneyMeasures.get(opener) : undefined;
  if (!WHOLE_PRONOUNS.has(opener) && !named && measure === undefined) return undefined;
  for (let k = named ? named.after : at + 1; k < tokens.length && tokens[k]!.start < openerStart; k++) if (!PRONOUN_AUX.has(tokens[k]!.lower)) return undefined;
  const before = input.bySentence[s - 1] ?? [];
  const here = input.bySentence[s]?.[0];
  const amount = (l: Located) => l.q.quantityKind === 'count' || l.q.quantityKind === 'money';
  // "The government approved a 2.4 billion euro package ... The money will be split between ...": a noun that names a
  // sum stated earlier (numeric.json anaphoricWholes) stands for the last sum of money of the sentence before.
  const money = named !== undefined && input.anaphoricWholes.has(named.noun);
  if (measure !== undefined && !namesMeasure(input, s - 1, measure)) return undefined;
  // "Calder Valley recorded 486 knife offences ..., up 12 per cent. Those offences break down as ...": a demonstrative
  // and the noun of an amount of the sentence before stand for that amount, wherever it stands in its sentence.
  const last = money || measure !== undefined ? before.findLast((l) => l.q.quantityKind === 'money')
    : named ? before.findLast((l) => amount(l) && (input.units.get(l.q.id) ?? '').split(' ').at(-1) === named.noun) : before.at(-1);
  // A noun that names the sum again reaches into the paragraph before too; a pronoun only within its own.
  const near = (l: Located) => here !== undefined && (l.paragraph === here.paragraph || ((money || measure !== undefined) && l.paragraph === here.paragraph - 1));
  return last && here && near(last) && amount(last) && input.units.has(last.q.id) ? last : undefined;
}

/** True when sentence `s` holds a word of the money measure `group` (numeric.json moneyMeasures). */
function namesMeasure(input: PartitionInput, s: number, group: number): boolean {
  if (s < 0) return false;
  const [from, to] = input.sentenceTokens(s);
  for (let k = from; k < to; k++) if (input.moneyMeasures.get(input.tokens[k]!.lower) === group) return true;
  return false;
}

/** Determiners that, with the noun of an amount just stated, name it again ("Those offences", "These jobs"). */
const WHOLE_DETERMINERS = new Set(['these', 'those', 'the']);
/** How many words a named whole may take after its determiner ("Those knife offences"). */
const NAMED_REACH = 3;

/** The head noun (its unit key) of a short noun phrase from `k` up to the opener, and the token after it. */
function namedNoun(tokens: readonly Token[], k: number, openerStart: number): { noun: string; after: number } | undefined {
  let head = -1;
  for (let i = k; i < k + NAMED_REACH && tokens[i] && tokens[i]!.start < openerStart; i++) {
    const pos = tokens[i]!.pos;
    if (pos === 'NOUN') head = i;
    else if (pos !== 'ADJ' || head >= 0) break;
  }
  return head >= 0 ? { noun: normUnit(tokens[head]!.text), after: head + 1 } : undefined;
}
