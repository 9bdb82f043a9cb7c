// Features of one span in its article: its words, shape and length, the words around it, its sentence, punctuation,
// cue word groups, and how often it recurs in the article (Repetition is a document-level technique). Features are
// readable names (hashed later), so a prediction can be explained by the names that weighed most.
import { firstStartingFrom, type Range } from '../../../core/range.js';
import { hash1 } from '../../../learn/hashing.js';
import { tokenAt, type TextAnalysis, type Token } from '../../../nlp/tokens.js';
import { removeCommon, rowsOfToken, weightedAverage } from '../../../meaning/sentence.js';
import { getWordVectors, type WordTable } from '../../../meaning/vectors.js';
import cues from './cues.json' with { type: 'json' };

/** Feature groups that can be switched on or off (the training script measures each). */
export const FEATURE_GROUPS = ['words', 'bigrams', 'lemmas', 'length', 'chars', 'context', 'sentence', 'punct', 'repeat', 'cues', 'spans', 'vectors'] as const;
/** One of {@link FEATURE_GROUPS}. */
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

/** An article prepared once for classifying any number of its spans. */
export interface ArticleContext {
  readonly text: string;
  /** The text lower-cased, for counting repeats of a span's wording. */
  readonly lower: string;
  /** Non-space tokens. */
  readonly tokens: readonly Token[];
  /** Per token, the index of its sentence in `sentences`. */
  readonly sentenceOf: Int32Array;
  readonly sentences: readonly { readonly first: number; readonly end: number }[];
  /** How often each lemma occurs in the article. */
  readonly lemmaCounts: ReadonlyMap<string, number>;
  /** For the spans given with the article (a template): how many have each normalised wording, and each exact range. */
  readonly spanWordings: ReadonlyMap<string, number>;
  readonly spanRanges: ReadonlyMap<string, number>;
  /** The given spans, sorted by start, for nesting features. */
  readonly spanList: readonly Range[];
  /** Per span of spanList, the farthest end of it and the spans before it. */
  readonly spanReach: Float64Array;
  /** Per token, its rows in the word-vector table (see vectorRows), filled on first use: a sentence's tokens are looked up once, not once per span in it. */
  readonly vectorRows: (readonly number[] | undefined)[];
}

/** A span's features: names and values, parallel. */
export interface FeatureList {
  readonly names: string[];
  readonly values: number[];
}

const CUE_GROUPS = new Map<string, string[]>();
for (const group of cues.groups) for (const word of group.words) CUE_GROUPS.set(word, [...(CUE_GROUPS.get(word) ?? []), group.id]);

/** Lower-cased text with runs of whitespace made one space: the key under which repeats are counted. */
export function normaliseWording(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Prepares an article: its tokens without whitespace, sentence of each token, lemma counts, and the given spans. */
export function createArticleContext(text: string, analysis: TextAnalysis, spans: readonly Range[] = []): ArticleContext {
  const tokens = analysis.tokens.filter((t) => t.pos !== 'SPACE' && t.text.trim() !== '');
  const sentences = analysis.sentenceSpans;
  const sentenceOf = new Int32Array(tokens.length);
  let s = 0;
  tokens.forEach((t, i) => {
    while (s < sentences.length - 1 && sentences[s]!.end <= t.index) s++;
    sentenceOf[i] = s;
  });
  const lemmaCounts = new Map<string, number>();
  for (const t of tokens) lemmaCounts.set(t.lemma, (lemmaCounts.get(t.lemma) ?? 0) + 1);
  const spanWordings = new Map<string, number>();
  const spanRanges = new Map<string, number>();
  for (const span of spans) {
    const wording = normaliseWording(text.slice(span.start, span.end));
    spanWordings.set(wording, (spanWordings.get(wording) ?? 0) + 1);
    spanRanges.set(`${span.start}:${span.end}`, (spanRanges.get(`${span.start}:${span.end}`) ?? 0) + 1);
  }
  const spanList = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const spanReach = new Float64Array(spanList.length);
  spanList.forEach((span, i) => (spanReach[i] = Math.max(span.end, i > 0 ? spanReach[i - 1]! : -Infinity)));
  return { text, lower: text.toLowerCase(), tokens, sentenceOf, sentences, lemmaCounts, spanWordings, spanRanges, spanList, spanReach, vectorRows: new Array(tokens.length) };
}

function bucket(n: number, edges: readonly number[]): string {
  let i = 0;
  while (i < edges.length && n > edges[i]!) i++;
  return i === edges.length ? `>${edges.at(-1)}` : `<=${edges[i]}`;
}

/**
 * Repeats of a span's wording are counted within this many characters before and after it. Every article of the
 * training data (the longest is 48,292 characters) lies wholly inside that window, so its features are as before;
 * in a book-sized text, counting over the whole text for every span was quadratic.
 */
export const REPEAT_WINDOW = 50_000;

/** How often `needle` occurs in `hay` as whole words (not inside a longer word), at most `cap` times. */
function occurrences(hay: string, needle: string, cap: number): number {
  if (needle.length === 0) return 0;
  const letter = /[\p{L}\p{N}]/u;
  let n = 0;
  let scanned = 0; // bounds the work for a short needle found inside many words
  for (let at = hay.indexOf(needle); at >= 0 && n < cap && scanned++ < 200; at = hay.indexOf(needle, at + 1)) {
    if (!letter.test(hay[at - 1] ?? ' ') && !letter.test(hay[at + needle.length] ?? ' ')) n++;
  }
  return n;
}

const isWord = (t: Token) => /\p{L}|\p{N}/u.test(t.text);

/** Hyphenated compounds the tokenizer splits ("so - called" → "so-called"), lower-cased. */
function compounds(inside: readonly Token[]): string[] {
  const out: string[] = [];
  for (let i = 1; i + 1 < inside.length; i++) {
    const [a, dash, b] = [inside[i - 1]!, inside[i]!, inside[i + 1]!];
    if (dash.text === '-' && a.end === dash.start && dash.end === b.start) out.push(`${a.lower}-${b.lower}`);
  }
  return out;
}

function addWords(out: FeatureList, inside: readonly Token[], words: readonly Token[], groups: ReadonlySet<FeatureGroup>): void {
  const add = (name: string, value = 1) => (out.names.push(name), out.values.push(value));
  const weight = 1 / Math.sqrt(Math.max(1, words.length));
  for (const t of words) {
    if (groups.has('words')) add(`w=${t.lower}`, weight);
    if (groups.has('lemmas')) add(`l=${t.lemma}`, weight);
  }
  if (groups.has('bigrams')) for (let i = 1; i < words.length; i++) add(`b=${words[i - 1]!.lower} ${words[i]!.lower}`, weight);
  if (groups.has('words') && words.length > 0) {
    add(`first=${words[0]!.lower}`);
    add(`last=${words.at(-1)!.lower}`);
    if (words.length <= 4) add(`span=${words.map((t) => t.lower).join(' ')}`);
  }
  const joined = compounds(inside);
  if (groups.has('words')) for (const c of joined) add(`w=${c}`, weight);
  if (groups.has('cues')) {
    const fired = new Set<string>();
    for (const t of words) for (const g of CUE_GROUPS.get(t.lower) ?? CUE_GROUPS.get(t.lemma) ?? []) fired.add(g);
    for (const c of joined) for (const g of CUE_GROUPS.get(c) ?? []) fired.add(g);
    for (const g of fired) add(`cue=${g}`);
  }
}

function addShape(out: FeatureList, ctx: ArticleContext, range: Range, words: readonly Token[], groups: ReadonlySet<FeatureGroup>): void {
  const add = (name: string, value = 1) => (out.names.push(name), out.values.push(value));
  const text = ctx.text.slice(range.start, range.end);
  if (groups.has('length')) {
    add(`len=${bucket(words.length, [1, 2, 3, 5, 8, 13, 20, 30])}`);
    add(`pos=${words.slice(0, 4).map((t) => t.pos).join(' ')}${words.length > 4 ? ' …' : ''}`);
    for (const t of words) add(`posu=${t.pos}`, 1 / Math.sqrt(words.length));
    if (words.length > 0) add(`head=${words.at(-1)!.pos}`);
  }
  if (groups.has('punct')) {
    if (text.includes('!')) add('has=!');
    if (text.includes('?')) add('has=?');
    if (/["“”]/.test(text)) add('has=quote');
    if (/^["“‘']/.test(text)) add('starts=quote');
    if (words.some((t) => t.text.length > 1 && t.text === t.text.toUpperCase() && /\p{Lu}/u.test(t.text))) add('has=CAPS');
    if (words.length > 0 && words.every((t) => /^\p{Lu}/u.test(t.text))) add('all=Capitalised');
    if (ctx.text.slice(range.end, range.end + 2).includes('?')) add('then=?');
  }
  if (groups.has('chars') && words.length <= 3) {
    const padded = ` ${normaliseWording(text)} `;
    for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) add(`c=${padded.slice(i, i + n)}`, 0.3);
  }
}

function addContext(out: FeatureList, ctx: ArticleContext, first: number, end: number, groups: ReadonlySet<FeatureGroup>): void {
  const add = (name: string, value = 1) => (out.names.push(name), out.values.push(value));
  const { tokens } = ctx;
  if (groups.has('context')) {
    add(`prev=${tokens[first - 1]?.lower ?? '<s>'}`);
    add(`prev2=${tokens[first - 2]?.lower ?? '<s>'} ${tokens[first - 1]?.lower ?? '<s>'}`);
    add(`next=${tokens[end]?.lower ?? '</s>'}`);
    add(`next2=${tokens[end]?.lower ?? '</s>'} ${tokens[end + 1]?.lower ?? '</s>'}`);
  }
  if (groups.has('sentence') && first < tokens.length) {
    const sentence = ctx.sentences[ctx.sentenceOf[first]!]!;
    const lo = tokenIndexOf(ctx, sentence.first);
    const hi = tokenIndexOf(ctx, sentence.end);
    const outside = [...tokens.slice(lo, first), ...tokens.slice(end, hi)].filter(isWord);
    for (const t of outside) add(`s=${t.lemma}`, 0.3 / Math.sqrt(outside.length));
    const share = (end - first) / Math.max(1, hi - lo);
    add(`cover=${bucket(share, [0.2, 0.5, 0.8, 0.99])}`);
    if (ctx.sentenceOf[first] === 0) add('in=title');
  }
}

/** The index in ctx.tokens of the first non-space token at or after analysis token index `index`. */
function tokenIndexOf(ctx: ArticleContext, index: number): number {
  let lo = 0;
  let hi = ctx.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.tokens[mid]!.index < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function addRepeats(out: FeatureList, ctx: ArticleContext, range: Range, words: readonly Token[], groups: ReadonlySet<FeatureGroup>): void {
  const add = (name: string, value = 1) => (out.names.push(name), out.values.push(value));
  const wording = normaliseWording(ctx.text.slice(range.start, range.end));
  if (groups.has('repeat')) {
    const from = Math.max(0, range.start - REPEAT_WINDOW);
    const times = occurrences(ctx.lower.slice(from, range.end + REPEAT_WINDOW), wording, 6);
    const before = occurrences(ctx.lower.slice(from, range.start), wording, 3);
    const length = bucket(words.length, [1, 2, 4, 8]);
    add(`rep=${bucket(times, [1, 2, 3, 5])}`);
    add(`rep-len=${bucket(times, [1, 2, 3, 5])} ${length}`);
    add(`rep-before=${before}`);
    const content = words.filter((t) => t.lemma.length > 3);
    const repeated = content.filter((t) => (ctx.lemmaCounts.get(t.lemma) ?? 0) >= 3).length;
    if (content.length > 0) add(`rep-words=${bucket(repeated / content.length, [0, 0.34, 0.67, 0.99])}`);
    const most = content.reduce((m, t) => Math.max(m, ctx.lemmaCounts.get(t.lemma) ?? 0), 0);
    if (content.length > 0) add(`rep-max=${bucket(most, [1, 2, 3, 5, 8])} ${length}`);
  }
  if (groups.has('spans') && ctx.spanWordings.size > 0) {
    add(`spans-same-wording=${bucket((ctx.spanWordings.get(wording) ?? 1) - 1, [0, 1, 2])}`);
    add(`spans-same-range=${bucket(ctx.spanRanges.get(`${range.start}:${range.end}`) ?? 1, [1, 2])}`);
    addNesting(add, ctx.spanList, range, ctx.spanReach);
  }
}

/** Whether the span lies inside a longer given span, or holds shorter ones (a loaded word inside a fear appeal). */
function addNesting(add: (name: string) => void, spans: readonly Range[], range: Range, reach: Float64Array): void {
  let inside = false;
  let holds = 0;
  let overlaps = false;
  // Only spans starting before the range's end and ending after its start count; walking back from the last of the
  // former while some span at or before reaches past the range's start visits them all without the spans before.
  for (let i = firstStartingFrom(spans, range.end) - 1; i >= 0 && reach[i]! > range.start; i--) {
    const s = spans[i]!;
    if (s.end <= range.start || (s.start === range.start && s.end === range.end)) continue;
    if (s.start <= range.start && s.end >= range.end) inside = true;
    else if (s.start >= range.start && s.end <= range.end) holds++;
    else overlaps = true;
  }
  if (inside) add('nest=inside');
  if (holds > 0) add(`nest=holds ${bucket(holds, [1, 2])}`);
  if (overlaps) add('nest=overlaps');
}

/**
 * Scales of the vector features (a unit vector's components are small next to the 0/1 indicator features): the
 * span's own vector, and the vector of the rest of its sentence at less weight. Chosen by 7-fold cross-validation
 * over the train articles (model card): span 1 / 3 / 5 gave 0.646 / 0.650 / 0.648, the sentence's rest at 0.6 / 0.9 /
 * 1.5 / 3 beside span 3 gave 0.654 / 0.654 / 0.652 / 0.651.
 */
const SPAN_VECTOR_SCALE = 3;
const CONTEXT_VECTOR_SCALE = 0.9;

/**
 * Meaning as dense features: the SIF average of the tokens' word vectors (common component removed), scaled to
 * `scale` times unit length, one feature per dimension named `${prefix}${d}`. Words never seen in training still
 * land near the charged words they mean like, which the hashed word features cannot give. `ranges` are token index
 * ranges [first, end) of ctx.tokens, in order; the vector is meaning/sentence.ts's tokensVector of their tokens.
 */
function addVectors(out: FeatureList, ctx: ArticleContext, ranges: readonly (readonly [number, number])[], prefix: string, scale: number): void {
  const table = getWordVectors();
  const words: (readonly number[])[] = [];
  for (const [first, end] of ranges) for (let i = first; i < end; i++) words.push(vectorRows(ctx, table, i));
  const v = removeCommon(table, weightedAverage(table, words));
  let norm = 0;
  for (let d = 0; d < v.length; d++) norm += v[d]! * v[d]!;
  if (norm === 0) return;
  const k = scale / Math.sqrt(norm);
  const names = denseNames(prefix, v.length);
  for (let d = 0; d < v.length; d++) (out.names.push(names[d]!), out.values.push(v[d]! * k));
}

const NO_ROWS: readonly number[] = [];

/** A token's rows as tokensVector takes them: none for a token that is not a word or number (weightedAverage skips those), cached in the context. */
function vectorRows(ctx: ArticleContext, table: WordTable, i: number): readonly number[] {
  let rows = ctx.vectorRows[i];
  if (rows === undefined) {
    const t = ctx.tokens[i]!;
    rows = t.type === 'word' || t.type === 'number' ? rowsOfToken(table, t.lower, t.lemma) : NO_ROWS;
    ctx.vectorRows[i] = rows;
  }
  return rows;
}

/** The names `${prefix}0` … of dense features, built once and hashed once (see hashFeatures). */
const DENSE = new Map<string, string[]>();
const DENSE_HASHES = new Map<string, number>();
function denseNames(prefix: string, dims: number): string[] {
  let names = DENSE.get(prefix);
  if (!names || names.length < dims) {
    names = Array.from({ length: dims }, (_, d) => `${prefix}${d}`);
    DENSE.set(prefix, names);
    for (const name of names) DENSE_HASHES.set(name, hash1(0, name) | 0);
  }
  return names;
}

/** The features of the span `range` of an article. */
export function spanFeatures(ctx: ArticleContext, range: Range, groups: ReadonlySet<FeatureGroup>): FeatureList {
  const out: FeatureList = { names: [], values: [] };
  const first = tokenAt(ctx.tokens, range.start);
  let end = first;
  while (end < ctx.tokens.length && ctx.tokens[end]!.start < range.end) end++;
  const inside = ctx.tokens.slice(first, end);
  const words = inside.filter(isWord);
  addWords(out, inside, words, groups);
  addShape(out, ctx, range, words, groups);
  addContext(out, ctx, first, end, groups);
  addRepeats(out, ctx, range, words, groups);
  if (groups.has('vectors')) addVectors(out, ctx, [[first, end]], 'vec=', SPAN_VECTOR_SCALE);
  if (groups.has('vectors') && first < ctx.tokens.length) {
    const sentence = ctx.sentences[ctx.sentenceOf[first]!]!;
    const lo = tokenIndexOf(ctx, sentence.first);
    const hi = tokenIndexOf(ctx, sentence.end);
    addVectors(out, ctx, [[lo, Math.max(lo, first)], [end, Math.max(end, hi)]], 'cvec=', CONTEXT_VECTOR_SCALE);
  }
  return out;
}

/** Hashes feature names to buckets (the model masks them to its size). */
export function hashFeatures(list: FeatureList): { indices: Int32Array; values: Float32Array } {
  const { names } = list;
  const indices = new Int32Array(names.length);
  for (let k = 0; k < names.length; k++) {
    const name = names[k]!;
    // Only the dense names ('vec=…', 'cvec=…') are in DENSE_HASHES: other names skip the look-up that would miss.
    const dense = name.charCodeAt(0) === 118 || name.charCodeAt(0) === 99 ? DENSE_HASHES.get(name) : undefined;
    indices[k] = dense ?? hash1(0, name) | 0;
  }
  return { indices, values: Float32Array.from(list.values) };
}
