import type { PruneNode } from './prune.js';

/** Where the article's paragraphs are: options of {@link findArticleContainer}. */
export interface FocusOptions {
  /** Share of the page's <p> text the container must hold (0.9: nine tenths). */
  readonly paragraphShare: number;
  /** How many levels to widen the container by (a standfirst often sits beside the body container). */
  readonly levelsUp: number;
  /** Below this many characters of <p> text the page is left whole (its text is not in paragraphs). */
  readonly minParagraphText: number;
}

/** Characters of <p> text under each element of a subtree (elements without any are absent). */
export function paragraphTextByElement(root: PruneNode): Map<PruneNode, number> {
  const counts = new Map<PruneNode, number>();
  const order: PruneNode[] = [];
  const stack: PruneNode[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.nodeName.toUpperCase() === 'P') {
      const length = el.textContent?.length ?? 0;
      // Every ancestor up to the root gets the paragraph's length, added bottom-up below.
      if (length > 0) counts.set(el, length);
      continue;
    }
    order.push(el);
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) stack.push(child);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    let sum = 0;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) sum += counts.get(child) ?? 0;
    if (sum > 0) counts.set(el, sum);
  }
  return counts;
}

/**
 * The element under `body` that holds most of the page's paragraphs: the deepest one holding `paragraphShare` of the
 * <p> text, widened by `levelsUp`; null when that is the body itself or the page has too little <p> text.
 */
export function findArticleContainer(body: PruneNode, options: FocusOptions): PruneNode | null {
  const counts = paragraphTextByElement(body);
  const total = counts.get(body) ?? 0;
  if (total < options.minParagraphText) return null;
  const path: PruneNode[] = [body];
  for (;;) {
    let next: PruneNode | null = null;
    const current = path[path.length - 1]!;
    for (let child = current.firstElementChild; child && !next; child = child.nextElementSibling) {
      if ((counts.get(child) ?? 0) >= options.paragraphShare * total) next = child;
    }
    if (!next || next.nodeName.toUpperCase() === 'P') break;
    path.push(next);
  }
  const container = path[Math.max(0, path.length - 1 - options.levelsUp)]!;
  return container === body ? null : container;
}

/** Leaves `container` as the only child of `body`, so that Readability reads the article's neighbourhood only. */
export function isolate(container: PruneNode, body: ParentNode): void {
  container.remove();
  while (body.firstChild) body.firstChild.remove();
  body.appendChild(container);
}

/** An element that children can be appended to. */
export interface ParentNode extends PruneNode {
  readonly firstChild: { remove(): void } | null;
  appendChild(node: PruneNode): unknown;
}
