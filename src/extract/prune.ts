import { boilerplateRule } from './boilerplate.js';
import rules from './boilerplate.json' with { type: 'json' };
import type { DomNode } from './dom-text.js';
import { paragraphTextByElement } from './focus.js';

/** The DOM surface the pruning walk needs (linkedom and browsers both provide it). */
export interface PruneNode extends DomNode {
  readonly firstElementChild: PruneNode | null;
  readonly nextElementSibling: PruneNode | null;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  remove(): void;
}

/** Elements the walk leaves alone: the head is read for metadata, and its <title> by Readability. */
const KEEP = new Set(['HEAD', 'TITLE', 'BODY', 'HTML']);

/** Blocks of running text: class tokens do not apply to what is inside them. */
const TEXT_BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'TD', 'TH', 'DD', 'DT']);

const { paragraphShare, minParagraphText } = rules.guard;

/**
 * Removes boilerplate (navigation, footers, share bars, captions, hidden elements, "most read" boxes: rules in
 * boilerplate.json) from a parsed tree in one walk, so that neither Readability nor the body walk keeps it or spends
 * time on it. Linear in the tree.
 */
export function pruneBoilerplate(root: PruneNode): void {
  const counts = paragraphTextByElement(root);
  const total = counts.get(root) ?? 0;
  const guard = total >= minParagraphText ? paragraphShare * total : Infinity;
  const doomed: PruneNode[] = [];
  const stack: PruneNode[] = [];
  const inText: boolean[] = [];
  const push = (el: PruneNode, phrasing: boolean): void => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      stack.push(child);
      inText.push(phrasing);
    }
  };
  push(root, false);
  while (stack.length > 0) {
    const el = stack.pop()!;
    const phrasing = inText.pop()!;
    const name = el.nodeName.toUpperCase();
    if (!KEEP.has(name) && isPrunable(el, phrasing, (counts.get(el) ?? 0) < guard)) doomed.push(el);
    else push(el, phrasing || TEXT_BLOCKS.has(name));
  }
  for (const el of doomed) el.remove();
}

/**
 * Tag and role rules always apply; a class/id token does not inside running text (a "date" span in a sentence) nor
 * on an element holding a large share of the page's paragraphs (a "has-sidebar" article container).
 */
function isPrunable(el: PruneNode, phrasing: boolean, minor: boolean): boolean {
  if (isHidden(el)) return true;
  const rule = boilerplateRule(el);
  if (rule === null) return false;
  return rule !== 'token' || (!phrasing && minor);
}

/** Hidden by attribute or inline style: never shown to a reader. */
export function isHidden(el: DomNode): boolean {
  if (!el.getAttribute) return false;
  if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}
