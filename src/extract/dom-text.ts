/** The minimal DOM surface the text walk needs (linkedom and browsers both provide it). */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

/** Options of {@link domToText}. */
export interface DomTextOptions {
  /** Elements for which this returns true are left out with everything inside them. */
  readonly skip?: (el: DomNode) => boolean;
}

const ELEMENT = 1;
const TEXT = 3;

/** Elements whose text is separated from its neighbours by a blank line. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV',
  'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);

/** Elements that never hold article text. */
const NEVER_TEXT = new Set([
  'AUDIO', 'BUTTON', 'CANVAS', 'EMBED', 'HEAD', 'IFRAME', 'INPUT', 'MAP', 'NOSCRIPT', 'OBJECT', 'OPTION', 'SCRIPT',
  'SELECT', 'STYLE', 'SVG', 'TEMPLATE', 'TEXTAREA', 'TITLE', 'VIDEO',
]);

/** Table cells: kept on one line, separated by a space. */
const CELLS = new Set(['TD', 'TH']);

type Step = { readonly node: DomNode; readonly exit: boolean };

/**
 * Turns a DOM subtree into article text: blocks separated by "\n\n", <br> as "\n", whitespace inside blocks
 * collapsed (except in <pre>), entities already decoded by the parser, no markup, trimmed.
 */
export function domToText(root: DomNode, options: DomTextOptions = {}): string {
  const blocks: string[] = [];
  let line = '';
  let preDepth = 0;
  const flush = (): void => {
    const block = preDepth > 0 ? line.replace(/^\n+|\s+$/g, '') : tidyBlock(line);
    if (block) blocks.push(block);
    line = '';
  };
  const stack: Step[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === TEXT) {
      const value = node.nodeValue ?? '';
      line += preDepth > 0 ? value : value.replace(/[ \t\n\r\f]+/g, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT && node !== root) continue;
    const name = node.nodeName.toUpperCase();
    if (exit) {
      if (CELLS.has(name)) line += ' ';
      if (BLOCKS.has(name)) flush();
      if (name === 'PRE') preDepth--;
      continue;
    }
    if (node.nodeType === ELEMENT && (NEVER_TEXT.has(name) || isHidden(node) || options.skip?.(node))) continue;
    if (name === 'BR') {
      line += '\n';
      continue;
    }
    if (BLOCKS.has(name)) flush();
    if (name === 'PRE') preDepth++;
    stack.push({ node, exit: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false });
  }
  flush();
  return blocks.join('\n\n');
}

/** Collapses spaces, trims around line breaks, keeps at most one blank line from repeated <br>. */
function tidyBlock(line: string): string {
  return line
    .replace(/ {2,}/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function isHidden(el: DomNode): boolean {
  if (!el.getAttribute) return false;
  if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}
