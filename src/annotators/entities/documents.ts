import type { Token } from '../../nlp/tokens.js';
import { RANK, type Candidate } from './candidate.js';
import { normalizeName } from './norm.js';
import type { NameRules } from './rules.js';

/** What finding described documents needs. */
export interface DocumentContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly rules: NameRules;
  /** The entity (already resolved) starting at each token index. */
  readonly entityAt: ReadonlyMap<number, Candidate>;
}

const MAX_MODIFIERS = 3;
const PARTICLES = new Set(['out', 'up']);

/**
 * Documents a text cites by description: "a briefing prepared for the European Parliament", "a report by Amnesty",
 * "the files obtained by the Harbour Gazette" (span up to and including the entity named), or "a leaked memo".
 */
export function findDescribedDocuments(ctx: DocumentContext): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, rules } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const noun = tokens[i]!;
    if (noun.pos !== 'NOUN' || noun.text !== noun.lower || !rules.docNouns.has(noun.lemma)) continue;
    const { first, modified } = modifiersBefore(ctx, i);
    const named = namedBy(ctx, i + 1);
    const end = named ? named.end : modified ? i + 1 : -1;
    if (end < 0) continue;
    const start = tokens[first]!.start;
    const stop = named ? named.stop : noun.end;
    const norm = normalizeName(ctx.text.slice(start, stop));
    out.push({ first, end, start, stop, type: 'document', norm, rank: RANK.document, ...(named && { named: { type: named.type, norm: named.norm } }) });
    i = end - 1;
  }
  return out;
}

/** Walks back over adjectives and document modifiers ("leaked", "confidential") before the noun. */
function modifiersBefore(ctx: DocumentContext, nounAt: number): { first: number; modified: boolean } {
  let first = nounAt;
  let modified = false;
  for (let k = nounAt - 1; k >= 0 && nounAt - k <= MAX_MODIFIERS; k--) {
    const t = ctx.tokens[k]!;
    if (t.text !== t.lower || ctx.rules.docDeterminers.has(t.lower)) break;
    const isModifier = ctx.rules.docModifiers.has(t.lower);
    if (!isModifier && t.pos !== 'ADJ') break;
    modified ||= isModifier;
    first = k;
  }
  return { first, modified };
}

/** The entity a document is tied to: "[prepared] for|by|in [the] <entity>" right after the noun. */
function namedBy(ctx: DocumentContext, at: number): Candidate | undefined {
  const { tokens, rules } = ctx;
  let k = at;
  const verb = tokens[k] && rules.docVerbs.has(tokens[k]!.lower);
  if (verb) k++;
  if (verb && tokens[k] && PARTICLES.has(tokens[k]!.lower)) k++;
  const prep = tokens[k]?.lower ?? '';
  if (!(verb ? rules.docPreps : rules.docBarePreps).has(prep)) return undefined;
  k++;
  if (tokens[k]?.lower === 'the') k++;
  const entity = ctx.entityAt.get(k);
  return entity && entity.type !== 'document' ? entity : undefined;
}
