import roles from './appositive-roles.json' with { type: 'json' };
import type { Span } from './terms.js';

const ROLE_WORDS = roles.words.join('|');
/** ", a spokesperson for the port" (up to a clause break): an appositive headed by a role noun within its first words. */
const APPOSITIVE = new RegExp(`^,\\s+(?:a|an|the|its|their)\\s+(?:[\\p{L}'-]+\\s+){0,3}?(?:${ROLE_WORDS})s?\\b[^,.;:!?]{0,60}(?=[,.;:!?]|$)`, 'u');

/** "a spokesperson for the port": a source that is itself a role phrase, and may follow the name it describes. */
const ROLE_PHRASE = new RegExp(`^(?:a|an|the|its|their)\\s+(?:[\\p{L}'-]+\\s+){0,3}?(?:${ROLE_WORDS})s?\\b`, 'u');
/**
 * "…, Anika Brandt, " right before such a role phrase: up to four capitalised words and a comma, starting a clause (after
 * a comma, a colon or the start), so that a place closing the claim ("jobs in Dunwick, an opposition member warned") is
 * not taken for the name.
 */
const NAME_BEFORE = /(?:^|[,;:(\u201c"]\s*)((?:\p{Lu}[\p{L}'\u2019-]*\.?\s+){0,3}\p{Lu}[\p{L}'\u2019-]+,\s+)$/u;

/**
 * The span of `text` masked for a source found at [start, end), with the name before it when the source is a role
 * phrase describing that name ("Mara Lindqvist, a spokesperson for the union"): all of it when it ends a clause ("Anika Brandt, a
 * spokesperson for the port," / "… said the port."), with an appositive that describes it (", a spokesperson for the
 * port"); else up to its first clause break, so that a source span that ran on into the claim ("experts, building
 * the Tarn" + " wall") keeps the claim's words.
 */
export function sourceMask(text: string, start: number, end: number): Span {
  const own = ownMask(text, start, end);
  if (!ROLE_PHRASE.test(text.slice(own.start, own.end))) return own;
  const name = NAME_BEFORE.exec(text.slice(Math.max(0, start - 80), start));
  return name ? { start: start - name[1]!.length, end: own.end } : own;
}

/** The source with its appositive, or cut at its first clause break (see sourceMask). */
function ownMask(text: string, start: number, end: number): Span {
  const after = text.slice(end, end + 80);
  const appositive = APPOSITIVE.exec(after);
  if (appositive) return { start, end: end + appositive[0].length };
  if (/^\s*(?:[,;:.!?)"\u201d]|$)/u.test(after)) return { start, end };
  const comma = text.slice(start, end).search(/[,;:(]/);
  return { start, end: comma < 0 ? end : start + comma };
}
