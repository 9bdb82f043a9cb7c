import type { EntityType } from '../../core/annotations.js';
import type { Token } from '../../nlp/tokens.js';
import { bareText, candidateOver, isCapitalised, RANK, type Candidate } from './candidate.js';
import { normalizeName } from './norm.js';

/** A later-mention form learnt from the text: an acronym in brackets or a person's surname. */
interface Alias {
  readonly type: EntityType;
  readonly norm: string;
}

/** Two or more capitals, digits, dots, hyphens or ampersands, at most 10 characters: SOCOM, R&AW, G-7. */
const ACRONYM = /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{Lu}\p{N}&.-]{2,10}$/u;

/**
 * Links later mentions to earlier ones, in one pass over the tokens:
 * "Special Operations Command (SOCOM)" makes SOCOM the same entity, and "Jane Olsen" makes a later "Olsen" her.
 * Entities must not overlap; returns them, relinked, plus the new later mentions, sorted by start.
 */
export function linkMentions(tokens: readonly Token[], entities: readonly Candidate[], nameSuffixes: ReadonlySet<string>): Candidate[] {
  const aliases = new Map<string, Alias>();
  const tails = new Map<string, string>();
  const suffixNorms = new Set([...nameSuffixes].map(normalizeName));
  const out: Candidate[] = [];
  let next = 0;
  for (let i = 0; i < tokens.length; i++) {
    const ent = entities[next];
    if (ent && ent.first === i) {
      const linked = relink(ent, tails);
      out.push(linked);
      learn(tokens, linked, aliases, nameSuffixes);
      learnTails(linked, tails, suffixNorms);
      next++;
      i = ent.end - 1;
      continue;
    }
    const alias = isCapitalised(tokens[i]!) ? aliases.get(aliasKey(bareText(tokens[i]!))) : undefined;
    if (!alias || startsLongerName(tokens, i)) continue;
    const mention = candidateOver(tokens, i, i + 1, { type: alias.type, norm: alias.norm, rank: RANK.link });
    out.push(mention);
    learn(tokens, mention, aliases, nameSuffixes);
    learnTails(mention, tails, suffixNorms);
  }
  return out;
}

/** A person whose whole name ends a fuller name seen before ("Olsen", "Van Der Beek") takes that person's norm. */
function relink(ent: Candidate, tails: ReadonlyMap<string, string>): Candidate {
  if (ent.type !== 'person') return ent;
  const norm = tails.get(ent.norm);
  return norm ? { ...ent, norm } : ent;
}

/** Records every word-final part of a person's norm ("van der beek", "der beek", "beek"), without "jr". */
function learnTails(ent: Candidate, tails: Map<string, string>, suffixNorms: ReadonlySet<string>): void {
  if (ent.type !== 'person') return;
  const lastSpace = ent.norm.lastIndexOf(' ');
  const name = lastSpace > 0 && suffixNorms.has(ent.norm.slice(lastSpace + 1)) ? ent.norm.slice(0, lastSpace) : ent.norm;
  for (let at = name.indexOf(' '); at >= 0; at = name.indexOf(' ', at + 1)) tails.set(name.slice(at + 1), ent.norm);
}

/** Learns a bracketed acronym after any entity (for a described document: after the body it names), and a surname. */
function learn(tokens: readonly Token[], ent: Candidate, aliases: Map<string, Alias>, nameSuffixes: ReadonlySet<string>): void {
  const open = tokens[ent.end];
  const acronym = tokens[ent.end + 1];
  if (open?.text === '(' && tokens[ent.end + 2]?.text === ')' && acronym && ACRONYM.test(acronym.text)) {
    aliases.set(aliasKey(acronym.text), ent.named ?? { type: ent.type, norm: ent.norm });
  }
  if (ent.type === 'person') {
    let last = ent.end - 1;
    if (last > ent.first && nameSuffixes.has(tokens[last]!.text)) last--;
    const surname = aliasKey(bareText(tokens[last]!));
    if (!aliases.has(surname) || aliases.get(surname)!.type === 'person') aliases.set(surname, { type: 'person', norm: ent.norm });
  }
}

/**
 * The key a later mention is looked up by: the word as written, accents folded (NFD, combining marks dropped), so that
 * "Périer" finds "Jean Perier" and "Perier" finds "Jean Périer". Case is kept: "Rose" is not "ROSE".
 */
function aliasKey(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** True when the next word is capitalised and close: the token is part of a longer, unknown name. */
function startsLongerName(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return next !== undefined && isCapitalised(next) && next.start - tokens[i]!.end <= 1;
}
