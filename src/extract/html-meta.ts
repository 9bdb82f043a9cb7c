import type { DocumentMeta } from '../core/document.js';
import { normaliseDate } from './dates.js';
import type { DomNode } from './dom-text.js';

/** The part of a parsed HTML document the metadata reader uses. */
export interface MetaSource {
  querySelector(selector: string): MetaElement | null;
  querySelectorAll(selector: string): ArrayLike<MetaElement>;
  readonly documentElement: MetaElement | null;
}

/** An element as the metadata reader sees it. */
export interface MetaElement extends DomNode {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}

type JsonObject = Record<string, unknown>;

/** Reads title, byline, published date, site, canonical URL and language from a parsed page's head and markup. */
export function readHtmlMeta(doc: MetaSource, pageUrl?: string): DocumentMeta {
  const ld = findArticleJsonLd(doc);
  const metas = metaMap(doc);
  const meta: Record<string, string | undefined> = {
    title: firstOf(metas.get('og:title'), text(ld?.headline), headingText(doc), stripSiteSuffix(textOf(doc.querySelector('title')))),
    byline: stripBy(firstOf(personName(metas.get('author')), authorNames(ld?.author), textOf(doc.querySelector('a[rel~="author"]')))),
    published: firstOf(...publishedCandidates(doc, metas, ld).map((value) => (value ? normaliseDate(value) : undefined))),
    site: firstOf(metas.get('og:site_name'), text(asObject(ld?.publisher)?.name), metas.get('application-name')),
    url: firstOf(resolveUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'), pageUrl), resolveUrl(metas.get('og:url'), pageUrl), resolveUrl(pageUrl)),
    language: primaryLanguage(doc.documentElement?.getAttribute('lang') ?? metas.get('content-language')),
  };
  return Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined)) as DocumentMeta;
}

/** Removes a leading "By " from a byline. */
export function stripBy(byline: string | undefined): string | undefined {
  const stripped = byline?.replace(/^\s*by[:\s]\s*/i, '').trim();
  return stripped || undefined;
}

function publishedCandidates(doc: MetaSource, metas: ReadonlyMap<string, string>, ld: JsonObject | undefined): (string | undefined)[] {
  return [
    metas.get('article:published_time'),
    text(ld?.datePublished),
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined,
    metas.get('date'),
    metas.get('pubdate'),
    metas.get('dc.date'),
    metas.get('dc.date.issued'),
  ];
}

/** Contents of <meta property|name|itemprop|http-equiv=key content=...>, keyed in lower case; the first one wins. */
function metaMap(doc: MetaSource): Map<string, string> {
  const map = new Map<string, string>();
  const els = doc.querySelectorAll('meta[content]');
  for (let i = 0; i < els.length; i++) {
    const el = els[i]!;
    const key = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? el.getAttribute('http-equiv');
    const content = text(el.getAttribute('content'));
    if (key && content && !map.has(key.trim().toLowerCase())) map.set(key.trim().toLowerCase(), content);
  }
  return map;
}

function headingText(doc: MetaSource): string | undefined {
  return textOf(doc.querySelector('h1'));
}

function textOf(el: MetaElement | null): string | undefined {
  return text(el?.textContent);
}

/** A trimmed, whitespace-collapsed string, or undefined for anything else or empty. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const collapsed = value.replace(/\s+/g, ' ').trim();
  return collapsed || undefined;
}

function firstOf(...values: (string | undefined)[]): string | undefined {
  return values.find((value) => value !== undefined);
}

/** "Harbour tolls rise | The Quay Gazette" → "Harbour tolls rise" (only when the tail is short, like a site name). */
function stripSiteSuffix(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const m = /^(.+?)\s+[|\-–—]\s+([^|\-–—]{1,40})$/.exec(title);
  return m && m[2]!.split(' ').length <= 5 ? m[1]!.trim() : title;
}

/** Facebook-style author URLs are not names. */
function personName(value: string | undefined): string | undefined {
  return value && !/^https?:\/\//i.test(value) ? value : undefined;
}

function authorNames(author: unknown): string | undefined {
  const list = Array.isArray(author) ? author : [author];
  const names = list.map((item) => text(typeof item === 'string' ? item : asObject(item)?.name)).filter((name) => name !== undefined);
  return names.length > 0 ? [...new Set(names)].join(', ') : undefined;
}

function resolveUrl(href: string | null | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** "en-GB" → "en"; anything that is not a language tag → undefined. */
function primaryLanguage(tag: string | null | undefined): string | undefined {
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag ?? '');
  return m ? m[1]!.toLowerCase() : undefined;
}

function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** The first JSON-LD object that looks like an article (or has a headline); bad JSON is skipped, never thrown. */
function findArticleJsonLd(doc: MetaSource): JsonObject | undefined {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  let fallback: JsonObject | undefined;
  for (let i = 0; i < scripts.length; i++) {
    for (const item of flattenJsonLd(parseJson(scripts[i]!.textContent ?? ''))) {
      if (isArticleType(item['@type'])) return item;
      if (!fallback && typeof item.headline === 'string') fallback = item;
    }
  }
  return fallback;
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
