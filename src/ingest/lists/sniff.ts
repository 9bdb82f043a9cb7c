import { decodeBytes } from '../../extract/decode.js';
import { DOCTYPE_SOURCE } from './doctype.js';

/**
 * Tells, from an input's content (its extension and content type only as hints), whether it is an article, a list of
 * articles (feed, sitemap, URL list) or neither. Looks at the root element of markup and at the lines of a text; the
 * lists themselves are parsed by kept parsers (feedsmith, fast-xml-parser), never here.
 */

/** What an input turned out to be. */
export type Sniffed =
  | { readonly kind: 'article' }
  | { readonly kind: 'feed' }
  | { readonly kind: 'sitemap' }
  | { readonly kind: 'url-list' }
  | { readonly kind: 'unrecognised'; readonly reason: string };

/** How far into the text the markup sniffing looks. */
export const SNIFF_CHARS = 8192;

/** Same markers as the extractor's HTML sniffing (src/extract/extract-input.ts): markup that makes a page. */
const HTML_SNIFF = /<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article|h1|meta|title)[\s>]/i;
/** Leading declarations, processing instructions, comments and doctype before the root element. */
const PROLOG = new RegExp(String.raw`^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|${DOCTYPE_SOURCE})*`, 'i');
const ROOT = /^<([A-Za-z_][\w.:-]*)/;
const FEED_ROOTS = new Set(['rss', 'feed', 'rdf']);
const SITEMAP_ROOTS = new Set(['urlset', 'sitemapindex']);
const XML_TYPES = /^(?:application|text)\/(?:[\w.+-]*\+)?xml$/;
const JSON_TYPES = /^application\/(?:[\w.+-]*\+)?json$/;
/** An absolute http(s) URL alone on its line (surrounding whitespace aside). */
export const URL_LINE = /^https?:\/\/\S+$/i;

/**
 * What the bytes of an input are. Only the first {@link SNIFF_CHARS} bytes are decoded for an article, the whole input
 * for JSON and for a text whose first line is a URL. Undecodable bytes (binary, empty) are left to be an article, which
 * extraction then refuses with E_INPUT_BINARY or E_INPUT_EMPTY as before.
 */
export function sniffBytes(bytes: Uint8Array, hints: SniffHints = {}): { sniffed: Sniffed; text?: string } {
  const head = headText(bytes);
  const sniffed = sniffHead(head, hints);
  if (sniffed.kind !== 'article') return { sniffed };
  const json = head.replace(/^\uFEFF/, '').trimStart().startsWith('{') || isJsonType(hints.type);
  if (!json && !mayBeUrlList(head)) return { sniffed };
  const text = decodeOrUndefined(bytes);
  if (text === undefined) return { sniffed };
  if (json) return { sniffed: sniffJson(text, hints) ?? sniffed, text };
  return { sniffed: isUrlList(text) ? { kind: 'url-list' } : sniffed, text };
}

/**
 * The first {@link SNIFF_CHARS} bytes as text for sniffing only: UTF-16 by its byte order mark, else UTF-8 with
 * replacement characters (markup and URLs are ASCII in every encoding the extractor reads; binary matches nothing).
 * A tenth of the cost of the extractor's careful decoding, paid by every input.
 */
function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, SNIFF_CHARS);
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : undefined;
  return new TextDecoder(utf16 ?? 'utf-8').decode(head);
}

function decodeOrUndefined(bytes: Uint8Array): string | undefined {
  try {
    return decodeBytes(bytes, 'sniffed input');
  } catch {
    return undefined;
  }
}

function isJsonType(type: string | undefined): boolean {
  return type !== undefined && (JSON_TYPES.test(type.toLowerCase()) || type === 'json');
}

/** What the caller knows besides the content. */
export interface SniffHints {
  /** The media type, without parameters (from the server, or the extension: `text/plain`, `text/html`, `xml`). */
  readonly type?: string;
}

/**
 * Sniffs the start of a text (at least {@link SNIFF_CHARS} of it; the whole text for a URL list, see {@link isUrlList}).
 * Markup: a root `<rss>`, `<feed>` or `<rdf:RDF>` is a feed, `<urlset>` or `<sitemapindex>` a sitemap, HTML an article;
 * other markup that declares itself XML (a prolog, a namespace, an XML type or extension) is unrecognised. JSON:
 * a JSON Feed (`version` naming jsonfeed.org) is a feed, other JSON unrecognised. Other text is an article.
 */
export function sniffHead(head: string, hints: SniffHints = {}): Sniffed {
  const start = head.replace(/^\uFEFF/, '').trimStart();
  const type = hints.type?.toLowerCase();
  return start.startsWith('<') ? sniffMarkup(start, type) : { kind: 'article' };
}

function sniffMarkup(start: string, type: string | undefined): Sniffed {
  const prolog = PROLOG.exec(start)![0];
  const root = ROOT.exec(start.slice(prolog.length))?.[1];
  const local = root?.split(':').pop()?.toLowerCase();
  if (local && FEED_ROOTS.has(local) && (local !== 'rdf' || root!.includes(':'))) return { kind: 'feed' };
  if (local && SITEMAP_ROOTS.has(local)) return { kind: 'sitemap' };
  if (local === 'html' || type === 'text/html' || type === 'application/xhtml+xml') return { kind: 'article' };
  const declaredXml = /^<\?xml[\s?]/i.test(start) || (type !== undefined && (type === 'xml' || XML_TYPES.test(type))) || root?.includes(':') || /^<[^>]*\sxmlns[:=]/.test(start.slice(prolog.length));
  if (declaredXml && !HTML_SNIFF.test(start.slice(0, SNIFF_CHARS))) {
    return { kind: 'unrecognised', reason: root ? `XML whose root element <${root}> is no feed (RSS, Atom, RDF), no sitemap and no HTML page` : 'XML without a root element' };
  }
  return { kind: 'article' };
}

/**
 * A text that starts with `{` (or is typed JSON): a JSON Feed when it parses and names a jsonfeed.org version; other
 * JSON is unrecognised; text that does not parse is an article (unless typed JSON).
 */
export function sniffJson(text: string, hints: SniffHints = {}): Sniffed | undefined {
  const typedJson = isJsonType(hints.type);
  if (!text.replace(/^\uFEFF/, '').trimStart().startsWith('{') && !typedJson) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return typedJson ? { kind: 'unrecognised', reason: 'not valid JSON' } : { kind: 'article' };
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof version === 'string' && /jsonfeed\.org\/version\//i.test(version)) return { kind: 'feed' };
  return { kind: 'unrecognised', reason: 'JSON that is no JSON Feed (its "version" does not name jsonfeed.org)' };
}

/** The lines of a URL list that say something: trimmed, neither blank nor `#` comments, with their 1-based numbers. */
export function listLines(text: string): { number: number; line: string }[] {
  return [...eachListLine(text)];
}

/**
 * {@link listLines} one at a time: a list of a million lines is not held as a million entries while its links are
 * fetched (a 47 MB list took 740 MB).
 */
export function* eachListLine(text: string): Generator<{ number: number; line: string }> {
  const body = text.replace(/^\uFEFF/, '');
  const breaks = /\r\n|\r|\n/g;
  let number = 0;
  for (let start = 0; start <= body.length; ) {
    const found = breaks.exec(body);
    const end = found ? found.index : body.length;
    number++;
    const line = body.slice(start, end).trim();
    if (line !== '' && !line.startsWith('#')) yield { number, line };
    if (!found) break;
    start = breaks.lastIndex;
  }
}

/** True when the first line that says something is a URL: the cheap test before {@link isUrlList} reads the whole text. */
export function mayBeUrlList(head: string): boolean {
  const first = listLines(head.slice(0, SNIFF_CHARS))[0];
  return first !== undefined && URL_LINE.test(first.line);
}

/**
 * A URL list: its first line that says something is an absolute http(s) URL and so are at least half of those lines
 * (blank lines and `#` comments aside). An article's text starts with a headline or prose and has a link on a line of
 * its own rarely, so it stays an article; a list with a few broken lines stays a list, each broken line a failure.
 */
export function isUrlList(text: string): boolean {
  let lines = 0;
  let urls = 0;
  for (const { line } of eachListLine(text)) {
    const url = URL_LINE.test(line);
    if (lines === 0 && !url) return false;
    lines++;
    if (url) urls++;
  }
  return lines > 0 && urls * 2 >= lines;
}

/**
 * True when the first bytes of an input may start a list (a feed, a sitemap, a JSON Feed or a URL list): such an input
 * may be read up to the larger limit of lists; anything else is held to the article limit.
 */
export function mayBeList(head: Uint8Array): boolean {
  const text = headText(head);
  const kind = sniffHead(text).kind;
  return kind === 'feed' || kind === 'sitemap' || text.replace(/^\uFEFF/, '').trimStart().startsWith('{') || mayBeUrlList(text);
}
