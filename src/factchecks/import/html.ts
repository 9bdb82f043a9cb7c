import { readClaimReviews } from './claimreview.js';
import { readUrl } from './clean.js';
import type { RecordOutcome } from './record.js';

// Pages are scanned as text, never parsed into a DOM or run: only the bodies of <script type="application/ld+json">
// elements are read, as JSON.
const LD_JSON_TYPE = /\btype\s*=\s*["']?\s*application\/ld\+json/i;
const CDATA = /^\s*(?:\/\*\s*)?<!\[CDATA\[(?:\s*\*\/)?|(?:\/\*\s*)?\]\]>(?:\s*\*\/)?\s*$/g;
const LINK_OR_META = /<(?:link|meta)\b[^<>]*>/gi;
const ATTRIBUTE = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g;

/**
 * The bodies of a page's JSON-LD scripts, in page order (a CDATA wrapper removed). One pass: each script's end is
 * found by searching forward from its start, and a script that never closes ends the scan (no rescanning, whatever the page).
 */
export function jsonLdScripts(html: string): string[] {
  const scripts: string[] = [];
  const open = /<script\b([^<>]*)>/gi;
  const close = /<\/script/gi;
  for (let m = open.exec(html); m !== null; m = open.exec(html)) {
    close.lastIndex = open.lastIndex;
    const end = close.exec(html);
    if (end === null) break;
    if (LD_JSON_TYPE.test(m[1]!)) scripts.push(html.slice(open.lastIndex, end.index).replace(CDATA, ''));
    open.lastIndex = end.index;
  }
  return scripts;
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(ATTRIBUTE)) out.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

/** The page's own address as it states it: `<link rel="canonical">`, else `<meta property="og:url">`; null when neither is an http(s) URL. */
export function statedPageUrl(html: string): string | null {
  let og: string | null = null;
  for (const m of html.matchAll(LINK_OR_META)) {
    const attrs = attributes(m[0]);
    if (m[0].slice(1, 5).toLowerCase() === 'link' && (attrs.get('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) {
      const url = readUrl(attrs.get('href'));
      if (url !== null) return url;
    }
    if (og === null && attrs.get('property') === 'og:url') og = readUrl(attrs.get('content'));
  }
  return og;
}

/**
 * The ClaimReviews of an HTML page (or of a page of many fact-checks): every JSON-LD script is read, and a script that
 * is not valid JSON is a skipped record (`script[2]`). A review without its own `url` takes the page's: `pageUrl` when
 * fetched, else its canonical link.
 */
export function readHtmlClaimReviews(html: string, pageUrl: string | null = null): RecordOutcome[] {
  const page = pageUrl ?? statedPageUrl(html);
  return jsonLdScripts(html).flatMap((source, i): RecordOutcome[] => {
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (err) {
      return [{ ok: false, skipped: { record: `script[${i}]`, code: 'E_FACTCHECK_INVALID', reason: `its JSON-LD is not valid JSON (${(err as Error).message})` } }];
    }
    return readClaimReviews(value, { rootPath: `script[${i}]`, pageUrl: page });
  });
}
