// A small number word that names a group a sentence speaks of, not an amount of its list: "to the three big
// operators", "across its three divisions", "at the county's two crown courts", "across the four island airports".
import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';

/** The largest such number. */
const SMALL_GROUP = 10;
/** Prepositions that govern the group. */
const GOVERNING = new Set(['to', 'at', 'in', 'for', 'from', 'among', 'across', 'between', 'by', 'with', 'into', 'on']);
/** Determiners of a group the list speaks of. */
const GROUP_DETERMINERS = new Set(['the', 'its', 'their', 'our', 'his', 'her']);

/** True when a number written in words, at most ten, follows a governed determiner (and a possessor). */
export function governedGroup(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  const at = tokenAt(tokens, q.start);
  if (/\d/.test(tokens[at]?.text ?? '0') || q.value > SMALL_GROUP) return false;
  let k = at - 1;
  if (tokens[k]?.lower === "'s" && tokens[k - 1]?.type === 'word') k -= 2;
  return GROUP_DETERMINERS.has(tokens[k]?.lower ?? '') && GOVERNING.has(tokens[k - 1]?.lower ?? '');
}
