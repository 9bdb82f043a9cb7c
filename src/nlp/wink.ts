import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Wink = ReturnType<typeof winkNLP>;
let instance: Wink | undefined;

/**
 * What claimtrace reads from wink-nlp: sentence boundaries, and the parts of speech the lemmas are chosen by. Its default
 * pipe also runs negation, sentiment, entity and custom-entity annotators whose results nothing here reads (entities
 * are claimtrace's own annotator): left out, tokens, types, parts of speech, lemmas and sentences are the same (236
 * news and PTC texts compared) and wink's share of the analysis is about a quarter shorter.
 */
export const WINK_PIPE = ['sbd', 'pos'] as const;

/** The one wink-nlp instance of this process (extra instances break custom patterns), created on first use. */
export function getWink(): Wink {
  instance ??= winkNLP(model, [...WINK_PIPE]);
  return instance;
}
