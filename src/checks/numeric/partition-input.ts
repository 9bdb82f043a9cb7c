// What the readings of totals and their parts read: the document's figures by sentence, its tokens, cues and word
// lists (PartitionInput), and what a reading finds (Candidate). partitions.ts judges the candidates that the list
// readers beside it (lists-after.ts, closing-totals.ts, tables.ts, next-sentence.ts ...) find.
import type { Document } from '../../core/document.js';
import { firstStartingFrom } from '../../core/range.js';
import type { Token } from '../../nlp/tokens.js';
import type { Located } from './context.js';
import type { ChainRules } from './chains.js';
import type { ListRules } from './members.js';
import type { Role } from './openers.js';
import type { CueSpan, TotalCues } from './totals.js';
import { isAmount, type UnitKeys } from './units.js';

/** The amounts of each sentence (counts, sums of money and measures that are not ranges), by sentence index. */
export function amountsBySentence(located: readonly Located[]): Located[][] {
  const out: Located[][] = [];
  for (const l of located) if (isAmount(l.q)) (out[l.sentence] ??= []).push(l);
  return out;
}

/**
 * The figures of each sentence that may be parts: amounts, and ranges of amounts ("Between £2 million and £2.5 million
 * will go on the bridge": a part of at least its low end), by sentence index.
 */
export function partsBySentence(located: readonly Located[]): Located[][] {
  const out: Located[][] = [];
  for (const l of located) if (isAmount(l.q) || (l.q.bound === 'range' && isAmount({ ...l.q, bound: 'exact' }))) (out[l.sentence] ??= []).push(l);
  return out;
}

/** The shares (percentages) of each sentence, by sentence index. */
export function sharesBySentence(located: readonly Located[]): Located[][] {
  const out: Located[][] = [];
  for (const l of located) if (l.q.quantityKind === 'percent') (out[l.sentence] ??= []).push(l);
  return out;
}

/** Everything the check of totals and the lists of their parts reads. */
export interface PartitionInput {
  readonly doc: Document;
  /** Nouns that name a sum stated earlier ("the money"). */
  readonly anaphoricWholes: ReadonlySet<string>;
  /** Nouns of a measure of money, by group of words for one measure ("revenue", "sales"; numeric.json moneyMeasures). */
  readonly moneyMeasures: ReadonlyMap<string, number>;
  readonly sentenceTokens: (s: number) => [number, number];
  readonly tokens: readonly Token[];
  readonly cues: TotalCues;
  readonly units: UnitKeys;
  readonly rules: ListRules;
  /** The amounts of each sentence, by sentence index. */
  readonly bySentence: readonly (readonly Located[] | undefined)[];
  /** Every figure of the document, in text order (a part a reading may have left out, whatever it was read as). */
  readonly located: readonly Located[];
  /** The amounts and ranges of amounts of each sentence, by sentence index (parts only, never totals). */
  readonly partsBySentence: readonly (readonly Located[] | undefined)[];
  /** Word lists of the lists that run over several sentences (chains.ts). */
  readonly chains: ChainRules;
  /** The shares of each sentence, by sentence index. */
  readonly sharesBySentence: readonly (readonly Located[] | undefined)[];
  /** Words that open a sentence summing the one before ("That is"; numeric.json backReferenceTotals). */
  readonly backReferences: readonly (readonly string[])[];
  /** Words after a figure that make it a difference, not a sum or a share ("300 more"; numeric.json notShareAfter). */
  readonly notSums: ReadonlySet<string>;
  /** Figures whose noun is the object of a verb left out, not their unit ("612 chose parks, 389 bin collections"; units.ts). */
  readonly gapped: ReadonlySet<string>;
  /** Figures right after a subset cue, within an amount before it ("£3.2 million, of which £900,000"; totals.ts). */
  readonly nested: ReadonlySet<string>;
}

/** A total with the parts found for it. */
export interface Candidate {
  readonly total: Located;
  readonly parts: readonly Located[];
  readonly role: Role;
  /** "the rest": the list leaves a remainder unstated; for a `chain`, the remainder is stated as its last part. */
  readonly rest: boolean;
  /** "..., out of 4,900 votes cast": the parts are drawn from the total, which may hold others too. */
  readonly drawn?: boolean;
}

/** Parts are read up to this many figures after their total (a sentence of thousands of figures stays linear). */
export const MAX_PARTS = 12;

/** True when a cue of `role` starts in `[from, to)`; cues are in text order, so a binary search finds the first. */
export function cueBetween(cues: readonly CueSpan[], role: CueSpan['role'], from: number, to: number): boolean {
  for (let i = firstStartingFrom(cues, from); i < cues.length && cues[i]!.start < to; i++) if (cues[i]!.role === role) return true;
  return false;
}

