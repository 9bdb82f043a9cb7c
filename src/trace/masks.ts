import roles from './appositive-roles.json' with { type: 'json' };
import type { Span } from './terms.js';

const ROLE_WORDS = roles.words.join('|');
/** ", a spokesperson for the port" (up to a clause break): an appositive headed by a role noun within its first words. */
const APPOSITIVE = new RegExp(`^,\\s+(?:a|an|the|its|their)\\s+(?:[\\p{L}'-]+\\s+){0,3}?(?:${ROLE_WORDS})s?\\b[^,.;:!?]{0,60}(?=[,.;:!?]|$)`, 'u');

/**
 * The span of `text` masked for a source found at [start, end): all of it when it ends a clause ("Anika Brandt, a
 * spokesperson for the port," / "… said the port."), with an appositive that describes it (", a spokesperson for the
 * port"); else up to its first clause break, so that a source span that ran on into the claim ("experts, building
 * the Tarn" + " wall") keeps the claim's words.
 */
export function sourceMask(text: string, start: number, end: number): Span {
  const after = text.slice(end, end + 80);
  const appositive = APPOSITIVE.exec(after);
  if (appositive) return { start, end: end + appositive[0].length };
  if (/^\s*(?:[,;:.!?)"\u201d]|$)/u.test(after)) return { start, end };
  const comma = text.slice(start, end).search(/[,;:(]/);
  return { start, end: comma < 0 ? end : start + comma };
}
