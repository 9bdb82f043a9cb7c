// The trained attribution tagger: loads the committed model once per process and tags a document's paragraphs.
import { readFileSync } from 'node:fs';
import { decode, type ChainModel } from '../../../learn/chain.js';
import { decodeModel, type ModelMeta } from '../../../learn/model-file.js';
import { buildSequences, sentenceIds, type FeatureInput } from './features.js';
import { groupSpans, spansOf, type TaggedAttribution } from './spans.js';

/** A loaded tagger: the chain model and the cue lemmas its features use. */
export interface AttributionTagger {
  readonly model: ChainModel;
  readonly cueLemmas: ReadonlySet<string>;
  readonly meta: ModelMeta;
}

/** Where the committed model lies (the same relative path from src/ and from dist/). */
export const DEFAULT_MODEL_URL = new URL('../../../../models/attribution-tagger.bin', import.meta.url);

/** Reads a tagger from a model file. */
export function loadAttributionTagger(file: URL | string = DEFAULT_MODEL_URL): AttributionTagger {
  const { model, meta } = decodeModel(readFileSync(file));
  return { model, meta, cueLemmas: new Set((meta.cueLemmas as string[] | undefined) ?? []) };
}

let shared: AttributionTagger | undefined;

/** The committed tagger, loaded on first use and shared by every pipeline of the process. */
export function defaultAttributionTagger(): AttributionTagger {
  shared ??= loadAttributionTagger();
  return shared;
}

/** What the tagger found in a document: attributions (token indices into `input.tokens`) and each token's label. */
export interface Tagging {
  readonly attributions: TaggedAttribution[];
  /** Per document token, the index of its label in LABELS (0, outside, for whitespace). */
  readonly labels: Uint8Array;
}

/**
 * True when a paragraph holds a cue candidate (an induced cue lemma, a colon or a quotation mark) or a token the rules
 * placed in an attribution: the tagger labels nothing else on the training side, so other paragraphs are skipped.
 */
function mayAttribute(tagger: AttributionTagger, input: Omit<FeatureInput, 'cueLemmas'>, ids: Int32Array): boolean {
  for (const i of ids) {
    const t = input.tokens[i]!;
    if (input.ruleRoles[i] || tagger.cueLemmas.has(t.lemma) || CUE_MARKS.has(t.text)) return true;
  }
  return false;
}

const CUE_MARKS = new Set([':', '“', '”', '"']);

/** Tags a document and groups the role spans into attributions. */
export function tagAttributions(tagger: AttributionTagger, input: Omit<FeatureInput, 'cueLemmas'>): Tagging {
  const sentenceOf = sentenceIds(input.tokens, input.sentences);
  const attributions: TaggedAttribution[] = [];
  const all = new Uint8Array(input.tokens.length);
  for (const seq of buildSequences({ ...input, cueLemmas: tagger.cueLemmas }, sentenceOf, (ids) => mayAttribute(tagger, input, ids))) {
    const labels = decode(tagger.model, seq);
    seq.tokens.forEach((token, k) => (all[token] = labels[k]!));
    for (const found of groupSpans(spansOf(seq, labels), (k) => sentenceOf[seq.tokens[k]!]!)) attributions.push(found);
  }
  return { attributions, labels: all };
}
