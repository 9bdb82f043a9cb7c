import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isBoilerplate } from './boilerplate.js';
import rules from './boilerplate.json' with { type: 'json' };
import { domToText, type DomNode } from './dom-text.js';
import type { Extracted } from './extracted.js';
import { readHtmlMeta, stripBy, type MetaSource } from './html-meta.js';

/** Options of {@link extractHtml}. */
export interface HtmlOptions {
  /** The page's address: resolves a relative canonical link and is the URL when the page names none. */
  readonly url?: string;
}

/** Below this many characters the Readability result is replaced by the pruned body walk (when that finds text). */
const SHORT_ARTICLE = 250;

const PRUNE_SELECTOR = rules.prune.selectors.join(', ');

interface ParsedPage extends MetaSource {
  readonly body: DomNode | null;
}

/**
 * Extracts the article text and metadata from an HTML page: Readability for the main content, a boilerplate-pruned
 * body walk when Readability finds little or nothing. Scripts are never run (linkedom has no script engine).
 */
export function extractHtml(html: string, options: HtmlOptions = {}): Extracted {
  const page = parsePage(html);
  const meta = readHtmlMeta(page, options.url);
  // Readability mutates the tree it reads, so metadata is read first and the fallback re-parses when needed.
  const article = readArticle(page);
  let text = article.text;
  if (text.length < SHORT_ARTICLE) {
    // Readability keeps a short page whole, menus and all; the pruned body walk is cleaner there.
    const fallback = bodyText(parsePage(html));
    if (fallback) text = fallback;
  }
  const byline = meta.byline ?? stripBy(article.byline);
  return { text, meta: byline ? { ...meta, byline } : meta };
}

function parsePage(html: string): ParsedPage {
  const page = parseHTML(html).document as unknown as ParsedPage;
  if (page.documentElement?.nodeName.toUpperCase() === 'HTML') return page;
  // linkedom does not build <html>/<body> around a fragment the way browsers do, so the wrapper is added here.
  const wrapped = /<body[\s>]/i.test(html) ? `<html>${html}</html>` : `<html><head></head><body>${html}</body></html>`;
  return parseHTML(wrapped).document as unknown as ParsedPage;
}

/** Removes what is never article text before Readability walks the tree (selectors in boilerplate.json). */
function pruneForReadability(page: ParsedPage): void {
  const doc = page as unknown as { querySelectorAll(selector: string): Iterable<{ remove(): void }> };
  for (const el of [...doc.querySelectorAll(PRUNE_SELECTOR)]) el.remove();
}

function readArticle(page: ParsedPage): { text: string; byline?: string } {
  try {
    pruneForReadability(page);
    // Metadata, JSON-LD included, has already been read by readHtmlMeta.
    const result = new Readability(page as never, { serializer: (el) => el, disableJSONLD: true }).parse();
    const content = result?.content as DomNode | null | undefined;
    if (!content) return { text: '' };
    return { text: domToText(content), byline: result?.byline ?? undefined };
  } catch {
    // Readability can trip over odd trees; the body walk still gives the user something.
    return { text: '' };
  }
}

function bodyText(page: ParsedPage): string {
  // With <html> but no <body> tag, linkedom leaves the content beside an empty <body>.
  const body = bodyOf(page);
  const root = body ?? (page.documentElement as DomNode | null);
  return root ? domToText(root, { skip: isBoilerplate }) : '';
}

/** The page's <body> when it holds anything; linkedom's getter throws on a document without a root element. */
function bodyOf(page: ParsedPage): DomNode | null {
  try {
    return page.body && page.body.childNodes.length > 0 ? page.body : null;
  } catch {
    return null;
  }
}
