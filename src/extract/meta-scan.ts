import type { DomNode } from './dom-text.js';

/** An element as the metadata scan sees it (linkedom and browsers both provide this). */
export interface MetaElement extends DomNode {
  readonly firstElementChild: MetaElement | null;
  readonly nextElementSibling: MetaElement | null;
  readonly firstChild: DomNode | null;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}

/** Where a page states its metadata, gathered in one walk over the tree; every field holds the first one found. */
export interface PageMarks {
  /** <meta property|name|itemprop|http-equiv=key content=...>, keyed in lower case. */
  readonly metas: Map<string, string>;
  /** itemprop values (content, datetime or short text), keyed in lower case, for elements that are not <meta>. */
  readonly itemprops: Map<string, string>;
  /** The text of every <script type="application/ld+json">. */
  readonly jsonLd: string[];
  title?: string;
  h1?: string;
  canonical?: string;
  /** The datetime of the first <time datetime> (a <time pubdate> wins). */
  time?: string;
  /** The text of the first <a rel="author">. */
  relAuthor?: string;
  /** A visible byline: an element classed "byline"/"author", or a short line that starts with "By ". */
  byline?: string;
  /** A visible date line: the text of an element classed "date", "timestamp", "published" or "dateline". */
  dateLine?: string;
  lang?: string;
}

/** Longest text taken as a byline or itemprop value: longer is an author box or a paragraph. */
const SHORT = 120;
const BYLINE_CLASS = /(?:^|[\s_-])(?:byline|by-line|author-name|author|authors)(?:$|[\s_-])/i;
const DATE_CLASS = /(?:^|[\s_-])(?:date|dateline|timestamp|published|pubdate)(?:$|[\s_-])/i;
const BY_LINE = /^\s*[Bb][Yy]\s+\p{Lu}/u;
/** A "By ..." line is a few names, not a sentence ("By Tuesday, the quay will reopen."). */
const BYLINE_WORDS = 10;

/** Walks the tree once and notes every place a title, author, date, site or canonical URL can be stated. */
export function scanPage(root: MetaElement): PageMarks {
  const marks: PageMarks = { metas: new Map(), itemprops: new Map(), jsonLd: [] };
  marks.lang = root.getAttribute('lang') ?? undefined;
  // Depth first in document order; `inText` says whether the element sits inside a paragraph.
  const stack: MetaElement[] = [root];
  const inText: boolean[] = [false];
  while (stack.length > 0) {
    const el = stack.pop()!;
    const phrasing = inText.pop()!;
    if (!phrasing) note(el, marks);
    else if (el.getAttribute('itemprop')) noteItemprop(el, el.getAttribute('itemprop')!, marks);
    const childPhrasing = phrasing || el.nodeName.toUpperCase() === 'P';
    const children: MetaElement[] = [];
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push(children[i]!);
      inText.push(childPhrasing);
    }
  }
  return marks;
}

function note(el: MetaElement, marks: PageMarks): void {
  const name = el.nodeName.toUpperCase();
  if (name === 'META') return noteMeta(el, marks);
  if (name === 'SCRIPT') {
    if (/ld\+json/i.test(el.getAttribute('type') ?? '')) marks.jsonLd.push(el.textContent ?? '');
    return;
  }
  if (name === 'TITLE') marks.title ??= el.textContent ?? undefined;
  else if (name === 'H1') marks.h1 ??= el.textContent ?? undefined;
  else if (name === 'LINK' && hasToken(el.getAttribute('rel'), 'canonical')) marks.canonical ??= el.getAttribute('href') ?? undefined;
  else if (name === 'TIME') noteTime(el, marks);
  else if (name === 'A' && hasToken(el.getAttribute('rel'), 'author')) marks.relAuthor ??= shortText(el);
  const prop = el.getAttribute('itemprop');
  if (prop) noteItemprop(el, prop, marks);
  if (marks.byline === undefined) marks.byline = visibleByline(el);
  if (marks.dateLine === undefined && DATE_CLASS.test(classesOf(el))) marks.dateLine = shortText(el);
}

/** A <meta> is noted under each of its names: property="article:published" itemprop="datePublished" gives two. */
function noteMeta(el: MetaElement, marks: PageMarks): void {
  const content = el.getAttribute('content')?.trim();
  if (!content) return;
  const keys = [el.getAttribute('property'), el.getAttribute('name'), el.getAttribute('http-equiv'), ...(el.getAttribute('itemprop') ?? '').split(/\s+/)];
  for (const key of keys) {
    const lower = key?.trim().toLowerCase();
    if (lower && !marks.metas.has(lower)) marks.metas.set(lower, content);
  }
}

function noteTime(el: MetaElement, marks: PageMarks): void {
  const datetime = el.getAttribute('datetime');
  if (!datetime) return;
  if (marks.time === undefined || el.getAttribute('pubdate') !== null) marks.time = datetime;
}

/** itemprop="author" often wraps itemprop="name": the name inside wins over the wrapper's text. */
function noteItemprop(el: MetaElement, prop: string, marks: PageMarks): void {
  const key = prop.trim().toLowerCase();
  if (marks.itemprops.has(key)) return;
  const named = key === 'author' || key === 'publisher' ? namedDescendant(el) : null;
  const value = named ? valueOf(named) : valueOf(el);
  if (value) marks.itemprops.set(key, value);
}

function valueOf(el: MetaElement): string | undefined {
  return el.getAttribute('content')?.trim() || el.getAttribute('datetime')?.trim() || shortText(el);
}

function namedDescendant(el: MetaElement): MetaElement | null {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (child.getAttribute('itemprop')?.trim().toLowerCase() === 'name') return child;
    const found = namedDescendant(child);
    if (found) return found;
  }
  return null;
}

/** A byline element's text, checked only where it can be one (so the walk stays linear). */
function visibleByline(el: MetaElement): string | undefined {
  const classes = classesOf(el);
  // A commenter's name is classed "comment-author".
  if (BYLINE_CLASS.test(classes)) return /comment/i.test(classes) ? undefined : shortText(el);
  const first = el.firstChild;
  if (first?.nodeType !== 3 || !BY_LINE.test(first.nodeValue ?? '')) return undefined;
  const line = shortText(el);
  return line && !/[.!?]$/.test(line) && line.split(' ').length <= BYLINE_WORDS ? line : undefined;
}

/** The element's text, whitespace collapsed, when it is short enough to be a name or a date. */
function shortText(el: MetaElement): string | undefined {
  const text = el.textContent?.replace(/\s+/g, ' ').trim();
  return text && text.length <= SHORT ? text : undefined;
}

function classesOf(el: MetaElement): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

function hasToken(value: string | null, token: string): boolean {
  return value !== null && value.toLowerCase().split(/\s+/).includes(token);
}
