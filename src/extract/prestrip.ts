// A linear pass over the raw HTML that drops what is never article text before the page is parsed: every node the
// parser does not build is time the parser, the collector and Readability do not spend (scripts and styles are
// often half of a news page's bytes).

/** Elements dropped with everything inside them (JSON-LD scripts are kept: the metadata reader needs them). */
const INERT = ['script', 'style', 'noscript', 'svg', 'template'] as const;

/** Elements whose content the parser reads as text up to their closing tag: kept, and not searched for comments. */
const RAW_TEXT = ['title', 'textarea', 'xmp'] as const;

/**
 * A comment, a markup declaration or bogus comment (`<!doctype …>`, `<![CDATA[ …>`, `<!x …>`, `<?x …>`, `</ …>`: the
 * HTML tokenizer reads each of them to the first `>`), or an inert element.
 */
const OPENING = /<!--|<[!?]|<\/(?=[^a-z])|<(script|style|noscript|svg|template|title|textarea|xmp)(?=[\s/>])/gi;
const CLOSING = new Map([...INERT, ...RAW_TEXT].map((tag) => [tag, new RegExp(`</${tag}\\s*>`, 'gi')]));
const KEPT: ReadonlySet<string> = new Set(RAW_TEXT);
const JSON_LD = /type\s*=\s*["']?application\/ld\+json/i;

/**
 * Returns the HTML without comments, doctypes, CDATA sections and other bogus comments, scripts (except JSON-LD),
 * styles, <noscript>, inline SVG and <template>. An element left open runs to the end of the input, as a browser reads
 * an unclosed <script>. Linear in the input.
 *
 * Declarations and bogus comments are cut where a browser ends them (the first `>`), not where htmlparser2 does: it
 * runs `<![CDATA[` on to `]]>` and makes a comment of everything up to there, `-->` included, which linkedom then
 * serialises as it is, so the page no longer survives Readability's `innerHTML` round trip (see html.ts). CDATA
 * inside <math>, which a browser would show as text, is dropped too.
 */
export function stripInertHtml(html: string): string {
  const parts: string[] = [];
  let copied = 0;
  OPENING.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OPENING.exec(html)) !== null) {
    const start = m.index;
    const tag = m[1]?.toLowerCase();
    const end = tag ? elementEnd(html, start, tag) : m[0] === '<!--' ? commentEnd(html, start) : declarationEnd(html, start);
    OPENING.lastIndex = end;
    if (tag && (KEPT.has(tag) || (tag === 'script' && isJsonLd(html, start)))) continue;
    parts.push(html.slice(copied, start));
    copied = end;
  }
  if (copied === 0) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}

const COMMENT_CLOSE = /--!?>/g;

/** "<!-->" and "<!--->" close at once, and "--!>" closes a comment too, as browsers read them. */
function commentEnd(html: string, start: number): number {
  COMMENT_CLOSE.lastIndex = start + 2;
  const close = COMMENT_CLOSE.exec(html);
  return close ? close.index + close[0].length : html.length;
}

/** A declaration or bogus comment ends at the first `>` (the end of the input when there is none). */
function declarationEnd(html: string, start: number): number {
  const close = html.indexOf('>', start + 2);
  return close < 0 ? html.length : close + 1;
}

function isJsonLd(html: string, start: number): boolean {
  const tagEnd = html.indexOf('>', start);
  return JSON_LD.test(html.slice(start, tagEnd < 0 ? html.length : tagEnd));
}

/** Where an inert element ends, after its closing tag. */
function elementEnd(html: string, start: number, tag: string): number {
  const tagEnd = html.indexOf('>', start);
  if (tagEnd < 0) return html.length;
  if (html.charCodeAt(tagEnd - 1) === 0x2f && tag === 'svg') return tagEnd + 1; // <svg ... /> has no content
  const closing = CLOSING.get(tag as (typeof INERT)[number] | (typeof RAW_TEXT)[number])!;
  closing.lastIndex = tagEnd + 1;
  const close = closing.exec(html);
  return close ? close.index + close[0].length : html.length;
}

const JSON_LD_SCRIPT = /<script\b[^>]*ld\+json[^>]*>[\s\S]*?<\/script\s*>/gi;
const HOLDS_ARTICLE = /<(?:article|main|h1)[\s>]/i;

/**
 * Returns the HTML without the given always-boilerplate elements (nav, footer, aside), found by counting their
 * opening and closing tags; run it on {@link stripInertHtml}'s output, where no script or comment can fool the count.
 * An element whose close is missing, or which holds an <article>, <main> or <h1>, is left for the tree pruning; its
 * JSON-LD scripts are kept. Linear: after one unbalanced element, that tag is no longer stripped.
 */
export function stripBoilerplateBlocks(html: string, tags: readonly string[]): string {
  if (tags.length === 0) return html;
  const opening = new RegExp(`<(${tags.join('|')})(?=[\\s/>])`, 'gi');
  const balanced = new Set(tags.map((tag) => tag.toLowerCase()));
  const parts: string[] = [];
  let copied = 0;
  let m: RegExpExecArray | null;
  while ((m = opening.exec(html)) !== null) {
    const tag = m[1]!.toLowerCase();
    if (!balanced.has(tag)) continue;
    const end = balancedEnd(html, m.index, tag);
    if (end < 0) {
      balanced.delete(tag);
      continue;
    }
    const region = html.slice(m.index, end);
    opening.lastIndex = end;
    if (HOLDS_ARTICLE.test(region)) continue;
    parts.push(html.slice(copied, m.index), ...(region.match(JSON_LD_SCRIPT) ?? []));
    copied = end;
  }
  if (copied === 0) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}

/** The end of the element opened at `start`, after its matching closing tag; -1 when it is never closed. */
function balancedEnd(html: string, start: number, tag: string): number {
  const tags = new RegExp(`<(/?)${tag}(?=[\\s/>])[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 0;
  let m: RegExpExecArray | null;
  while ((m = tags.exec(html)) !== null) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}
