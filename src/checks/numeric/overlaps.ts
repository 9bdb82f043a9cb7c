// Parts that overlap, so that they part no whole: parts that each lack a different thing ("with no alarm", "with no
// CCTV"), a part whose members "also" did more, or a remark after the list that members belong to several parts ("with
// many doing both", "able to pick more than one"). Read by the rules (readings.ts, share-groups.ts) and, as vetoes, by
// the learned sums model (sums-model/index.ts). Word lists in numeric.json (absences, overlapAdverbs, overlapRemarks).
import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import settings from './numeric.json' with { type: 'json' };

/** Words that say a part lacks a thing (numeric.json absences). */
const ABSENCES: ReadonlySet<string> = new Set(settings.absences.words);
/** How far after its figure a part's words are read for what it lacks ("44 on farms with no CCTV"). */
const ABSENCE_REACH = 7;
const ABSENCE_STOPS = new Set([',', ';', ':', '.', 'and', 'but', 'while', 'whereas', '(', ')']);

/**
 * "49 were on farms with no alarm and 44 on farms with no CCTV": two parts or more that each lack a thing, not all the
 * same thing, count what may lack several at once: they overlap, and part no whole.
 */
export function lackDifferentThings(tokens: readonly Token[], parts: readonly { readonly q: QuantityAnnotation }[]): boolean {
  const lacked: string[] = [];
  for (const p of parts) {
    const from = tokenAt(tokens, p.q.end);
    for (let k = from; k < Math.min(tokens.length, from + ABSENCE_REACH) && !ABSENCE_STOPS.has(tokens[k]!.lower); k++) {
      if (!ABSENCES.has(tokens[k]!.lower)) continue;
      let o = k + 1;
      while (tokens[o] !== undefined && (tokens[o]!.pos === 'DET' || tokens[o]!.pos === 'ADJ')) o++;
      if (tokens[o] !== undefined && (tokens[o]!.pos === 'NOUN' || tokens[o]!.pos === 'PROPN')) lacked.push(tokens[o]!.lemma);
      break;
    }
  }
  return lacked.length >= 2 && new Set(lacked).size > 1;
}

/** Phrases after a list that say its members belong to more than one part (numeric.json overlapRemarks). */
const OVERLAP_REMARKS: readonly (readonly string[])[] = settings.overlapRemarks.phrases;

/** How many tokens after the last part a remark on overlapping members is looked for ("…, with many doing both"). */
const REMARK_REACH = 24;

/**
 * "870 help on the wards and 730 at fundraising events, with many doing both": a remark after the last part, before its
 * sentence ends (token `end`) and within REMARK_REACH tokens, that members belong to both parts.
 */
export function overlapRemarked(tokens: readonly Token[], parts: readonly { readonly q: QuantityAnnotation }[], end: number): boolean {
  const last = parts.at(-1);
  if (!last) return false;
  // Read a bounded stretch after the last part: a sentence of thousands of figures asked once per run stays linear.
  const from = tokenAt(tokens, last.q.end);
  for (let k = from; k < Math.min(end, from + REMARK_REACH); k++) if (OVERLAP_REMARKS.some((words) => words.every((w, i) => tokens[k + i]?.lower === w))) return true;
  return false;
}

/** Words that say a part's members did one more thing besides (numeric.json overlapAdverbs). */
const OVERLAP_ADVERBS: ReadonlySet<string> = new Set(settings.overlapAdverbs.words);

/**
 * "148 had bought seed from the dealers and 97 had also bought from other outlets": a later part whose figure is
 * followed, past its auxiliaries, by "also" counts members of the parts before it too: the parts overlap.
 */
export function overlapsByAlso(tokens: readonly Token[], parts: readonly { readonly q: QuantityAnnotation }[]): boolean {
  return parts.slice(1).some((p) => {
    let k = tokenAt(tokens, p.q.end);
    while (tokens[k] !== undefined && tokens[k]!.pos === 'AUX') k++;
    return OVERLAP_ADVERBS.has(tokens[k]?.lower ?? '');
  });
}
