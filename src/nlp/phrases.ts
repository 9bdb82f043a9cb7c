import type { Token } from './tokens.js';
import { getWink } from './wink.js';

/** A phrase match over tokens: `[first, end)` token indices and the entry that matched. */
export interface PhraseMatch<E> {
  readonly first: number;
  readonly end: number;
  readonly entry: E;
}

/** Which token field phrases are compared on. */
export type MatchKey = 'lower' | 'lemma' | 'text';

interface Node<E> {
  next: Map<string, Node<E>>;
  entry: E | undefined;
}

/** Matches many phrases at once (a token trie), longest match first, left to right, without overlaps. */
export interface PhraseMatcher<E> {
  /** All non-overlapping matches in tokens `[from, to)`. */
  findAll(tokens: readonly Token[], from?: number, to?: number): PhraseMatch<E>[];
  /** The longest match starting exactly at token `at`, if any. */
  matchAt(tokens: readonly Token[], at: number, to?: number): PhraseMatch<E> | undefined;
}

/** Tokenises a phrase the way documents are tokenised, so phrase and text tokens line up. */
export function phraseTokens(phrase: string): string[] {
  return (getWink().readDoc(phrase).tokens().out() as string[]);
}

/** Builds a matcher from entries; `phraseOf` gives each entry's phrases (an entry may have several). */
export function createPhraseMatcher<E>(
  entries: readonly E[],
  phraseOf: (entry: E) => readonly string[],
  key: MatchKey = 'lower',
): PhraseMatcher<E> {
  // Every node is made with both fields, so that all of them share one shape (reading `entry` stays monomorphic).
  const root: Node<E> = { next: new Map(), entry: undefined };
  const norm = (s: string) => (key === 'text' ? s : s.toLowerCase());
  for (const entry of entries) {
    for (const phrase of phraseOf(entry)) {
      let node = root;
      for (const tok of phraseTokens(phrase)) {
        const k = norm(tok);
        let child = node.next.get(k);
        if (!child) node.next.set(k, (child = { next: new Map(), entry: undefined }));
        node = child;
      }
      node.entry ??= entry;
    }
  }
  const matchAt = (tokens: readonly Token[], at: number, to = tokens.length): PhraseMatch<E> | undefined => {
    let node: Node<E> | undefined = root;
    let best: PhraseMatch<E> | undefined;
    for (let i = at; i < to && node; i++) {
      node = node.next.get(fieldOf(tokens[i]!, key));
      if (node?.entry !== undefined) best = { first: at, end: i + 1, entry: node.entry };
    }
    return best;
  };
  return {
    matchAt,
    findAll(tokens, from = 0, to = tokens.length) {
      const out: PhraseMatch<E>[] = [];
      for (let i = from; i < to; i++) {
        const m = matchAt(tokens, i, to);
        if (m) {
          out.push(m);
          i = m.end - 1;
        }
      }
      return out;
    },
  };
}

/**
 * The compared field of a token, read by name: `token[key]` with the key varying between matchers made that read
 * megamorphic, a dictionary look-up per token tried, in the matcher every annotator runs over every token.
 */
function fieldOf(token: Token, key: MatchKey): string {
  return key === 'lower' ? token.lower : key === 'lemma' ? token.lemma : token.text;
}
