// Who did what to whom: two claims with the same verb and the same parties can still report different events when the
// parties change places ("Norvik Aviation will buy 30 aircraft from Kestrel Air" against "Kestrel Air will buy 30
// aircraft from Norvik Aviation"). Without a parser, the roles are read from word order around the verb both claims
// share: in the active voice the words before the verb (in its clause) are its doer, the words after it the rest; in
// the passive ("are being monitored by", "was sold by") the words before it are the rest and the words after "by" the
// doer. A voice that cannot be told (a nominalisation, "the monitoring of ... by ...") says nothing. Node-free.
import type { WordRelations } from './alignment.js';
import { writtenAsVerb } from './contrast.js';
import { isStopword, stem } from './terms.js';

/** A claim's words in order as the roles are read from them: lower-case, with ',' for a clause break. */
export type RoleWords = readonly string[];

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*|[,;:()\u2013\u2014]/gu;
const BE: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "aren't", "wasn't", "weren't"]);
/** Words that mark the word after them (or after one adverb between) as a verb: auxiliaries, modals and 'to'. */
const AUXILIARIES: ReadonlySet<string> = new Set([...BE, 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'to', 'do', 'does', 'did', 'has', 'have', 'had', "won't", "can't"]);
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'their', 'this', 'that', 'his', 'her', 'our']);

/** The words of a text outside the masked spans (figures, attribution), in order, lower-case; clause punctuation as ','. */
export function roleWords(text: string, masks: readonly { readonly start: number; readonly end: number }[] = []): RoleWords {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    if (masks.some((r) => start < r.end && r.start < end)) continue;
    out.push(/^[\p{L}\p{N}]/u.test(m[0]) ? m[0].toLowerCase() : ',');
  }
  return out;
}

/** The doer and the rest around the verb at `at`, as stems of content words; null when the voice cannot be told. */
export function rolesAround(words: RoleWords, at: number): { doer: Set<string>; rest: Set<string> } | null {
  let from = at;
  while (from > 0 && words[from - 1] !== ',') from--;
  let to = at + 1;
  while (to < words.length && words[to] !== ',') to++;
  const before = words.slice(from, at);
  const after = words.slice(at + 1, to);
  const form = words[at]!;
  // A nominalisation ("the monitoring of"): its doer and object are told by prepositions this reading leaves alone.
  if (DETERMINERS.has(before.at(-1) ?? '')) return null;
  const content = (ws: readonly string[]) => new Set(ws.filter((w) => w.length > 1 && !isStopword(w)).map(stem));
  const passive = !form.endsWith('ing') && writtenAsVerb(form) && before.slice(-3).some((w) => BE.has(w));
  if (!passive) return { doer: content(before), rest: content(after) };
  const by = after.indexOf('by');
  return { doer: by < 0 ? new Set() : content(after.slice(by + 1)), rest: new Set([...content(before), ...content(by < 0 ? after : after.slice(0, by))]) };
}

/**
 * Whether the word at `at` is written as a verb: a past tense or participle ("sold", "monitored"), or any form after an
 * auxiliary, a modal or 'to' (one adverb may stand between: "will soon buy", "are still waiting"). A bare present form
 * ("monitor", "waiting lists") may be a noun and is not read.
 */
export function markedVerb(words: RoleWords, at: number): boolean {
  const form = words[at]!;
  if (!form.endsWith('ing') && writtenAsVerb(form)) return true;
  const prev = words[at - 1];
  if (prev !== undefined && AUXILIARIES.has(prev)) return true;
  return prev !== undefined && prev.endsWith('ly') && AUXILIARIES.has(words[at - 2] ?? '');
}

/** Where a word of the given stem stands in the words, when it stands there once (-1 otherwise). */
function onlyPlace(words: RoleWords, term: string): number {
  let at = -1;
  for (let i = 0; i < words.length; i++) {
    if (words[i] === ',' || stem(words[i]!) !== term) continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at;
}

/**
 * The verb both claims share around which two of their shared words change places: one is the doer in the query and
 * not in the candidate, the other the doer in the candidate and not in the query. The verb is a word that can tell an
 * event (Lexicon.event) written as a verb in both (markedVerb: "surgery waiting lists" against "patients are waiting
 * for surgery" has no verb to read roles around in the first); null when there is none, or when the lexicon cannot
 * tell events.
 */
export function roleSwap(query: { readonly terms: readonly string[]; readonly roleWords?: RoleWords }, candidate: { readonly terms: readonly string[]; readonly roleWords?: RoleWords }, relations: WordRelations): { verb: string; doer: string; other: string } | null {
  const q = query.roleWords;
  const c = candidate.roleWords;
  if (!q || !c || !relations.event) return null;
  const shared = new Set(query.terms.filter((t) => candidate.terms.includes(t)));
  for (const term of shared) {
    const i = onlyPlace(q, term);
    const j = onlyPlace(c, term);
    if (i < 0 || j < 0) continue;
    if (!relations.event(q[i]!, Infinity) || !markedVerb(q, i) || !markedVerb(c, j)) continue;
    const a = rolesAround(q, i);
    const b = rolesAround(c, j);
    if (!a || !b) continue;
    const doer = [...a.doer].find((t) => t !== term && shared.has(t) && b.rest.has(t) && !b.doer.has(t));
    const other = [...b.doer].find((t) => t !== term && shared.has(t) && a.rest.has(t) && !a.doer.has(t));
    if (doer && other) return { verb: q[i]!, doer, other };
  }
  return null;
}
