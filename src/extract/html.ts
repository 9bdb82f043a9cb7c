import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isFallbackBoilerplate } from './boilerplate.js';
import rules from './boilerplate.json' with { type: 'json' };
import { MAX_READABLE_DEPTH, nestsDeeperThan } from './depth.js';
import { domToText, type DomNode } from './dom-text.js';
import type { Extracted } from './extracted.js';
import { findArticleContainer, isolate, type ParentNode } from './focus.js';
import { readHtmlMeta, stripBy } from './html-meta.js';
import type { MetaElement } from './meta-scan.js';
import { stripBoilerplateBlocks, stripInertHtml } from './prestrip.js';
import { pruneBoilerplate, type PruneNode } from './prune.js';
import { keepRoundTrippable, type RemovableNode } from './round-trip.js';

/** Options of {@link extractHtml}. */
export interface HtmlOptions {
  /** The page's address: resolves a relative canonical link and is the URL when the page names none. */
  readonly url?: string;
}

/** Below this many characters the Readability result is replaced by the pruned body walk (when that finds text). */
const SHORT_ARTICLE = 250;

interface ParsedPage {
  readonly documentElement: (MetaElement & PruneNode) | null;
  readonly body: ParentNode | null;
}

/**
 * Extracts the article text and metadata from an HTML page in one parse: scripts, styles and comments are dropped
 * before parsing, metadata is read, boilerplate is pruned (boilerplate.json), Readability reads the neighbourhood of
 * the element holding most paragraphs; a short result is replaced by the pruned body walk. Scripts are never run.
 */
export function extractHtml(html: string, options: HtmlOptions = {}): Extracted {
  const page = parsePage(stripBoilerplateBlocks(stripInertHtml(html), rules.prestrip.tags));
  const root = page.documentElement;
  const meta = root ? readHtmlMeta(root, options.url) : {};
  if (root) pruneBoilerplate(root);
  // Readability mutates the tree it reads, so the body walk is taken first (it is cheap: no markup is built).
  const body = bodyOf(page);
  const fallback = body ? domToText(body, { skip: isFallbackBoilerplate }) : root ? domToText(root) : '';
  const container = body ? findArticleContainer(body, rules.focus) : null;
  if (container && body) isolate(container, body);
  // Readability puts the body back from its own serialisation between attempts: it must parse back the same (round-trip.ts).
  if (body) keepRoundTrippable(body as unknown as RemovableNode);
  // Markup nested deeper than any article's is read by the body walk alone (depth.ts): Readability's time grows with it.
  const article = root && nestsDeeperThan(root as unknown as DomNode, MAX_READABLE_DEPTH) ? { text: '' } : readArticle(page);
  // Readability keeps a short page whole, menus and all; the pruned body walk is cleaner there.
  const text = article.text.length < SHORT_ARTICLE && fallback ? fallback : article.text;
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

function readArticle(page: ParsedPage): { text: string; byline?: string } {
  try {
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

/** The page's <body> when it holds anything (with <html> but no <body> tag, linkedom leaves the content beside an
 * empty one); linkedom's getter throws on a document without a root element. */
function bodyOf(page: ParsedPage): ParentNode | null {
  try {
    return page.body && page.body.firstChild ? page.body : null;
  } catch {
    return null;
  }
}
