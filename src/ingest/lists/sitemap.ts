import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ClaimtraceError } from '../../core/errors.js';
import type { SourceMeta } from '../source.js';
import { absoluteHttp, isoDate, siteOf } from './feed.js';

/** One `<url>` of a `<urlset>`: its location as written and what a Google News sitemap adds (title, publication date). */
export interface SitemapUrl {
  readonly loc?: string;
  readonly title?: string;
  readonly published?: string;
}

/** A sitemap: a `<urlset>` of pages, or a `<sitemapindex>` of child sitemaps. */
export type Sitemap = { readonly kind: 'urlset'; readonly urls: SitemapUrl[] } | { readonly kind: 'index'; readonly sitemaps: string[] };

type Node = Record<string, unknown>;

/**
 * The parser keeps element names as written (`news:news`), reads every value as a string, and never expands entities
 * declared in a DOCTYPE (billion laughs): sitemaps need only the five XML entities.
 */
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

/** Parses a sitemap (sitemaps.org 0.9, with the Google News extension); E_LIST_INVALID for XML that is broken or not a sitemap. */
export function parseSitemap(text: string, label: string): Sitemap {
  const body = text.replace(/^\uFEFF/, '').replace(/<!DOCTYPE(?:[^<>[\]]|\[[\s\S]*?\])*>/i, '');
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new ClaimtraceError('E_LIST_INVALID', { input: label, kind: 'sitemap', reason: `${valid.err.msg} (line ${valid.err.line})` });
  const doc = parser.parse(body) as Node;
  const root = Object.keys(doc).find((key) => /(^|:)(urlset|sitemapindex)$/.test(key));
  if (!root) throw new ClaimtraceError('E_LIST_INVALID', { input: label, kind: 'sitemap', reason: 'its root element is neither <urlset> nor <sitemapindex>' });
  const content = (doc[root] ?? {}) as Node;
  if (root.endsWith('sitemapindex')) return { kind: 'index', sitemaps: asArray(content.sitemap).map((s) => str((s as Node).loc) ?? '') };
  return { kind: 'urlset', urls: asArray(content.url).map(urlEntry) };
}

function urlEntry(value: unknown): SitemapUrl {
  const node = (value ?? {}) as Node;
  const news = (node['news:news'] ?? {}) as Node;
  return { loc: str(node.loc), title: str(news['news:title']), published: str(news['news:publication_date']) };
}

/** The link and metadata of one sitemap URL, or the reason it is refused. */
export function sitemapLink(url: SitemapUrl, base: string | undefined): { link: string; meta: SourceMeta } | { reason: string } {
  const link = absoluteHttp(url.loc, base);
  if (!link) return { reason: url.loc ? `its <loc> "${url.loc}" is not an http(s) URL` : 'it has no <loc>' };
  return { link, meta: { url: link, site: siteOf(link), title: url.title, published: isoDate(url.published) } };
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
