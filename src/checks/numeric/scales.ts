import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import numberWords from '../../annotators/quantities/number-words.json' with { type: 'json' };
import { tidy } from '../../annotators/quantities/numerals.js';

/** Scale words written after digits ("billion", "bn"), from the quantity annotator's data. */
const SCALES = new Map(numberWords.suffixScales.filter((s) => s.value >= 1e6).map((s) => [s.word, s.value]));

/** The scale word written inside a figure ("21 billion" → 1e9), if any. */
export function writtenScale(tokens: readonly Token[], q: QuantityAnnotation): number | undefined {
  for (let k = tokenAt(tokens, q.start); k < tokens.length && tokens[k]!.start < q.end; k++) {
    const scale = SCALES.get(tokens[k]!.lower);
    if (scale !== undefined) return scale;
  }
  return undefined;
}

/**
 * "The budget of 48 billion splits into 21 billion for health, 15 for schools": a bare figure below 1,000 in a list
 * whose total or first part names a scale carries that scale (15 → 15 billion), unless that would make it larger
 * than the total. Other parts are returned as they are.
 */
export function carryScale(tokens: readonly Token[], total: QuantityAnnotation, parts: readonly QuantityAnnotation[]): QuantityAnnotation[] {
  const scales = parts.map((p) => writtenScale(tokens, p));
  const scale = writtenScale(tokens, total) ?? scales.find((s) => s !== undefined);
  if (scale === undefined) return [...parts];
  return parts.map((p, i) => {
    // "the remaining eight": a number spelled in words is never an amount written short of its scale.
    if (scales[i] !== undefined || p.value >= 1000 || p.value * scale > total.value * 1.5 || spelled(tokens, p)) return p;
    const times = (x: number | undefined) => (x === undefined ? undefined : tidy(x * scale));
    return { ...p, value: times(p.value)!, ...(p.low !== undefined && { low: times(p.low) }), ...(p.high !== undefined && { high: times(p.high) }) };
  });
}

/** True when a figure opens with a number written in words ("eight", "Fifteen"), not digits. */
function spelled(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  const tok = tokens[tokenAt(tokens, q.start)];
  return tok !== undefined && !/\d/.test(tok.text);
}
