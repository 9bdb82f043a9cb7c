import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type winkNLPType from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Wink = ReturnType<typeof winkNLPType>;
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
  instance ??= contextFreeWinkNLP()(model, [...WINK_PIPE]);
  return instance;
}

/** What claimtrace touches of wink-nlp 2.4's internals: the lexeme cache, and the wrapper its tokenizer adds tokens through. */
interface LexemeCache {
  lookup(text: string): number[] | null;
  intrinsicSize(): number;
}
interface TokenizerDocData {
  isLexeme(text: string): number[] | null;
  _addTokenIfInCache(text: string, precedingSpaces: number, nbsp: unknown): number | boolean;
}
type DocDataWrapper = (data: { cache: LexemeCache }) => TokenizerDocData;

/**
 * wink-nlp's tokenizer asks its lexeme cache whether a piece of a word ("year's" of "year's.") is a known word before
 * it splits it, and the cache also answers yes for every out-of-vocabulary word met earlier in the process. So "last
 * year's." became one token "year's" (a proper noun) after any text that had "year's" in it, and two tokens ("year",
 * "'s") otherwise: a document's tokens, and everything read from them, depended on what the process had read before
 * (found on issue 13's news: t252 analysed before t500 changed t500's numeric findings). This loads a private copy of
 * wink-nlp whose tokenizer (src/dd-wrapper.js, the only way it reaches the cache) takes a word the process met as one
 * it has not met, which is what a fresh process answers: tokens then depend on the text alone. The cache itself is
 * unchanged (a met word's features are computed once; parts of speech and lemmas read them as before), and other
 * importers of wink-nlp get the package as it is.
 */
function contextFreeWinkNLP(): typeof winkNLPType {
  const require = createRequire(import.meta.url);
  const main = require.resolve('wink-nlp');
  const wrapperPath = join(dirname(main), 'dd-wrapper.js');
  const original = require(wrapperPath) as DocDataWrapper;
  const wrapperModule = require.cache[wrapperPath]!;
  const loadedMain = require.cache[main];
  const contextFree: DocDataWrapper = (data) => {
    const wrapped = original(data);
    const cache = data.cache;
    const intrinsic = cache.intrinsicSize();
    // An index at or past the intrinsic size is a word this process met, not one of the model's.
    const met = (text: string): boolean => {
      const found = cache.lookup(text);
      return found !== null && found.length === 1 && found[0]! >= intrinsic;
    };
    const isLexeme = wrapped.isLexeme;
    const addIfKnown = wrapped._addTokenIfInCache;
    wrapped.isLexeme = (text) => (met(text) ? null : isLexeme(text));
    // 0 is wink's "not added" (its UNK category): the tokenizer then splits or adds the piece itself.
    wrapped._addTokenIfInCache = (text, precedingSpaces, nbsp) => (met(text) ? 0 : addIfKnown(text, precedingSpaces, nbsp));
    return wrapped;
  };
  wrapperModule.exports = contextFree;
  delete require.cache[main];
  try {
    return require(main) as typeof winkNLPType;
  } finally {
    wrapperModule.exports = original;
    if (loadedMain) require.cache[main] = loadedMain;
    else delete require.cache[main];
  }
}
