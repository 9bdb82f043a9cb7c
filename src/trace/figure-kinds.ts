// Which figures are amounts. Node-free; shared by the comparison (similarity.ts) and the frame reading (frames.ts).

/** Kinds that name a point (a year, a rank) rather than an amount: they match only when equal and never mutate. */
const LABEL_KINDS: ReadonlySet<string> = new Set(['year', 'year-span', 'ordinal']);

/** Whether a figure is an amount that can be reworded and can mutate (a count, money, a share), not a year or a rank. */
export function isAmount(figure: { readonly kind: string }): boolean {
  return !LABEL_KINDS.has(figure.kind);
}
