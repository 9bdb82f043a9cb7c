import type { DomNode } from './dom-text.js';

/**
 * How deep an element tree may nest before Readability is skipped for the pruned body walk. Readability's cleaning
 * walks every descendant of every candidate container, so its time grows with elements × depth: hostile markup of a
 * few thousand nested lists or divs took minutes (50,000 characters of nested <ul><li>: 150 s). Below the limit its time
 * stays within a constant of the page's size. The 91 pages of the article-extraction benchmark nest 16 levels at the
 * median and 51 at the deepest (`node --import tsx scripts/html-depths.ts`).
 */
export const MAX_READABLE_DEPTH = 128;

/** True when some element of the tree under `root` lies more than `limit` levels below it. */
export function nestsDeeperThan(root: DomNode, limit: number): boolean {
  return treeDepth(root, limit) > limit;
}

/**
 * The depth of the deepest element under `root` (0 for a leaf); linear, without recursion. The walk stops at the first
 * element deeper than `stopAbove`, whose depth it then returns.
 */
export function treeDepth(root: DomNode, stopAbove = Infinity): number {
  let deepest = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAbove) return deepest;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) if (children[i]!.nodeType === 1) stack.push([children[i]!, depth + 1]);
  }
  return deepest;
}
