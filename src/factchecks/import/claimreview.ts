import { firstOf, isObject, own, readDay, readName, readNumber, readSite, readText, readUrl } from './clean.js';
import { buildFactCheck, NO_FIELDS, type RecordOutcome } from './record.js';

type JsonObject = Record<string, unknown>;

/** Deepest nesting searched for ClaimReview objects: published markup nests a few levels; deeper is hostile or broken. */
export const MAX_JSON_LD_DEPTH = 64;

/** A ClaimReview object found in a JSON-LD value, with its JSON path (`$['@graph'][2]`). */
interface Found {
  readonly node: JsonObject;
  readonly path: string;
}

const CLAIM_REVIEW = /^(?:(?:https?:\/\/)?schema\.org\/|schema:)?ClaimReview$/;

/** True when a JSON-LD `@type` (a string or a list of them) names ClaimReview. */
export function isClaimReview(node: JsonObject): boolean {
  const type = own(node, '@type');
  return (Array.isArray(type) ? type : [type]).some((t) => typeof t === 'string' && CLAIM_REVIEW.test(t));
}

function childPath(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : /^[A-Za-z_]\w*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * Every ClaimReview in a JSON-LD value, in document order, wherever it sits: top level, arrays, `@graph`, a DataFeed's
 * `dataFeedElement[].item`, a page's `mainEntity` or `review`. A ClaimReview's own insides are not searched again.
 * The walk uses its own stack (no recursion) and stops at {@link MAX_JSON_LD_DEPTH}. Also returns the objects that
 * carry an `@id`, for references ("author": {"@id": "#org"}).
 */
function collect(root: unknown, rootPath: string): { found: Found[]; byId: Map<string, JsonObject> } {
  const found: Found[] = [];
  const byId = new Map<string, JsonObject>();
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: rootPath, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (depth > MAX_JSON_LD_DEPTH || value === null || typeof value !== 'object') continue;
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    if (!Array.isArray(value)) {
      const obj = value as JsonObject;
      const id = own(obj, '@id');
      if (typeof id === 'string' && Object.keys(obj).length > 1 && !byId.has(id)) byId.set(id, obj);
      if (isClaimReview(obj)) {
        found.push({ node: obj, path });
        continue;
      }
    }
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      if (child !== null && typeof child === 'object') stack.push({ value: child, path: childPath(path, key), depth: depth + 1 });
    }
  }
  return { found, byId };
}

/** Reads every ClaimReview of a parsed JSON-LD value (one object, an array, a @graph, a DataFeed). `pageUrl` stands in for a review without a `url`. */
export function readClaimReviews(root: unknown, options: { readonly rootPath?: string; readonly pageUrl?: string | null } = {}): RecordOutcome[] {
  const { found, byId } = collect(root, options.rootPath ?? '$');
  return found.map(({ node, path }) => buildFactCheck(claimReviewFields(node, byId, options.pageUrl ?? null), path));
}

/** Follows a reference (`{"@id": "#org"}`, or a bare "#org" string) to the object that carries that id; the first item of a list. */
function resolve(value: unknown, byId: ReadonlyMap<string, JsonObject>): JsonObject | undefined {
  const item = firstOf(value);
  if (typeof item === 'string') return byId.get(item);
  if (!isObject(item)) return undefined;
  const id = own(item, '@id');
  return typeof id === 'string' && own(item, 'name') === undefined ? (byId.get(id) ?? item) : item;
}

/** A language as a tag ("en") or as a schema.org Language object (its alternateName or name). */
function readLanguage(value: unknown): string | null {
  const item = firstOf(value);
  return isObject(item) ? (readText(own(item, 'alternateName')) ?? readText(own(item, 'name'))) : readText(item);
}

/** The fields of one ClaimReview object. */
function claimReviewFields(node: JsonObject, byId: ReadonlyMap<string, JsonObject>, pageUrl: string | null): typeof NO_FIELDS {
  const rating = resolve(own(node, 'reviewRating'), byId) ?? {};
  const org = resolve(own(node, 'author'), byId) ?? resolve(own(node, 'publisher'), byId);
  const item = resolve(own(node, 'itemReviewed'), byId) ?? {};
  const claimant = resolve(own(item, 'author'), byId) ?? own(item, 'author');
  return {
    ...NO_FIELDS,
    claim: readText(firstOf(own(node, 'claimReviewed'))),
    url: readUrl(own(node, 'url')) ?? pageUrl,
    ratingName: readText(own(rating, 'name')),
    ratingAlternateName: readText(own(rating, 'alternateName')),
    ratingValue: readNumber(own(rating, 'ratingValue')),
    bestRating: readNumber(own(rating, 'bestRating')),
    worstRating: readNumber(own(rating, 'worstRating')),
    publisherName: org ? readName(org) : null,
    publisherUrl: org ? readSite(own(org, 'url')) : null,
    date: readDay(own(node, 'datePublished')) ?? readDay(own(node, 'dateCreated')),
    language: readLanguage(own(node, 'inLanguage')),
    claimant: readName(claimant),
    claimDate: readDay(own(item, 'datePublished')) ?? readDay(own(item, 'dateCreated')),
    title: readText(firstOf(own(node, 'name'))) ?? readText(firstOf(own(node, 'headline'))),
  };
}
