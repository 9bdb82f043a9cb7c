// Kinds said of the figures of a list ("29 were men, 21 were women and 22 were children", "140 houses, 95 flats and 115
// caravans", "55% of them women and 50% men"): kinds that cannot overlap part their whole; traits that cut across kinds
// ("women", "pensioners") make several breakdowns. Word lists in numeric.json (exclusiveKinds, kindSets, lifeStages).
import type { Token } from '../../nlp/tokens.js';
import type { ListRules, Member } from './members.js';
import { areKinds, countsPersons, isTrait, normUnit } from './units.js';

/** True when every key is defined and no two are equal. */
export const allDistinct = (keys: readonly (string | undefined)[]) => keys.length > 0 && keys.every((k) => k !== undefined) && new Set(keys).size === keys.length;

/** "41 are children, 17 are teenagers and 11 are adults": each figure described by a different stage of life. */
export function areLifeStages(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  const stages = members.map((m) => (rules.copulas.has(tokens[m.at]?.lower ?? '') && rules.lifeStages.has(tokens[m.at + 1]?.lower ?? '') ? tokens[m.at + 1]!.lower : undefined));
  return members.length >= 2 && allDistinct(stages);
}

/** What may end a bare kind after its figure or copula ("29 were men, 21 women and 22 children."). */
const KIND_ENDS = new Set([',', ';', '.', 'and', ')', 'while', 'but', '—', '–']);

/** The kind a member is said to be: the noun after its copula ("29 were men") or its own counted noun ("21 women"), alone in its clause. */
function kindOf(tokens: readonly Token[], m: Member, rules: ListRules, compounds = true): string | undefined {
  const copula = rules.copulas.has(tokens[m.at]?.lower ?? '');
  const own = !copula && m.q.quantityKind === 'count' && m.q.unit !== undefined;
  // "29 were men" (after the copula), "21 women" (the count's own noun), "50% men" (a share with its copula left out).
  // "61 were care workers": a compound after the copula is named by its last noun (wink may tag "care" a verb).
  const compound = copula && tokens[m.at + 1]?.pos !== 'NOUN' && tokens[m.at + 1]?.type === 'word' && tokens[m.at + 2]?.pos === 'NOUN' && countsPersons(normUnit(tokens[m.at + 2]!.lower));
  const [noun, end] = compound ? [tokens[m.at + 2], tokens[m.at + 3]] : copula ? [tokens[m.at + 1], tokens[m.at + 2]] : own ? [tokens[m.at - 1], tokens[m.at]] : [tokens[m.at], tokens[m.at + 1]];
  // "61 were staff": a word for a group of persons after the copula is a noun, whatever the tagger says.
  const person = copula && noun !== undefined && countsPersons(normUnit(noun.lower));
  // "240 were sand martins", "17 percent fish stalls": a kind of several words.
  const modified = !compounds || compound || own ? undefined : modifiedKind(tokens, copula ? m.at + 1 : m.at);
  if (!noun || !(noun.pos === 'NOUN' || (copula && (misreadPlural(noun) || person))) || (own && noun.text !== m.q.unit)) return modified;
  return end === undefined || KIND_ENDS.has(end.lower) ? noun.lower : modified;
}

/** How many words a kind after a copula may hold ("were spotted marsh frogs"). */
const KIND_WORDS = 4;

/**
 * "287 were highland tree frogs, 196 were common toads": a kind after a copula named by a noun with words before it,
 * alone in its clause, is named by its compound of nouns ("highland tree frogs", "toads", "marsh frogs"): a noun
 * before a noun names a kind ("marsh frogs"), an adjective a property that may cut across kinds ("red cars", "stolen
 * cars"), so it is left out. A head noun for persons or a trait is left to the readings above ("were retired nurses").
 */
function modifiedKind(tokens: readonly Token[], from: number): string | undefined {
  let to = from;
  // "31 were wound infections picked up while swimming": a participle after a noun starts a phrase about the kind.
  const participle = (k: number) => tokens[k]!.pos === 'VERB' && /(?:ed|ing)$/.test(tokens[k]!.lower) && tokens[k - 1]?.pos === 'NOUN';
  while (to < from + KIND_WORDS && tokens[to]?.type === 'word' && MODIFIER_POS.has(tokens[to]!.pos) && !(to > from && participle(to))) to++;
  const end = tokens[to];
  const head = tokens[to - 1];
  // "17 percent fish stalls at weekly markets": a phrase of place after the kind says where, not which kind.
  if (to - from < 2 || head?.pos !== 'NOUN' || (end !== undefined && !KIND_ENDS.has(end.lower) && !PLACE_AFTER.has(end.lower) && !participle(to))) return undefined;
  if (countsPersons(normUnit(head.lower)) || isTrait(head.lower)) return undefined;
  // The tagger may read the first noun of a compound as a verb ("tree frogs"); a participle stays an adjective ("spotted").
  let first = to - 1;
  while (first > from && (tokens[first - 1]!.pos === 'NOUN' || (tokens[first - 1]!.pos === 'VERB' && !/(ed|ing)$/.test(tokens[first - 1]!.lower)))) first--;
  return tokens.slice(first, to).map((t) => t.lower).join(' ');
}

const PLACE_AFTER = new Set(['at', 'in', 'on']);
/** Parts of speech of the words of a kind named after a copula. */
const MODIFIER_POS = new Set(['ADJ', 'NOUN', 'VERB']);

const PRONOUN_WHOLES = new Set(['them', 'those', 'these']);

/** "55% of them women": a figure right after "of them", whose copula is left out from the first member on. */
function afterOfThem(tokens: readonly Token[], m: Member): boolean {
  return tokens[m.at - 2]?.lower === 'of' && PRONOUN_WHOLES.has(tokens[m.at - 1]?.lower ?? '');
}

/**
 * "140 were houses": a word in the -s form of a verb right after "were"/"are" cannot be that verb (a verb after a form
 * of "be" is a participle), so the tagger misread a plural noun ("houses", "shops", "works").
 */
function misreadPlural(word: Token): boolean {
  return word.pos === 'VERB' && word.type === 'word' && word.lower.endsWith('s') && !word.lower.endsWith('ss') && word.lemma !== word.lower;
}

/**
 * "Of them, 29 were men, 21 were women and 22 were children", "140 were houses, 95 flats and 115 bungalows": each
 * figure said to be a different kind, named by a bare plural noun (after a copula, repeated or left out), parts one
 * whole when the kinds cannot overlap: none is a trait that cuts across kinds ("women", "pensioners", "volunteers"),
 * or all lie in one group of exclusive kinds ("men", "women") or name one whole set of numeric.json kindSets ("men",
 * "women" and "children"). "65 were women, 40 were over 60" (no noun) and "40 were nurses, 30 were women" (a trait) stay breakdowns.
 * `compounds: false` reads kinds of one word only, as the sums model was trained ("were tree frogs" is then no kind).
 */
export function namesKinds(tokens: readonly Token[], members: readonly Member[], rules: ListRules, compounds = true): boolean {
  if (members.length < 2 || !(rules.copulas.has(tokens[members[0]!.at]?.lower ?? '') || afterOfThem(tokens, members[0]!))) return false;
  const kinds = members.map((m) => kindOf(tokens, m, rules, compounds));
  if (kinds.some((k) => k === undefined) || new Set(kinds).size !== kinds.length || !areKinds(kinds)) return false;
  const words = kinds as string[];
  if (!words.some(isTrait)) return true;
  const groups = new Set(words.map((k) => rules.exclusiveKinds.get(k)));
  // A set across groups counts only whole: "58 percent were women and 47 percent were children" may overlap.
  return (groups.size === 1 && !groups.has(undefined)) || rules.kindSets.some((set) => words.length === set.size && words.every((k) => set.has(k)));
}
