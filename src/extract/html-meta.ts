import type { DocumentMeta } from '../core/document.js';
import { findDate, normaliseDate } from './dates.js';
import { readArticleJsonLd, type ArticleLd } from './json-ld.js';
import { scanPage, type MetaElement, type PageMarks } from './meta-scan.js';

/**
 * Reads title, byline, published date, site, canonical URL and language from a parsed page: meta tags (Open Graph,
 * Twitter, article:, Dublin Core), JSON-LD (@graph and author arrays included), microdata, <time>, rel=author and a
 * visible "By ..." line, each field from the most reliable place that states it.
 */
export function readHtmlMeta(root: MetaElement, pageUrl?: string): DocumentMeta {
  const marks = scanPage(root);
  const ld = readArticleJsonLd(marks.jsonLd);
  const { metas, itemprops } = marks;
  const site = firstOf(text(metas.get('og:site_name')), ld?.publisher, text(itemprops.get('publisher')), text(metas.get('application-name')));
  const title = firstOf(text(metas.get('og:title')), text(metas.get('twitter:title')), ld?.headline, text(itemprops.get('headline')), text(marks.h1), stripSiteSuffix(text(marks.title)));
  const meta: Record<string, string | undefined> = {
    title: stripSiteName(title, site),
    byline: bylineOf(marks, ld),
    // A visible date line gives the day only: its time of day has no stated zone.
    published: firstOf(...publishedCandidates(marks, ld).map(plausibleDate), findDate(marks.dateLine ?? '')?.iso),
    site,
    url: firstOf(resolveUrl(marks.canonical, pageUrl), resolveUrl(metas.get('og:url'), pageUrl), resolveUrl(pageUrl)),
    language: primaryLanguage(marks.lang ?? metas.get('content-language')),
  };
  return Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined)) as DocumentMeta;
}

function bylineOf(marks: PageMarks, ld: ArticleLd | undefined): string | undefined {
  const { metas, itemprops } = marks;
  const candidates = [metas.get('author'), ld?.authors.join(', '), itemprops.get('author'), metas.get('article:author'), metas.get('dc.creator'), metas.get('byl'), marks.relAuthor, marks.byline];
  return firstOf(...candidates.map((value) => cleanByline(stripBy(personName(text(value))))));
}

/** A byline element's text often runs on into the date: "Jeff Foust Monday, November 18, 2019", "X - 2019-04-10". */
function cleanByline(byline: string | undefined): string | undefined {
  if (!byline) return undefined;
  const date = findDate(byline);
  const names = (date ? byline.slice(0, date.start) : byline)
    .replace(/\b(?:published|updated|posted)\b.*$/i, '')
    .replace(/(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)?[\s,|:–—-]*$/i, '')
    .trim();
  return names || undefined;
}

/** Removes a leading "By " from a byline. */
export function stripBy(byline: string | undefined): string | undefined {
  const stripped = byline?.replace(/^\s*by[:\s]\s*/i, '').trim();
  return stripped || undefined;
}

/** Placeholders such as "0001-01-01T00:00:00Z" are not publication dates. */
const EARLIEST_YEAR = 1900;

function plausibleDate(value: string | undefined): string | undefined {
  const iso = value ? normaliseDate(value) : undefined;
  return iso && Number(iso.slice(0, 4)) >= EARLIEST_YEAR ? iso : undefined;
}

function publishedCandidates(marks: PageMarks, ld: ArticleLd | undefined): (string | undefined)[] {
  const { metas, itemprops } = marks;
  return [
    metas.get('article:published_time'),
    metas.get('article:published'),
    ld?.datePublished,
    metas.get('datepublished'),
    itemprops.get('datepublished'),
    metas.get('og:published_time'),
    marks.time,
    metas.get('date'),
    metas.get('pubdate'),
    metas.get('publishdate'),
    metas.get('dc.date'),
    metas.get('dc.date.issued'),
    metas.get('dcterms.date'),
    metas.get('parsely-pub-date'),
    metas.get('sailthru.date'),
  ];
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

/** "Tolls rise - Harbour Times" → "Tolls rise" when the page names its site "Harbour Times". */
function stripSiteName(title: string | undefined, site: string | undefined): string | undefined {
  if (!title || !site || title.length <= site.length) return title;
  const tail = title.slice(title.length - site.length);
  const head = title.slice(0, title.length - site.length);
  const m = /^(.+?)\s*[|\-–—:]\s*$/.exec(head);
  return m && tail.toLowerCase() === site.toLowerCase() ? m[1] : title;
}

/** Facebook-style author URLs are not names. */
function personName(value: string | undefined): string | undefined {
  return value && !/^(?:https?:\/\/|www\.|@)/i.test(value) ? value : undefined;
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
