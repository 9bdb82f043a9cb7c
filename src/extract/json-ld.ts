// JSON-LD as news sites publish it: one object, an array, or a @graph (Yoast and others) whose article points at its
// author and publisher by "@id"; authors as a string, an object or an array of either.

/** What the metadata reader takes from a page's JSON-LD article. */
export interface ArticleLd {
  readonly headline?: string;
  /** Author names, de-duplicated, in order. */
  readonly authors: readonly string[];
  readonly datePublished?: string;
  readonly publisher?: string;
}

type JsonObject = Record<string, unknown>;

/** The first article-like object (NewsArticle, BlogPosting, Report...; else the first with a headline) of the scripts. */
export function readArticleJsonLd(sources: readonly string[]): ArticleLd | undefined {
  const nodes = sources.flatMap((source) => flattenJsonLd(parseJson(source)));
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) if (typeof node['@id'] === 'string' && !byId.has(node['@id'])) byId.set(node['@id'], node);
  const article = nodes.find((node) => isArticleType(node['@type'])) ?? nodes.find((node) => typeof node.headline === 'string');
  if (!article) return undefined;
  const resolve = (value: unknown): JsonObject | undefined => {
    const obj = asObject(value);
    const ref = obj && typeof obj['@id'] === 'string' && obj.name === undefined ? byId.get(obj['@id']) : undefined;
    return ref ?? obj;
  };
  const authors = (Array.isArray(article.author) ? article.author : [article.author])
    .map((item) => text(typeof item === 'string' ? item : nameOf(resolve(item))))
    .filter((name): name is string => name !== undefined);
  return {
    headline: text(article.headline),
    authors: [...new Set(authors)],
    datePublished: text(article.datePublished),
    publisher: text(nameOf(resolve(article.publisher))),
  };
}

/** A name given as a string or, as some sites do, as a list of strings. */
function nameOf(obj: JsonObject | undefined): unknown {
  return Array.isArray(obj?.name) ? obj.name.find((name) => typeof name === 'string') : obj?.name;
}

function parseJson(source: string): unknown {
  try {
    return JSON.parse(source);
  } catch {
    return undefined;
  }
}

/** Objects of a JSON-LD value, following top-level arrays and @graph one level deep. */
function flattenJsonLd(value: unknown): JsonObject[] {
  const out: JsonObject[] = [];
  for (const item of Array.isArray(value) ? value : [value]) {
    const obj = asObject(item);
    if (!obj) continue;
    out.push(obj);
    if (Array.isArray(obj['@graph'])) for (const node of obj['@graph']) if (asObject(node)) out.push(node as JsonObject);
  }
  return out;
}

function isArticleType(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && /(Article|BlogPosting|Report)$/.test(t));
}

function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** A trimmed, whitespace-collapsed string, or undefined for anything else or empty. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const collapsed = value.replace(/\s+/g, ' ').trim();
  return collapsed || undefined;
}
