import roles from './appositive-roles.json' with { type: 'json' };
import type { Span } from './terms.js';

const ROLE_WORDS = roles.words.join('|');
/** "a spokesperson", "the port's chief": a determiner (as given) and a role noun within the next few words. */
const role = (determiner: string) => String.raw`${determiner}\s+(?:[\p{L}'-]+\s+){0,3}?(?:${ROLE_WORDS})s?\b`;
const LOWER_DETERMINER = '(?:a|an|the|its|their)';
/** "Anika Brandt": up to four capitalised words. */
const NAME = String.raw`(?:\p{Lu}[\p{L}'\u2019-]*\.?\s+){0,3}\p{Lu}[\p{L}'\u2019-]+`;

/** ", a spokesperson for the port" (up to a clause break): an appositive headed by a role noun within its first words. */
const APPOSITIVE = new RegExp(String.raw`^,\s+${role(LOWER_DETERMINER)}[^,.;:!?]{0,60}(?=[,.;:!?]|$)`, 'u');

/** "a spokesperson for the port": a source that is itself a role phrase, and may follow the name it describes. */
const ROLE_PHRASE = new RegExp(`^${role(LOWER_DETERMINER)}`, 'u');
/**
 * "…, Anika Brandt, " right before such a role phrase: up to four capitalised words and a comma, starting a clause (after
 * a comma, a colon or the start), so that a place closing the claim ("jobs in Dunwick, an opposition member warned") is
 * not taken for the name.
 */
const NAME_BEFORE = new RegExp(String.raw`(?:^|[,;:(\u201c"]\s*)(${NAME},\s+)$`, 'u');

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

/**
 * "Anika Brandt, a spokesperson for the port expects …": a role phrase, with the name it describes, that fills the clause
 * right before a cue whose source was not found. It says who spoke, as a found source would.
 */
const SUBJECT_BEFORE_CUE = new RegExp(String.raw`(?:^|[.;:!?]\s+)((?:${NAME},\s+)?${role('(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)')}[^,.;:!?]{0,60}?)\s*$`, 'du');

/** The span masked for a cue at `cueStart` whose source was not found (see SUBJECT_BEFORE_CUE), or undefined. */
export function subjectMask(text: string, cueStart: number): Span | undefined {
  const before = text.slice(Math.max(0, cueStart - 160), cueStart);
  const span = SUBJECT_BEFORE_CUE.exec(before)?.indices?.[1];
  if (!span) return undefined;
  const offset = cueStart - before.length;
  return { start: offset + span[0], end: offset + span[1] };
}

/**
 * The spans of a claim text left out of its comparison for its attributions (offsets relative to the text): each found
 * source (see sourceMask), or for a cue without one the role phrase before it (see subjectMask), and each cue.
 */
export function attributionMasks(text: string, attributions: readonly { readonly source: Span | null; readonly cue: Span }[]): Span[] {
  const masks: Span[] = [];
  for (const a of attributions) {
    const source = a.source ? sourceMask(text, a.source.start, a.source.end) : subjectMask(text, a.cue.start);
    if (source) masks.push(source);
    masks.push({ start: a.cue.start, end: a.cue.end });
  }
  return masks;
}
