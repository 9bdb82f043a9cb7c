// Where a share is set: the place, contest or group a share with no stated whole belongs to ("In Dunmore, 55 percent
// ...", "55 percent ... in the referendum"). Shares set apart are of different wholes. Word lists in numeric.json.
import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import type { Member } from './members.js';

/** The word lists this reads (numeric.json settingPrepositions, notSettings). */
export interface SettingRules {
  readonly prepositions: ReadonlySet<string>;
  readonly notSettings: ReadonlySet<string>;
}

/** How many words a setting phrase ("the new council district") may have; keeps the check linear. */
const PHRASE_REACH = 4;
/** How far after a share its setting is looked for, within its clause. */
const AFTER_REACH = 8;
// ADV: the tagger reads "north", "south" after "the" as adverbs.
const PHRASE_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADV']);
const CLAUSE_OPENERS = new Set([',', ';', 'while', 'whereas', 'and', 'but']);
const CLAUSE_END = new Set([',', ';', ':', '.', 'and', 'while', 'whereas', 'but']);

/** The last word of the noun phrase at `k` ("the mayoral race" → "race"), or undefined when none starts there. */
function objectAt(tokens: readonly Token[], k: number, rules: SettingRules, limit = tokens.length): { lemma: string; end: number } | undefined {
  let end = k;
  while (end < Math.min(limit, k + PHRASE_REACH) && PHRASE_POS.has(tokens[end]!.pos)) end++;
  const last = tokens[end - 1];
  if (end === k || last === undefined || last.pos === 'DET' || rules.notSettings.has(last.lower)) return undefined;
  return { lemma: last.lemma, end };
}

/**
 * "In Dunmore, 55 percent ...", "while in Calder 60 percent ...": a setting that opens the share's clause, right before
 * it (a comma between them at most), as `in <word>`.
 */
export function settingBefore(tokens: readonly Token[], q: QuantityAnnotation, sentenceStart: number, rules: SettingRules): string | undefined {
  let k = tokenAt(tokens, q.start) - 1;
  const relative = whereBefore(tokens, k);
  if (relative !== undefined) return placeBeforeWhere(tokens, relative, sentenceStart, rules);
  if (tokens[k]?.text === ',') k--;
  for (let p = k; p >= Math.max(sentenceStart, k - PHRASE_REACH); p--) {
    if (!rules.prepositions.has(tokens[p]!.lower)) continue;
    const object = objectAt(tokens, p + 1, rules, k + 1);
    const opens = p === sentenceStart || CLAUSE_OPENERS.has(tokens[p - 1]?.lower ?? '');
    return object && object.end === k + 1 && opens ? `in ${object.lemma}` : undefined;
  }
  return undefined;
}

/** How far back from "where" its place may start ("in the harbour suburb of Port Ulvane, where"). */
const WHERE_REACH = 8;

/** The token of "where" right before a share, adverbs between ("where just 46 percent"), or undefined. */
function whereBefore(tokens: readonly Token[], k: number): number | undefined {
  while (k >= 0 && tokens[k]!.pos === 'ADV' && tokens[k]!.lower !== 'where') k--;
  return tokens[k]?.lower === 'where' ? k : undefined;
}

/**
 * "Support was strongest in the old town, where 74 percent backed a ban, and weakest in Port Ulvane, where just 46
 * percent did": a share in a relative clause of a place is set in that place (its last noun before the comma).
 */
function placeBeforeWhere(tokens: readonly Token[], where: number, sentenceStart: number, rules: SettingRules): string | undefined {
  const last = tokens[where - 1]?.text === ',' ? where - 2 : where - 1;
  const noun = tokens[last];
  if (!noun || (noun.pos !== 'NOUN' && noun.pos !== 'PROPN')) return undefined;
  for (let p = last - 1; p >= Math.max(sentenceStart, last - WHERE_REACH); p--) {
    if (tokens[p]!.type === 'punctuation') return undefined;
    if (rules.prepositions.has(tokens[p]!.lower)) return `in ${noun.lemma}`;
  }
  return undefined;
}

/** "55 percent voted for Ortiz in the mayoral vote" → "vote", "... for Ortiz for mayor" → "mayor": a setting after the share. */
function settingAfter(tokens: readonly Token[], m: Member, rules: SettingRules): string | undefined {
  let choice = false;
  for (let k = m.at; k < Math.min(tokens.length, m.at + AFTER_REACH) && !CLAUSE_END.has(tokens[k]!.lower); k++) {
    // "voted for Ortiz for mayor": the first "for" names the choice, a second the office contested.
    const office = tokens[k]!.lower === 'for' && choice;
    if (tokens[k]!.lower === 'for') choice = true;
    if (rules.prepositions.has(tokens[k]!.lower) || office) {
      const object = objectAt(tokens, k + 1, rules);
      if (object) return object.lemma;
    }
  }
  return undefined;
}

/**
 * "55 percent voted for Ortiz in the mayoral vote, and 60 percent voted for Banks in the referendum": shares each set in
 * a different place or contest are of different wholes.
 */
export function setApart(tokens: readonly Token[], members: readonly Member[], rules: SettingRules, copulas?: ReadonlySet<string>): boolean {
  if (copulas && predicatePlaces(tokens, members, rules, copulas)) return false;
  const settings = members.map((m) => settingAfter(tokens, m, rules));
  return settings.every((s) => s !== undefined) && new Set(settings).size === settings.length;
}

/**
 * "64 percent of cases were in children aged 3 to 9, 22 percent in those aged 10 to 14 and 19 percent in adults": where
 * the first share's copula is followed by its preposition, the place or group is what is said of the share (where the
 * cases were), and the shares after it, the copula left out, answer the same question with the same preposition. They
 * part the whole rather than set it apart. "64 percent of cases were mild in children" (a word between) stays a setting.
 */
function predicatePlaces(tokens: readonly Token[], members: readonly Member[], rules: SettingRules, copulas: ReadonlySet<string>): boolean {
  if (members.length < 2) return false;
  const [first, ...rest] = members;
  const prep = tokens[first!.at + 1];
  if (!copulas.has(tokens[first!.at]?.lower ?? '') || !prep || !rules.prepositions.has(prep.lower)) return false;
  return rest.every((m) => tokens[m.at]?.lower === prep.lower);
}
