import type { TechniqueAnnotation } from '../../../core/annotations.js';
import { tokenAt, type Token } from '../../../nlp/tokens.js';

/** Per token, the technique a rule found there ('' where none): the span model's stacked input. */
export function ruleTechniquesOf(tokens: readonly Token[], techniques: readonly Pick<TechniqueAnnotation, 'start' | 'end' | 'technique'>[]): string[] {
  const out = new Array<string>(tokens.length).fill('');
  for (const t of techniques) for (let i = tokenAt(tokens, t.start); i < tokens.length && tokens[i]!.start < t.end; i++) out[i] = t.technique;
  return out;
}
